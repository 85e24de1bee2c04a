"""The forms of the shift pages: a slot (task, how many, role), whom to ask, who came, and
why one drops out."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from activities.shifts.models import Task
from volunteers.matching.ranking import Proposal
from volunteers.screening.models import VolunteerRole


class SlotForm(forms.Form):
    task = forms.ChoiceField(label=_("Task"), choices=Task.choices)
    count = forms.IntegerField(label=_("How many volunteers"), min_value=1, max_value=50, initial=1)
    role = forms.ModelChoiceField(
        label=_("Volunteer role required"),
        queryset=VolunteerRole.objects.none(),
        required=False,
        empty_label=_("No role: the signed confidentiality declaration is enough"),
        help_text=_("The role's rules decide who is ready: police certificate, courses."),
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].queryset = VolunteerRole.objects.in_municipality(municipality).order_by(
            "name"
        )


def volunteer_choices(proposals: list[Proposal]) -> list[tuple[int, str]]:
    return [(p.volunteer.pk, str(p.volunteer)) for p in proposals]


class AskForm(forms.Form):
    volunteer = forms.TypedChoiceField(
        label=_("Volunteer to ask"), coerce=int, widget=forms.RadioSelect
    )

    def __init__(self, *args, proposals: list[Proposal], **kwargs):
        super().__init__(*args, **kwargs)
        self.proposals = {p.volunteer.pk: p for p in proposals}
        self.fields["volunteer"].choices = volunteer_choices(proposals)


class AttendanceForm(forms.Form):
    came = forms.TypedChoiceField(
        label=_("Did the volunteer come?"),
        choices=[("yes", _("Came")), ("no", _("Did not come"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    hours = forms.DecimalField(
        label=_("Hours (leave empty for the meeting's length)"),
        required=False,
        min_value=Decimal("0.25"),
        max_value=Decimal("24"),
        decimal_places=2,
    )


class DropForm(forms.Form):
    reason = forms.CharField(
        label=_("Why you cannot come (optional)"),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
