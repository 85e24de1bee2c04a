"""Schedules and sessions: saving a rule makes its sessions (idempotently: one per date of the
rule), changing it remakes those ahead without touching a meeting someone has signed up for,
and a one-off meeting is added by hand. Every write checks that ``by`` runs the activity."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from activities.catalogue.models import Activity, ActivityStatus, Place
from activities.catalogue.permissions import can_manage_activity
from activities.rides.services import sync_rides_for_session
from activities.schedule import recurrence
from activities.schedule.models import (
    Frequency,
    Schedule,
    ScheduleException,
    SchedulePlace,
    Session,
    SessionStatus,
)
from activities.shifts.models import SHIFT_HOLDING
from activities.signups.models import SignUpStatus
from coordination.kernel.models import User
from coordination.kernel.permissions import require

# Fields of a session an organiser may change by hand.
SESSION_FIELDS = frozenset({"starts_at", "ends_at", "place", "capacity", "status_note"})


@dataclass
class SessionsMade:
    """What making a schedule's sessions did: how many meetings were added and taken away,
    and the meetings that no longer fit the rule but were kept because people have signed up
    (or volunteers hold shifts) — the organiser moves or cancels those one by one."""

    created: int = 0
    removed: int = 0
    updated: int = 0
    kept: list[Session] = field(default_factory=list)


def _check_manager(by: User, activity: Activity) -> None:
    require(by, "manage_activities", activity)
    if not can_manage_activity(by, activity):
        raise PermissionDenied


def _check_runnable(activity: Activity) -> None:
    if activity.listed_only:
        raise ValidationError(
            _("This activity is only listed here and runs outside Samspill: it has no meetings.")
        )
    if activity.status in (ActivityStatus.DECLINED, ActivityStatus.ARCHIVED):
        raise ValidationError(
            _("This activity has ended. Start it again before planning meetings.")
        )


def _check_places(activity: Activity, places: Sequence[Place]) -> list[Place]:
    for place in places:
        if place.municipality_id != activity.municipality_id:
            raise ValidationError({"places": _("Choose places in this municipality.")})
    if len({place.pk for place in places}) != len(places):
        raise ValidationError({"places": _("Each place can be chosen once.")})
    if not places and activity.place is not None:
        return [activity.place]
    return list(places)


def _check_rule(
    *,
    frequency: str,
    starts_on: datetime.date,
    start_time: datetime.time,
    end_time: datetime.time,
    ends_on: datetime.date | None,
) -> None:
    if frequency not in Frequency.values:
        raise ValidationError({"frequency": _("Choose how often the activity meets.")})
    if end_time <= start_time:
        raise ValidationError({"end_time": _("The meeting must end after it starts.")})
    if ends_on is not None and frequency != Frequency.ONCE and ends_on < starts_on:
        raise ValidationError({"ends_on": _("The season must end on or after the first date.")})


def _has_people(sessions) -> dict[int, bool]:
    """Which of the sessions someone has signed up for (or a volunteer holds a shift in)."""
    counted = Session.objects.filter(pk__in=[s.pk for s in sessions]).annotate(
        people=Count("signups", filter=~Q(signups__status=SignUpStatus.CANCELLED), distinct=True),
        helpers=Count(
            "shift_slots__shifts",
            filter=Q(shift_slots__shifts__status__in=SHIFT_HOLDING),
            distinct=True,
        ),
    )
    return {s.pk: bool(s.people or s.helpers) for s in counted}


def _checked_rotation(
    by: User,
    activity: Activity,
    places: Sequence[Place],
    *,
    frequency: str,
    starts_on: datetime.date,
    start_time: datetime.time,
    end_time: datetime.time,
    ends_on: datetime.date | None,
) -> list[Place]:
    """Everything a new or changed rule is checked against (who, which activity, the rule
    itself); returns the places to rotate between, in order."""
    _check_manager(by, activity)
    _check_runnable(activity)
    _check_rule(
        frequency=frequency,
        starts_on=starts_on,
        start_time=start_time,
        end_time=end_time,
        ends_on=ends_on,
    )
    return _check_places(activity, places)


@transaction.atomic
def create_schedule(
    *,
    activity: Activity,
    by: User,
    frequency: str,
    starts_on: datetime.date,
    start_time: datetime.time,
    end_time: datetime.time,
    places: Sequence[Place],
    ends_on: datetime.date | None = None,
    exceptions: Iterable[datetime.date] = (),
) -> Schedule:
    """Save the rule, the places it rotates between (in order) and its dates without a
    meeting, then make its sessions."""
    rotation = _checked_rotation(
        by,
        activity,
        places,
        frequency=frequency,
        starts_on=starts_on,
        start_time=start_time,
        end_time=end_time,
        ends_on=ends_on,
    )
    schedule = Schedule.objects.create(
        activity=activity,
        frequency=frequency,
        starts_on=starts_on,
        ends_on=None if frequency == Frequency.ONCE else ends_on,
        start_time=start_time,
        end_time=end_time,
    )
    _save_rotation(schedule, rotation)
    ScheduleException.objects.bulk_create(
        [ScheduleException(schedule=schedule, date=day) for day in sorted(set(exceptions))]
    )
    remake_sessions(schedule=schedule, include_past=True)
    return schedule


def _save_rotation(schedule: Schedule, places: Sequence[Place]) -> None:
    schedule.rotation.all().delete()
    SchedulePlace.objects.bulk_create(
        [
            SchedulePlace(schedule=schedule, place=place, position=position)
            for position, place in enumerate(places)
        ]
    )


@transaction.atomic
def update_schedule(
    *,
    schedule: Schedule,
    by: User,
    frequency: str,
    starts_on: datetime.date,
    start_time: datetime.time,
    end_time: datetime.time,
    places: Sequence[Place],
    ends_on: datetime.date | None = None,
    exceptions: Iterable[datetime.date] | None = None,
) -> SessionsMade:
    """Change the rule (and, when given, the whole set of dates without a meeting) and remake
    the sessions ahead: those that no longer fit go unless someone has signed up for them."""
    activity = schedule.activity
    rotation = _checked_rotation(
        by,
        activity,
        places,
        frequency=frequency,
        starts_on=starts_on,
        start_time=start_time,
        end_time=end_time,
        ends_on=ends_on,
    )
    schedule.frequency = frequency
    schedule.starts_on = starts_on
    schedule.ends_on = None if frequency == Frequency.ONCE else ends_on
    schedule.start_time = start_time
    schedule.end_time = end_time
    schedule.save()
    _save_rotation(schedule, rotation)
    if exceptions is not None:
        wanted = set(exceptions)
        _refuse_exceptions_with_people(schedule, wanted)
        schedule.exceptions.exclude(date__in=wanted).delete()
        have = set(schedule.exceptions.values_list("date", flat=True))
        ScheduleException.objects.bulk_create(
            [ScheduleException(schedule=schedule, date=day) for day in sorted(wanted - have)]
        )
    return remake_sessions(schedule=schedule)


def _people_message(day: datetime.date) -> str:
    return _(
        "People have signed up for the meeting on %(date)s. Cancel that meeting "
        "instead, so that they are told."
    ) % {"date": date_format(day, "DATE_FORMAT")}


def _refuse_exceptions_with_people(schedule: Schedule, dates: set[datetime.date]) -> None:
    """A new date without a meeting may not silently drop people who signed up for it."""
    new = dates - set(schedule.exceptions.values_list("date", flat=True))
    sessions = list(Session.objects.filter(schedule=schedule, occurrence__in=new))
    people = _has_people(sessions) if sessions else {}
    for session in sorted(sessions, key=lambda s: s.starts_at):
        if people.get(session.pk):
            raise ValidationError(
                {"exceptions": _people_message(timezone.localdate(session.starts_at))}
            )


@transaction.atomic
def add_exception(
    *, schedule: Schedule, by: User, date: datetime.date, reason: str = ""
) -> ScheduleException:
    """A date without a meeting. Its session goes too, unless people have signed up: then the
    organiser cancels the meeting instead, which tells them."""
    _check_manager(by, schedule.activity)
    session = Session.objects.filter(schedule=schedule, occurrence=date).first()
    if session is not None and _has_people([session])[session.pk]:
        raise ValidationError(_people_message(date))
    exception, _created = ScheduleException.objects.update_or_create(
        schedule=schedule, date=date, defaults={"reason": reason}
    )
    if session is not None:
        session.delete()
    return exception


@transaction.atomic
def remove_exception(*, schedule: Schedule, by: User, date: datetime.date) -> int:
    """The date has a meeting again; returns how many sessions were made (0 or 1)."""
    _check_manager(by, schedule.activity)
    schedule.exceptions.filter(date=date).delete()
    return make_sessions(schedule=schedule)


def make_sessions(*, schedule: Schedule, today: datetime.date | None = None) -> int:
    """Make the schedule's sessions up to its end (at most a year ahead); returns how many
    were new. Running it again changes nothing."""
    return remake_sessions(schedule=schedule, today=today).created


@transaction.atomic
def remake_sessions(
    *, schedule: Schedule, today: datetime.date | None = None, include_past: bool = False
) -> SessionsMade:
    """Bring the schedule's sessions in line with its rule: add the missing ones, move those
    ahead that nobody signed up for to the rule's time and place, and remove those ahead that
    no longer fit (kept, and reported, when people have signed up for them). Meetings already
    begun are made only for a new schedule (``include_past``: a season entered afterwards)."""
    today = today or timezone.localdate()
    now = timezone.now()
    activity = schedule.activity
    rotation = [sp.place for sp in schedule.rotation.select_related("place")]
    wanted = {
        found.date: found
        for found in recurrence.occurrences(
            frequency=schedule.frequency,
            starts_on=schedule.starts_on,
            start_time=schedule.start_time,
            end_time=schedule.end_time,
            ends_on=schedule.ends_on,
            exceptions=schedule.exceptions.values_list("date", flat=True),
            places=len(rotation),
            today=today,
        )
    }
    result = SessionsMade()
    existing = {s.occurrence: s for s in Session.objects.filter(schedule=schedule)}
    ahead = [s for s in existing.values() if s.starts_at >= now and s.status != SessionStatus.HELD]
    people = _has_people(ahead) if ahead else {}
    for session in ahead:
        found = wanted.get(session.occurrence)  # type: ignore[arg-type]
        if found is None:
            if people.get(session.pk):
                result.kept.append(session)
            else:
                session.delete()
                result.removed += 1
            continue
        place = rotation[found.place_index] if rotation else None
        moved = (session.starts_at, session.ends_at, session.place_id) != (
            found.starts_at,
            found.ends_at,
            place.pk if place else None,
        )
        if moved and not people.get(session.pk):
            session.starts_at, session.ends_at, session.place = (
                found.starts_at,
                found.ends_at,
                place,
            )
            session.save(update_fields=["starts_at", "ends_at", "place", "updated_at"])
            result.updated += 1
        elif moved:
            result.kept.append(session)
    for day, found in sorted(wanted.items()):
        if day in existing or (found.starts_at < now and not include_past):
            continue
        session = Session.objects.create(
            municipality_id=activity.municipality_id,
            activity=activity,
            schedule=schedule,
            occurrence=day,
            starts_at=found.starts_at,
            ends_at=found.ends_at,
            place=rotation[found.place_index] if rotation else None,
        )
        result.created += 1
        if found.starts_at >= now:
            sync_rides_for_session(session=session)
    return result


def open_schedules():
    """Schedules that still make sessions: no end of season, or one not passed yet, of an
    activity that runs here and has not ended."""
    return Schedule.objects.filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=timezone.localdate()),
        activity__listed_only=False,
        activity__status__in=[ActivityStatus.PUBLISHED, ActivityStatus.PROPOSED],
    ).exclude(frequency=Frequency.ONCE)


def _check_session_times(starts_at: datetime.datetime, ends_at: datetime.datetime) -> None:
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("The meeting must end after it starts.")})


@transaction.atomic
def add_session(
    *,
    activity: Activity,
    by: User,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    place: Place | None,
    capacity: int | None = None,
    status_note: str = "",
) -> Session:
    """A one-off meeting outside any schedule."""
    _check_manager(by, activity)
    _check_runnable(activity)
    _check_session_times(starts_at, ends_at)
    if place is not None:
        _check_places(activity, [place])
    session = Session.objects.create(
        municipality_id=activity.municipality_id,
        activity=activity,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place,
        capacity=capacity,
        status_note=status_note,
    )
    if starts_at >= timezone.now():
        sync_rides_for_session(session=session)
    return session


@transaction.atomic
def update_session(*, session: Session, by: User, **fields) -> Session:
    """Change one meeting's time, place, number of places or note."""
    _check_manager(by, session.activity)
    unknown = set(fields) - SESSION_FIELDS
    if unknown:
        raise TypeError(f"not a field an organiser changes: {sorted(unknown)}")
    if session.status == SessionStatus.HELD and {"starts_at", "ends_at", "place"} & set(fields):
        raise ValidationError(
            _("This meeting has been held; its time and place stay as they were.")
        )
    starts_at = fields.get("starts_at", session.starts_at)
    ends_at = fields.get("ends_at", session.ends_at)
    _check_session_times(starts_at, ends_at)
    place = fields.get("place", session.place)
    if place is not None:
        _check_places(session.activity, [place])
    capacity = fields.get("capacity", session.capacity)
    if capacity is not None:
        confirmed = session.signups.filter(status=SignUpStatus.CONFIRMED).count()
        if capacity < confirmed:
            raise ValidationError(
                {
                    "capacity": ngettext(
                        "%(count)s person already has a place. Give at least that many places.",
                        "%(count)s people already have a place. Give at least that many places.",
                        confirmed,
                    )
                    % {"count": confirmed}
                }
            )
    for name, value in fields.items():
        setattr(session, name, value)
    session.save()
    return session
