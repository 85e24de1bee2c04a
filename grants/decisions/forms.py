"""The forms of decisions: the officer's decision, the applicant's appeal and the officer's
handling of it. Amounts are one field per project year."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from grants.decisions.models import Appeal, Outcome


class AmountsMixin:
    """One whole-kroner field per project year (``amount_<year>``), and ``amounts()``."""

    fields: dict
    cleaned_data: dict

    def add_amount_fields(self, years: list[int], initial: dict[int, int]) -> None:
        for year in years:
            self.fields[f"amount_{year}"] = forms.IntegerField(
                label=_("Amount for %(year)s (NOK)") % {"year": year},
                min_value=0,
                max_value=100_000_000,
                required=False,
                initial=initial.get(year, 0),
                help_text=_("Whole kroner. 0 if nothing is granted this year."),
            )
        self.years = years

    def amounts(self) -> dict[int, int]:
        return {year: self.cleaned_data.get(f"amount_{year}") or 0 for year in self.years}


class DecisionForm(AmountsMixin, forms.Form):
    outcome = forms.ChoiceField(
        label=pgettext_lazy("grant decision", "Decision"),
        choices=Outcome.choices,
        widget=forms.RadioSelect,
    )
    conditions = forms.CharField(
        label=_("Conditions"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the grant requires, beyond reporting. Leave empty if nothing."),
    )
    grounds = forms.CharField(
        label=_("Grounds"),
        max_length=6000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Why the application is decided this way. The applicant reads this."),
        error_messages={
            "required": _("Write the grounds: why the application is decided this way.")
        },
    )

    def __init__(self, *args, years: list[int], initial_amounts: dict[int, int], **kwargs):
        super().__init__(*args, **kwargs)
        self.add_amount_fields(years, initial_amounts)
        # The amounts after the decision, the texts last.
        self.order_fields(["outcome", *(f"amount_{y}" for y in years), "conditions", "grounds"])


class AppealForm(forms.Form):
    reason = forms.CharField(
        label=_("Why you appeal"),
        max_length=6000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Say what you think is wrong with the decision, and what you want changed."),
        error_messages={
            "required": _("Write why you appeal: what you think is wrong with the decision.")
        },
    )


class AppealHandlingForm(AmountsMixin, forms.Form):
    handling = forms.ChoiceField(label=_("What happens with the appeal"), widget=forms.RadioSelect)
    notes = forms.CharField(
        label=_("Your assessment"),
        max_length=6000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Write your assessment of the appeal.")},
    )
    forwarded_to = forms.CharField(
        label=_("Forwarded to"),
        required=False,
        max_length=200,
        help_text=_("Only when you forward the appeal: the appeal body's name."),
    )
    outcome = forms.ChoiceField(
        label=_("The new decision"),
        required=False,
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        help_text=_("Only when the decision is changed."),
    )
    grounds = forms.CharField(
        label=_("Grounds for the new decision"),
        required=False,
        max_length=6000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Only when the decision is changed."),
    )

    def __init__(
        self,
        *args,
        forwarded: bool,
        years: list[int],
        initial_amounts: dict[int, int],
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        if forwarded:
            choices = [
                (Appeal.Handling.UPHELD, _("The appeal body upheld the decision")),
                (Appeal.Handling.CHANGED, _("The appeal body changed the decision")),
            ]
            del self.fields["forwarded_to"]
        else:
            choices = [
                (Appeal.Handling.UPHELD, _("Uphold the decision")),
                (Appeal.Handling.CHANGED, _("Change the decision")),
                (Appeal.Handling.FORWARDED, _("Forward the appeal to the appeal body")),
            ]
        self.fields["handling"].choices = choices
        self.add_amount_fields(years, initial_amounts)
        for year in years:
            self.fields[f"amount_{year}"].help_text = _("Only when the decision is changed.")
