"""Import of an existing volunteer list: preview, confirm, then a background job writes it.

1. ``preview_import`` checks the uploaded file; when every row is valid the file is kept
   privately as a ``GeneratedFile`` (action ``import_volunteers``) waiting for confirmation.
2. ``confirm_import`` marks it confirmed and enqueues the job (on commit).
3. ``run_import`` (the job) checks the file again and writes every row or none, in one
   transaction; then the stored file is deleted and the record says how many were imported.
   A record never confirmed is deleted with its file by the retention rule for generated files.

Imported people with an email address get an account without a password and with an
unconfirmed email address (they set a password with "forgot password"), and no consent or
signature: they give those themselves when they first log in (or the consent on the phone, to
a coordinator: ``registry.services.by_hand.record_consent_by_phone``); they are reached by
email. People with only a phone number get no account: their name and phone are kept on the
volunteer (as for those a coordinator registers by phone), they are reached by a call, and the
coordinator can add an email and invite them to make a login.
"""

from __future__ import annotations

import uuid

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from coordination.kernel import audit, files, jobs, languages, permissions
from coordination.kernel.models import GeneratedFile, Municipality, User
from volunteers.importing import rows as importing
from volunteers.models import ContactBy, Volunteer, VolunteerInterest

ACTION = "import_volunteers"
# The job that writes a confirmed list (by name: the task imports this module, not the reverse).
IMPORT_TASK = "volunteers.importing.tasks.import_volunteer_list"


class ListChanged(Exception):
    """The confirmed list is no longer valid (someone registered since the preview)."""


def _pending(municipality: Municipality, by: User):
    return GeneratedFile.objects.in_municipality(municipality).filter(
        requested_by=by,
        action=ACTION,
        status=GeneratedFile.Status.PENDING,
    )


@transaction.atomic
def preview_import(
    *, municipality: Municipality, by: User, upload: UploadedFile
) -> tuple[importing.Preview, GeneratedFile | None]:
    """Check the file; keep it for confirmation only when the whole file is valid."""
    permissions.require(by, ACTION, municipality)
    # UploadField named the file after the kind it sniffed from the content.
    stored_name = upload.name or ""
    kind = "xlsx" if stored_name.lower().endswith(".xlsx") else "csv"
    upload.seek(0)
    data = upload.read()
    preview = importing.check(data, kind, municipality)
    if not preview.valid:
        return preview, None
    # One list waits for confirmation at a time: an earlier, unconfirmed one is dropped.
    files.delete_with_files(
        _pending(municipality, by).filter(parameters__awaiting_confirmation=True)
    )
    name = str(getattr(upload, "original_name", stored_name))[:100]
    record = GeneratedFile.objects.create(
        municipality=municipality,
        requested_by=by,
        action=ACTION,
        task=IMPORT_TASK,
        title=_("Import of the volunteer list %(name)s") % {"name": name},
        # ``awaiting_confirmation``: the files page says so instead of "being made".
        parameters={"kind": kind, "name": name, "awaiting_confirmation": True},
    )
    record.file.save(f"{uuid.uuid4().hex}.{kind}", ContentFile(data), save=True)
    return preview, record


@transaction.atomic
def confirm_import(*, record: GeneratedFile, by: User) -> None:
    """The coordinator confirms the list they saw; the job imports it."""
    record = GeneratedFile.objects.select_for_update().get(pk=record.pk)
    municipality = record.municipality  # None: a grant-maker's file, never an import
    if municipality is None or record.requested_by_id != by.pk:
        raise PermissionDenied
    if not permissions.can(by, ACTION, municipality):
        raise PermissionDenied
    if record.action != ACTION or record.status != GeneratedFile.Status.PENDING:
        raise PermissionDenied
    if not record.parameters.get("awaiting_confirmation"):
        raise ValidationError(_("This list is already being imported."))
    record.parameters["awaiting_confirmation"] = False
    record.queued_at = timezone.now()
    record.save(update_fields=["parameters", "queued_at"])
    jobs.enqueue(IMPORT_TASK, requested_by=by, municipality=municipality, generated_file=record.pk)


def run_import(*, record: GeneratedFile, by: User) -> int:
    """Check the confirmed list again and import all of it, or nothing. Returns how many."""
    municipality = record.municipality  # None: a grant-maker's file, never an import
    if municipality is None or record.requested_by_id != by.pk:
        raise PermissionDenied
    if not permissions.can(by, ACTION, municipality):
        raise PermissionDenied
    try:
        with transaction.atomic():
            locked = GeneratedFile.objects.select_for_update().get(pk=record.pk)
            confirmed = locked.parameters.get("awaiting_confirmation") is False
            if locked.status != GeneratedFile.Status.PENDING or not confirmed:
                return locked.rows or 0  # e.g. done already: a job delivered twice does nothing
            with locked.file.open("rb") as handle:
                data = handle.read()
            preview = importing.check(data, locked.parameters["kind"], municipality)
            if not preview.valid:  # someone registered since the preview, for example
                raise ListChanged
            count = _write(preview, municipality=municipality)
            audit.record(
                by,
                "created",
                municipality=locked.municipality,
                object_type="volunteers.volunteer",
                code="volunteers.imported",
                params={"count": count},
            )
            _close(locked, GeneratedFile.Status.DONE, title=locked.title, rows=count)
            return count
    except (ListChanged, IntegrityError):  # IntegrityError: an address taken meanwhile
        with override(languages.language_of_person(by, locked.municipality_id)):
            title = _(
                "The volunteer list %(name)s was not imported: it no longer fits the registry. "
                "Upload it again to see why."
            ) % {"name": record.parameters.get("name", "")}
        with transaction.atomic():
            _close(GeneratedFile.objects.get(pk=record.pk), GeneratedFile.Status.FAILED, title)
        return 0
    except Exception:
        with transaction.atomic():
            files.fail(GeneratedFile.objects.get(pk=record.pk))
        raise


def _close(record: GeneratedFile, status: str, title: str, rows: int | None = None) -> None:
    """Finish the record; its stored copy of the list is deleted once this commits."""
    stored = record.file.name
    storage = record.file.storage
    record.status = status
    record.title = title[:200]
    record.rows = rows
    record.finished_at = timezone.now()
    record.file = ""
    record.save(update_fields=["status", "title", "rows", "finished_at", "file"])
    if stored:
        transaction.on_commit(lambda: storage.delete(stored))


def _write(preview: importing.Preview, *, municipality: Municipality) -> int:
    """Create the accounts (for rows with an email address), volunteer profiles and interests
    of every row (all valid)."""
    today = timezone.localdate()
    default_languages = Volunteer._meta.get_field("languages").default
    users: list[User | None] = [
        User(
            email=row.values["email"],
            full_name=row.values["name"],
            phone=row.values.get("phone", ""),
            password=make_password(None),  # unusable: they choose one with "forgot password"
        )
        if row.values.get("email")
        else None
        for row in preview.rows
    ]
    accounts = [user for user in users if user is not None]
    User.objects.bulk_create(accounts, batch_size=1000)
    EmailAddress.objects.bulk_create(
        (
            EmailAddress(user=user, email=user.email, verified=False, primary=True)
            for user in accounts
        ),
        batch_size=1000,
    )
    volunteers = [
        Volunteer(
            user=user,
            # Without an account the volunteer keeps their own name and phone.
            name="" if user else row.values["name"],
            phone="" if user else row.values.get("phone", ""),
            municipality=municipality,
            area=row.values.get("area", ""),
            skills=row.values.get("skills", ""),
            languages=row.values.get("languages") or default_languages,
            can_drive=row.values.get("can_drive", False),
            has_car=row.values.get("has_car", False),
            active_since=row.values.get("active_since") or today,
            # With an address they have a login, and read email; without, they are phoned.
            contact_by=ContactBy.EMAIL if user else ContactBy.PHONE,
        )
        for row, user in zip(preview.rows, users, strict=True)
    ]
    for volunteer in volunteers:  # bulk_create skips Volunteer.save()
        volunteer.sort_name = volunteer.person_name.casefold()
        volunteer.search_text = volunteer.searchable_text()
    Volunteer.objects.bulk_create(volunteers, batch_size=1000)
    VolunteerInterest.objects.bulk_create(
        (
            VolunteerInterest(volunteer=volunteer, interest=interest)
            for row, volunteer in zip(preview.rows, volunteers, strict=True)
            for interest in row.values.get("interests", [])
        ),
        batch_size=1000,
    )
    return len(volunteers)
