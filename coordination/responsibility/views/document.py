"""The responsibility map printed: a coordinator asks for a PDF from the map's page, the page
shows how the job goes without a reload (htmx polling), and the file is downloaded through the
files page's permission-checked view (``coordination:file_download``)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from coordination.kernel import files, languages
from coordination.kernel.models import GeneratedFile
from coordination.kernel.permissions import MunicipalityRequest, municipality_view
from coordination.responsibility.exports import map_title
from coordination.responsibility.services import ACTION
from coordination.responsibility.tasks import render_responsibility_map

STATUS_TEMPLATE = "coordination/responsibility/_print_status.html"


def latest_print(request: MunicipalityRequest) -> GeneratedFile | None:
    """The last PDF of the map this person asked for here (only theirs: files are private)."""
    return (
        GeneratedFile.objects.in_municipality(request.municipality)
        .filter(requested_by=request.user, task=render_responsibility_map.name)
        .first()
    )


def print_context(request: MunicipalityRequest) -> dict:
    """What the map page's print panel shows: the languages to choose from (the
    municipality's own first) and the last PDF asked for."""
    # from the municipality at hand, not the cached table: the page's queries stay the same
    own = languages.LANGUAGE_OF_STANDARD.get(
        request.municipality.language_form, settings.LANGUAGE_CODE
    )
    return {
        "print_languages": [(code, name, code == own) for code, name in settings.LANGUAGES],
        "print_record": latest_print(request),
    }


@municipality_view(ACTION)
@require_POST
def responsibility_map_print(request: MunicipalityRequest) -> HttpResponse:
    """Ask for the map as a PDF in the chosen language; a background job renders it."""
    municipality = request.municipality
    language = request.POST.get("language")
    if not languages.is_language(language):
        language = languages.language_of_municipality(municipality)
    record = files.request(
        municipality=municipality,
        by=request.user,
        action=ACTION,
        title=map_title(municipality),
        task=render_responsibility_map,
        parameters={"language": language},
    )
    if request.htmx:
        return render(request, STATUS_TEMPLATE, {"municipality": municipality, "record": record})
    messages.success(request, _("The PDF is being made. It appears here when it is ready."))
    return redirect("coordination:responsibility_map_detail", municipality.pk)


@municipality_view(ACTION)
@require_GET
def responsibility_map_print_status(request: MunicipalityRequest, pk: int) -> HttpResponse:
    """How the PDF job goes (asked every few seconds while it is being made)."""
    record = get_object_or_404(
        GeneratedFile,
        pk=pk,
        municipality=request.municipality,
        requested_by=request.user,
        task=render_responsibility_map.name,
    )
    return render(
        request, STATUS_TEMPLATE, {"municipality": request.municipality, "record": record}
    )
