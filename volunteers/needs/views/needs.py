"""The need list, and reporting and changing a need: coordinators and volunteer contacts (the
list never reads the person's details). The need lookup the other views share is here."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Model
from django.forms.models import model_to_dict
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from coordination.kernel import audit, ui
from coordination.kernel.permissions import can, get_for_user, municipality_view
from volunteers.needs import permissions, services
from volunteers.needs.forms import NeedFilterForm, NeedForm
from volunteers.needs.models import Need, NeedStatus

# What the need list reads: never the person's details.
LIST_FIELDS = (
    "municipality",
    "kind",
    "area",
    "weekday_daytime",
    "evenings",
    "weekends",
    "needs_driver",
    "status",
    "created_at",
    "closed_at",
    "anonymised_at",
)


def _need(request: HttpRequest, pk: int, action: str) -> Need:
    return get_for_user(
        Need.objects.in_municipality(request.municipality), request.user, action, pk=pk
    )


def _need_row[M: Model](request: HttpRequest, model: type[M], pk: int, *related: str) -> M:
    """A row of one of the municipality's needs (a follow-up, an invitation, an assignment),
    with its need and the ``related`` rows, if the person may manage the need."""
    return get_for_user(
        model._default_manager.select_related("need", *related).filter(
            need__municipality=request.municipality
        ),
        request.user,
        "manage_needs",
        via="need__municipality",
        pk=pk,
    )


def _back_to(need: Need) -> HttpResponse:
    return redirect("volunteers:need_detail", need.municipality_id, need.pk)


# --- the list -------------------------------------------------------------------------------


@municipality_view("report_needs")
@require_GET
def need_list(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    form = NeedFilterForm(request.GET)
    needs = Need.objects.in_municipality(municipality)
    if form.is_valid():
        if form.cleaned_data["kind"]:
            needs = needs.filter(kind=form.cleaned_data["kind"])
        counted = needs
        if form.cleaned_data["step"]:
            needs = needs.filter(status=form.cleaned_data["step"])
    else:
        needs = counted = needs.none()
    counts = dict(counted.order_by().values_list("status").annotate(n=Count("pk")))
    steps = [(value, label, counts.get(value, 0)) for value, label in NeedStatus.choices]
    # Whom each need is for, to those who may see the person: the coordinator reads the name
    # with the page; anyone else only for the needs they are assigned to (one query, no N+1).
    coordinator = can(request.user, "manage_needs", municipality)
    fields = (*LIST_FIELDS, "person_name") if coordinator else LIST_FIELDS
    page = Paginator(needs.only(*fields), 50).get_page(request.GET.get("page"))
    named = permissions.names_visible_to(request.user, page.object_list, municipality)
    if named:
        names = (
            {}
            if coordinator
            else dict(Need.objects.filter(pk__in=named).values_list("pk", "person_name"))
        )
        for need in page.object_list:
            need.shown_name = (
                (need.person_name if coordinator else names[need.pk]) if need.pk in named else ""
            )
        audit.record(request.user, "viewed", municipality, code="needs.names_listed")
    return render(
        request,
        "volunteers/need_list.html",
        {
            "municipality": municipality,
            "form": form,
            "page": page,
            "steps": steps,
            "total": sum(counts.values()),
            "show_names": bool(named),
            "chosen_step": form.cleaned_data.get("step") if form.is_valid() else "",
        },
    )


# --- reporting and changing a need ----------------------------------------------------------


@municipality_view("report_needs")
@require_http_methods(["GET", "POST"])
def need_report(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    form = NeedForm(request.POST or None, with_consent=True)
    if done := ui.submit(
        request,
        form,
        lambda data: services.report_need(
            municipality=municipality, fields=data, consented=data["consent"], by=request.user
        ),
    ):
        messages.success(request, _("The need is registered."))
        return _back_to(done.value)
    return render(
        request,
        "volunteers/need_form.html",
        {"municipality": municipality, "form": form, "need": None},
    )


@municipality_view("manage_needs")
@require_http_methods(["GET", "POST"])
def need_edit(request: HttpRequest, pk: int) -> HttpResponse:
    need = _need(request, pk, "manage_needs")
    if need.anonymised_at is not None:
        messages.error(request, _("This need has been anonymised and cannot be changed."))
        return _back_to(need)
    form = NeedForm(
        request.POST or None,
        initial=model_to_dict(need, fields=services.NEED_FIELDS),
        with_consent=False,
    )
    if ui.submit(
        request, form, lambda data: services.update_need(need=need, fields=data, by=request.user)
    ):
        messages.success(request, _("The need is saved."))
        return _back_to(need)
    return render(
        request,
        "volunteers/need_form.html",
        {"municipality": request.municipality, "form": form, "need": need},
    )
