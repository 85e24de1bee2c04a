"""Printing: ask for a document, make it in a worker (once per version), publish it.

    job = request_print(municipality=m, document="binder", language="nn", by=user)
    # a worker runs make_printed_document(job=job.pk): compose, hash, typeset if new

Typesetting is the slow part (seconds to a minute), so it never happens in a request. The
worker composes the document first (milliseconds) and compares its content hash with the kept
versions: unchanged content gives the kept PDF at once. A worker killed mid-render is
redelivered (``task_reject_on_worker_lost``) and starts again; the PDF is written to a temporary
file and moved into place under a name made of its key, and its row is created once, so the
end is exactly one document. After ``MAX_ATTEMPTS`` deliveries the job is marked failed
instead of looping, and the person sees why.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from celery.exceptions import SoftTimeLimitExceeded
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from pypdf import PdfReader

from coordination.kernel import audit, contributions, documents, languages, outbox, permissions
from coordination.kernel.contributions import Document
from coordination.kernel.models import Municipality, User
from coordination.printing.models import PrintedDocument, PrintJob, PublicLink

RENDER_TASK = "coordination.printing.tasks.make_printed_document"
# A job delivered this many times without finishing is a poison job (it kills its worker, or
# always fails): it ends as failed, visible to the person, instead of looping.
MAX_ATTEMPTS = 3
PUBLISH_ACTION = "publish_documents"


def document_or_404(name: str) -> Document:
    document = contributions.document(name)
    if document is None:
        raise Http404
    return document


def documents_for(user: User, municipality: Municipality) -> list[Document]:
    """The documents this person may print here, in their registered order."""
    return [
        document
        for document in contributions.DOCUMENTS.values()
        if permissions.can(user, document.action, municipality)
    ]


@transaction.atomic
def request_print(
    *, municipality: Municipality, document: str, language: str, by: User | None
) -> PrintJob:
    """Ask for ``document`` in ``language``; a worker makes it. A job for the same document
    and language that is still waiting or being made is returned instead of a second one."""
    kind = document_or_404(document)
    if by is not None:
        permissions.require(by, kind.action, municipality)
    if not languages.is_language(language):
        raise ValidationError(_("Choose one of the languages in the list."))
    Municipality.objects.select_for_update().filter(pk=municipality.pk).first()  # one at a time
    waiting = (
        PrintJob.objects.in_municipality(municipality)
        .unfinished()
        .filter(document=document, language=language)
        .first()
    )
    if waiting is not None:
        return waiting
    job = PrintJob.objects.create(
        municipality=municipality, document=document, language=language, requested_by=by
    )
    outbox.send(RENDER_TASK, job=job.pk)
    return job


def make_printed_document(*, job: int) -> PrintJob:
    """The worker's part: compose, and typeset unless this version is kept already."""
    record = _start(job)
    if record.is_finished:
        return record
    try:
        kind = document_or_404(record.document)
        if record.requested_by is not None:
            permissions.require(record.requested_by, kind.action, record.municipality)
        composed = kind.make(record.municipality, record.language)
        kept = _kept_version(record, composed.content_hash)
        reused = kept is not None
        if kept is None:
            kept = _store(record, composed, documents.typeset(composed))
    except PermissionDenied:
        return _fail(record, PrintJob.Failure.NOT_ALLOWED)
    except SoftTimeLimitExceeded:
        return _fail(record, PrintJob.Failure.TOO_LONG)
    except Exception:
        _fail(record, PrintJob.Failure.ERROR)
        raise
    record.status = PrintJob.Status.DONE
    record.result = kept
    record.reused = reused
    record.finished_at = timezone.now()
    record.save(update_fields=["status", "result", "reused", "finished_at"])
    return record


def _start(job: int) -> PrintJob:
    """Count this delivery; a job delivered too often fails instead of running again."""
    with transaction.atomic():
        record = PrintJob.objects.select_for_update().select_related("municipality").get(pk=job)
        if record.is_finished:
            return record
        record.attempts += 1
        record.status = PrintJob.Status.RENDERING
        record.started_at = timezone.now()
        record.save(update_fields=["attempts", "status", "started_at"])
    if record.attempts > MAX_ATTEMPTS:
        return _fail(record, PrintJob.Failure.TOO_MANY_ATTEMPTS)
    return record


def _fail(record: PrintJob, failure: str) -> PrintJob:
    record.status = PrintJob.Status.FAILED
    record.failure = failure
    record.finished_at = timezone.now()
    record.save(update_fields=["status", "failure", "finished_at"])
    return record


def _kept_version(record: PrintJob, content_hash: str) -> PrintedDocument | None:
    return (
        PrintedDocument.objects.in_municipality(record.municipality)
        .filter(document=record.document, language=record.language, content_hash=content_hash)
        .first()
    )


def _file_name(record: PrintJob, content_hash: str) -> str:
    """The key of the version as the file's name: a second render of it replaces, never adds."""
    return (
        f"printed/{record.municipality_id}/{record.document}-{record.language}-{content_hash}.pdf"
    )


def _write_atomically(name: str, content: bytes) -> None:
    """Write to a temporary file beside the target, then rename: a reader (or a worker killed
    halfway) never sees half a PDF."""
    target = Path(default_storage.path(name))
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _store(record: PrintJob, composed: documents.Composed, pdf: bytes) -> PrintedDocument:
    name = _file_name(record, composed.content_hash)
    _write_atomically(name, pdf)
    try:
        with transaction.atomic():
            kept = PrintedDocument.objects.create(
                municipality=record.municipality,
                document=record.document,
                language=record.language,
                content_hash=composed.content_hash,
                title=composed.title[:200],
                file=name,
                pages=len(PdfReader(io.BytesIO(pdf)).pages),
                size=len(pdf),
            )
    except IntegrityError:  # another delivery of the same version got there first
        found = _kept_version(record, composed.content_hash)
        assert found is not None
        return found
    audit.record(
        record.requested_by,
        "created",
        kept,
        municipality=record.municipality,
        code="document.printed",
        params={"title": kept.title, "version": kept.version},
    )
    return kept


# --- Publishing ------------------------------------------------------------------------------


def published_link(municipality: Municipality, document: str) -> PublicLink | None:
    return (
        PublicLink.objects.in_municipality(municipality).active().filter(document=document).first()
    )


@transaction.atomic
def publish_document(*, municipality: Municipality, document: str, by: User) -> PublicLink:
    """Share the latest version of ``document`` at a secret link, and make sure there is one
    in the municipality's own language."""
    permissions.require(by, PUBLISH_ACTION, municipality)
    kind = document_or_404(document)
    if not kind.publishable:
        raise ValidationError(_("This document holds information that may not be shared openly."))
    link = published_link(municipality, document)
    if link is None:
        link = PublicLink.objects.create(
            municipality=municipality, document=document, created_by=by
        )
        audit.record(
            by,
            "changed",
            link,
            municipality=municipality,
            code="document.published",
            params={"title": str(kind.title)},
        )
    request_print(
        municipality=municipality,
        document=document,
        language=languages.language_of_municipality(municipality),
        by=None,
    )
    return link


@transaction.atomic
def withdraw_document(*, municipality: Municipality, document: str, by: User) -> None:
    """The public link stops working at once; a new one can be made later."""
    permissions.require(by, PUBLISH_ACTION, municipality)
    link = published_link(municipality, document)
    if link is None:
        return
    link.revoked_at = timezone.now()
    link.save(update_fields=["revoked_at"])
    kind = contributions.document(document)
    audit.record(
        by,
        "changed",
        link,
        municipality=municipality,
        code="document.withdrawn",
        params={"title": str(kind.title) if kind else document},
    )


def public_version(link: PublicLink, language: str | None = None) -> PrintedDocument | None:
    """What a public link shows: the newest kept version in the chosen language, or in the
    municipality's own."""
    language = language if languages.is_language(language) else None
    language = language or languages.language_of_municipality(link.municipality_id)
    return (
        PrintedDocument.objects.in_municipality(link.municipality_id)
        .filter(document=link.document, language=language)
        .order_by("-rendered_at", "-pk")
        .first()
    )


# --- Nightly refresh ----------------------------------------------------------------------------


def refresh_kept_documents() -> int:
    """Keep the latest version at hand: for each document a municipality has printed or
    published, print it again in its own language. Unchanged content is not typeset again
    (the job finds the kept version), so this costs a compose per document. Returns how many
    jobs were asked for."""
    keys = set(PrintedDocument.objects.values_list("municipality_id", "document").distinct()) | set(
        PublicLink.objects.active().values_list("municipality_id", "document")
    )
    documents_of: dict[str, list[str]] = {}
    for number, document in sorted(keys):
        if contributions.document(document) is not None:
            documents_of.setdefault(number, []).append(document)
    asked = 0
    for municipality in Municipality.objects.filter(pk__in=documents_of):
        language = languages.language_of_municipality(municipality)
        for document in documents_of[municipality.pk]:
            request_print(municipality=municipality, document=document, language=language, by=None)
            asked += 1
    return asked
