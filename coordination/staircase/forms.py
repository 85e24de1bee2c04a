"""The staircase questionnaire: for each indicator in use, yes / partly / no and a comment. The
fields are made from the indicators, so a forged indicator id is simply not a field."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from coordination.staircase.models import Answer, Indicator
from coordination.staircase.services import MAX_COMMENT, Given


@dataclass
class Row:
    """One indicator on the page with its two fields."""

    indicator: Indicator
    answer: forms.BoundField
    comment: forms.BoundField


class QuestionnaireForm(forms.Form):
    def __init__(self, *args, indicators: list[Indicator], **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = indicators
        for indicator in indicators:
            self.fields[f"answer_{indicator.pk}"] = forms.ChoiceField(
                label=indicator.text,
                choices=Answer.Value.choices,
                widget=forms.RadioSelect,
                required=False,
            )
            self.fields[f"comment_{indicator.pk}"] = forms.CharField(
                label=_("Comment (optional)"),
                required=False,
                max_length=MAX_COMMENT,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    @staticmethod
    def initial_from(answers) -> dict:
        """Initial values from stored answers (a draft, or the last completed assessment)."""
        initial = {}
        for answer in answers:
            if answer.value:
                initial[f"answer_{answer.indicator_id}"] = answer.value
            if answer.comment:
                initial[f"comment_{answer.indicator_id}"] = answer.comment
        return initial

    def rows(self) -> list[Row]:
        return [
            Row(indicator, self[f"answer_{indicator.pk}"], self[f"comment_{indicator.pk}"])
            for indicator in self.indicators
        ]

    def answers(self) -> dict[int, Given]:
        data = self.cleaned_data
        return {
            indicator.pk: Given(
                value=data.get(f"answer_{indicator.pk}") or "",
                comment=data.get(f"comment_{indicator.pk}") or "",
            )
            for indicator in self.indicators
        }


def _yes_or_no(
    *, label: str | Promise, yes: str | Promise, no: str | Promise, help_text: str | Promise
) -> forms.TypedChoiceField:
    """A question answered with one of two radio buttons, cleaned to True (``yes``) or False."""
    return forms.TypedChoiceField(
        label=label,
        choices=[("yes", yes), ("no", no)],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        help_text=help_text,
    )


class SharingForm(forms.Form):
    takes_part = _yes_or_no(
        label=_("Do we take part in the comparison with other municipalities?"),
        yes=_("Yes: we see how many municipalities are at each level, and are counted"),
        no=_("No: we neither see the comparison nor are counted in it"),
        help_text=_("Only municipalities that take part are counted. There is no ranking."),
    )
    share_name = _yes_or_no(
        label=_("If we take part: may other municipalities see our name at our level?"),
        yes=_("Yes, show our name at our level"),
        no=_("No, count us without a name"),
        help_text=_("Our score, answers and comments are never shown to other municipalities."),
    )
