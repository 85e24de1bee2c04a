"""The organiser's pages: a schedule (made, or changed with its dates without a meeting), a
one-off meeting, changing a meeting, and one meeting's page with its numbers and where to go
next (participants, rides, shifts, attendance, cancelling)."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Q, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from activities.catalogue.models import Activity
from activities.catalogue.permissions import can_manage_activity
from activities.evaluation.models import Attendance
from activities.rides.models import Ride, RideStatus
from activities.schedule import recurrence, services
from activities.schedule.forms import ScheduleForm, SessionForm
from activities.schedule.models import Schedule, Session, SessionStatus
from activities.shifts.models import Shift, ShiftSlot, ShiftStatus
from activities.signups.models import SignUp, SignUpStatus
from coordination.kernel import ui
from coordination.kernel.permissions import get_for_user, municipality_view

PREVIEW_COUNT = 8
UPCOMING_COUNT = 12


def _check(request: HttpRequest, activity: Activity) -> None:
    """Only the activity's organisers and the coordinator: others see no such page."""
    if not can_manage_activity(request.user, activity):
        raise Http404


def _activity(request: HttpRequest, pk: int) -> Activity:
    activity = get_for_user(
        Activity.objects.in_municipality(request.municipality).select_related("place"),
        request.user,
        "manage_activities",
        pk=pk,
    )
    _check(request, activity)
    return activity


def _manage_url(activity: Activity) -> str:
    return reverse("activities:activity_manage", args=[activity.municipality_id, activity.pk])


def _preview(form: ScheduleForm) -> list[recurrence.Occurrence]:
    data = form.cleaned_data
    return recurrence.occurrences(
        frequency=data["frequency"],
        starts_on=data["starts_on"],
        start_time=data["start_time"],
        end_time=data["end_time"],
        ends_on=data.get("ends_on"),
        exceptions=data["exceptions"],
        places=len(data["places"]) or 1,
        today=timezone.localdate(),
    )[:PREVIEW_COUNT]


def _preview_rows(form: ScheduleForm) -> list[dict]:
    places = form.cleaned_data["places"]
    return [
        {"occurrence": o, "place": places[o.place_index] if places else None}
        for o in _preview(form)
    ]


def _wants_preview(request: HttpRequest) -> bool:
    return request.method == "POST" and request.POST.get("action") == "preview"


@municipality_view("manage_activities")
@require_http_methods(["GET", "POST"])
def schedule_create(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _activity(request, pk)
    form = ScheduleForm(request.POST or None, municipality=request.municipality, activity=activity)
    preview = None
    if _wants_preview(request):
        if form.is_valid():
            preview = _preview_rows(form)
    elif done := ui.submit(
        request,
        form,
        lambda data: services.create_schedule(
            activity=activity, by=request.user, **form.service_fields()
        ),
    ):
        count = done.value.sessions.count()
        messages.success(
            request,
            ngettext(
                "The schedule is saved: %(count)s meeting is planned.",
                "The schedule is saved: %(count)s meetings are planned.",
                count,
            )
            % {"count": count},
        )
        return redirect(_manage_url(activity))
    return render(
        request,
        "activities/schedule/schedule_form.html",
        {
            "municipality": request.municipality,
            "activity": activity,
            "form": form,
            "preview": preview,
            "title": _("Plan the meetings of «%(title)s»") % {"title": activity.title},
            "back_url": _manage_url(activity),
        },
    )


@municipality_view("manage_activities")
@require_http_methods(["GET", "POST"])
def schedule_edit(request: HttpRequest, pk: int) -> HttpResponse:
    schedule = get_for_user(
        Schedule.objects.filter(activity__municipality=request.municipality).select_related(
            "activity"
        ),
        request.user,
        "manage_activities",
        via="activity__municipality",
        pk=pk,
    )
    activity = schedule.activity
    _check(request, activity)
    form = ScheduleForm(
        request.POST or None,
        municipality=request.municipality,
        activity=activity,
        schedule=schedule,
    )
    preview = None
    if _wants_preview(request):
        if form.is_valid():
            preview = _preview_rows(form)
    elif done := ui.submit(
        request,
        form,
        lambda data: services.update_schedule(
            schedule=schedule, by=request.user, **form.service_fields()
        ),
    ):
        made = done.value
        messages.success(request, _change_message(made))
        if made.kept:
            messages.warning(
                request,
                ngettext(
                    "%(count)s meeting no longer fits the schedule but has people signed up: "
                    "it is kept. Move or cancel it from its own page.",
                    "%(count)s meetings no longer fit the schedule but have people signed up: "
                    "they are kept. Move or cancel them from their own pages.",
                    len(made.kept),
                )
                % {"count": len(made.kept)},
            )
        return redirect("activities:schedule_edit", request.municipality.pk, schedule.pk)
    upcoming = list(
        schedule.sessions.filter(starts_at__gte=timezone.now())
        .select_related("place")
        .order_by("starts_at")[:UPCOMING_COUNT]
    )
    return render(
        request,
        "activities/schedule/schedule_form.html",
        {
            "municipality": request.municipality,
            "activity": activity,
            "schedule": schedule,
            "form": form,
            "preview": preview,
            "upcoming": upcoming,
            "title": _("Change the schedule of «%(title)s»") % {"title": activity.title},
            "back_url": _manage_url(activity),
        },
    )


def _change_message(made: services.SessionsMade) -> str:
    parts = [_("The schedule is saved.")]
    if made.created:
        parts.append(
            ngettext("%(count)s meeting added.", "%(count)s meetings added.", made.created)
            % {"count": made.created}
        )
    if made.updated:
        parts.append(
            ngettext(
                "%(count)s meeting moved to the new time or place.",
                "%(count)s meetings moved to the new time or place.",
                made.updated,
            )
            % {"count": made.updated}
        )
    if made.removed:
        parts.append(
            ngettext("%(count)s meeting removed.", "%(count)s meetings removed.", made.removed)
            % {"count": made.removed}
        )
    return " ".join(parts)


@municipality_view("manage_activities")
@require_http_methods(["GET", "POST"])
def session_create(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _activity(request, pk)
    form = SessionForm(
        request.POST or None,
        municipality=request.municipality,
        initial={"place": activity.place_id},
    )
    if done := ui.submit(
        request,
        form,
        lambda data: services.add_session(activity=activity, by=request.user, **data),
    ):
        messages.success(request, _("The meeting is added to the calendar."))
        return redirect("activities:session_detail", request.municipality.pk, done.value.pk)
    return ui.form_page(
        request,
        form=form,
        title=_("Add one meeting of «%(title)s»") % {"title": activity.title},
        intro=_("A single meeting, outside the regular schedule. Times are Norwegian time."),
        submit_label=_("Add the meeting"),
        back_url=_manage_url(activity),
    )


def _session(request: HttpRequest, pk: int) -> Session:
    session = get_for_user(
        Session.objects.in_municipality(request.municipality).select_related(
            "activity", "place", "schedule"
        ),
        request.user,
        "manage_activities",
        pk=pk,
    )
    _check(request, session.activity)
    return session


@municipality_view("manage_activities")
@require_http_methods(["GET", "POST"])
def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session(request, pk)
    form = SessionForm(request.POST or None, municipality=request.municipality, instance=session)
    if ui.submit(
        request,
        form,
        lambda data: services.update_session(
            session=session,
            by=request.user,
            **{name: data[name] for name in form.changed_data},
        ),
    ):
        messages.success(request, _("The meeting is changed."))
        return redirect("activities:session_detail", request.municipality.pk, session.pk)
    return ui.form_page(
        request,
        form=form,
        title=_("Change the meeting of «%(title)s»") % {"title": session.activity.title},
        intro=_(
            "People who have signed up are not told automatically: phone them if the time or "
            "place changes."
        ),
        submit_label=_("Save the meeting"),
        back_url=reverse("activities:session_detail", args=[request.municipality.pk, session.pk]),
    )


def session_numbers(session: Session) -> dict:
    """The counts on a meeting's page, each one aggregate query."""
    signups = SignUp.objects.filter(
        Q(session=session) | Q(session__isnull=True, activity_id=session.activity_id)
    ).aggregate(
        confirmed=Count("pk", filter=Q(status=SignUpStatus.CONFIRMED, session=session)),
        period=Count("pk", filter=Q(status=SignUpStatus.CONFIRMED, session__isnull=True)),
        waiting=Count("pk", filter=Q(status=SignUpStatus.WAITING, session=session)),
    )
    rides = Ride.objects.filter(session=session).aggregate(
        needed=Count("pk", filter=~Q(status=RideStatus.CANCELLED)),
        covered=Count("pk", filter=Q(status=RideStatus.COVERED)),
    )
    slots = ShiftSlot.objects.filter(session=session).aggregate(needed=Sum("count"))
    filled = Shift.objects.filter(
        slot__session=session,
        status__in=[ShiftStatus.SIGNED_UP, ShiftStatus.CONFIRMED, ShiftStatus.ATTENDED],
    ).count()
    attendance = Attendance.objects.filter(session=session).aggregate(
        recorded=Count("pk"), present=Count("pk", filter=Q(present=True))
    )
    capacity = session.effective_capacity
    taken = signups["confirmed"] + signups["period"]
    return {
        "confirmed": signups["confirmed"],
        "period": signups["period"],
        "taken": taken,
        "free": None if capacity is None else max(capacity - taken, 0),
        "capacity": capacity,
        "waiting": signups["waiting"],
        "rides_needed": rides["needed"],
        "rides_covered": rides["covered"],
        "shifts_needed": slots["needed"] or 0,
        "shifts_filled": filled,
        "attendance_recorded": attendance["recorded"],
        "attendance_present": attendance["present"],
    }


@municipality_view("manage_activities")
@require_GET
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session(request, pk)
    return render(
        request,
        "activities/schedule/session_detail.html",
        {
            "municipality": request.municipality,
            "session": session,
            "activity": session.activity,
            "numbers": session_numbers(session),
            "is_past": session.starts_at < timezone.now(),
            "is_planned": session.status == SessionStatus.PLANNED,
            "manage_url": _manage_url(session.activity),
        },
    )
