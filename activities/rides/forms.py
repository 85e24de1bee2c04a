"""Asking a driver for some of a session's open rides."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from activities.rides.models import Ride
from volunteers.matching.ranking import Proposal


class AskDriverForm(forms.Form):
    volunteer = forms.TypedChoiceField(
        label=_("Driver to ask"), coerce=int, widget=forms.RadioSelect
    )
    rides = forms.TypedMultipleChoiceField(
        label=_("Rides for this driver"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, proposals: list[Proposal], rides: list[Ride], **kwargs):
        super().__init__(*args, **kwargs)
        self.proposals = {p.volunteer.pk: p for p in proposals}
        self.rides = {r.pk: r for r in rides}
        self.fields["volunteer"].choices = [(p.volunteer.pk, str(p.volunteer)) for p in proposals]
        self.fields["rides"].choices = [
            (r.pk, f"{r.signup.participant_name} – {r.pickup_address}, {r.pickup_area}".strip(", "))
            for r in rides
        ]


class AssignRidesForm(forms.Form):
    """Give rides (open ones, or another driver's) to a driver who holds the driver shift."""

    shift = forms.TypedChoiceField(label=_("Driver"), coerce=int, widget=forms.RadioSelect)
    rides = forms.TypedMultipleChoiceField(
        label=_("Rides to give this driver"), coerce=int, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, drivers: list, rides: list[Ride], **kwargs):
        super().__init__(*args, **kwargs)
        self.drivers = {shift.pk: shift for shift in drivers}
        self.rides = {r.pk: r for r in rides}
        self.fields["shift"].choices = [
            (shift.pk, f"{shift.volunteer} ({shift.get_status_display()})") for shift in drivers
        ]
        self.fields["rides"].choices = [
            (r.pk, f"{r.signup.participant_name} – {r.pickup_address}, {r.pickup_area}".strip(", "))
            for r in rides
        ]
