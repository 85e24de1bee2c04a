"""Cooperation agreements (samarbeidsavtaler): the lists (active, due for review, expired),
writing and changing one, its status, and the signed document. Coordinators manage them;
volunteer contacts and grant officers read; a partner representative sees those their
organisation is party to."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coordination.kernel import audit, ui, uploads
from coordination.kernel.permissions import can, get_for_user, municipality_view
from coordination.partners import services
from coordination.partners.forms import (
    AGREEMENT_LISTS,
    AgreementForm,
    AgreementReopenForm,
    AgreementStatusForm,
    agreement_list_choice,
)
from coordination.partners.models import CooperationAgreement
from coordination.partners.permissions import can_view_agreement
from coordination.partners.views.organisations import MANAGE, PAGE_SIZE, PAGES, READ


def _agreement(request: HttpRequest, pk: int, action: str = MANAGE) -> CooperationAgreement:
    return get_for_user(
        CooperationAgreement.objects.in_municipality(request.municipality),
        request.user,
        action,
        pk=pk,
    )


def _to_agreement(
    request: HttpRequest, agreement: CooperationAgreement, *, info: str = ""
) -> HttpResponse:
    """Back to the agreement's page, telling why (``info``) where something was refused."""
    if info:
        messages.info(request, info)
    return redirect("coordination:agreement_detail", request.municipality.pk, agreement.pk)


@municipality_view(READ)
@require_GET
def agreement_list(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    show = agreement_list_choice(request.GET.get("show"))
    agreements = CooperationAgreement.objects.in_municipality(municipality)
    today = timezone.localdate()
    lists = {
        "active": agreements.active(today),
        "review": agreements.due_for_review(today),
        "expired": agreements.expired(today),
        "draft": agreements.filter(status=CooperationAgreement.Status.DRAFT),
        "all": agreements,
    }
    counts = {key: lists[key].count() for key in ("active", "review", "expired", "draft")}
    shown = (
        lists[show]
        .annotate(party_count=Count("party_rows"))
        .prefetch_related("parties")
        .order_by("review_on" if show == "review" else "title", "pk")
    )
    return render(
        request,
        "coordination/partners/agreement_list.html",
        {
            "municipality": municipality,
            "show": show,
            "tabs": [(key, label, counts.get(key)) for key, label in AGREEMENT_LISTS.items()],
            "page": Paginator(shown, PAGE_SIZE).get_page(request.GET.get("page")),
            "may_manage": can(request.user, MANAGE, municipality),
            "today": today,
        },
    )


def _agreement_form_page(request, form, agreement=None) -> HttpResponse:
    return render(
        request,
        "coordination/partners/agreement_form.html",
        {"municipality": request.municipality, "form": form, "agreement": agreement},
    )


@municipality_view(MANAGE)
@require_http_methods(["GET", "POST"])
def agreement_add(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    form = AgreementForm(
        request.POST or None, request.FILES or None, partners=municipality.partners.order_by("name")
    )
    if done := ui.submit(
        request,
        form,
        lambda _data: services.create_agreement(
            municipality=municipality, by=request.user, **form.service_fields()
        ),
    ):
        messages.success(
            request,
            _("The agreement %(title)s is saved as a draft.") % {"title": done.value.title},
        )
        return redirect("coordination:agreement_detail", municipality.pk, done.value.pk)
    return _agreement_form_page(request, form)


@municipality_view(MANAGE)
@require_http_methods(["GET", "POST"])
def agreement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    municipality = request.municipality
    agreement = _agreement(request, pk)
    form = AgreementForm(
        request.POST or None,
        request.FILES or None,
        partners=municipality.partners.order_by("name"),
        agreement=agreement,
    )
    if ui.submit(
        request,
        form,
        lambda _data: services.update_agreement(
            agreement=agreement, municipality=municipality, by=request.user, **form.service_fields()
        ),
    ):
        messages.success(request, _("The agreement is saved."))
        return _to_agreement(request, agreement)
    if request.method == "POST":
        agreement.refresh_from_db()  # what was refused is not shown as saved
    return _agreement_form_page(request, form, agreement)


@municipality_view(PAGES)
@require_GET
def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    municipality = request.municipality
    agreement = _agreement(request, pk, PAGES)
    if not can_view_agreement(request.user, agreement):
        raise Http404
    return render(
        request,
        "coordination/partners/agreement_detail.html",
        {
            "municipality": municipality,
            "agreement": agreement,
            "parties": agreement.party_rows.select_related("organisation"),
            "may_manage": can(request.user, MANAGE, municipality),
            "may_read_registry": can(request.user, READ, municipality),
            "may_activate": agreement.status == CooperationAgreement.Status.DRAFT,
            "may_end": agreement.status == CooperationAgreement.Status.ACTIVE,
            "may_reopen": agreement.status == CooperationAgreement.Status.ENDED,
            "expired": agreement.is_expired(),
        },
    )


@municipality_view(MANAGE)
@require_POST
def agreement_status(request: HttpRequest, pk: int) -> HttpResponse:
    municipality = request.municipality
    agreement = _agreement(request, pk)
    form = AgreementStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose what should happen with the agreement."))
    elif form.cleaned_data["status"] == CooperationAgreement.Status.ENDED or (
        agreement.status == CooperationAgreement.Status.ENDED
    ):
        # Ending and reopening are never one click: each has a page that says what happens.
        target = (
            "coordination:agreement_end"
            if form.cleaned_data["status"] == CooperationAgreement.Status.ENDED
            else "coordination:agreement_reopen"
        )
        return redirect(target, municipality.pk, agreement.pk)
    else:
        status = form.cleaned_data["status"]
        ui.attempt(
            request,
            lambda: services.set_agreement_status(
                agreement=agreement, by=request.user, status=status
            ),
            done=_("The agreement is now %(status)s.")
            % {"status": str(CooperationAgreement.Status(status).label).lower()},
        )
    return _to_agreement(request, agreement)


@municipality_view(PAGES)
@require_GET
def agreement_document(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = _agreement(request, pk, PAGES)
    if not can_view_agreement(request.user, agreement) or not agreement.document:
        raise Http404
    audit.record(request.user, "viewed", agreement, code="agreement.document_downloaded")
    return uploads.file_response(
        agreement.document, download_name=f"{agreement.title[:80]}.pdf".replace("/", "-")
    )


@municipality_view(MANAGE)
@require_http_methods(["GET", "POST"])
def agreement_end(request: HttpRequest, pk: int) -> HttpResponse:
    """Ending an agreement: a page that says what ending means, then a deliberate yes."""
    municipality = request.municipality
    agreement = _agreement(request, pk)
    if agreement.status != CooperationAgreement.Status.ACTIVE:
        return _to_agreement(request, agreement, info=_("Only an agreement in force can be ended."))
    if request.method == "POST":
        ui.attempt(
            request,
            lambda: services.end_agreement(agreement=agreement, by=request.user),
            done=_("The agreement %(title)s is ended. A coordinator can reopen it.")
            % {"title": agreement.title},
        )
        return _to_agreement(request, agreement)
    return render(
        request,
        "coordination/partners/agreement_confirm_end.html",
        {
            "municipality": municipality,
            "agreement": agreement,
            "today": timezone.localdate(),
            "parties": agreement.party_rows.select_related("organisation"),
        },
    )


@municipality_view(MANAGE)
@require_http_methods(["GET", "POST"])
def agreement_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    """Reopening an ended agreement: says what happens, and asks until when it runs again."""
    municipality = request.municipality
    agreement = _agreement(request, pk)
    if agreement.status != CooperationAgreement.Status.ENDED:
        return _to_agreement(request, agreement, info=_("Only an ended agreement can be reopened."))
    form = AgreementReopenForm(request.POST or None)
    if ui.submit(
        request,
        form,
        lambda data: services.reopen_agreement(
            agreement=agreement, by=request.user, ends_on=data["ends_on"]
        ),
    ):
        messages.success(
            request,
            _("The agreement %(title)s is in force again.") % {"title": agreement.title},
        )
        return _to_agreement(request, agreement)
    return render(
        request,
        "coordination/partners/agreement_confirm_reopen.html",
        {"municipality": municipality, "agreement": agreement, "form": form},
    )
