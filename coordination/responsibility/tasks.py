"""The responsibility map's background job: printing it as a PDF."""

from celery import shared_task

from coordination.kernel import files
from coordination.kernel.jobs import acting_for
from coordination.responsibility.services.document import render_map_document
from coordination.responsibility.services.maps import ACTION


@shared_task(acks_late=True)
@acting_for(ACTION)
def render_responsibility_map(*, user, municipality, generated_file: int) -> int:
    """The map as a PDF that only the coordinator who asked can download."""
    record = files.for_job(pk=generated_file, user=user, municipality=municipality)
    return render_map_document(record=record, by=user)
