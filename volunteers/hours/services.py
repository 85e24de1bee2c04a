"""Hours volunteers give. A volunteer logs their own (waiting for approval until the coordinator
approves); a coordinator may log hours for a volunteer, approved at once. Approval stores the
municipality's kilometre rate on the entry, so a later change of rate never rewrites what was
approved."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Required, TypedDict, Unpack

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from coordination.kernel import audit, permissions
from coordination.kernel.models import Municipality, User
from volunteers.hours.models import DEFAULT_KM_RATE, HoursEntry, HoursStatus, VolunteerSettings
from volunteers.needs.models import Assignment, AssignmentStatus
from volunteers.profile.models import Volunteer

MIN_HOURS = Decimal("0.25")
MAX_HOURS = Decimal("24")
MAX_KM = Decimal("2000")
MIN_KM_RATE = Decimal("0")
MAX_KM_RATE = Decimal("50")
# A volunteer logs recent work; older work is logged by the coordinator (e.g. from a paper list).
OWN_MAX_AGE_DAYS = 90
COORDINATOR_MAX_AGE_DAYS = 365
# Hours may still be logged for an assignment this long after it ended.
ENDED_ASSIGNMENT_DAYS = 60
# At most this many entries are approved or rejected in one go (a page shows 50).
MAX_DECIDED_AT_ONCE = 100


def current_km_rate(municipality: Municipality | str) -> Decimal:
    """The rate the municipality pays per kilometre now (the state's rate until it sets one)."""
    number = municipality.pk if isinstance(municipality, Municipality) else municipality
    rate = (
        VolunteerSettings.objects.filter(municipality_id=number)
        .values_list("km_rate", flat=True)
        .first()
    )
    return DEFAULT_KM_RATE if rate is None else rate


def assignments_to_log_for(volunteer: Volunteer, *, today: date | None = None):
    """The volunteer's assignments they may log their own hours for: running, or ended within
    the last ``ENDED_ASSIGNMENT_DAYS`` days."""
    today = today or timezone.localdate()
    since = today - timedelta(days=ENDED_ASSIGNMENT_DAYS)
    return (
        Assignment.objects.filter(volunteer=volunteer)
        .filter(~Q(status=AssignmentStatus.ENDED) | Q(ended_on__gte=since))
        .select_related("need")
        .order_by("-started_on", "-pk")
    )


def _places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _check_entry(
    *, worked_on: date, hours: Decimal, km: Decimal, description: str, max_age_days: int
) -> None:
    """The rules every entry follows, with a message for each field that breaks one."""
    errors: dict[str, str] = {}
    today = timezone.localdate()
    if worked_on > today:
        errors["worked_on"] = _("The date is in the future. Log hours after you have worked.")
    elif worked_on < today - timedelta(days=max_age_days):
        errors["worked_on"] = ngettext(
            "The date is more than %(days)s day ago. Ask your coordinator to log older hours.",
            "The date is more than %(days)s days ago. Ask your coordinator to log older hours.",
            max_age_days,
        ) % {"days": max_age_days}
    if not hours.is_finite() or hours < MIN_HOURS:
        errors["hours"] = _("Write at least a quarter of an hour (0.25).")
    elif hours > MAX_HOURS:
        errors["hours"] = _("A day has at most 24 hours.")
    elif _places(hours) > 2:
        errors["hours"] = _("Write hours with at most two decimals, for example 1.5.")
    if not km.is_finite() or km < 0:
        errors["km"] = _("Kilometres cannot be negative. Write 0 if you did not drive.")
    elif km > MAX_KM:
        errors["km"] = _("At most 2000 kilometres on one day.")
    elif _places(km) > 1:
        errors["km"] = _("Write kilometres with at most one decimal, for example 12.5.")
    if len(description) > 200:
        errors["description"] = _("Write at most 200 characters.")
    if errors:
        raise ValidationError(errors)


class HoursFields(TypedDict, total=False):
    """What an entry says (the hours form's fields, as ``HoursForm.service_arguments``)."""

    worked_on: Required[date]
    hours: Required[Decimal]
    km: Decimal
    description: str
    assignment: Assignment | None


def _check_assignment(
    assignment: Assignment | None, volunteer: Volunteer, worked_on: date, *, own: bool
) -> None:
    """The assignment is the volunteer's, and the day falls within it. The volunteer's own
    entry (``own``) may only be for an assignment they may still log hours for."""
    if assignment is None:
        return
    if assignment.volunteer_id != volunteer.pk:
        raise PermissionDenied
    if own and not assignments_to_log_for(volunteer).filter(pk=assignment.pk).exists():
        raise ValidationError(
            {
                "assignment": _(
                    "This assignment ended more than %(days)s days ago. Choose another, or "
                    "ask your coordinator."
                )
                % {"days": ENDED_ASSIGNMENT_DAYS}
            }
        )
    if assignment.started_on and worked_on < assignment.started_on:
        raise ValidationError(
            {"worked_on": _("The date is before this assignment started. Check the date.")}
        )
    if assignment.ended_on and worked_on > assignment.ended_on:
        raise ValidationError(
            {"worked_on": _("The date is after this assignment ended. Check the date.")}
        )


def _own_volunteer_check(volunteer: Volunteer, by: User) -> None:
    if volunteer.user_id is None or volunteer.user_id != by.pk:
        raise PermissionDenied
    if volunteer.left_at is not None:
        raise ValidationError(_("You have left as a volunteer, so you cannot log hours."))


def _checked_fields(volunteer: Volunteer, fields: HoursFields, *, own: bool) -> dict[str, Any]:
    """The entry's fields to write, checked: against the rules every entry follows (the
    volunteer's ``own`` entry only for recent work) and against its assignment. Hours for an
    assignment belong to the need's municipality; other work to the volunteer's own."""
    worked_on, hours = fields["worked_on"], fields["hours"]
    km, description = fields.get("km", Decimal("0")), fields.get("description", "")
    assignment = fields.get("assignment")
    _check_entry(
        worked_on=worked_on,
        hours=hours,
        km=km,
        description=description,
        max_age_days=OWN_MAX_AGE_DAYS if own else COORDINATOR_MAX_AGE_DAYS,
    )
    _check_assignment(assignment, volunteer, worked_on, own=own)
    municipality_id = (
        assignment.need.municipality_id if assignment is not None else volunteer.municipality_id
    )
    return {
        "municipality_id": municipality_id,
        "assignment": assignment,
        "worked_on": worked_on,
        "hours": hours,
        "km": km,
        "description": description.strip(),
    }


@transaction.atomic
def log_own_hours(*, volunteer: Volunteer, by: User, **fields: Unpack[HoursFields]) -> HoursEntry:
    """The volunteer logs hours for one of their assignments, or for other volunteer work.
    The entry waits for the coordinator's approval."""
    _own_volunteer_check(volunteer, by)
    return HoursEntry.objects.create(
        volunteer=volunteer,
        status=HoursStatus.PENDING,
        logged_by=by,
        **_checked_fields(volunteer, fields, own=True),
    )


def _own_pending(entry_pk: int, by: User) -> HoursEntry:
    """The entry, locked, if it is the person's own and still waits for approval."""
    entry = (
        HoursEntry.objects.select_for_update()
        .select_related("volunteer")
        .filter(pk=entry_pk)
        .first()
    )
    if entry is None or entry.volunteer.user_id is None or entry.volunteer.user_id != by.pk:
        raise PermissionDenied
    if entry.status != HoursStatus.PENDING:
        raise ValidationError(
            _("These hours have already been decided on, so they can no longer be changed.")
        )
    return entry


@transaction.atomic
def edit_own_hours(*, entry: HoursEntry, by: User, **fields: Unpack[HoursFields]) -> HoursEntry:
    """The volunteer corrects an entry of theirs while it still waits for approval."""
    entry = _own_pending(entry.pk, by)
    _own_volunteer_check(entry.volunteer, by)
    for name, value in _checked_fields(entry.volunteer, fields, own=True).items():
        setattr(entry, name, value)
    entry.save()
    return entry


@transaction.atomic
def withdraw_own_hours(*, entry: HoursEntry, by: User) -> None:
    """The volunteer takes back an entry that still waits for approval; it is deleted."""
    _own_pending(entry.pk, by).delete()


def _approved_entry(volunteer: Volunteer, by: User, checked: dict[str, Any]) -> HoursEntry:
    """Hours logged and approved at once by ``by``, with today's kilometre rate."""
    now = timezone.now()
    entry = HoursEntry.objects.create(
        volunteer=volunteer,
        km_rate=current_km_rate(checked["municipality_id"]),
        status=HoursStatus.APPROVED,
        logged_by=by,
        logged_at=now,
        decided_by=by,
        decided_at=now,
        **checked,
    )
    audit.record(by, "created", entry, code="hours.logged_approved")
    return entry


@transaction.atomic
def log_hours_for(*, volunteer: Volunteer, by: User, **fields: Unpack[HoursFields]) -> HoursEntry:
    """The coordinator logs hours for a volunteer of their municipality; approved at once,
    with today's kilometre rate."""
    permissions.require(by, "manage_hours", volunteer)
    assignment = fields.get("assignment")
    if assignment is not None:
        permissions.require(by, "manage_hours", assignment.need)
    checked = _checked_fields(volunteer, fields, own=False)
    return _approved_entry(volunteer, by, checked)


@transaction.atomic
def record_worked_hours(
    *, volunteer: Volunteer, by: User, worked_on: date, hours: Decimal, description: str = ""
) -> HoursEntry:
    """Hours another part of the portal knows were worked (an activity's organiser recorded
    that the volunteer came to their shift), approved at once with today's kilometre rate so
    they count in the volunteer's total. The caller has checked that ``by`` may record them
    (the organiser of an activity need not be a coordinator)."""
    checked = _checked_fields(
        volunteer,
        {"worked_on": worked_on, "hours": hours, "description": description},
        own=False,
    )
    return _approved_entry(volunteer, by, checked)


@transaction.atomic
def remove_worked_hours(*, entry: HoursEntry, by: User) -> None:
    """Take back hours recorded by ``record_worked_hours`` (the volunteer did not come after
    all); the caller has checked that ``by`` may."""
    audit.record(by, "deleted", entry)
    entry.delete()


def _decide(entry_ids: Iterable[int], by: User, to: str) -> list[HoursEntry]:
    """The entries, locked, if ``by`` may decide on every one and each may move ``to`` the
    decision (none is decided yet)."""
    ids = sorted({int(pk) for pk in entry_ids})
    if not ids:
        raise ValidationError(_("Tick at least one entry."))
    if len(ids) > MAX_DECIDED_AT_ONCE:
        raise ValidationError(
            ngettext(
                "Decide on at most %(count)s entry at a time.",
                "Decide on at most %(count)s entries at a time.",
                MAX_DECIDED_AT_ONCE,
            )
            % {"count": MAX_DECIDED_AT_ONCE}
        )
    entries = list(HoursEntry.objects.select_for_update().filter(pk__in=ids).order_by("pk"))
    if not all(permissions.can(by, "manage_hours", e) for e in entries):
        raise PermissionDenied
    # Gone (withdrawn by the volunteer meanwhile) or decided by someone else meanwhile.
    if len(entries) != len(ids) or not all(e.may_move_to(to) for e in entries):
        raise ValidationError(
            _(
                "Some of the entries have been withdrawn or decided on meanwhile. Reload the "
                "page and try again."
            )
        )
    return entries


@transaction.atomic
def approve_hours(*, entry_ids: Iterable[int], by: User) -> int:
    """Approve one or many entries waiting for approval, each at its municipality's current
    kilometre rate. Returns how many were approved."""
    entries = _decide(entry_ids, by, HoursStatus.APPROVED)
    now = timezone.now()
    rates = {number: current_km_rate(number) for number in {e.municipality_id for e in entries}}
    for number, rate in rates.items():
        HoursEntry.objects.filter(
            pk__in=[e.pk for e in entries if e.municipality_id == number]
        ).update(status=HoursStatus.APPROVED, km_rate=rate, decided_by=by, decided_at=now)
    for entry in entries:
        audit.record(by, "changed", entry, code="hours.approved")
    return len(entries)


@transaction.atomic
def reject_hours(*, entry_ids: Iterable[int], by: User) -> int:
    """Turn down one or many entries waiting for approval. Returns how many."""
    entries = _decide(entry_ids, by, HoursStatus.REJECTED)
    HoursEntry.objects.filter(pk__in=[e.pk for e in entries]).update(
        status=HoursStatus.REJECTED, km_rate=None, decided_by=by, decided_at=timezone.now()
    )
    for entry in entries:
        audit.record(by, "changed", entry, code="hours.rejected")
    return len(entries)


@transaction.atomic
def set_km_rate(*, municipality: Municipality, rate: Decimal, by: User) -> VolunteerSettings:
    """Change the rate per kilometre. It applies to entries approved from now on."""
    permissions.require(by, "manage_hours", municipality)
    if not rate.is_finite() or rate < MIN_KM_RATE or rate > MAX_KM_RATE:
        raise ValidationError({"km_rate": _("Write a rate from 0 to 50 kroner.")})
    if _places(rate) > 2:
        raise ValidationError({"km_rate": _("Write the rate with at most two decimals.")})
    settings, _created = VolunteerSettings.objects.select_for_update().get_or_create(
        municipality=municipality
    )
    before = settings.km_rate
    settings.km_rate = rate
    settings.save()
    audit.record(
        by,
        "changed",
        settings,
        code="hours.km_rate",
        params={"before": str(before), "after": str(rate)},
    )
    return settings
