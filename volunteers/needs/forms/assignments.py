"""A pairing: the trial meeting and agreed frequency, a pause, and its end."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from volunteers.needs.forms.layout import DATE, _helper
from volunteers.needs.models import Assignment, EndReason
from volunteers.profile.models import Frequency


class PairingForm(forms.ModelForm):
    trial_went_well = forms.TypedChoiceField(
        label=_("Did the trial meeting go well?"),
        required=False,
        choices=[("", _("Not known yet")), ("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: {"yes": True, "no": False}.get(value),
        empty_value=None,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Assignment
        fields = ["trial_meeting_on", "trial_went_well", "frequency"]
        labels = {"trial_meeting_on": _("Trial meeting"), "frequency": _("Agreed frequency")}
        widgets = {"trial_meeting_on": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["frequency"].choices = [("", _("Not agreed yet")), *Frequency.choices]
        self.helper = _helper()


class PauseForm(forms.Form):
    paused_until = forms.DateField(
        label=_("Paused until"),
        required=False,
        widget=DATE,
        help_text=_("Leave empty if you do not know yet."),
    )
    reason = forms.CharField(label=_("Why"), required=False, max_length=300)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()


class EndForm(forms.ModelForm):
    class Meta:
        model = Assignment
        fields = ["end_reason", "end_note"]
        labels = {"end_reason": _("Why did it end?"), "end_note": _("Note (optional)")}
        widgets = {"end_reason": forms.RadioSelect}
        error_messages = {"end_reason": {"required": _("Choose why it ended.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        reason = self.fields["end_reason"]
        reason.required = True  # blank on the model only while the assignment runs
        reason.choices = EndReason.choices
        self.helper = _helper()
