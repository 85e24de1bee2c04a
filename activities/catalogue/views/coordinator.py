"""The coordinator's pages: proposals and their answer, the activity types, the places."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from activities.catalogue import services
from activities.catalogue.forms import (
    ActivityTypeForm,
    PlaceForm,
    ProposalDecisionForm,
    RenameTypeForm,
)
from activities.catalogue.models import Activity, ActivityStatus, ActivityType, Category, Place
from activities.catalogue.views.public import PER_PAGE
from coordination.kernel import ui
from coordination.kernel.permissions import get_for_user, municipality_view


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
