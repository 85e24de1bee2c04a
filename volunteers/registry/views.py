"""The coordinator's volunteer registry and the declaration they publish."""

from collections import defaultdict

from django.contrib import messages
from django.db.models import OuterRef, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coordination.kernel import audit, files, languages, ui
from coordination.kernel.models import AuditEvent
from coordination.kernel.pagination import ids_first_page
from coordination.kernel.permissions import (
    can,
    get_for_user,
    municipality_view,
    scope_to_user,
    units_only,
)
from coordination.units.models import Unit
from volunteers.hours import views as hours
from volunteers.models import Consent, Volunteer, VolunteerInterest
from volunteers.needs.assignment_views import volunteer_needs_context
from volunteers.notes.views import notes_context
from volunteers.profile import services
from volunteers.profile.forms import DeclarationPublishForm
from volunteers.profile.models import interest_label
from volunteers.registry.forms import RegistryFilterForm, has_consent
from volunteers.registry.tasks import export_volunteers
from volunteers.screening.own_views import detail_screening, with_readiness
from volunteers.units.views import units_context


@municipality_view("manage_declaration")
@require_http_methods(["GET", "POST"])
def declaration_manage(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    current = services.current_declaration(municipality)
    form = DeclarationPublishForm(
        request.POST or None,
        initial={
            "body": current.body
            if current
            else services.starter_declaration_text(
                languages.language_of_person(request.user, municipality)
            )
        },
    )
    if done := ui.submit(
        request,
        form,
        lambda data: services.publish_declaration(
            municipality=municipality, by=request.user, **data
        ),
    ):
        messages.success(
            request,
            _("Version %(version)s is published. Volunteers are asked to sign it.")
            % {"version": done.value.version},
        )
        return redirect("volunteers:declaration_manage", municipality.pk)
    active = Volunteer.objects.active().filter(municipality=municipality)
    signed = active.filter(signatures__text=current).count() if current else 0
    return render(
        request,
        "volunteers/declaration_manage.html",
        {
            "municipality": municipality,
            "current": current,
            "form": form,
            "active_count": active.count(),
            "signed_count": signed,
        },
    )


@municipality_view("view_volunteers")
@require_GET
def registry(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    # Every field optional: no filters is valid.
    form = RegistryFilterForm(request.GET, municipality=municipality)
    current = services.current_declaration(municipality)
    # Coordinators list every volunteer; a volunteer contact those of their units.
    volunteers = (
        scope_to_user(
            Volunteer.objects.in_municipality(municipality), request.user, "view_volunteers"
        )
        .select_related("user", "through_organisation")
        .annotate_signed_current(current.pk if current else None)
        .annotate(has_consent=has_consent())
    )
    # An invalid filter lists nobody; the form says what is wrong.
    volunteers = form.apply(volunteers) if form.is_valid() else volunteers.none()
    # The page's ids come from the sort's index; the marks (signed, consent) are computed for
    # those 50 rows only, not for every row skipped (page 1 000 costs what page 1 does).
    page = ids_first_page(volunteers, request)
    page.object_list = with_readiness(
        page.object_list, roles_exist=bool(form.roles), declaration=current
    )
    _with_interest_labels(page.object_list)
    return render(
        request,
        "volunteers/registry.html",
        {
            "municipality": municipality,
            "form": form,
            "page": page,
            "declaration": current,
            "may_export": can(request.user, "export_volunteers", municipality),
            # A volunteer contact is told whose volunteers they see.
            "own_units": Unit.objects.in_municipality(municipality)
            .filter(contact_links__membership__user=request.user)
            .distinct()
            if units_only(request.user, "view_volunteers", municipality)
            else None,
            "may_import": can(request.user, "import_volunteers", municipality),
            "may_register": can(request.user, "register_volunteers", municipality),
        },
    )


def _with_interest_labels(volunteers: list[Volunteer]) -> None:
    """Each row's ``interest_labels``: one query of two columns (``prefetch_related`` built a
    queryset per row and a model per interest, a tenth of the page's time)."""
    labels = defaultdict(list)
    for volunteer_id, code in (
        VolunteerInterest.objects.filter(volunteer__in=[v.pk for v in volunteers])
        .order_by("pk")
        .values_list("volunteer_id", "interest")
    ):
        labels[volunteer_id].append(interest_label(code))
    for volunteer in volunteers:
        volunteer.interest_labels = labels[volunteer.pk]


def _latest_consent() -> dict:
    """The volunteer's latest consent, in the page's one query for the volunteer: when, whether
    by phone, and who recorded it (``consent_at``, ``consent_by_phone``, ``consent_recorder``)."""
    latest = Consent.objects.filter(volunteer=OuterRef("pk")).order_by("-given_at")
    return {
        "consent_at": Subquery(latest.values("given_at")[:1]),
        "consent_by_phone": Subquery(latest.values("by_phone")[:1]),
        "consent_recorder": Subquery(latest.values("recorded_by__full_name")[:1]),
    }


@municipality_view("view_volunteers")
@require_GET
def volunteer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    municipality = request.municipality
    volunteer = get_for_user(
        Volunteer.objects.in_municipality(municipality)
        .select_related("user", "through_organisation")
        .prefetch_related("interests")
        .annotate(**_latest_consent()),
        request.user,
        "view_volunteers",
        pk=pk,
    )
    audit.record(
        request.user,
        "viewed",
        volunteer,
        code="volunteer.viewed",
        params={"name": str(volunteer)},
    )
    history = AuditEvent.objects.in_municipality(municipality).filter(
        object_type="volunteers.volunteer", object_id=str(volunteer.pk)
    )[:20]
    # The signatures shown also tell whether the current declaration is signed.
    signatures = list(
        volunteer.signatures.filter(text__municipality=municipality).select_related("text")
    )
    current = services.current_declaration(municipality)
    signed = current is not None and any(s.text_id == current.pk for s in signatures)
    return render(
        request,
        "volunteers/volunteer_detail.html",
        {
            "municipality": municipality,
            "volunteer": volunteer,
            "to_sign": current if current is not None and not signed else None,
            "signatures": signatures,
            "history": history,
            "may_remove": can(request.user, "manage_screening", municipality),
            "may_change": can(request.user, "register_volunteers", municipality),
            "hours": hours.detail_panel(request, volunteer),
            "screening": detail_screening(request, volunteer, declaration=current),
            **notes_context(volunteer, municipality),
            **units_context(request, volunteer),
            **volunteer_needs_context(request, volunteer),
        },
    )


@municipality_view("export_volunteers")
@require_POST
def registry_export(request: HttpRequest) -> HttpResponse:
    """Ask for the registry, filtered as shown, as a file; a background job makes it."""
    municipality = request.municipality
    form = RegistryFilterForm(request.POST, municipality=municipality)
    # The filters as typed (a role by its id), so the job rebuilds the same form.
    parameters = (
        {k: form.data[k] for k in form.fields if form.data.get(k)} if form.is_valid() else {}
    )
    parameters["format"] = "xlsx" if request.POST.get("format") == "xlsx" else "csv"
    files.request(
        municipality=municipality,
        by=request.user,
        action="export_volunteers",
        title=_("Volunteers in %(name)s") % {"name": municipality.name},
        task=export_volunteers,
        parameters=parameters,
    )
    messages.success(request, _("The file is being made. It appears here when it is ready."))
    return redirect("coordination:file_list", municipality.pk)
