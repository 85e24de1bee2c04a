from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coordination import audit, files
from coordination.forms import add_service_errors
from coordination.models import AuditEvent
from coordination.permissions import can, get_for_user, login_required, municipality_view

from . import services
from .forms import (
    DeclarationPublishForm,
    DeclarationSignForm,
    RegistryFilterForm,
    VolunteerProfileForm,
)
from .models import Signature, Volunteer
from .tasks import export_volunteers


def _own_volunteer(request: HttpRequest) -> Volunteer | None:
    return (
        Volunteer.objects.filter(user=request.user)
        .select_related("municipality")
        .prefetch_related("interests")
        .first()
    )


@login_required
@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    if _own_volunteer(request) is not None:
        return redirect("volunteers:own_page")
    form = VolunteerProfileForm(request.POST or None, user=request.user, with_consent=True)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                _save_phone(request, form)
                services.register_volunteer(
                    user=request.user,
                    profile=form.cleaned_data,
                    interests=form.cleaned_data["interests"],
                    consented=form.cleaned_data["consent"],
                )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Welcome as a volunteer! One last step: the declaration."))
            return redirect("volunteers:declaration")
    return render(request, "volunteers/volunteer_form.html", {"form": form, "registering": True})


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request: HttpRequest) -> HttpResponse:
    volunteer = _own_volunteer(request)
    if volunteer is None:
        return redirect("volunteers:register")
    form = VolunteerProfileForm(
        request.POST or None, instance=volunteer, user=request.user, with_consent=False
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            _save_phone(request, form)
            services.update_profile(
                volunteer=volunteer,
                profile=form.cleaned_data,
                interests=form.cleaned_data["interests"],
                by=request.user,
            )
        messages.success(request, _("Your details have been saved."))
        return redirect("volunteers:own_page")
    return render(request, "volunteers/volunteer_form.html", {"form": form, "registering": False})


def _save_phone(request: HttpRequest, form: VolunteerProfileForm) -> None:
    phone = form.cleaned_data.get("phone")
    if phone and phone != request.user.phone:
        request.user.phone = phone
        request.user.save(update_fields=["phone"])


@login_required
@require_GET
def own_page(request: HttpRequest) -> HttpResponse:
    volunteer = _own_volunteer(request)
    if volunteer is None:
        return redirect("volunteers:register")
    return render(
        request,
        "volunteers/own_page.html",
        {
            "volunteer": volunteer,
            "to_sign": services.declaration_to_sign(volunteer),
            "signatures": Signature.objects.filter(volunteer=volunteer).select_related("text"),
            "consent": volunteer.consents.first(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def declaration(request: HttpRequest) -> HttpResponse:
    volunteer = _own_volunteer(request)
    if volunteer is None:
        return redirect("volunteers:register")
    current = services.current_declaration(volunteer.municipality_id)
    signed = current is not None and services.has_signed(volunteer, current)
    form = DeclarationSignForm(
        request.POST or None, initial={"version": current.version if current else 0}
    )
    if request.method == "POST" and current is not None and form.is_valid():
        if form.cleaned_data["version"] != current.version:
            form.add_error(
                None, _("The declaration has changed since you opened it. Read it again.")
            )
        else:
            services.sign_declaration(volunteer=volunteer, text=current, by=request.user)
            messages.success(request, _("Thank you. You have signed the declaration."))
            return redirect("volunteers:own_page")
    return render(
        request,
        "volunteers/declaration_sign.html",
        {"volunteer": volunteer, "declaration": current, "signed": signed, "form": form},
    )


@municipality_view("manage_declaration")
@require_http_methods(["GET", "POST"])
def declaration_manage(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    current = services.current_declaration(municipality)
    form = DeclarationPublishForm(
        request.POST or None,
        initial={"body": current.body if current else services.starter_declaration_text()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            published = services.publish_declaration(
                municipality=municipality, body=form.cleaned_data["body"], by=request.user
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Version %(version)s is published. Volunteers are asked to sign it.")
                % {"version": published.version},
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
    form = RegistryFilterForm(request.GET)  # every field optional: no filters is valid
    current = services.current_declaration(municipality)
    volunteers = (
        Volunteer.objects.filter(municipality=municipality)
        .select_related("user")
        .annotate_signed_current(current.pk if current else None)
    )
    # An invalid filter lists nobody; the form says what is wrong.
    volunteers = form.apply(volunteers) if form.is_valid() else volunteers.none()
    page = Paginator(volunteers, 50).get_page(request.GET.get("page"))
    prefetch_related_objects(page.object_list, "interests")
    return render(
        request,
        "volunteers/registry.html",
        {
            "municipality": municipality,
            "form": form,
            "page": page,
            "declaration": current,
            "may_export": can(request.user, "export_volunteers", municipality),
        },
    )


@municipality_view("view_volunteers")
@require_GET
def volunteer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    municipality = request.municipality
    volunteer = get_for_user(
        Volunteer.objects.filter(municipality=municipality)
        .select_related("user")
        .prefetch_related("interests"),
        request.user,
        "view_volunteers",
        pk=pk,
    )
    audit.record(request.user, "viewed", volunteer, summary=str(volunteer.user))
    history = AuditEvent.objects.filter(
        municipality=municipality, object_type="volunteers.volunteer", object_id=str(volunteer.pk)
    )[:20]
    return render(
        request,
        "volunteers/volunteer_detail.html",
        {
            "municipality": municipality,
            "volunteer": volunteer,
            "to_sign": services.declaration_to_sign(volunteer),
            "signatures": volunteer.signatures.select_related("text"),
            "history": history,
        },
    )


@municipality_view("export_volunteers")
@require_POST
def registry_export(request: HttpRequest) -> HttpResponse:
    """Ask for the registry, filtered as shown, as a file; a background job makes it."""
    municipality = request.municipality
    form = RegistryFilterForm(request.POST)
    parameters = form.cleaned_data if form.is_valid() else {}
    files.request(
        municipality=municipality,
        by=request.user,
        action="export_volunteers",
        title=_("Volunteers in %(name)s") % {"name": municipality.name},
        task=export_volunteers,
        parameters={k: str(v) for k, v in parameters.items() if v not in (None, "", False)},
    )
    messages.success(request, _("The file is being made. It appears here when it is ready."))
    return redirect("coordination:file_list", municipality.pk)
