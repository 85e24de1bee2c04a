"""The grant-maker's files, made by background jobs for the officer who asks: a round's
applications as CSV or Excel, and an application's case dossier (a ZIP for the archive).

A grant-maker's file belongs to no municipality (``GeneratedFile.municipality`` is empty); its
``parameters`` name the grant-maker (and the round or application). Only the officer who asked
downloads it, while they may still run the grant-maker's grants (``views.export_download``)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from coordination.kernel import files, languages, outbox
from coordination.kernel.models import GeneratedFile, GrantMaker, User
from coordination.kernel.permissions import can
from grants.applications.models import Application
from grants.applications.permissions import can_handle_application
from grants.reports import exports
from grants.schemes.models import Round

ROUND_EXPORT_ACTION = "run_grants"
DOSSIER_ACTION = "run_grants"
EXPORT_FORMATS = {"csv": "CSV", "xlsx": "Excel"}
ROUND_EXPORT_TASK = "grants.reports.tasks.export_round"
DOSSIER_TASK = "grants.reports.tasks.make_case_dossier"


def _start(*, grant_maker: GrantMaker, by: User, title: str, task: str, parameters: dict):
    record = GeneratedFile.objects.create(
        municipality=None,
        requested_by=by,
        action=ROUND_EXPORT_ACTION,
        title=title,
        parameters={"grant_maker": grant_maker.pk, **parameters},
        task=task,
        queued_at=timezone.now(),
    )
    outbox.send(task, requested_by=by.pk, grant_maker=grant_maker.pk, generated_file=record.pk)
    return record


@transaction.atomic
def request_round_export(*, by: User, round: Round, format: str) -> GeneratedFile:  # noqa: A002
    """Ask for the round's applications as a file (``format`` "csv" or "xlsx"); a job makes
    it, and only ``by`` can download it."""
    if not can(by, ROUND_EXPORT_ACTION, round.grant_maker):
        raise PermissionDenied
    if format not in EXPORT_FORMATS:
        raise ValidationError({"format": _("Choose CSV or Excel.")})
    return _start(
        grant_maker=round.grant_maker,
        by=by,
        title=_("Applications in %(round)s") % {"round": round},
        task=ROUND_EXPORT_TASK,
        parameters={"round": round.pk, "format": format},
    )


@transaction.atomic
def request_case_dossier(*, by: User, application: Application) -> GeneratedFile:
    """Ask for the application's case dossier (ZIP); a job makes it for ``by`` alone."""
    verdict = can_handle_application(by, application)
    if not verdict:
        raise PermissionDenied(verdict.reason)
    return _start(
        grant_maker=application.grant_maker,
        by=by,
        title=_("Case dossier %(reference)s") % {"reference": application.reference},
        task=DOSSIER_TASK,
        parameters={"application": application.pk},
    )


def for_job(*, pk: int, user: User, grant_maker: GrantMaker) -> GeneratedFile:
    """The record a job was sent for: this person's, of this grant-maker."""
    return GeneratedFile.objects.get(
        pk=pk, requested_by=user, municipality=None, parameters__grant_maker=grant_maker.pk
    )


def _make(record: GeneratedFile, by: User, write) -> int:
    """Run ``write()`` -> (extension, bytes, rows) into ``record`` once (a job sent twice makes
    no second file); a failure marks the record failed and goes on up."""
    if record.status != GeneratedFile.Status.PENDING:
        return record.rows or 0
    try:
        with override(languages.language_of_person(by)):
            extension, content, rows = write()
        files.finish(record, extension=extension, content=content, rows=rows)
    except Exception:
        files.fail(record)
        raise
    return rows


def make_round_export(*, record: GeneratedFile, by: User) -> int:
    """Write the round's applications (every one but drafts) into ``record``."""
    round_ = Round.objects.get(
        pk=record.parameters["round"], grant_maker_id=record.parameters["grant_maker"]
    )
    extension = record.parameters.get("format", "csv")

    def write():
        applications = exports.round_applications(round_)
        if extension == "xlsx":
            content, rows = exports.round_xlsx(applications)
            return "xlsx", content, rows
        content, rows = exports.round_csv(applications)
        return "csv", content, rows

    return _make(record, by, write)


def make_case_dossier(*, record: GeneratedFile, by: User) -> int:
    """Write the application's case dossier into ``record``; refused if ``by`` may no longer
    handle the application."""
    application = Application.objects.get(
        pk=record.parameters["application"], grant_maker_id=record.parameters["grant_maker"]
    )
    if not can_handle_application(by, application):
        raise PermissionDenied
    return _make(record, by, lambda: ("zip", *exports.case_dossier(application)))
