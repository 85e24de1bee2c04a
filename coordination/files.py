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

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from . import jobs, permissions
from .models import GeneratedFile, Municipality, User


@transaction.atomic
def request(
    *, municipality: Municipality, by: User, action: str, title: str, task, parameters: dict
) -> GeneratedFile:
    if not permissions.can(by, action, municipality):
        raise PermissionDenied
    record = GeneratedFile.objects.create(
        municipality=municipality,
        requested_by=by,
        action=action,
        title=title,
        parameters=parameters,
    )
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
