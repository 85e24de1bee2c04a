"""Forms for hours. They read what was typed (Norwegian decimals such as "1,5" too); the rules
(how many hours, which dates, which assignments) live in volunteers.hours.services."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from volunteers.hours.models import HoursEntry
from volunteers.hours.services import MAX_DECIDED_AT_ONCE
from volunteers.needs.models import Assignment


def _assignment_label(assignment: Assignment) -> str:
    return f"{assignment.need.get_kind_display()} – {assignment.need.area}"


class HoursForm(forms.Form):
    """One day's hours: for an assignment or for other volunteer work."""

    assignment = forms.ModelChoiceField(
        label=_("What were the hours for?"),
        queryset=Assignment.objects.none(),
        required=False,
        blank=True,  # a radio button for "other volunteer work" too
        empty_label=_("Other volunteer work (not one of the assignments)"),
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose one of the assignments in the list.")},
    )
    worked_on = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Write the date you worked."),
            "invalid": _("Write a date, for example 05.03.2026."),
        },
    )
    hours = forms.DecimalField(
        label=_("Hours"),
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        help_text=_("For example 1.5 for an hour and a half."),
        error_messages={
            "required": _("Write how many hours you worked."),
            "invalid": _("Write a number, for example 1.5."),
        },
    )
    km = forms.DecimalField(
        label=_("Kilometres driven in your own car"),
        localize=True,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        help_text=_("For the kilometre allowance. Leave empty or write 0 if you did not drive."),
        error_messages={"invalid": _("Write a number of kilometres, for example 12.")},
    )
    description = forms.CharField(
        label=_("What you did"),
        max_length=200,
        required=False,
        help_text=_("A few words are enough, for example: a walk and coffee."),
    )

    def __init__(self, *args, assignments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignment"].queryset = assignments
        self.fields["assignment"].label_from_instance = _assignment_label
        if not self.is_bound and "worked_on" not in self.initial:
            self.initial["worked_on"] = timezone.localdate()
        if not self.is_bound and "assignment" not in self.initial:
            # Most hours are for the assignment the volunteer has now.
            latest = assignments.first()
            self.initial["assignment"] = latest.pk if latest is not None else None

    def clean_km(self):
        return self.cleaned_data["km"] or Decimal("0")

    def service_arguments(self) -> dict:
        """The cleaned values, named as the services take them."""
        data = self.cleaned_data
        return {
            "assignment": data["assignment"],
            "worked_on": data["worked_on"],
            "hours": data["hours"],
            "km": data["km"],
            "description": data["description"],
        }


class _EntriesField(forms.ModelMultipleChoiceField):
    """Ticked entries: ids only, and not too many (an id too large for the database column
    would otherwise fail in the query)."""

    def clean(self, value):
        if isinstance(value, list | tuple):
            if len(value) > MAX_DECIDED_AT_ONCE:
                raise ValidationError(
                    self.error_messages["too_many"],
                    code="too_many",
                    params={"max": MAX_DECIDED_AT_ONCE},
                )
            for one in value:
                text = str(one).strip()
                if not (text.isascii() and text.isdigit() and len(text) < 19):
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": one},
                    )
        return super().clean(value)


class HoursDecisionForm(forms.Form):
    """The coordinator ticks entries waiting for approval and approves or rejects them."""

    entries = _EntriesField(
        label=_("Entries"),
        queryset=HoursEntry.objects.none(),
        error_messages={
            "required": _("Tick at least one entry."),
            "invalid_choice": _(
                "One of the ticked entries is no longer waiting for approval. The list has been "
                "updated: check it and try again."
            ),
            "invalid_pk_value": _("Tick entries in the list."),
            "invalid_list": _("Tick entries in the list."),
            "too_many": _("Decide on at most %(max)s entries at a time."),
        },
    )
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("reject", _("Do not approve"))],
        error_messages={
            "required": _("Choose whether to approve."),
            "invalid_choice": _("Choose whether to approve."),
        },
    )

    def __init__(self, *args, pending, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entries"].queryset = pending


class KmRateForm(forms.Form):
    km_rate = forms.DecimalField(
        label=_("Kilometre rate (kroner per kilometre)"),
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        help_text=_(
            "From 0 to 50 kroner. The state's rate is 3.50. A new rate applies to hours approved "
            "from now on; hours already approved keep the rate they were approved with."
        ),
        error_messages={
            "required": _("Write the rate in kroner, for example 3.50."),
            "invalid": _("Write the rate in kroner, for example 3.50."),
        },
    )


class YearForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        self.fields["year"].choices = [(y, str(y)) for y in range(this_year, this_year - 6, -1)]

    @property
    def chosen_year(self) -> int:
        """The chosen year; this year when none, or an invalid one, was chosen."""
        if self.is_valid() and self.cleaned_data.get("year"):
            return self.cleaned_data["year"]
        return timezone.localdate().year
