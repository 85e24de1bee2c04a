"""What shifts give the rest of the portal: a panel on My page (coming shifts and drives, and
those asked of the volunteer waiting for an answer, with the hours from shifts), the
volunteer's shifts in their own data download, and the sentences of the audit codes."""

from __future__ import annotations

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy

from activities.schedule.models import SessionStatus
from activities.shifts.models import SHIFT_HOLDING, Shift, ShiftStatus, Task
from coordination.kernel.account_data import amount, coded, when
from coordination.kernel.contributions import Panel, contribute
from volunteers.hours.models import HoursEntry, HoursStatus
from volunteers.profile.models import Volunteer

# The most coming shifts the panel lists.
PANEL_SHIFTS = 10

contribute.audit_messages(
    {
        "shift.slot_added": gettext_lazy("Volunteer shift set for a meeting"),
        "shift.taken": gettext_lazy("Volunteer took a shift"),
        "shift.asked": gettext_lazy("Volunteer asked to take a shift"),
        "shift.answered": gettext_lazy("Answer to a shift request recorded"),
        "shift.confirmed": gettext_lazy("Volunteer confirmed a shift"),
        "shift.dropped": gettext_lazy("Volunteer dropped out of a shift"),
        "shift.attendance": gettext_lazy("Attendance recorded for a shift"),
    }
)


@contribute.my_page_panel(order=40)
def shifts_panel(request) -> Panel | None:
    """A volunteer's coming shifts and drives, those asked of them, and their hours from
    shifts; with the way to the open shifts."""
    user = request.user
    if (
        not user.is_authenticated
        or not Volunteer.objects.filter(user=user, left_at__isnull=True).exists()
    ):
        return None
    shifts = list(
        Shift.objects.filter(
            volunteer__user=user,
            status__in=SHIFT_HOLDING,
            slot__session__status=SessionStatus.PLANNED,
            slot__session__ends_at__gt=timezone.now(),
        )
        .select_related("slot__session__activity", "slot__session__place")
        .order_by("slot__session__starts_at", "pk")[:PANEL_SHIFTS]
    )
    hours = HoursEntry.objects.filter(
        volunteer__user=user, status=HoursStatus.APPROVED, shift__isnull=False
    ).aggregate(total=Sum("hours"))["total"]
    return Panel(
        "activities/shifts/_my_page_panel.html",
        {
            "asked": [s for s in shifts if s.status == ShiftStatus.ASKED],
            "coming": [s for s in shifts if s.status != ShiftStatus.ASKED],
            "driver": Task.DRIVER,
            "shift_hours": hours,
        },
    )


@contribute.export_section(
    "volunteer_shifts",
    title=gettext_lazy("Volunteer shifts at activities"),
    order=55,
)
def export_volunteer_shifts(user) -> dict | None:
    """The volunteer's shifts: which activity, when, which task, what became of it and the
    hours recorded. Never the participants driven (their details are theirs)."""
    shifts = list(
        Shift.objects.filter(volunteer__user=user)
        .select_related("slot__session__activity", "hours_entry")
        .order_by("slot__session__starts_at", "pk")
    )
    if not shifts:
        return None
    return {
        "shifts": [
            {
                "activity": shift.slot.session.activity.title,
                "starts_at": when(shift.slot.session.starts_at),
                "task": coded(shift.slot.task, Task),
                "status": coded(shift.status, ShiftStatus),
                "asked_as_substitute": shift.substitute_for_id is not None,
                "answered_at": when(shift.answered_at),
                "confirmed_at": when(shift.confirmed_at),
                "hours": amount(shift.hours_entry.hours) if shift.hours_entry else None,
            }
            for shift in shifts
        ]
    }
