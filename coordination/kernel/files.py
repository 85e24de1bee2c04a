"""Files that background jobs make for a person (exports now, PDF handbooks later).

    record = files.request(municipality=m, by=user, action="export_volunteers",
                           title="…", task=export_volunteers, parameters={...})

The job (decorated with ``jobs.acting_for(action)``) calls ``files.finish(record, name, bytes)``.
Only the person who asked can download the file, and only while they still may ``action``.

A record may also hold a file the person uploaded and must confirm before a job uses it (the
import of a volunteer list): ``parameters["awaiting_confirmation"]`` is then true, and the
files page says so. A record whose file was deleted after use has nothing to download.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coordination.kernel import jobs, outbox, permissions
from coordination.kernel.models import GeneratedFile, Municipality, User


@transaction.atomic
def request(
    *, municipality: Municipality, by: User, action: str, title: str, task, parameters: dict
) -> GeneratedFile:
    permissions.require(by, action, municipality)
    record = GeneratedFile.objects.create(
        municipality=municipality,
        requested_by=by,
        action=action,
        title=title,
        parameters=parameters,
        task=task.name,
        queued_at=timezone.now(),
    )
    jobs.enqueue(task, requested_by=by, municipality=municipality, generated_file=record.pk)
    return record


# A job still "being made" this long after it was sent is stuck: no job runs longer than the
# hard time limit, so its worker died or the queue lost it. Starting it again is then safe.
STUCK_AFTER = timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT) + timedelta(minutes=5)


def is_stuck(record: GeneratedFile, now=None) -> bool:
    if record.status != GeneratedFile.Status.PENDING:
        return False
    if record.parameters.get("awaiting_confirmation"):
        return False  # waits for the person, not for a worker
    sent = record.queued_at or record.created_at
    return sent < (now or timezone.now()) - STUCK_AFTER


def can_start_again(record: GeneratedFile, now=None) -> bool:
    """A stuck job, or one that failed, whose task is known. (An import whose list was
    dropped because it no longer fits is uploaded again instead: its file is gone.)"""
    if not record.task or not outbox.task_exists(record.task):
        return False  # e.g. the map's PDF, printed on the printed documents page since
    if record.status == GeneratedFile.Status.FAILED:
        return record.action != "import_volunteers" or bool(record.file)
    return is_stuck(record, now)


@transaction.atomic
def start_again(*, record: GeneratedFile, by: User) -> GeneratedFile:
    """Send a stuck or failed job to a worker again: the same record, so there is never a
    second file; a job that was only slow and finishes meanwhile makes this one do nothing."""
    record = GeneratedFile.objects.select_for_update().get(pk=record.pk)
    if record.requested_by_id != by.pk:
        raise PermissionDenied
    municipality = record.municipality
    if municipality is None:  # a grant-maker's file: asked for again on its own page
        raise PermissionDenied
    permissions.require(by, record.action, municipality)
    if not can_start_again(record):
        if record.status == GeneratedFile.Status.DONE:
            raise ValidationError(_("This file is ready already."))
        if record.status == GeneratedFile.Status.FAILED:
            raise ValidationError(_("This list cannot be imported again. Upload it again."))
        raise ValidationError(
            _("This job is still being made. Wait a little, then refresh the page.")
        )
    record.status = GeneratedFile.Status.PENDING
    record.finished_at = None
    record.queued_at = timezone.now()
    record.parameters["started_again"] = record.parameters.get("started_again", 0) + 1
    record.save(update_fields=["status", "finished_at", "queued_at", "parameters"])
    task = outbox.task_named(record.task)
    jobs.enqueue(task, requested_by=by, municipality=municipality, generated_file=record.pk)
    return record


def for_job(*, pk: int, user: User, municipality: Municipality) -> GeneratedFile:
    """The record a job was sent for: it must be this person's, in this municipality."""
    return GeneratedFile.objects.get(pk=pk, requested_by=user, municipality=municipality)


def finish(record: GeneratedFile, *, extension: str, content: bytes, rows: int) -> None:
    record.file.save(f"{uuid.uuid4().hex}.{extension}", ContentFile(content), save=False)
    record.status = GeneratedFile.Status.DONE
    record.rows = rows
    record.finished_at = timezone.now()
    record.save(update_fields=["file", "status", "rows", "finished_at"])


def fail(record: GeneratedFile) -> None:
    record.status = GeneratedFile.Status.FAILED
    record.finished_at = timezone.now()
    record.save(update_fields=["status", "finished_at"])


def delete_with_files(records) -> int:
    """Delete records and their stored files (used by the retention rule)."""
    count = 0
    for record in records.iterator():
        if record.file:
            record.file.delete(save=False)
        record.delete()
        count += 1
    return count
