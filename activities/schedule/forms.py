"""The organiser's forms: a schedule (how often, from when to when, at what time, the places
in turn, the dates without a meeting), one meeting, and the calendars' filters."""

from __future__ import annotations

import datetime
import re

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from activities.catalogue.models import Category, Place
from activities.schedule.models import Frequency, Schedule, Session

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
ROTATION_SIZE = 4  # places a schedule can take turns between
DATE_PATTERNS = ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y")


def place_choices(municipality) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        queryset=Place.objects.in_municipality(municipality).filter(archived=False),
        required=False,
        empty_label=_("No place"),
    )


def parse_dates(text: str) -> list[datetime.date]:
    """Dates one a line (or separated by commas): 24.12.2026 or 2026-12-24."""
    found = []
    for piece in re.split(r"[\n,;]+", text):
        piece = piece.strip()
        if not piece:
            continue
        for pattern in DATE_PATTERNS:
            try:
                found.append(datetime.datetime.strptime(piece, pattern).date())  # noqa: DTZ007
                break
            except ValueError:
                continue
        else:
            raise forms.ValidationError(
                _("«%(text)s» is not a date. Write dates like 24.12.2026, one a line."),
                params={"text": piece},
            )
    return sorted(set(found))


class ScheduleForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("How often"), choices=Frequency.choices, widget=forms.RadioSelect
    )
    starts_on = forms.DateField(
        label=_("First date"),
        widget=DATE,
        help_text=_("The first meeting. Its weekday is the weekday of every meeting."),
    )
    start_time = forms.TimeField(label=_("Starts at"), widget=TIME)
    end_time = forms.TimeField(label=_("Ends at"), widget=TIME)
    ends_on = forms.DateField(
        label=_("Last date (end of season)"),
        required=False,
        widget=DATE,
        help_text=_("Leave empty if it goes on. Meetings are then planned a year ahead."),
    )
    exceptions = forms.CharField(
        label=_("Dates without a meeting"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example holidays. One date a line, like 24.12.2026."),
    )

    def __init__(self, *args, municipality, activity, schedule: Schedule | None = None, **kw):
        self.schedule = schedule
        if schedule is not None and "initial" not in kw:
            kw["initial"] = {
                "frequency": schedule.frequency,
                "starts_on": schedule.starts_on,
                "ends_on": schedule.ends_on,
                "start_time": schedule.start_time,
                "end_time": schedule.end_time,
                "exceptions": "\n".join(
                    date_format(e.date, "d.m.Y") for e in schedule.exceptions.all()
                ),
                **{
                    f"place_{sp.position + 1}": sp.place_id
                    for sp in schedule.rotation.all()
                    if sp.position < ROTATION_SIZE
                },
            }
        elif "initial" not in kw and activity.place_id:
            kw["initial"] = {"place_1": activity.place_id}
        super().__init__(*args, **kw)
        for number in range(1, ROTATION_SIZE + 1):
            field = place_choices(municipality)
            field.label = (
                _("Place") if number == 1 else _("Then at (place %(number)s)") % {"number": number}
            )
            if number == 1:
                field.help_text = _(
                    "To take turns between places, choose the next ones below, in order."
                )
            self.fields[f"place_{number}"] = field

    def clean_exceptions(self) -> list[datetime.date]:
        return parse_dates(self.cleaned_data.get("exceptions", ""))

    def clean_starts_on(self) -> datetime.date:
        starts_on = self.cleaned_data["starts_on"]
        if self.schedule is None and starts_on < timezone.localdate():
            raise forms.ValidationError(_("The first date cannot be in the past."))
        return starts_on

    def clean(self):
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("The meeting must end after it starts."))
        first, last = data.get("starts_on"), data.get("ends_on")
        if first and last and last < first:
            self.add_error("ends_on", _("The season must end on or after the first date."))
        places = [data.get(f"place_{n}") for n in range(1, ROTATION_SIZE + 1)]
        data["places"] = [place for place in places if place is not None]
        return data

    def service_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "frequency": data["frequency"],
            "starts_on": data["starts_on"],
            "ends_on": data.get("ends_on"),
            "start_time": data["start_time"],
            "end_time": data["end_time"],
            "places": data["places"],
            "exceptions": data["exceptions"],
        }


class SessionForm(forms.ModelForm):
    """One meeting: when, where, how many places, and a note people see."""

    class Meta:
        model = Session
        fields = ["starts_at", "ends_at", "place", "capacity", "status_note"]
        widgets = {"starts_at": DATETIME, "ends_at": DATETIME}
        help_texts = {
            "capacity": _("Leave empty to use the activity's number of places."),
            "status_note": _("Shown with the meeting, for example «Bring indoor shoes»."),
        }

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].queryset = Place.objects.in_municipality(municipality).filter(
            archived=False
        )
        self.fields["place"].empty_label = _("No place")
        self.fields["starts_at"].label = _("Starts")
        self.fields["ends_at"].label = _("Ends")

    def _post_clean(self) -> None:
        """The service validates and saves; the form only reads the fields."""


class CalendarFilterForm(forms.Form):
    category = forms.ChoiceField(
        label=_("Kind of activity"),
        required=False,
        choices=[("", _("All kinds"))] + list(Category.choices),
    )
    place = forms.ModelChoiceField(
        label=_("Place"), required=False, queryset=Place.objects.none(), empty_label=_("All places")
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].queryset = Place.objects.in_municipality(municipality).filter(
            archived=False
        )
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select"


class GapsFilterForm(forms.Form):
    area = forms.ChoiceField(label=_("Area or village"), required=False)

    def __init__(self, *args, areas: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [("", _("The whole municipality"))] + [
            (area, area) for area in areas
        ]
        self.fields["area"].widget.attrs["class"] = "form-select"
