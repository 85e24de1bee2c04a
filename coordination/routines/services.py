"""The routine binder: writing, approving and archiving routines, naming who may co-author them,
copying starter routines, and the reminder before a routine is due for review.

Editing never changes a version: it adds a new one (a draft). Only a coordinator approves, and
approving approves the latest version."""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Iterable
from functools import partial

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from coordination.kernel import audit, languages, permissions
from coordination.kernel.dates import add_months
from coordination.kernel.mail import send_email
from coordination.kernel.models import Membership, Municipality, User
from coordination.kernel.reminders import remind_once
from coordination.kernel.steps import Step
from coordination.routines.models import REVIEW_NOTICE_DAYS, Routine, RoutineTopic, RoutineVersion
from coordination.routines.permissions import can_edit_routine
from coordination.routines.starters import STARTER_ROUTINES, Starter, starter_by_key

MANAGE = "manage_routines"
REVIEW_AFTER_MONTHS = 12
MAX_TITLE = 200
MAX_BODY = 20000
MAX_NOTE = 300


def _move(routine: Routine, status: str) -> None:
    """The routine's one guarded status change (``Routine.ALLOWED``), with its own refusal."""
    routine.transition_to(status, refusal=routine.refusal_to(status))


def _clean_text(*, title: str, body: str, note: str) -> tuple[str, str, str]:
    title, body, note = title.strip(), body.strip().replace("\r\n", "\n"), note.strip()
    errors = {}
    if not title:
        errors["title"] = _("Give the routine a title.")
    elif len(title) > MAX_TITLE:
        errors["title"] = _("Keep the title under %(max)s characters.") % {"max": MAX_TITLE}
    if not body:
        errors["body"] = _("Write what the routine says.")
    elif len(body) > MAX_BODY:
        errors["body"] = _("Keep the text under %(max)s characters.") % {"max": MAX_BODY}
    if len(note) > MAX_NOTE:
        errors["note"] = _("Keep the note under %(max)s characters.") % {"max": MAX_NOTE}
    if errors:
        raise ValidationError(errors)
    return title, body, note


def _clean_step_topic(step, topic: str) -> tuple[int, str]:
    errors = {}
    try:
        step = int(step)
    except (TypeError, ValueError):
        step = None
    if step not in Step.values:
        errors["step"] = _("Choose one of the 8 steps.")
    if topic not in RoutineTopic.values:
        errors["topic"] = _("Choose one of the topics in the list.")
    if errors:
        raise ValidationError(errors)
    return step, topic


def _add_version(routine: Routine, *, by: User, title: str, body: str, note: str) -> RoutineVersion:
    routine.version_number += 1
    routine.title = title
    version = RoutineVersion.objects.create(
        routine=routine,
        number=routine.version_number,
        title=title,
        body=body,
        note=note,
        changed_by=by,
    )
    return version


@transaction.atomic
def create_routine(
    *,
    municipality: Municipality,
    by: User,
    title: str,
    body: str,
    step: int,
    topic: str,
    note: str = "",
    starter_key: str = "",
) -> Routine:
    """A new routine owned by the coordinator who writes it, as a draft (version 1)."""
    permissions.require(by, MANAGE, municipality)
    title, body, note = _clean_text(title=title, body=body, note=note)
    step, topic = _clean_step_topic(step, topic)
    routine = Routine(
        municipality=municipality,
        title=title,
        step=step,
        topic=topic,
        owner=by,
        starter_key=starter_key,
    )
    routine.save()
    _add_version(routine, by=by, title=title, body=body, note=note or _("First version."))
    routine.save(update_fields=["version_number", "title", "updated_at"])
    audit.record(by, "created", routine, code="routine.created")
    return routine


@transaction.atomic
def edit_routine(
    *,
    routine: Routine,
    by: User,
    title: str,
    body: str,
    note: str = "",
    step: int | None = None,
    topic: str | None = None,
) -> RoutineVersion:
    """A new version of the routine (a draft until a coordinator approves it). Co-authors
    change the text; only coordinators move it to another step or topic."""
    routine = Routine.objects.select_for_update().get(pk=routine.pk)
    if not can_edit_routine(by, routine):
        raise PermissionDenied
    manager = permissions.can(by, MANAGE, routine)
    if not manager and (
        (step is not None and int(step) != routine.step)
        or (topic is not None and topic != routine.topic)
    ):
        raise PermissionDenied
    title, body, note = _clean_text(title=title, body=body, note=note)
    if step is not None or topic is not None:
        routine.step, routine.topic = _clean_step_topic(
            routine.step if step is None else step, routine.topic if topic is None else topic
        )
    latest = routine.versions.order_by("-number").first()
    if latest is not None and (latest.title, latest.body) == (title, body):
        if step is None and topic is None:
            raise ValidationError(_("Nothing has changed in the text, so no new version was made."))
        routine.save(update_fields=["step", "topic", "updated_at"])
        return latest
    version = _add_version(routine, by=by, title=title, body=body, note=note)
    if routine.status == Routine.Status.APPROVED:
        _move(routine, Routine.Status.DRAFT)  # the approved version stays readable
    routine.save()
    audit.record(by, "changed", routine, code="routine.version", params={"number": version.number})
    return version


@transaction.atomic
def approve_routine(
    *, routine: Routine, by: User, next_review: datetime.date | None = None
) -> Routine:
    """Approve the latest version; the next review is 12 months on unless another date is
    given."""
    routine = Routine.objects.select_for_update().get(pk=routine.pk)
    permissions.require(by, MANAGE, routine)
    _move(routine, Routine.Status.APPROVED)
    latest = routine.versions.order_by("-number").first()
    if latest is None:
        raise ValidationError(_("The routine has no text to approve."))
    today = timezone.localdate()
    if next_review is None:
        next_review = add_months(today, REVIEW_AFTER_MONTHS)
    if next_review <= today:
        raise ValidationError({"next_review": _("Choose a review date after today.")})
    if next_review > add_months(today, 60):
        raise ValidationError({"next_review": _("Choose a review date within five years.")})
    routine.approved_version = latest
    routine.approved_by = by
    routine.approved_at = timezone.now()
    routine.next_review = next_review
    routine.save()
    audit.record(by, "changed", routine, code="routine.approved", params={"number": latest.number})
    return routine


@transaction.atomic
def archive_routine(*, routine: Routine, by: User) -> Routine:
    """Take a routine out of the binder; its versions are kept."""
    permissions.require(by, MANAGE, routine)
    _move(routine, Routine.Status.ARCHIVED)
    routine.save(update_fields=["status", "updated_at"])
    audit.record(by, "changed", routine, code="routine.archived")
    return routine


@transaction.atomic
def set_routine_people(
    *, routine: Routine, by: User, owner: User, co_authors: Iterable[User]
) -> Routine:
    """The owner (anyone with a role in the municipality) and the co-authors (volunteer
    contacts and partner representatives there)."""
    permissions.require(by, MANAGE, routine)
    roles: dict[int, set[str]] = {}
    for user_id, role in Membership.objects.in_municipality(routine.municipality_id).values_list(
        "user_id", "role"
    ):
        roles.setdefault(user_id, set()).add(role)
    if owner.pk not in roles or not owner.is_active:
        raise ValidationError(
            {"owner": _("The owner must be someone with a role in the municipality.")}
        )
    co_authors = list(co_authors)
    refused = [
        user
        for user in co_authors
        if not roles.get(user.pk, set()) & permissions.ROUTINE_CO_AUTHOR_ROLES
    ]
    if refused:
        raise ValidationError(
            {
                "co_authors": _(
                    "Only volunteer contacts and partner representatives in the municipality "
                    "can be co-authors. Not: %(names)s."
                )
                % {"names": ", ".join(user.full_name or user.email for user in refused)}
            }
        )
    routine.owner = owner
    routine.save(update_fields=["owner", "updated_at"])
    routine.co_authors.set(co_authors)
    audit.record(by, "changed", routine, code="routine.people")
    return routine


def starter_language(user: User, municipality: Municipality) -> str:
    """Starter routines are copied in the coordinator's own language if they chose one, else in
    the municipality's written standard: the binder is the municipality's document."""
    return languages.language_of_person(user, municipality)


@transaction.atomic
def copy_starter_routines(
    *, municipality: Municipality, by: User, keys: Iterable[str]
) -> tuple[list[Routine], list[str]]:
    """Copy the chosen starter routines as drafts owned by ``by``, in their language. Returns
    the copies and the keys skipped because the municipality already has them."""
    permissions.require(by, MANAGE, municipality)
    keys = list(dict.fromkeys(keys))
    if not keys:
        raise ValidationError({"keys": _("Tick at least one starter routine.")})
    starters = {key: starter for key in keys if (starter := starter_by_key(key)) is not None}
    if len(starters) < len(keys):
        raise ValidationError({"keys": _("Choose only routines from the list.")})
    have = set(
        Routine.objects.in_municipality(municipality)
        .filter(starter_key__in=keys)
        .values_list("starter_key", flat=True)
    )
    language = starter_language(by, municipality)
    copied = []
    for key, starter in starters.items():
        if key in have:
            continue
        try:
            with transaction.atomic():  # a copy made at the same moment elsewhere wins
                copied.append(_copy_starter(municipality, by, starter, language))
        except IntegrityError:
            have.add(key)
    return copied, [key for key in keys if key in have]


def _copy_starter(municipality: Municipality, by: User, starter: Starter, language: str) -> Routine:
    with translation.override(language):
        note = _("Copied from Samspill's starter routines.")
    title, body = starter.text(language)
    return create_routine(
        municipality=municipality,
        by=by,
        title=title,
        body=body,
        step=starter.step,
        topic=starter.topic,
        note=note,
        starter_key=starter.key,
    )


def starters_for(municipality: Municipality, language: str) -> list[dict]:
    """Samspill's starter routines in ``language``, each saying whether the binder has it."""
    have = set(
        Routine.objects.in_municipality(municipality)
        .exclude(starter_key="")
        .values_list("starter_key", flat=True)
    )
    return [
        {
            "key": starter.key,
            "title": title,
            "body": body,
            "step": Step(starter.step).label,
            "copied": starter.key in have,
        }
        for starter in STARTER_ROUTINES
        for title, body in [starter.text(language)]
    ]


def diff_versions(
    old: RoutineVersion, new: RoutineVersion, *, context: int = 1
) -> list[tuple[str, str]]:
    """What changed between two versions, line by line, as (kind, text): kind is "added",
    "removed" or "same" (a line next to a change), and "gap" where unchanged lines are left
    out. Empty lines are left out."""
    lines: list[tuple[str, str]] = []
    for raw in difflib.ndiff(
        [old.title, *old.body.splitlines()], [new.title, *new.body.splitlines()]
    ):
        code, text = raw[:2], raw[2:]
        if not text.strip() or code not in ("+ ", "- ", "  "):
            continue
        lines.append(({"+ ": "added", "- ": "removed", "  ": "same"}[code], text))
    changed = [index for index, (kind, _text) in enumerate(lines) if kind != "same"]
    keep = {i for index in changed for i in range(index - context, index + context + 1)}
    shown: list[tuple[str, str]] = []
    for index, line in enumerate(lines):
        if index in keep:
            shown.append(line)
        elif not shown or shown[-1][0] != "gap":
            shown.append(("gap", ""))
    return shown


# --- Reminders before a review -------------------------------------------------------------


def routines_to_remind(today: datetime.date) -> QuerySet[Routine]:
    """Approved routines whose review is within the notice period, not reminded for that
    date yet."""
    return (
        Routine.objects.due_for_review(today)
        .filter(next_review__gte=today)
        .filter(
            Q(review_reminder_sent_for__isnull=True) | ~Q(review_reminder_sent_for=F("next_review"))
        )
        .select_related("owner", "municipality")
        .order_by("pk")
    )


def send_review_reminders(*, today: datetime.date | None = None) -> int:
    """Email each routine's owner, in their language, once, 30 days before its review."""
    today = today or timezone.localdate()
    return sum(
        remind_once(
            record=partial(_note_review_reminder, routine),
            send=partial(_email_review_reminder, routine),
        )
        for routine in routines_to_remind(today)
    )


def _note_review_reminder(routine: Routine) -> bool:
    """Note the reminder for the routine's review date; False if another run noted it."""
    return bool(
        Routine.objects.filter(pk=routine.pk)
        .exclude(review_reminder_sent_for=routine.next_review)
        .update(review_reminder_sent_for=routine.next_review)
    )


def _email_review_reminder(routine: Routine) -> None:
    owner = routine.owner
    if owner.is_active and owner.email:
        url = reverse("coordination:routine_detail", args=[routine.municipality_id, routine.pk])
        send_email(
            to=owner,
            municipality=routine.municipality_id,
            template="coordination/routines/email/review_reminder",
            context={
                "routine": routine,
                "days": REVIEW_NOTICE_DAYS,
                "url": settings.SITE_URL + url,
            },
        )
