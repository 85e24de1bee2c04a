from celery import shared_task

from coordination.kernel import files
from coordination.kernel.jobs import acting_for
from volunteers.importing.services import run_import


@shared_task(acks_late=True)
@acting_for("import_volunteers")
def import_volunteer_list(*, user, municipality, generated_file: int) -> int:
    """Import a volunteer list the coordinator confirmed: all rows, or none."""
    record = files.for_job(pk=generated_file, user=user, municipality=municipality)
    return run_import(record=record, by=user)
