"""The public pages: the catalogue with its filters, an activity's page, and proposing an
activity (rate-limited, with a trap for robots) with its thank-you page."""

from __future__ import annotations

from allauth.core import ratelimit
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from activities.catalogue import services
from activities.catalogue.forms import (
    CatalogueFilter,
    ProposalForm,
)
from activities.catalogue.models import Activity, Place
from activities.catalogue.permissions import can_manage_activity
from activities.schedule.models import Session
from coordination.kernel import ui
from coordination.kernel.models import Municipality, Role
from coordination.kernel.pagination import IdsFirstPaginator
from coordination.kernel.permissions import public

PER_PAGE = 20
UPCOMING = 10
# The catalogue's time filter: evening starts at 17; the weekend is Saturday and Sunday
# (Django's week_day: 1 is Sunday, 7 is Saturday).
EVENING_FROM = 17
WEEKEND = (1, 7)
PUBLIC_RATE_ACTION = "propose_activity_publicly"


def upcoming_sessions() -> QuerySet:
    """Planned meetings from now on (the catalogue, an activity's page, the organiser's page)."""
    return Session.objects.ahead()


def next_sessions(activity: Activity) -> QuerySet:
    """The activity's next planned meetings with their places (its public page and the
    organiser's page)."""
    return (
        upcoming_sessions()
        .filter(activity=activity)
        .select_related("place")
        .order_by("starts_at")[:UPCOMING]
    )


def _catalogue_rows(municipality: Municipality) -> QuerySet:
    """Published activities with all the catalogue shows, in a fixed number of queries: the
    next meeting and its place come as annotations, co-organisers in one prefetch."""
    next_session = upcoming_sessions().filter(activity=OuterRef("pk")).order_by("starts_at")
    return (
        Activity.objects.in_municipality(municipality)
        .published()
        .select_related("activity_type", "organiser", "place")
        .prefetch_related("co_organisers")
        .annotate(
            next_starts_at=Subquery(next_session.values("starts_at")[:1]),
            next_place_name=Subquery(next_session.values("place__name")[:1]),
            next_place_area=Subquery(next_session.values("place__area")[:1]),
        )
    )


def _filter_by_time(rows: QuerySet, time: str) -> QuerySet:
    """Activities with an upcoming planned meeting at that time of the week (local time).
    Listed-only activities have no meetings here, so a time filter leaves them out."""
    sessions = upcoming_sessions().filter(activity=OuterRef("pk"))
    if time == "daytime":
        sessions = sessions.filter(starts_at__hour__lt=EVENING_FROM).exclude(
            starts_at__week_day__in=WEEKEND
        )
    elif time == "evening":
        sessions = sessions.filter(starts_at__hour__gte=EVENING_FROM)
    elif time == "weekend":
        sessions = sessions.filter(starts_at__week_day__in=WEEKEND)
    else:
        return rows
    return rows.filter(Exists(sessions), listed_only=False)


def _areas(municipality: Municipality) -> list[str]:
    """The villages where published activities meet, at their usual place or where an upcoming
    meeting is held (a schedule may move between village halls): the filter's choices.
    Asked place by place (a municipality has tens of places, each found used at once by an
    index), not by going through the thousands of meetings ahead of a large municipality."""
    published = Activity.objects.in_municipality(municipality).published()
    usual = published.filter(place=OuterRef("pk"))
    moving = upcoming_sessions().filter(place=OuterRef("pk"), activity__in=published)
    return sorted(
        Place.objects.in_municipality(municipality)
        .filter(Exists(usual) | Exists(moving))
        .order_by()
        .values_list("area", flat=True)
        .distinct()
    )


def _filter_by_area(rows: QuerySet, area: str) -> QuerySet:
    """Activities whose usual place, or one of whose upcoming meetings, is in the village."""
    held_there = upcoming_sessions().filter(activity=OuterRef("pk"), place__area=area)
    return rows.filter(Q(place__area=area) | Q(Exists(held_there)))


@public
@require_GET
def catalogue(request: HttpRequest, municipality: str) -> HttpResponse:
    place = get_object_or_404(Municipality, pk=municipality)
    areas = _areas(place)
    chosen = CatalogueFilter(request.GET or None, areas=areas)
    rows = _catalogue_rows(place)
    filtered = False
    if chosen.is_valid():
        data = chosen.cleaned_data
        rows = _filter_by_time(rows, data["time"])
        if data["area"]:
            rows = _filter_by_area(rows, data["area"])
        if data["category"]:
            rows = rows.filter(activity_type__category=data["category"])
        if data["transport"]:
            rows = rows.filter(transport_offered=True)
        if data["free"]:
            rows = rows.filter(fee=0)
        filtered = any(data.values())
    rows = rows.order_by("run_by_professionals", "title", "pk")
    page = IdsFirstPaginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "activities/catalogue/catalogue.html",
        {
            "municipality": place,
            "filter": chosen,
            "filtered": filtered,
            "page": page,
            "activities": page.object_list,
            "time_chosen": bool(
                chosen.is_bound and chosen.is_valid() and chosen.cleaned_data["time"]
            ),
        },
    )


@public
@require_GET
def activity_detail(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    place = get_object_or_404(Municipality, pk=municipality)
    activity = get_object_or_404(_catalogue_rows(place), pk=pk)
    sessions = next_sessions(activity)
    return render(
        request,
        "activities/catalogue/activity_detail.html",
        {
            "municipality": place,
            "activity": activity,
            "sessions": sessions,
            "may_manage": bool(can_manage_activity(request.user, activity)),
        },
    )


@public
@require_http_methods(["GET", "POST"])
def activity_propose(request: HttpRequest, municipality: str) -> HttpResponse:
    place = get_object_or_404(Municipality, pk=municipality)
    if request.GET.get("sent"):
        return render(request, "activities/catalogue/propose_thanks.html", {"municipality": place})
    # Without a coordinator nobody would call the proposer back: the page says whom to ask.
    in_use = place.memberships.filter(role=Role.COORDINATOR).exists()
    form = ProposalForm(request.POST or None, municipality=place) if in_use else None
    if request.method == "POST" and form is not None and form.is_valid():
        if not ratelimit.consume(request, action=PUBLIC_RATE_ACTION):
            return render(request, "429.html", status=429)
        thanks = reverse("activities:activity_propose", args=[place.pk]) + "?sent=1"
        if form.cleaned_data["website"]:  # a robot filled in the trap: store nothing
            return redirect(thanks)
        data = {k: v for k, v in form.cleaned_data.items() if k != "website"}
        if ui.submit(
            request, form, lambda _data: services.propose_activity(municipality=place, **data)
        ):
            return redirect(thanks)
    return render(
        request,
        "activities/catalogue/propose.html",
        {"municipality": place, "form": form, "in_use": in_use},
    )
