"""Forms for needs (``needs``), invitations and the volunteer's answer (``invitations``), the
safeguards before pairing (``safeguards``), pairings (``assignments``) and follow-ups
(``follow_up``); ``layout`` holds what they share. The profile and registry forms are in their
own areas."""

from volunteers.needs.forms.assignments import EndForm, PairingForm, PauseForm
from volunteers.needs.forms.follow_up import FollowUpPlanForm, FollowUpRecordForm
from volunteers.needs.forms.invitations import AnswerForm, AnswerForVolunteerForm, InviteForm
from volunteers.needs.forms.layout import DATE
from volunteers.needs.forms.needs import (
    ONE_LINE,
    PHONE_FIELDS,
    TIMES,
    NeedFilterForm,
    NeedForm,
    PublicNeedForm,
    StepForm,
)
from volunteers.needs.forms.safeguards import (
    SafeguardNoteForm,
    extra_check_form,
    service_clarified_form,
)

__all__ = [
    "DATE",
    "ONE_LINE",
    "PHONE_FIELDS",
    "TIMES",
    "AnswerForVolunteerForm",
    "AnswerForm",
    "EndForm",
    "FollowUpPlanForm",
    "FollowUpRecordForm",
    "InviteForm",
    "NeedFilterForm",
    "NeedForm",
    "PairingForm",
    "PauseForm",
    "PublicNeedForm",
    "SafeguardNoteForm",
    "StepForm",
    "extra_check_form",
    "service_clarified_form",
]
