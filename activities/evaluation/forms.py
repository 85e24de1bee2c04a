"""The forms of attendance and evaluation: the organiser's checklist of who came, the
participants' 1–5 answer, and the period an evaluation covers."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from activities.evaluation.services import MAX_WALK_INS
from activities.signups.models import SignUp

# The five answers, each with words (never a colour or a face alone).
RATING_WORDS = {
    1: pgettext_lazy("feedback", "Not good"),
    2: pgettext_lazy("feedback", "Not so good"),
    3: pgettext_lazy("feedback", "All right"),
    4: pgettext_lazy("feedback", "Good"),
    5: pgettext_lazy("feedback", "Very good"),
}


class AttendanceForm(forms.Form):
    """A pair of boxes per participant with a place (came / came with the pick-up) and the
    number who came without signing up."""

    walk_ins = forms.IntegerField(
        label=_("How many came without signing up?"),
        min_value=0,
        max_value=MAX_WALK_INS,
        initial=0,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "form-control"}),
    )

    def __init__(
        self,
        *args,
        signups: list[SignUp],
        present: set[int],
        by_ride: set[int],
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.signups = signups
        for signup in signups:
            self.fields[f"came_{signup.pk}"] = forms.BooleanField(
                label=_("%(name)s came") % {"name": signup.participant_name},
                required=False,
                initial=signup.pk in present,
            )
            self.fields[f"ride_{signup.pk}"] = forms.BooleanField(
                label=_("came with the pick-up"),
                required=False,
                initial=signup.pk in by_ride,
            )

    def rows(self) -> list[tuple[SignUp, forms.BoundField, forms.BoundField]]:
        return [(s, self[f"came_{s.pk}"], self[f"ride_{s.pk}"]) for s in self.signups]

    def ticked(self, prefix: str) -> list[int]:
        return [s.pk for s in self.signups if self.cleaned_data.get(f"{prefix}_{s.pk}")]


class FeedbackForm(forms.Form):
    """The participants' answer: one of five buttons, and if they like the village they came
    from and a comment. ``website`` is a trap for robots (hidden from people)."""

    rating = forms.TypedChoiceField(
        label=_("How was it today?"),
        choices=list(RATING_WORDS.items()),
        coerce=int,
        error_messages={
            "required": _("Press one of the five answers, from 1 to 5."),
            "invalid_choice": _("Press one of the five answers, from 1 to 5."),
        },
    )
    area = forms.CharField(
        label=_("Which village or area did you come from? (if you like)"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control", "autocomplete": "off"}),
    )
    comment = forms.CharField(
        label=_("Anything you want to tell the organisers? (if you like)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 3}),
    )
    website = forms.CharField(required=False)


class PeriodForm(forms.Form):
    """From and to (both included); empty: since the first session, until today."""

    since = forms.DateField(
        label=_("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}),
    )
    until = forms.DateField(
        label=_("To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}),
    )

    def clean(self) -> dict:
        data = super().clean() or {}
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end comes before the start."))
        return data

    def period(self) -> tuple[datetime.date | None, datetime.date]:
        """The dates chosen; without an end, until today (what has happened, not what is
        planned: a session cancelled for next week is not in this year's evaluation yet)."""
        today = timezone.localdate()
        if not self.is_bound or not self.is_valid():
            return None, today
        return self.cleaned_data.get("since"), self.cleaned_data.get("until") or today
