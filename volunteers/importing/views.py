"""Import of an existing volunteer list: upload and preview, then confirm."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from coordination.kernel.models import GeneratedFile
from coordination.kernel.permissions import municipality_view
from volunteers.importing import rows as importing
from volunteers.importing.services import ACTION, confirm_import, preview_import
from volunteers.registry.forms import ImportConfirmForm, VolunteerImportForm


@municipality_view("import_volunteers")
@require_http_methods(["GET", "POST"])
def volunteer_import(request: HttpRequest) -> HttpResponse:
    """Upload a list; the answer is its preview (every row, every problem). Nothing is
    written here: a valid list waits for the coordinator to confirm it."""
    municipality = request.municipality
    if request.method == "POST":
        form = VolunteerImportForm(request.POST, request.FILES)
        if form.is_valid():
            preview, record = preview_import(
                municipality=municipality, by=request.user, upload=form.cleaned_data["file"]
            )
            return render(
                request,
                "volunteers/import_preview.html",
                {
                    "municipality": municipality,
                    "preview": preview,
                    "columns": preview.columns,
                    "table": [(row, row.shown(preview.columns)) for row in preview.rows],
                    "record": record,
                    "confirm_form": ImportConfirmForm(initial={"upload": record.pk})
                    if record
                    else None,
                    "form": VolunteerImportForm(),
                    "file_name": form.cleaned_data["file"].original_name,
                },
            )
    else:
        form = VolunteerImportForm()
    return render(
        request,
        "volunteers/import_form.html",
        {
            "municipality": municipality,
            "form": form,
            "columns": importing.COLUMNS,
            "max_rows": importing.MAX_ROWS,
        },
    )


@municipality_view("import_volunteers")
@require_POST
def volunteer_import_confirm(request: HttpRequest) -> HttpResponse:
    """Import the list the coordinator saw: their own, in this municipality, not yet
    confirmed; anything else is 404."""
    municipality = request.municipality
    form = ImportConfirmForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("We could not tell which list to import. Upload it again."))
        return redirect("volunteers:volunteer_import", municipality.pk)
    record = get_object_or_404(
        GeneratedFile,
        pk=form.cleaned_data["upload"],
        municipality=municipality,
        requested_by=request.user,
        action=ACTION,
        status=GeneratedFile.Status.PENDING,
    )
    try:
        confirm_import(record=record, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("coordination:file_list", municipality.pk)
    record.refresh_from_db()  # without a broker the job has run already
    if record.status == GeneratedFile.Status.DONE:
        messages.success(
            request,
            ngettext(
                "%(count)s volunteer was imported. They log in the first time by choosing "
                "“Forgot password” with their email address; then they are asked for their "
                "consent and to sign the confidentiality declaration.",
                "%(count)s volunteers were imported. They log in the first time by choosing "
                "“Forgot password” with their email address; then they are asked for their "
                "consent and to sign the confidentiality declaration.",
                record.rows,
            )
            % {"count": record.rows},
        )
        return redirect("volunteers:registry", municipality.pk)
    if record.status == GeneratedFile.Status.FAILED:
        messages.error(request, record.title)
    else:
        messages.success(
            request, _("The import has started. The result appears here when it is done.")
        )
    return redirect("coordination:file_list", municipality.pk)
