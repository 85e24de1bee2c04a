"""Attendance per session, the participants' 1–5 form, and the evaluation of an activity and of
the municipality's offer (Fjell/Øygarden: create → inform → plan and run → evaluate and learn)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from activities.catalogue.models import Activity, ActivityStatus
from activities.catalogue.permissions import can_manage_activity
from activities.evaluation import services
from activities.evaluation.forms import RATING_WORDS, AttendanceForm, FeedbackForm, PeriodForm
from activities.evaluation.models import Attendance, Feedback
from activities.schedule.models import Session, SessionStatus
from activities.shifts.models import Shift, ShiftStatus
from coordination.kernel import ui
from coordination.kernel.permissions import municipality_view, public

PER_PAGE = 25
LATEST_SESSIONS = 12
LATEST_COMMENTS = 20
PARTS_OF_DAY = {
    services.MORNING: gettext_lazy("Morning (before 12)"),
    services.AFTERNOON: gettext_lazy("Afternoon (12–17)"),
    services.EVENING: gettext_lazy("Evening (from 17)"),
}


def _times(figures: services.Figures) -> list[tuple[str, list[int]]]:
    """The weekdays with a held session, by name, and the sessions per part of the day."""
    return [(WEEKDAYS[day - 1], counts) for day, counts in figures.time_rows]


def _period_query(period: PeriodForm) -> str:
    """``?since=…&until=…`` for a link that keeps the period chosen ("" without one)."""
    if not period.is_bound or not period.is_valid():
        return ""
    data = period.cleaned_data
    chosen = {name: data[name].isoformat() for name in ("since", "until") if data.get(name)}
    return f"?{urlencode(chosen)}" if chosen else ""


def _feedback_url(request: HttpRequest, session: Session) -> str:
    return request.build_absolute_uri(
        reverse("activities:session_feedback", args=[session.municipality_id, session.pk])
    )


@municipality_view("manage_activities")
@require_http_methods(["GET", "POST"])
def session_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_object_or_404(
        Session.objects.in_municipality(request.municipality).select_related("activity", "place"),
        pk=pk,
    )
    if not can_manage_activity(request.user, session.activity):
        raise Http404
    signups = list(services.confirmed_signups(session))
    recorded = {row.signup_id: row for row in Attendance.objects.filter(session=session)}
    covered = services.covered_ride_signups(session)
    # The volunteers on duty (their attendance is recorded on the shifts page).
    shifts = list(
        Shift.objects.filter(slot__session=session)
        .exclude(status__in=[ShiftStatus.DECLINED, ShiftStatus.DROPPED])
        .select_related("volunteer__user", "slot")
        .order_by("slot__task", "pk")
    )
    form = AttendanceForm(
        request.POST or None,
        signups=signups,
        present={pk for pk, row in recorded.items() if row.present},
        by_ride={pk for pk, row in recorded.items() if row.came_by_ride} if recorded else covered,
        initial={"walk_ins": session.walk_ins},
    )
    if ui.submit(
        request,
        form,
        lambda data: services.record_attendance(
            session=session,
            by=request.user,
            present_signup_ids=form.ticked("came"),
            came_by_ride_ids=form.ticked("ride"),
            walk_ins=data["walk_ins"],
            rides_ticked=True,
        ),
    ):
        messages.success(request, _("Saved. Thank you for recording who came."))
        return redirect("activities:session_attendance", request.municipality.pk, session.pk)
    return render(
        request,
        "activities/evaluation/session_attendance.html",
        {
            "municipality": request.municipality,
            "session": session,
            "form": form,
            "started": session.starts_at <= timezone.now(),
            "open": session.status in (SessionStatus.PLANNED, SessionStatus.HELD),
            "no_attendance": services.no_attendance_reason(session),
            "recorded": bool(recorded),
            "covered": covered,
            "shifts": shifts,
            "feedback_url": _feedback_url(request, session),
            "feedback_open": not services.feedback_refusal(session),
        },
    )


@public
@require_http_methods(["GET", "POST"])
def session_feedback(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    session = get_object_or_404(
        Session.objects.filter(
            municipality_id=municipality,
            activity__status__in=[ActivityStatus.PUBLISHED, ActivityStatus.ARCHIVED],
        ).select_related("activity", "place", "municipality"),
        pk=pk,
    )
    here = reverse("activities:session_feedback", args=[municipality, session.pk])
    sent = request.GET.get("sent") == "1"
    refusal = "" if sent else services.feedback_refusal(session)
    form = FeedbackForm(request.POST or None) if not (sent or refusal) else None
    if form is not None and request.method == "POST":
        if form.is_valid() and form.cleaned_data["website"]:  # a robot: store nothing
            return redirect(f"{here}?sent=1")
        if ui.submit(
            request,
            form,
            lambda data: services.give_feedback(
                session=session,
                rating=data["rating"],
                area=data["area"],
                comment=data["comment"],
            ),
        ):
            return redirect(f"{here}?sent=1")
    return render(
        request,
        "activities/evaluation/session_feedback.html",
        {
            "municipality": session.municipality,
            "session": session,
            "form": form,
            "sent": sent,
            "refusal": refusal,
            "ratings": list(RATING_WORDS.items()),
        },
    )


@municipality_view("manage_activities")
@require_GET
def activity_evaluation(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_object_or_404(
        Activity.objects.in_municipality(request.municipality).select_related("activity_type"),
        pk=pk,
    )
    if not can_manage_activity(request.user, activity):
        raise Http404
    period = PeriodForm(request.GET or None)
    since, until = period.period()
    summary = services.activity_summary(activity, since=since, until=until)
    sessions = Session.objects.filter(
        services.session_bounds(since, until), activity=activity, starts_at__lte=timezone.now()
    )
    latest = list(
        sessions.select_related("place")
        .annotate(
            came=Count("attendance", filter=Q(attendance__present=True), distinct=True),
            answers=Count("feedback", distinct=True),
        )
        .order_by("-starts_at", "-pk")[:LATEST_SESSIONS]
    )
    comments = (
        Feedback.objects.filter(session__activity=activity)
        .exclude(comment="")
        .select_related("session")
        .order_by("-created_at", "-pk")
    )
    comments = comments.filter(
        services.prefixed(services.session_bounds(since, until), "session__")
    )
    return render(
        request,
        "activities/evaluation/activity_evaluation.html",
        {
            "municipality": request.municipality,
            "activity": activity,
            "period": period,
            "summary": summary,
            "times": _times(summary),
            "parts": list(PARTS_OF_DAY.values()),
            "latest": latest,
            "comments": list(comments[:LATEST_COMMENTS]),
            "rating_words": RATING_WORDS,
        },
    )


@municipality_view("coordinate_activities")
@require_GET
def municipality_evaluation(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    period = PeriodForm(request.GET or None)
    since, until = period.period()
    page = Paginator(services.evaluated_activities(municipality), PER_PAGE).get_page(
        request.GET.get("page")
    )
    summary = services.municipality_summary(
        municipality, since=since, until=until, activities=page.object_list
    )
    return render(
        request,
        "activities/evaluation/municipality_evaluation.html",
        {
            "municipality": municipality,
            "period": period,
            "page": page,
            "summary": summary,
            "period_query": _period_query(period),
            "total": summary.total,
            "villages_reached": services.villages_reached(summary.total),
            "times": _times(summary.total),
            "parts": list(PARTS_OF_DAY.values()),
            "rating_words": RATING_WORDS,
        },
    )
