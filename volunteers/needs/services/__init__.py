"""Needs and how they are met, after Vennesla's method: report, record each step, invite the
volunteers matching proposes, let each of them answer, follow the pairing and the follow-ups.

One module per part of it: ``needs`` (a need and its steps), ``safeguards`` (before anyone is
invited), ``invitations``, ``assignments`` (the pairing) and ``follow_up``. Who sees the
person's details is in ``volunteers.needs.permissions``."""

from volunteers.needs.permissions import can_see_person, names_visible_to, show_person
from volunteers.needs.services.assignments import (
    end_assignment,
    pause_assignment,
    resume_assignment,
    set_pairing,
)
from volunteers.needs.services.follow_up import (
    MAX_FOLLOW_UPS,
    follow_up_dates,
    plan_follow_ups,
    record_follow_up,
)
from volunteers.needs.services.invitations import (
    accept_invitation,
    decline_invitation,
    invite_volunteers,
    record_answer_for_volunteer,
    withdraw_invitation,
)
from volunteers.needs.services.needs import (
    NEED_CONSENT_TEXT,
    NEED_CONSENT_VERSION,
    NEED_FIELDS,
    PUBLIC_NEED_FIELDS,
    move_need_to,
    record_step,
    report_need,
    update_need,
)
from volunteers.needs.services.safeguards import (
    confirm_extra_check,
    invite_blockers,
    record_service_clarified,
)

__all__ = [
    "MAX_FOLLOW_UPS",
    "NEED_CONSENT_TEXT",
    "NEED_CONSENT_VERSION",
    "NEED_FIELDS",
    "PUBLIC_NEED_FIELDS",
    "accept_invitation",
    "can_see_person",
    "confirm_extra_check",
    "decline_invitation",
    "end_assignment",
    "follow_up_dates",
    "invite_blockers",
    "invite_volunteers",
    "move_need_to",
    "names_visible_to",
    "pause_assignment",
    "plan_follow_ups",
    "record_answer_for_volunteer",
    "record_follow_up",
    "record_service_clarified",
    "record_step",
    "report_need",
    "resume_assignment",
    "set_pairing",
    "show_person",
    "update_need",
    "withdraw_invitation",
]
