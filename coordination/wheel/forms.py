"""The annual wheel's forms: the municipality's own events, and the year shown."""

from __future__ import annotations

from django import forms
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from coordination.wheel.models import MAX_YEAR, MIN_YEAR, WheelCategory, WheelEvent


class WheelEventForm(forms.ModelForm):
    month = forms.TypedChoiceField(
        label=_("Month"), choices=[("", _("Choose a month")), *MONTHS.items()], coerce=int
    )
    recurring = forms.TypedChoiceField(
        label=_("When"),
        choices=[("yes", _("Every year")), ("no", _("Only in one year"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        initial="yes",
    )

    class Meta:
        model = WheelEvent
        fields = ["title", "category", "month", "day", "recurring", "year", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", _("Choose a category")), *WheelCategory.choices]
        self.fields["day"].widget.attrs.update({"min": 1, "max": 31, "inputmode": "numeric"})
        self.fields["year"].widget.attrs.update(
            {"min": MIN_YEAR, "max": MAX_YEAR, "inputmode": "numeric"}
        )
        if self.instance.pk:
            self.initial["recurring"] = "yes" if self.instance.recurring else "no"

    def clean(self):
        data = super().clean()
        if data.get("recurring"):
            data["year"] = None  # an event every year has no year of its own
        elif "recurring" in data and not data.get("year") and "year" not in self.errors:
            self.add_error("year", _("Write the year of an event that is not every year."))
        return data


class WheelYearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=MIN_YEAR, max_value=MAX_YEAR)
