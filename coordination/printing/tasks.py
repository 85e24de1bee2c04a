"""Printing's background jobs: typesetting a document (on the ``documents`` queue, see
``CELERY_TASK_ROUTES``, under its own time limits) and the nightly refresh of kept documents."""

from celery import shared_task

from coordination.printing import services

# A 100-page binder typesets in well under a minute; one that takes five has gone wrong. The
# hard limit stays below the broker's visibility timeout (settings: twice the global limit), so
# a job is never delivered twice while it still runs.
SOFT_TIME_LIMIT = 5 * 60
HARD_TIME_LIMIT = SOFT_TIME_LIMIT + 60


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=SOFT_TIME_LIMIT,
    time_limit=HARD_TIME_LIMIT,
)
def make_printed_document(*, job: int) -> str:
    """Make the document a print job asked for; returns the job's status."""
    return services.make_printed_document(job=job).status


@shared_task(acks_late=True)
def refresh_printed_documents() -> int:
    return services.refresh_kept_documents()
