"""The printed documents page: each document a person may print here, in the language they
choose, how the job goes (htmx polling, no reload), the kept versions to download, and for
those who may, the public link of a publishable document."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from coordination.kernel import audit, languages, permissions, ui
from coordination.kernel.permissions import MunicipalityRequest, can, municipality_view, public
from coordination.printing import services
from coordination.printing.models import PrintedDocument, PrintJob, PublicLink

LIST_ACTION = "print_documents"
STATUS_TEMPLATE = "coordination/printing/_job_status.html"
VERSIONS_SHOWN = 6


def _entry(request: MunicipalityRequest, document, versions, jobs, links) -> dict:
    may_publish = document.publishable and can(
        request.user, services.PUBLISH_ACTION, request.municipality
    )
    link = links.get(document.name) if may_publish else None
    return {
        "document": document,
        "versions": versions.get(document.name, [])[:VERSIONS_SHOWN],
        "job": jobs.get(document.name),
        "may_publish": may_publish,
        "link": link,
        "public_url": request.build_absolute_uri(
            reverse("coordination:published_document", args=[link.token])
        )
        if link
        else "",
    }


@municipality_view(LIST_ACTION)
@require_GET
def document_list(request: MunicipalityRequest) -> HttpResponse:
    municipality = request.municipality
    kinds = services.documents_for(request.user, municipality)
    names = [kind.name for kind in kinds]
    versions: dict[str, list[PrintedDocument]] = {}
    for kept in PrintedDocument.objects.in_municipality(municipality).filter(document__in=names):
        versions.setdefault(kept.document, []).append(kept)
    jobs: dict[str, PrintJob] = {}
    for job in (
        PrintJob.objects.in_municipality(municipality)
        .filter(document__in=names, requested_by=request.user)
        .select_related("result")
    ):
        jobs.setdefault(job.document, job)  # newest first: the last one asked for
    links = {
        link.document: link for link in PublicLink.objects.in_municipality(municipality).active()
    }
    own = languages.language_of_municipality(municipality)
    return render(
        request,
        "coordination/printing/document_list.html",
        {
            "municipality": municipality,
            "entries": [_entry(request, kind, versions, jobs, links) for kind in kinds],
            "print_languages": [(code, name, code == own) for code, name in settings.LANGUAGES],
        },
    )


def _require_document(request: MunicipalityRequest, document: str):
    """The document, for one who may print it here; 404 for anyone else, whatever the
    method (so the page's existence is not told by a 405)."""
    kind = services.document_or_404(document)
    if not can(request.user, kind.action, request.municipality):
        raise Http404
    return kind


@municipality_view(LIST_ACTION)
def document_print(request: MunicipalityRequest, document: str) -> HttpResponse:
    """Ask for a document in the chosen language; a worker makes it."""
    municipality = request.municipality
    _require_document(request, document)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    language = request.POST.get("language") or languages.language_of_municipality(municipality)
    try:
        job = services.request_print(
            municipality=municipality, document=document, language=language, by=request.user
        )
    except ValidationError as error:
        if request.htmx:
            return render(request, STATUS_TEMPLATE, {"error": error.messages[0]})
        messages.error(request, error.messages[0])
        return redirect("coordination:document_list", municipality.pk)
    if request.htmx:
        return render(request, STATUS_TEMPLATE, {"municipality": municipality, "job": job})
    messages.success(request, _("The PDF is being made. It appears here when it is ready."))
    return redirect(reverse("coordination:document_list", args=[municipality.pk]) + f"#{document}")


@municipality_view(LIST_ACTION)
def print_job_status(request: MunicipalityRequest, pk: int) -> HttpResponse:
    """How a print job goes (asked every few seconds while it waits or is being made); only
    for the person who asked (404 for others, whatever the method)."""
    job = get_object_or_404(
        PrintJob.objects.select_related("result"),
        pk=pk,
        municipality=request.municipality,
        requested_by=request.user,
    )
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    return render(request, STATUS_TEMPLATE, {"municipality": request.municipality, "job": job})


def _pdf_response(kept: PrintedDocument, *, inline: bool) -> FileResponse:
    response = FileResponse(
        kept.file.open("rb"),
        as_attachment=not inline,
        filename=f"{kept.title} {kept.rendered_at:%Y-%m-%d} {kept.version}.pdf",
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@municipality_view(LIST_ACTION)
def printed_document_download(request: MunicipalityRequest, pk: int) -> HttpResponse:
    """A kept version, for those who may print that document here; one with personal data
    (the contact handbook) is audited."""
    kept = get_object_or_404(PrintedDocument, pk=pk, municipality=request.municipality)
    kind = _require_document(request, kept.document)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    if permissions.RULES[kind.action].personal_data:
        audit.record(
            request.user, "exported", kept, code="file.downloaded", params={"title": kept.title}
        )
    response = _pdf_response(kept, inline=False)
    patch_cache_control(response, private=True, no_store=True)
    return response


@municipality_view(services.PUBLISH_ACTION)
@require_POST
def document_publish(request: MunicipalityRequest, document: str) -> HttpResponse:
    try:
        services.publish_document(
            municipality=request.municipality, document=document, by=request.user
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request,
            _("The document is published. Anyone with the link can read the latest version."),
        )
    return redirect(
        reverse("coordination:document_list", args=[request.municipality.pk]) + f"#{document}"
    )


@municipality_view(services.PUBLISH_ACTION)
def document_withdraw(request: MunicipalityRequest, document: str) -> HttpResponse:
    """Ask first (people hold the link: it stops working for all of them), then withdraw."""
    kind = services.document_or_404(document)
    back = reverse("coordination:document_list", args=[request.municipality.pk]) + f"#{document}"
    if request.method == "POST":
        services.withdraw_document(
            municipality=request.municipality, document=document, by=request.user
        )
        messages.success(request, _("The public link no longer works."))
        return redirect(back)
    if services.published_link(request.municipality, document) is None:
        messages.info(request, _("This document is not published."))
        return redirect(back)
    return ui.confirm_page(
        request,
        title=_("Withdraw the public link to %(title)s") % {"title": kind.title},
        question=_(
            "Everyone who has the link will no longer be able to open the document. "
            "You can publish it again later, with a new link."
        ),
        submit_label=_("Yes, withdraw the link"),
        back_url=back,
    )


@public
@require_GET
def published_document(request: HttpRequest, token: str) -> HttpResponse:
    """The latest version of a published document, for anyone with the link (no login)."""
    link = get_object_or_404(
        PublicLink.objects.active().select_related("municipality"), token=token
    )
    kept = services.public_version(link, request.GET.get("language"))
    if kept is None:
        response = render(
            request,
            "coordination/printing/published_waiting.html",
            {"municipality": link.municipality},
            status=503,
        )
        response["Retry-After"] = "60"
        return response
    response = _pdf_response(kept, inline=True)
    patch_cache_control(response, public=True, max_age=300)
    response["X-Robots-Tag"] = "noindex"
    return response
