"""The registry as a file: what the export job writes, for the person who asked."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import override

from coordination.kernel import audit, files, languages
from coordination.kernel.models import GeneratedFile, User
from volunteers.models import Volunteer
from volunteers.profile.services import current_declaration
from volunteers.registry.exports import EXPORT_FORMATS
from volunteers.registry.forms import RegistryFilterForm


def _filtered(record: GeneratedFile):
    """The volunteers the person saw, filtered as they asked (no filter if it no longer
    fits), with whether each has signed the current declaration."""
    municipality = record.municipality
    if municipality is None:  # a grant-maker's file, never the registry
        raise PermissionDenied
    form = RegistryFilterForm(record.parameters, municipality=municipality)
    if not form.is_valid():
        form = RegistryFilterForm({}, municipality=municipality)
        form.is_valid()
    declaration = current_declaration(municipality)
    volunteers = form.apply(
        Volunteer.objects.in_municipality(municipality)
        .select_related("user")
        .prefetch_related("interests")
        .annotate_signed_current(declaration.pk if declaration else None)
    )
    return volunteers, declaration


def export_registry(*, record: GeneratedFile, by: User) -> int:
    """Write the registry as ``by`` filtered it into ``record`` (CSV or Excel, only they can
    download it). Returns how many volunteers it lists; a record made already is left as it
    is (a job sent twice, or started again, makes no copy)."""
    if record.status != record.Status.PENDING:
        return record.rows or 0
    try:
        volunteers, declaration = _filtered(record)
        extension = record.parameters.get("format", "csv")
        write, label = EXPORT_FORMATS.get(extension, EXPORT_FORMATS["csv"])
        with override(languages.language_of_person(by, record.municipality_id)):
            content, rows = write(volunteers, declaration)
        files.finish(
            record,
            extension=extension if extension in EXPORT_FORMATS else "csv",
            content=content,
            rows=rows,
        )
    except Exception:
        files.fail(record)
        raise
    audit.record(
        by, "exported", municipality=record.municipality, object_type="volunteers.volunteer",
        code="volunteers.exported", params={"count": rows, "format": str(label)},
    )  # fmt: skip
    return rows
