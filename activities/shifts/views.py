"""A session's volunteer shifts for the organiser; open shifts and one's own shift (with a
driver's pick-up list) for volunteers."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from activities.rides.models import Ride, RideStatus
from activities.rides.views import managed_session, with_aids
from activities.schedule.models import SessionStatus
from activities.shifts import services
from activities.shifts.forms import AskForm, AttendanceForm, DropForm, SlotForm
from activities.shifts.models import SHIFT_HOLDING, Shift, ShiftSlot, ShiftStatus, Task
from coordination.kernel import ui
from coordination.kernel.permissions import login_required, municipality_view
from volunteers.profile.own import own_volunteer
from volunteers.screening.readiness import missing_for

# The most open shifts one page lists (the next ones first).
OPEN_SHIFTS_SHOWN = 50


def _number(value: str | None) -> int:
    """A posted id, or 0 when it is missing or not a number (nothing has that id)."""
    return int(value) if value and value.isdigit() and len(value) < 12 else 0


# --- the organiser -----------------------------------------------------------------------------


def _slots(session) -> list[ShiftSlot]:
    return list(
        ShiftSlot.objects.filter(session=session)
        .select_related("role")
        .prefetch_related(
            Prefetch(
                "shifts",
                queryset=Shift.objects.select_related("volunteer__user").order_by(
                    "created_at", "pk"
                ),
            )
        )
        .order_by("task", "pk")
    )


@municipality_view("manage_activities")
@require_http_methods(["GET", "POST"])
def session_shifts(request: HttpRequest, pk: int) -> HttpResponse:
    session = managed_session(request, pk)
    slots = _slots(session)
    by_pk = {slot.pk: slot for slot in slots}
    started = session.starts_at <= timezone.now()
    ahead = session.status == SessionStatus.PLANNED and not started
    action = request.POST.get("action", "")
    slot_form = SlotForm(
        request.POST if action == "slot" else None, municipality=request.municipality
    )
    back = redirect("activities:session_shifts", request.municipality.pk, session.pk)

    if action == "slot" and ui.submit(
        request,
        slot_form,
        lambda data: services.add_shift_slot(session=session, by=request.user, **data),
    ):
        messages.success(request, _("The shift is saved."))
        return back

    ask_forms: dict[int, AskForm] = {}
    for slot in slots:
        slot.live = [s for s in slot.shifts.all() if s.status in SHIFT_HOLDING]  # type: ignore[attr-defined]
        slot.earlier = [s for s in slot.shifts.all() if s.status not in SHIFT_HOLDING]  # type: ignore[attr-defined]
        slot.room = slot.count - len(slot.live)  # type: ignore[attr-defined]
        if ahead and (slot.room > 0 or slot.task == Task.DRIVER):  # type: ignore[attr-defined]
            proposals = services.propose_for_slot(slot, limit=5)
            posted = action == "ask" and request.POST.get("slot") == str(slot.pk)
            ask_forms[slot.pk] = AskForm(
                request.POST if posted else None, proposals=proposals, prefix=f"ask{slot.pk}"
            )
        slot.ask_form = ask_forms.get(slot.pk)  # type: ignore[attr-defined]

    if action == "ask" and (form := ask_forms.get(_number(request.POST.get("slot")))):
        slot = by_pk[_number(request.POST.get("slot"))]
        if done := ui.submit(
            request,
            form,
            lambda data: services.ask_for_slot(
                slot=slot, volunteer=form.proposals[data["volunteer"]].volunteer, by=request.user
            ),
        ):
            messages.success(
                request, _("%(name)s is asked and is told.") % {"name": done.value.volunteer}
            )
            return back

    if action == "attendance" and started:
        shift = get_object_or_404(
            Shift, pk=_number(request.POST.get("shift")), slot__session=session
        )
        form = AttendanceForm(request.POST, prefix=f"came{shift.pk}")
        if ui.submit(
            request,
            form,
            lambda data: services.record_shift_attendance(
                shift=shift, by=request.user, attended=data["came"], hours=data["hours"]
            ),
        ):
            messages.success(request, _("Saved: %(name)s.") % {"name": shift.volunteer})
            return back
        messages.error(request, " ".join(m for e in form.errors.values() for m in e))
        return back

    if started:
        for slot in slots:
            for shift in slot.shifts.all():
                if shift.status in (*SHIFT_HOLDING, ShiftStatus.ATTENDED, ShiftStatus.NO_SHOW):
                    shift.came_form = AttendanceForm(  # type: ignore[attr-defined]
                        prefix=f"came{shift.pk}",
                        initial={
                            "came": {"attended": "yes", "no_show": "no"}.get(shift.status, ""),
                            "hours": shift.hours_entry.hours if shift.hours_entry_id else None,
                        },
                    )
    return render(
        request,
        "activities/shifts/session_shifts.html",
        {
            "municipality": request.municipality,
            "session": session,
            "activity": session.activity,
            "slots": slots,
            "slot_form": slot_form,
            "ahead": ahead,
            "started": started,
        },
    )


# --- the volunteer -------------------------------------------------------------------------------


def _open_slots(volunteer) -> list[ShiftSlot]:
    holding = Q(shifts__status__in=SHIFT_HOLDING)
    return list(
        ShiftSlot.objects.filter(
            municipality_id=volunteer.municipality_id,
            session__status=SessionStatus.PLANNED,
            session__starts_at__gt=timezone.now(),
        )
        .exclude(
            Exists(
                Shift.objects.filter(
                    slot=OuterRef("pk"), volunteer=volunteer, status__in=SHIFT_HOLDING
                )
            )
        )
        .annotate(held=Count("shifts", filter=holding))
        .filter(held__lt=F("count"))
        .select_related("session__activity", "session__place", "role")
        .order_by("session__starts_at", "task", "pk")[:OPEN_SHIFTS_SHOWN]
    )


@login_required
@require_http_methods(["GET", "POST"])
def open_shifts(request: HttpRequest) -> HttpResponse:
    """Shifts of the coming meetings in the volunteer's municipality with room, those they are
    ready for first (with a button to take one), the others with what is missing."""
    volunteer = own_volunteer(request)
    if volunteer is None or volunteer.left_at is not None:
        return render(request, "activities/shifts/open_shifts.html", {"volunteer": volunteer})
    if request.method == "POST":
        slot = ShiftSlot.objects.filter(
            pk=_number(request.POST.get("slot")), municipality_id=volunteer.municipality_id
        ).first()
        if slot is None:
            messages.error(request, _("This shift is no longer open. Choose another."))
            return redirect("activities:open_shifts")
        taken: list[Shift] = []
        if ui.attempt(
            request,
            lambda: taken.append(
                services.take_shift(slot=slot, volunteer=volunteer, by=request.user)
            ),
            done=_("Thank you! The shift is yours."),
        ):
            return redirect("activities:own_shift", taken[0].pk)
        return redirect("activities:open_shifts")
    volunteer.signed_current = services.signed_current_of(volunteer)  # type: ignore[attr-defined]
    held = missing_for([volunteer])
    ready, not_ready = [], []
    for slot in _open_slots(volunteer):
        readiness = services.readiness_for_slot(volunteer, slot, held=held)
        reason = services.refusal_for(readiness)
        if not reason and slot.task == Task.DRIVER:
            reason = services.driver_refusal(volunteer)
        slot.reason = reason  # type: ignore[attr-defined]
        (not_ready if reason else ready).append(slot)
    return render(
        request,
        "activities/shifts/open_shifts.html",
        {"volunteer": volunteer, "ready": ready, "not_ready": not_ready},
    )


def _driver_rides(shift: Shift) -> list[Ride] | None:
    """The driver's pick-up list: only while they hold the shift (said yes) and the meeting is
    planned and not over; otherwise None (the elderly's details are not shown)."""
    session = shift.slot.session
    if (
        shift.slot.task != Task.DRIVER
        or shift.status not in (ShiftStatus.SIGNED_UP, ShiftStatus.CONFIRMED)
        or session.status != SessionStatus.PLANNED
        or session.ends_at <= timezone.now()
    ):
        return None
    return with_aids(
        list(
            Ride.objects.filter(driver_shift=shift, status=RideStatus.COVERED)
            .select_related("signup")
            .order_by("stop_number", "pickup_area", "pickup_address", "pk")
        )
    )


def _own_action(request: HttpRequest, shift: Shift) -> HttpResponse:
    action = request.POST.get("action", "")
    back = redirect("activities:own_shift", shift.pk)
    if action == "confirm":
        ui.attempt(
            request,
            lambda: services.confirm_shift(shift=shift, by=request.user),
            done=_("Thank you for confirming. See you there!"),
        )
    elif action in ("accept", "decline"):
        ui.attempt(
            request,
            lambda: services.answer_shift(shift=shift, by=request.user, accept=action == "accept"),
            done=(
                _("Thank you for helping! Here is what you need.")
                if action == "accept"
                else _("Thank you for answering. The organiser is told.")
            ),
        )
    return back


@login_required
@require_http_methods(["GET", "POST"])
def own_shift(request: HttpRequest, pk: int) -> HttpResponse:
    """The volunteer's own shift only (404 for anyone else's)."""
    shift = get_object_or_404(
        Shift.objects.select_related(
            "slot__session__activity", "slot__session__place", "slot__role", "volunteer"
        ),
        pk=pk,
        volunteer__user=request.user,
    )
    session = shift.slot.session
    if request.GET.get("drop") or request.POST.get("action") == "drop":
        form = DropForm(request.POST if request.POST.get("action") == "drop" else None)
        if ui.submit(
            request,
            form,
            lambda data: services.drop_shift(shift=shift, by=request.user, reason=data["reason"]),
        ):
            messages.success(
                request, _("You have dropped out. The organiser is told and someone else is asked.")
            )
            return redirect("activities:own_shift", shift.pk)
        return ui.form_page(
            request,
            form=form,
            title=_("Drop out of this shift?"),
            submit_label=_("Yes, drop out"),
            back_url=request.path,
            intro=_(
                "The organiser is told, and another ready volunteer is asked to stand in for "
                "you. It is fine to drop out when you cannot come."
            ),
        )
    if request.method == "POST":
        return _own_action(request, shift)
    ahead = session.status == SessionStatus.PLANNED and session.starts_at > timezone.now()
    return render(
        request,
        "activities/shifts/own_shift.html",
        {
            "shift": shift,
            "session": session,
            "activity": session.activity,
            "ahead": ahead,
            "rides": _driver_rides(shift),
        },
    )
