"""Planning follow-up conversations for a need, and recording one that was held."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coordination.kernel.dates import add_months
from volunteers.needs.forms.layout import DATE, _helper
from volunteers.needs.models import FollowUp, Need


class FollowUpPlanForm(forms.Form):
    first_on = forms.DateField(label=_("First conversation"), widget=DATE)
    every_weeks = forms.IntegerField(
        label=_("Then every … weeks"),
        required=False,
        min_value=1,
        max_value=26,
        help_text=_("Leave empty to plan one conversation."),
    )
    months = forms.IntegerField(
        label=_("For the next … months"), required=False, min_value=1, max_value=24
    )
    assignment = forms.ModelChoiceField(
        label=_("With the volunteer"),
        required=False,
        queryset=None,
        empty_label=_("With the person (no particular volunteer)"),
    )

    def __init__(self, *args, need: Need, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("first_on", timezone.localdate() + datetime.timedelta(weeks=4))
        super().__init__(*args, **kwargs)
        self.fields["assignment"].queryset = need.assignments.exclude(
            status="ended"
        ).select_related("volunteer__user")
        self.fields["assignment"].label_from_instance = lambda a: str(a.volunteer)
        self.helper = _helper()

    def clean(self):
        cleaned = super().clean()
        every, months = cleaned.get("every_weeks"), cleaned.get("months")
        if every and not months and "months" not in self.errors:
            self.add_error("months", _("Say for how many months, or leave both empty."))
        if months and not every and "every_weeks" not in self.errors:
            self.add_error("every_weeks", _("Say how many weeks apart, or leave both empty."))
        cleaned["until"] = add_months(timezone.localdate(), months) if every and months else None
        return cleaned


class FollowUpRecordForm(forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["held_on", "notes"]
        labels = {"held_on": _("Held on"), "notes": _("What came out of it")}
        widgets = {"held_on": DATE, "notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("held_on", timezone.localdate())
        super().__init__(*args, **kwargs)
        self.fields["held_on"].required = True  # recorded once it was held
        self.helper = _helper()
