from celery import shared_task
from django.utils.translation import override

from coordination.kernel import audit, files
from coordination.kernel.jobs import acting_for
from volunteers.models import Volunteer
from volunteers.profile.services import current_declaration
from volunteers.registry.exports import EXPORT_FORMATS
from volunteers.registry.forms import RegistryFilterForm


@shared_task(acks_late=True)
@acting_for("export_volunteers")
def export_volunteers(*, user, municipality, generated_file: int) -> int:
    """The registry as the person filtered it, as a CSV or Excel file only they can
    download."""
    record = files.for_job(pk=generated_file, user=user, municipality=municipality)
    if record.status != record.Status.PENDING:
        return record.rows or 0  # made already (a job sent twice, or started again): no copy
    try:
        form = RegistryFilterForm(record.parameters, municipality=municipality)
        if not form.is_valid():
            form = RegistryFilterForm({}, municipality=municipality)
            form.is_valid()
        declaration = current_declaration(municipality)
        volunteers = form.apply(
            Volunteer.objects.filter(municipality=municipality)
            .select_related("user")
            .prefetch_related("interests")
            .annotate_signed_current(declaration.pk if declaration else None)
        )
        extension = record.parameters.get("format", "csv")
        write, label = EXPORT_FORMATS.get(extension, EXPORT_FORMATS["csv"])
        with override(user.preferred_language):
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
        user, "exported", municipality=municipality, object_type="volunteers.volunteer",
        code="volunteers.exported", params={"count": rows, "format": str(label)},
    )  # fmt: skip
    return rows
