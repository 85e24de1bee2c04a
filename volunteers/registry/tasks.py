from celery import shared_task

from coordination.kernel import files
from coordination.kernel.jobs import acting_for
from volunteers.registry.services import export_registry


@shared_task(acks_late=True)
@acting_for("export_volunteers")
def export_volunteers(*, user, municipality, generated_file: int) -> int:
    """The registry as the person filtered it, as a CSV or Excel file only they can
    download."""
    record = files.for_job(pk=generated_file, user=user, municipality=municipality)
    return export_registry(record=record, by=user)
