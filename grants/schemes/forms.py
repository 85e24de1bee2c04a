"""The schemes area's forms: a grant-maker and its first officer, a role in a grant-maker, a
scheme in three languages, a round (dates and times in Norwegian time) and the rows of a
round's criteria, eligibility conditions and extra questions."""

from __future__ import annotations

import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coordination.kernel.models import GrantMaker, GrantRole, Municipality
from grants.schemes.models import (
    ApplicantKind,
    Criterion,
    EligibilityCondition,
    Question,
    Round,
    Scheme,
)
from grants.schemes.services.schemes import SCHEME_FIELDS

OSLO = ZoneInfo("Europe/Oslo")
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
LANGUAGE_NAMES = dict(settings.LANGUAGES)
# A round's budget fits in its field with room to spare (a thousand billion kroner).
MAX_AMOUNT = 10**12
# The years a round's opening and deadline may fall in (an absurd year would not convert
# between Norwegian time and UTC).
YEARS = range(2000, 2101)


def in_language(label: Any, code: str) -> str:
    return f"{label} ({LANGUAGE_NAMES[code]})"


class GrantMakerForm(forms.Form):
    """A new grant-maker and the person who runs it first."""

    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(
        label=_("What kind of body"),
        choices=[("", _("Choose the kind")), *GrantMaker.Kind.choices],
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        help_text=_("Only for a municipality's own schemes."),
        queryset=Municipality.objects.order_by("name"),
        required=False,
        empty_label=_("No municipality"),
    )
    email = forms.EmailField(
        label=_("The grant-maker's email address"),
        help_text=_("Optional. Shown to applicants as where to ask."),
        required=False,
    )
    officer_email = forms.EmailField(
        label=_("Email address of the first grant officer"),
        help_text=_("They must already have an account in Samspill."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        kind, municipality = data.get("kind"), data.get("municipality")
        if kind == GrantMaker.Kind.MUNICIPALITY and municipality is None:
            self.add_error("municipality", _("Choose the municipality that runs the schemes."))
        elif kind and kind != GrantMaker.Kind.MUNICIPALITY and municipality is not None:
            self.add_error(
                "municipality",
                _(
                    "Only a municipal grant-maker belongs to a municipality. Leave the "
                    "municipality empty, or choose the kind «Municipality»."
                ),
            )
        return data


class GrantRoleForm(forms.Form):
    """Give a person with an account a role in the grant-maker."""

    email = forms.EmailField(
        label=_("Their email address"),
        help_text=_("They must already have an account in Samspill."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    role = forms.ChoiceField(
        label=_("Role"), choices=[("", _("Choose a role")), *GrantRole.choices]
    )


class OfficerForm(forms.Form):
    """Give a grant-maker a grant officer (the national administrator)."""

    email = forms.EmailField(
        label=_("Their email address"),
        help_text=_("They must already have an account in Samspill."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )


class SchemeForm(forms.ModelForm):
    """A scheme: its name and purpose in each language (bokmål required), who may apply and
    for how much."""

    class Meta:
        model = Scheme
        fields = list(SCHEME_FIELDS)
        widgets = {f"purpose_{code}": forms.Textarea(attrs={"rows": 4}) for code in LANGUAGE_NAMES}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code in LANGUAGE_NAMES:
            self.fields[f"name_{code}"].label = in_language(_("Name of the scheme"), code)
            self.fields[f"purpose_{code}"].label = in_language(_("What the scheme funds"), code)
            required = code == settings.LANGUAGE_CODE
            self.fields[f"name_{code}"].required = required
            self.fields[f"purpose_{code}"].required = required
            if not required:
                self.fields[f"name_{code}"].help_text = _("Optional: empty shows the bokmål.")
        kinds = self.fields["applicant_kinds"]
        assert isinstance(kinds, forms.ChoiceField)
        kinds.choices = ApplicantKind.choices

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        # Empty words in nynorsk or English are stored as "" (the page falls back to bokmål).
        for name, value in list(data.items()):
            if value is None and (name.startswith(("name_", "purpose_"))):
                data[name] = ""
        return data


class RoundForm(forms.Form):
    """A round: opening and deadline as a date and a time each, in Norwegian time."""

    name = forms.CharField(label=_("Name of the round"), max_length=150, help_text=_("E.g. 2027."))
    opens_on = forms.DateField(label=_("Opens on (date)"), widget=DATE)
    opens_time = forms.TimeField(
        label=_("Opens at (time, Norwegian time)"), widget=TIME, initial=datetime.time(9, 0)
    )
    closes_on = forms.DateField(label=_("Deadline (date)"), widget=DATE)
    closes_time = forms.TimeField(
        label=_("Deadline (time, Norwegian time)"),
        help_text=_("The last moment an application is accepted."),
        widget=TIME,
        initial=datetime.time(12, 0),
    )
    budget = forms.IntegerField(label=_("Budget (NOK)"), min_value=1, max_value=MAX_AMOUNT)
    small_municipality_share = forms.IntegerField(
        label=_("Share reserved for small municipalities (%)"),
        help_text=_("0 when nothing is reserved."),
        min_value=0,
        max_value=100,
        initial=0,
    )
    light_limit = forms.IntegerField(
        label=_("Light application up to (NOK)"),
        help_text=_(
            "Applications asking for at most this much fill in a shorter form. Empty: no light "
            "application in this round."
        ),
        min_value=1,
        max_value=2_147_483_647,
        required=False,
    )
    progress_report_due = forms.DateField(
        label=_("Progress report due"), help_text=_("Optional."), widget=DATE, required=False
    )
    final_report_due = forms.DateField(label=_("Final report due"), widget=DATE)

    def __init__(self, *args: Any, instance: Round | None = None, **kwargs: Any) -> None:
        if instance is not None:
            opens = timezone.localtime(instance.opens_at, OSLO)
            closes = timezone.localtime(instance.closes_at, OSLO)
            kwargs["initial"] = {
                "name": instance.name,
                "opens_on": opens.date(),
                "opens_time": opens.time().replace(second=0, microsecond=0),
                "closes_on": closes.date(),
                "closes_time": closes.time().replace(second=0, microsecond=0),
                "budget": instance.budget,
                "small_municipality_share": instance.small_municipality_share,
                "light_limit": instance.light_limit,
                "progress_report_due": instance.progress_report_due,
                "final_report_due": instance.final_report_due,
            }
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        for name in ("opens_on", "closes_on"):
            if data.get(name) is not None and data[name].year not in YEARS:
                self.add_error(name, _("Write a date between the years 2000 and 2100."))
        if all(data.get(f) is not None for f in ("opens_on", "opens_time")):
            data["opens_at"] = datetime.datetime.combine(
                data["opens_on"], data["opens_time"], tzinfo=OSLO
            )
        if all(data.get(f) is not None for f in ("closes_on", "closes_time")):
            data["closes_at"] = datetime.datetime.combine(
                data["closes_on"], data["closes_time"], tzinfo=OSLO
            )
        if "opens_at" in data and "closes_at" in data and data["closes_at"] <= data["opens_at"]:
            self.add_error("closes_on", _("The deadline must come after the round opens."))
        return data

    def values(self) -> dict[str, Any]:
        """What the round services take."""
        data = self.cleaned_data
        return {
            "name": data["name"],
            "opens_at": data["opens_at"],
            "closes_at": data["closes_at"],
            "budget": data["budget"],
            "small_municipality_share": data["small_municipality_share"] or 0,
            "light_limit": data["light_limit"],
            "progress_report_due": data["progress_report_due"],
            "final_report_due": data["final_report_due"],
        }


# Service errors name the model's fields; on this form they belong to the date inputs.
ROUND_ERROR_FIELDS = {"opens_at": "opens_on", "closes_at": "closes_on"}


class CriterionForm(forms.ModelForm):
    class Meta:
        model = Criterion
        fields = [
            "name_nb",
            "name_nn",
            "name_en",
            "description_nb",
            "description_nn",
            "description_en",
            "weight",
            "order",
        ]
        widgets = {
            f"description_{code}": forms.Textarea(attrs={"rows": 2}) for code in LANGUAGE_NAMES
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code in LANGUAGE_NAMES:
            self.fields[f"name_{code}"].label = in_language(_("Criterion"), code)
            self.fields[f"name_{code}"].required = code == settings.LANGUAGE_CODE
            self.fields[f"description_{code}"].label = in_language(
                _("What reviewers look for"), code
            )
            self.fields[f"description_{code}"].required = False
        self.fields["weight"].help_text = _("From 1 to 10: how much it counts in the total.")
        self.fields["order"].help_text = _("Lower numbers come first.")


class ConditionForm(forms.ModelForm):
    class Meta:
        model = EligibilityCondition
        fields = ["text_nb", "text_nn", "text_en", "order"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code in LANGUAGE_NAMES:
            self.fields[f"text_{code}"].label = in_language(_("Condition"), code)
            self.fields[f"text_{code}"].required = code == settings.LANGUAGE_CODE
        self.fields["order"].help_text = _("Lower numbers come first.")


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ["text", "help_text", "required", "in_light_form", "order"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["order"].help_text = _("Lower numbers come first.")


class RowFormSet(forms.BaseModelFormSet):
    """Rows of a round edited on one page; a row is removed by ticking its box."""

    def add_fields(self, form: forms.ModelForm, index: int | None) -> None:
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove this row when saving")


def _formset(model: type, form: type[forms.ModelForm]) -> type[forms.BaseModelFormSet]:
    return forms.modelformset_factory(
        model, form=form, formset=RowFormSet, extra=1, can_delete=True, can_delete_extra=False
    )


CriterionFormSet = _formset(Criterion, CriterionForm)
ConditionFormSet = _formset(EligibilityCondition, ConditionForm)
QuestionFormSet = _formset(Question, QuestionForm)
