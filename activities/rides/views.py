"""A session's rides in pick-up order (with a run sheet per driver to print), and asking drivers
proposed by matching. The participants' names, phones and addresses are shown here only to the
activity's organisers and the coordinator."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from activities.catalogue.permissions import can_manage_activity
from activities.rides import services
from activities.rides.forms import AskDriverForm, AssignRidesForm
from activities.rides.models import Ride, RideStatus
from activities.schedule.models import Session
from activities.shifts.models import SHIFT_HOLDING, Shift, Task
from activities.signups.models import MobilityAid
from coordination.kernel import ui
from coordination.kernel.permissions import municipality_view

AIDS = dict(MobilityAid.choices)


def managed_session(request: HttpRequest, pk: int) -> Session:
    """The session of this municipality, if the person runs its activity (404 otherwise)."""
    session = get_object_or_404(
        Session.objects.in_municipality(request.municipality).select_related("activity", "place"),
        pk=pk,
    )
    if not can_manage_activity(request.user, session.activity):
        raise Http404
    return session


def with_aids(rides: list[Ride]) -> list[Ride]:
    for ride in rides:
        ride.aid_labels = [str(AIDS.get(aid, aid)) for aid in ride.mobility_aids or []]  # type: ignore[attr-defined]
    return rides


def rides_by_driver(session: Session) -> list[tuple[Shift | None, list[Ride]]]:
    """The live rides, grouped per driver (rides without a driver last), in pick-up order."""
    rides = with_aids(
        list(
            services.live_rides(session)
            .select_related("signup", "driver_shift__volunteer__user")
            .order_by("stop_number", "pickup_area", "pickup_address", "pk")
        )
    )
    groups: dict[int | None, list[Ride]] = {}
    shifts: dict[int | None, Shift | None] = {None: None}
    for ride in rides:
        groups.setdefault(ride.driver_shift_id, []).append(ride)
        if ride.driver_shift_id is not None:
            shifts[ride.driver_shift_id] = ride.driver_shift
    ordered = sorted(groups, key=lambda key: (key is None, str(shifts[key] or "")))
    return [(shifts[key], groups[key]) for key in ordered]


@municipality_view("manage_activities")
@require_http_methods(["GET", "POST"])
def session_rides(request: HttpRequest, pk: int) -> HttpResponse:
    session = managed_session(request, pk)
    if request.method == "POST":
        ui.attempt(
            request,
            lambda: services.plan_pickups(session=session, by=request.user),
            done=_("The pick-up order and times are set."),
        )
        return redirect("activities:session_rides", request.municipality.pk, session.pk)
    groups = rides_by_driver(session)
    needed = sum(
        1 for _driver, rides in groups for ride in rides if ride.status == RideStatus.NEEDED
    )
    return render(
        request,
        "activities/rides/session_rides.html",
        {
            "municipality": request.municipality,
            "session": session,
            "activity": session.activity,
            "groups": groups,
            "count": sum(len(rides) for _driver, rides in groups),
            "needed": needed,
            "route": session.activity.route_villages(),
        },
    )


@municipality_view("manage_activities")
@require_http_methods(["GET", "POST"])
def ride_drivers(request: HttpRequest, pk: int) -> HttpResponse:
    session = managed_session(request, pk)
    proposals = services.propose_drivers(session=session)
    drivers = list(
        Shift.objects.filter(slot__session=session, slot__task=Task.DRIVER)
        .filter(status__in=SHIFT_HOLDING)
        .select_related("volunteer__user")
        .order_by("created_at", "pk")
    )
    live = list(
        services.live_rides(session)
        .select_related("signup")
        .order_by("stop_number", "pickup_area", "pickup_address", "pk")
    )
    open_rides = [r for r in live if r.status == RideStatus.NEEDED and r.driver_shift_id is None]
    action = request.POST.get("action", "ask")
    posted = request.POST if request.method == "POST" else None
    form = AskDriverForm(posted if action == "ask" else None, proposals=proposals, rides=open_rides)
    assign_form = AssignRidesForm(
        posted if action == "assign" else None, drivers=drivers, rides=live, prefix="give"
    )
    back = redirect("activities:ride_drivers", request.municipality.pk, session.pk)

    def ask(data: dict) -> Shift:
        proposal = form.proposals[data["volunteer"]]
        return services.ask_driver(
            session=session,
            volunteer=proposal.volunteer,
            by=request.user,
            rides=[form.rides[pk] for pk in data["rides"]],
        )

    def give(data: dict) -> None:
        services.assign_rides(
            shift=assign_form.drivers[data["shift"]],
            rides=[assign_form.rides[pk] for pk in data["rides"]],
            by=request.user,
        )

    if action == "ask" and (done := ui.submit(request, form, ask)):
        asked = _("%(name)s is asked to drive and is told.") % {"name": done.value.volunteer}
        messages.success(request, asked + " " + _("The rides get their driver when they say yes."))
        return back
    if action == "assign" and ui.submit(request, assign_form, give):
        messages.success(request, _("The rides are given to the driver, in pick-up order."))
        return back
    return render(
        request,
        "activities/rides/ride_drivers.html",
        {
            "municipality": request.municipality,
            "session": session,
            "activity": session.activity,
            "proposals": proposals,
            "open_rides": with_aids(open_rides),
            "drivers": drivers,
            "form": form,
            "assign_form": assign_form,
        },
    )
