"""The officer's forms on a case (screening, reviewers, more information, the proposed award),
the batch assignment on the round's list, and the reviewer's declaration and scores."""

from __future__ import annotations

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from coordination.kernel.models import User
from grants.applications.models import Application
from grants.review.models import SCORE_MAX, Recommendation
from grants.schemes.models import Criterion, Round

NOT_APPLICABLE = "na"
YES, NO = "yes", "no"


class ReviewerField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return obj.full_name or obj.email


class ReviewerChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return obj.full_name or obj.email


class ScreeningForm(forms.Form):
    conditions_met = forms.TypedMultipleChoiceField(
        label=_("Tick each condition the application meets"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    eligible = forms.ChoiceField(
        label=_("Is the application eligible?"),
        choices=[(YES, _("Yes: send it to the reviewers")), (NO, _("No: it goes to a decision"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        help_text=_("Required when it is not eligible: the applicant is told why."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, round_: Round, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["conditions_met"]).choices = [
            (condition.pk, condition.text) for condition in round_.conditions.all()
        ]

    def clean(self) -> dict:
        data = super().clean() or {}
        if data.get("eligible") == NO and not (data.get("reason") or "").strip():
            self.add_error(
                "reason", _("Write why the application is not eligible: the applicant is told.")
            )
        return data


class AssignOneForm(forms.Form):
    reviewer = ReviewerField(
        label=_("Reviewer"), queryset=User.objects.none(), empty_label=_("Choose a reviewer")
    )

    def __init__(self, *args, reviewers, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["reviewer"]).queryset = reviewers


class BatchAssignForm(forms.Form):
    applications = forms.ModelMultipleChoiceField(
        label=_("Applications"),
        queryset=Application.objects.none(),
        error_messages={"required": _("Tick at least one application in the list.")},
    )
    reviewers = ReviewerChoiceField(
        label=_("Reviewers to give the ticked applications"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick at least one reviewer.")},
    )

    def __init__(self, *args, applications, reviewers, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelMultipleChoiceField, self.fields["applications"]).queryset = applications
        cast(forms.ModelMultipleChoiceField, self.fields["reviewers"]).queryset = reviewers


class InformationForm(forms.Form):
    request = forms.CharField(
        label=_("What the applicant should send"),
        help_text=_("The applicant gets this by email and can change the application again."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ProposeForm(forms.Form):
    amount = forms.IntegerField(
        label=_("Proposed award (NOK, all years)"),
        help_text=_("Leave empty to take the proposal away."),
        min_value=0,
        required=False,
    )


class DeclareForm(forms.Form):
    impartial = forms.ChoiceField(
        label=_("Are you impartial?"),
        choices=[
            (YES, _("Yes, I am impartial: I have no tie to the applicant or the partners")),
            (NO, _("No, I am not impartial: I have a tie to the application")),
        ],
        widget=forms.RadioSelect,
    )
    conflict = forms.CharField(
        label=_("Your tie to the application"),
        help_text=_("Required when you are not impartial, e.g. «My sister leads the association»."),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self) -> dict:
        data = super().clean() or {}
        if data.get("impartial") == NO and not (data.get("conflict") or "").strip():
            self.add_error("conflict", _("Say what ties you to the application, in a few words."))
        return data


SCORE_CHOICES = [(str(n), str(n)) for n in range(SCORE_MAX + 1)] + [
    (NOT_APPLICABLE, _("Not applicable"))
]


class ScoreForm(forms.Form):
    """One score (0–5 or «not applicable») and comment per criterion, then the
    recommendation; the fields are named after the criterion's id."""

    recommendation = forms.ChoiceField(
        label=_("Your recommendation"),
        choices=Recommendation.choices,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        required=False,
    )
    comment = forms.CharField(
        label=_("Overall comment"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, criteria: list[Criterion], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"score_{criterion.pk}"] = forms.ChoiceField(
                label=criterion.name,
                choices=SCORE_CHOICES,
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                required=False,
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Comment on «%(criterion)s»") % {"criterion": criterion.name},
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        # The recommendation and comment after the criteria.
        self.order_fields(
            [name for name in self.fields if name not in ("recommendation", "comment")]
        )

    def rows(self) -> list[tuple[Criterion, forms.BoundField, forms.BoundField]]:
        return [(c, self[f"score_{c.pk}"], self[f"comment_{c.pk}"]) for c in self.criteria]

    def scores(self) -> dict[int, tuple[int | None, str]]:
        """The criteria answered: id → (score or None for «not applicable», comment)."""
        found: dict[int, tuple[int | None, str]] = {}
        for criterion in self.criteria:
            chosen = self.cleaned_data.get(f"score_{criterion.pk}")
            if not chosen:
                continue
            value = None if chosen == NOT_APPLICABLE else int(chosen)
            found[criterion.pk] = (value, self.cleaned_data.get(f"comment_{criterion.pk}", ""))
        return found
