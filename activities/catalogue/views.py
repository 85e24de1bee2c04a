"""The public catalogue, an activity's page, proposals, and the organisers' pages: their
activities, activity types and places."""

from __future__ import annotations

from allauth.core import ratelimit
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from activities.catalogue import services
from activities.catalogue.forms import (
    ActivityForm,
    ActivityTypeForm,
    CatalogueFilter,
    PlaceForm,
    ProposalDecisionForm,
    ProposalForm,
    RenameTypeForm,
)
from activities.catalogue.models import Activity, ActivityStatus, ActivityType, Category, Place
from activities.catalogue.permissions import can_manage_activity, organisations_spoken_for
from activities.schedule.models import Session, SessionStatus
from coordination.kernel import ui
from coordination.kernel.models import Municipality
from coordination.kernel.permissions import get_for_user, municipality_view, public

PER_PAGE = 20
UPCOMING = 10
# The catalogue's time filter: evening starts at 17; the weekend is Saturday and Sunday
# (Django's week_day: 1 is Sunday, 7 is Saturday).
EVENING_FROM = 17
WEEKEND = (1, 7)
PUBLIC_RATE_ACTION = "propose_activity_publicly"


def _upcoming_sessions() -> QuerySet:
    return Session.objects.filter(status=SessionStatus.PLANNED, starts_at__gte=timezone.now())


def _catalogue_rows(municipality: Municipality) -> QuerySet:
    """Published activities with all the catalogue shows, in a fixed number of queries: the
    next meeting and its place come as annotations, co-organisers in one prefetch."""
    next_session = _upcoming_sessions().filter(activity=OuterRef("pk")).order_by("starts_at")
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
    sessions = _upcoming_sessions().filter(activity=OuterRef("pk"))
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
    """The villages where published activities meet (the filter's choices)."""
    return sorted(
        set(
            Activity.objects.in_municipality(municipality)
            .published()
            .exclude(place=None)
            .values_list("place__area", flat=True)
        )
    )


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
            rows = rows.filter(place__area=data["area"])
        if data["category"]:
            rows = rows.filter(activity_type__category=data["category"])
        if data["transport"]:
            rows = rows.filter(transport_offered=True)
        if data["free"]:
            rows = rows.filter(fee=0)
        filtered = any(data.values())
    rows = rows.order_by("run_by_professionals", "title", "pk")
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
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
    sessions = (
        _upcoming_sessions()
        .filter(activity=activity)
        .select_related("place")
        .order_by("starts_at")[:UPCOMING]
    )
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
    form = ProposalForm(request.POST or None, municipality=place)
    if request.method == "POST" and form.is_valid():
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
        request, "activities/catalogue/propose.html", {"municipality": place, "form": form}
    )


# --- the organisers' pages --------------------------------------------------------------


def _managed(request: HttpRequest) -> QuerySet:
    """The activities this person runs: a coordinator all of the municipality's, a partner
    representative those of the organisations they speak for."""
    rows = Activity.objects.in_municipality(request.municipality)
    if services.is_coordinator(request.user, request.municipality):
        return rows
    own = organisations_spoken_for(request.user, request.municipality)
    return rows.filter(Q(organiser__in=own) | Q(co_organisers__in=own)).distinct()


def _activity_to_run(request: HttpRequest, pk: int) -> Activity:
    """The activity this person runs, or 404 (another municipality's, another organisation's)."""
    activity = get_for_user(
        Activity.objects.in_municipality(request.municipality).select_related(
            "activity_type", "organiser", "place"
        ),
        request.user,
        "manage_activities",
        pk=pk,
    )
    if not can_manage_activity(request.user, activity):
        raise Http404  # as if it did not exist: it is another organisation's
    return activity


def _own(request: HttpRequest) -> list[int]:
    """The organisations a representative publishes for (empty for a coordinator)."""
    if services.is_coordinator(request.user, request.municipality):
        return []
    return organisations_spoken_for(request.user, request.municipality)


@municipality_view("manage_activities")
@require_GET
def activity_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    rows = _managed(request).select_related("activity_type", "organiser", "place")
    if status in ActivityStatus.values:
        rows = rows.filter(status=status)
    else:
        status = ""
    transport = request.GET.get("transport") == "1"
    if transport:
        rows = rows.filter(transport_offered=True)
    page = Paginator(rows.order_by("title", "pk"), PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "activities/catalogue/activity_list.html",
        {
            "municipality": request.municipality,
            "page": page,
            "activities": page.object_list,
            "status": status,
            "transport": transport,
            "statuses": ActivityStatus.choices,
            "coordinator": services.is_coordinator(request.user, request.municipality),
        },
    )


@municipality_view("manage_activities")
@require_http_methods(["GET", "POST"])
def activity_create(request: HttpRequest) -> HttpResponse:
    own = _own(request)
    if not own and not services.is_coordinator(request.user, request.municipality):
        messages.info(
            request,
            _(
                "Your role is not linked to an organisation yet, so you cannot publish "
                "activities. Ask the coordinator to link it."
            ),
        )
        return redirect("activities:activity_list", request.municipality.pk)
    form = ActivityForm(
        request.POST or None, municipality=request.municipality, user=request.user, own=own
    )
    if done := ui.submit(
        request,
        form,
        lambda data: services.create_activity(
            municipality=request.municipality, by=request.user, **data
        ),
    ):
        messages.success(request, _("The activity is published in the catalogue."))
        return redirect("activities:activity_manage", request.municipality.pk, done.value.pk)
    return ui.form_page(
        request,
        form=form,
        title=_("New activity"),
        submit_label=_("Publish the activity"),
        back_url=reverse("activities:activity_list", args=[request.municipality.pk]),
        intro=_(
            "An activity only listed here, run outside Samspill, needs a «when» in words and a "
            "phone number for signing up; meetings and places can then be left empty."
        ),
    )


@municipality_view("manage_activities")
@require_GET
def activity_manage(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _activity_to_run(request, pk)
    sessions = (
        _upcoming_sessions()
        .filter(activity=activity)
        .select_related("place")
        .order_by("starts_at")[:UPCOMING]
    )
    return render(
        request,
        "activities/catalogue/activity_manage.html",
        {
            "municipality": request.municipality,
            "activity": activity,
            "co_organisers": activity.co_organisers.all(),
            "sessions": sessions,
        },
    )


@municipality_view("manage_activities")
@require_http_methods(["GET", "POST"])
def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _activity_to_run(request, pk)
    own = _own(request)
    # The form works on its own copy: the service compares with the activity as it was.
    form = ActivityForm(
        request.POST or None,
        instance=Activity.objects.get(pk=activity.pk),
        municipality=request.municipality,
        user=request.user,
        own=own,
    )
    back = reverse("activities:activity_manage", args=[request.municipality.pk, activity.pk])
    if ui.submit(
        request,
        form,
        lambda data: services.update_activity(activity=activity, by=request.user, **data),
    ):
        messages.success(request, _("The changes are saved."))
        return redirect(back)
    return ui.form_page(
        request,
        form=form,
        title=_("Change «%(title)s»") % {"title": activity.title},
        submit_label=_("Save the changes"),
        back_url=back,
        back_label=_("Back to the activity"),
    )


@municipality_view("manage_activities")
@require_http_methods(["GET", "POST"])
def activity_archive(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _activity_to_run(request, pk)
    back = reverse("activities:activity_manage", args=[request.municipality.pk, activity.pk])
    return ui.confirm_then(
        request,
        do=lambda: services.archive_activity(activity=activity, by=request.user),
        done=_("The activity has ended and is no longer in the catalogue."),
        then=back,
        title=_("End «%(title)s»") % {"title": activity.title},
        question=_("End this activity? It leaves the catalogue, and nobody can sign up any more."),
        details=[
            _(
                "Its meetings, sign-ups and attendance are kept. You can publish it again "
                "later from the activity's page."
            )
        ],
        submit_label=_("Yes, end the activity"),
        back_url=back,
    )


@municipality_view("manage_activities")
@require_http_methods(["GET", "POST"])
def activity_republish(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _activity_to_run(request, pk)
    back = reverse("activities:activity_manage", args=[request.municipality.pk, activity.pk])
    return ui.confirm_then(
        request,
        do=lambda: services.republish_activity(activity=activity, by=request.user),
        done=_("The activity is in the catalogue again."),
        then=back,
        title=_("Publish «%(title)s» again") % {"title": activity.title},
        question=_("Publish this activity in the catalogue again?"),
        submit_label=_("Yes, publish it again"),
        back_url=back,
    )


# --- the coordinator's pages ------------------------------------------------------------


@municipality_view("coordinate_activities")
@require_GET
def proposal_list(request: HttpRequest) -> HttpResponse:
    rows = (
        Activity.objects.in_municipality(request.municipality)
        .proposed()
        .select_related("activity_type")
        .order_by("created_at", "pk")
    )
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "activities/catalogue/proposal_list.html",
        {"municipality": request.municipality, "page": page, "proposals": page.object_list},
    )


@municipality_view("coordinate_activities")
@require_http_methods(["GET", "POST"])
def proposal_decide(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_for_user(
        Activity.objects.in_municipality(request.municipality)
        .proposed()
        .select_related("activity_type"),
        request.user,
        "coordinate_activities",
        pk=pk,
    )
    form = ProposalDecisionForm(
        request.POST or None,
        instance=Activity.objects.get(pk=proposal.pk),
        municipality=request.municipality,
        user=request.user,
        own=[],
    )

    def decide(data: dict) -> Activity:
        data = dict(data)
        decision = data.pop("decision")
        reason = data.pop("decline_reason", "")
        if decision == "decline":
            return services.decline_activity(activity=proposal, by=request.user, reason=reason)
        services.update_activity(activity=proposal, by=request.user, **data)
        return services.approve_activity(activity=proposal, by=request.user)

    if done := ui.submit(request, form, decide):
        if done.value.status == ActivityStatus.PUBLISHED:
            messages.success(request, _("The activity is approved and published."))
        else:
            messages.success(request, _("The proposal is declined."))
        return redirect("activities:proposal_list", request.municipality.pk)
    return render(
        request,
        "activities/catalogue/proposal_decide.html",
        {"municipality": request.municipality, "proposal": proposal, "form": form},
    )


@municipality_view("coordinate_activities")
@require_http_methods(["GET", "POST"])
def activity_type_list(request: HttpRequest) -> HttpResponse:
    """The shipped types by category (read only) and the municipality's own: add one, or
    rename one (``?rename=<pk>``)."""
    municipality = request.municipality
    here = reverse("activities:activity_type_list", args=[municipality.pk])
    own = ActivityType.objects.filter(municipality=municipality)
    renaming = None
    if request.GET.get("rename", "").isdigit():
        renaming = get_object_or_404(own, pk=int(request.GET["rename"]))
    add_form = ActivityTypeForm(
        request.POST if request.method == "POST" and not renaming else None, prefix="add"
    )
    rename_form = (
        RenameTypeForm(
            request.POST if request.method == "POST" else None,
            prefix="rename",
            initial={"name": renaming.name},
        )
        if renaming
        else None
    )
    if renaming and rename_form is not None:
        if ui.submit(
            request,
            rename_form,
            lambda data: services.rename_activity_type(
                activity_type=renaming, by=request.user, name=data["name"]
            ),
        ):
            messages.success(request, _("The type is renamed."))
            return redirect(here)
    elif ui.submit(
        request,
        add_form,
        lambda data: services.add_activity_type(municipality=municipality, by=request.user, **data),
    ):
        messages.success(request, _("The type is added. Organisers can choose it now."))
        return redirect(here)
    types = ActivityType.objects.for_municipality(municipality).order_by("category", "name")
    by_category: dict[str, list[ActivityType]] = {value: [] for value in Category.values}
    for kind in types:
        by_category[kind.category].append(kind)
    return render(
        request,
        "activities/catalogue/activity_type_list.html",
        {
            "municipality": municipality,
            "categories": [(label, by_category[value]) for value, label in Category.choices],
            "add_form": add_form,
            "rename_form": rename_form,
            "renaming": renaming,
        },
    )


@municipality_view("coordinate_activities")
@require_GET
def place_list(request: HttpRequest) -> HttpResponse:
    archived = request.GET.get("archived") == "1"
    rows = Place.objects.in_municipality(request.municipality).filter(archived=archived)
    page = Paginator(rows.order_by("name", "pk"), PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "activities/catalogue/place_list.html",
        {
            "municipality": request.municipality,
            "page": page,
            "places": page.object_list,
            "archived": archived,
        },
    )


@municipality_view("coordinate_activities")
@require_http_methods(["GET", "POST"])
def place_create(request: HttpRequest) -> HttpResponse:
    form = PlaceForm(request.POST or None)
    back = reverse("activities:place_list", args=[request.municipality.pk])
    if ui.submit(
        request,
        form,
        lambda data: services.create_place(
            municipality=request.municipality, by=request.user, **data
        ),
    ):
        messages.success(request, _("The place is added."))
        return redirect(back)
    return ui.form_page(
        request,
        form=form,
        title=_("New place"),
        submit_label=_("Add the place"),
        back_url=back,
        intro=_("A village hall, a community centre, a day room: where activities meet."),
    )


@municipality_view("coordinate_activities")
@require_http_methods(["GET", "POST"])
def place_edit(request: HttpRequest, pk: int) -> HttpResponse:
    place = get_for_user(
        Place.objects.in_municipality(request.municipality),
        request.user,
        "coordinate_activities",
        pk=pk,
    )
    form = PlaceForm(request.POST or None, instance=Place.objects.get(pk=place.pk))
    back = reverse("activities:place_list", args=[request.municipality.pk])
    if ui.submit(
        request, form, lambda data: services.update_place(place=place, by=request.user, **data)
    ):
        messages.success(request, _("The place is saved."))
        return redirect(back)
    return ui.form_page(
        request,
        form=form,
        title=_("Change «%(name)s»") % {"name": place.name},
        submit_label=_("Save the changes"),
        back_url=back,
        intro=_(
            "A place that activities have used is not deleted: mark it as no longer in use, "
            "and it is kept for their history."
        ),
    )
