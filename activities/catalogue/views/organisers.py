"""The organisers' pages: the activities a person runs (a coordinator all, a partner
representative their organisation's), a new one, one activity's page, changing, ending and
publishing it again."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from activities.catalogue import services
from activities.catalogue.forms import (
    ActivityForm,
)
from activities.catalogue.models import Activity, ActivityStatus
from activities.catalogue.permissions import can_manage_activity, organisations_spoken_for
from activities.catalogue.views.public import PER_PAGE, next_sessions
from coordination.kernel import ui
from coordination.kernel.permissions import get_for_user, municipality_view

# The activity's form in its parts (fieldsets of ActivityForm's helper).
FORM_TEMPLATE = "activities/catalogue/activity_form.html"


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
        template=FORM_TEMPLATE,
        intro=_(
            "An activity only listed here, run outside Samspill, needs a «when» in words and a "
            "phone number for signing up; meetings and places can then be left empty."
        ),
    )


@municipality_view("manage_activities")
@require_GET
def activity_manage(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _activity_to_run(request, pk)
    sessions = next_sessions(activity)
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
        template=FORM_TEMPLATE,
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
