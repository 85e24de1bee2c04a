"""The figures of an activity, a category or a municipality's whole offer over a period, read
in a fixed number of aggregate queries (the evaluation pages, the dashboard, grant reports)."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, cast

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Concat, ExtractHour, ExtractIsoWeekDay, Lower, Trim

from activities.catalogue.models import Activity, ActivityStatus, Category
from activities.evaluation.models import Attendance, Feedback
from activities.evaluation.services.attendance import OSLO, RATINGS
from activities.schedule.models import Session, SessionStatus
from activities.shifts.models import Shift, ShiftStatus
from coordination.kernel.models import Municipality
from volunteers.hours.models import HoursStatus

# Parts of the day by the hour a session starts (Europe/Oslo): before 12, 12–16, 17 and later.
MORNING, AFTERNOON, EVENING = "morning", "afternoon", "evening"
PARTS_OF_DAY = (MORNING, AFTERNOON, EVENING)
WEEKEND = (6, 7)  # ISO weekdays: Saturday, Sunday


def part_of_day(hour: int) -> str:
    if hour < 12:
        return MORNING
    return AFTERNOON if hour < 17 else EVENING


@dataclass
class Figures:
    """The numbers of one activity, one category or the whole offer over a period. Participants
    are counted per visit (someone who came five times counts five); ``unique_participants``
    counts people once (by name and phone of the sign-up)."""

    sessions_held: int = 0
    sessions_not_running: int = 0
    sessions_cancelled: int = 0
    present: int = 0  # signed-up participants who came
    walk_ins: int = 0  # came without signing up
    came_by_ride: int = 0
    sessions_with_ride: int = 0  # held sessions someone came to with the pick-up
    unique_participants: int = 0
    # Village -> visits (the pick-up area of those who came) / answers that named it.
    villages: dict[str, int] = field(default_factory=dict)
    feedback_villages: dict[str, int] = field(default_factory=dict)
    # (ISO weekday 1–7, part of day) -> held sessions.
    times: dict[tuple[int, str], int] = field(default_factory=dict)
    ratings: dict[int, int] = field(default_factory=lambda: dict.fromkeys(RATINGS, 0))
    shifts_worked: int = 0
    volunteer_hours: Decimal = Decimal(0)

    @property
    def participants(self) -> int:
        """Everyone who came: signed up and walk-ins."""
        return self.present + self.walk_ins

    @property
    def per_session(self) -> float:
        return self.participants / self.sessions_held if self.sessions_held else 0.0

    @property
    def answers(self) -> int:
        return sum(self.ratings.values())

    @property
    def average_rating(self) -> float | None:
        if not self.answers:
            return None
        return sum(rating * count for rating, count in self.ratings.items()) / self.answers

    @property
    def rating_rows(self) -> list[tuple[int, int, int]]:
        """(rating, answers, percent of answers) for 1–5."""
        total = self.answers
        return [
            (rating, count, round(100 * count / total) if total else 0)
            for rating, count in sorted(self.ratings.items())
        ]

    @property
    def evening_or_weekend_sessions(self) -> int:
        return sum(
            count
            for (weekday, part), count in self.times.items()
            if weekday in WEEKEND or part == EVENING
        )

    @property
    def evening_or_weekend_share(self) -> int:
        """Percent of the held sessions in the evening or at the weekend."""
        return _percent(self.evening_or_weekend_sessions, self.sessions_held)

    @property
    def ride_share(self) -> int:
        """Percent of the held sessions someone came to with the pick-up."""
        return _percent(self.sessions_with_ride, self.sessions_held)

    @property
    def village_rows(self) -> list[tuple[str, int, int]]:
        """(village, visits, answers naming it), most visits first."""
        names = set(self.villages) | set(self.feedback_villages)
        return sorted(
            ((n, self.villages.get(n, 0), self.feedback_villages.get(n, 0)) for n in names),
            key=lambda row: (-row[1], -row[2], row[0].lower()),
        )

    @property
    def time_rows(self) -> list[tuple[int, list[int]]]:
        """(ISO weekday, held sessions per part of day) for the weekdays with a session."""
        days = sorted({weekday for weekday, _part in self.times})
        return [(day, [self.times.get((day, part), 0) for part in PARTS_OF_DAY]) for day in days]


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


@dataclass
class ActivitySummary(Figures):
    """An activity's figures over a period (``since``/``until`` None: from the first / to the
    last session)."""

    activity: Activity | None = None
    since: datetime.date | None = None
    until: datetime.date | None = None


@dataclass
class CategorySummary(Figures):
    category: str = ""

    @property
    def label(self) -> str:
        return str(Category(self.category).label) if self.category in Category else self.category


@dataclass
class MunicipalitySummary:
    """The whole offer's figures over a period: ``total``, one row per activity (``rows``; only
    those asked for, see ``municipality_summary``) and one per category (``categories``)."""

    municipality: Municipality
    since: datetime.date | None
    until: datetime.date | None
    total: Figures
    rows: list[ActivitySummary]
    categories: list[CategorySummary]


def session_bounds(since: datetime.date | None, until: datetime.date | None) -> Q:
    """Sessions starting within [since, until] (local dates, both inclusive)."""
    condition = Q()
    if since is not None:
        condition &= Q(starts_at__gte=datetime.datetime.combine(since, datetime.time(), OSLO))
    if until is not None:
        end = datetime.datetime.combine(until + datetime.timedelta(days=1), datetime.time(), OSLO)
        condition &= Q(starts_at__lt=end)
    return condition


def prefixed(condition: Q, prefix: str) -> Q:
    """``condition`` (on Session) seen from a model that reaches the session by ``prefix``."""
    copy = Q(_connector=condition.connector, _negated=condition.negated)
    for child in condition.children:
        if isinstance(child, Q):
            copy.children.append(prefixed(child, prefix))
        else:
            lookup, value = cast(tuple[str, Any], child)
            copy.children.append((f"{prefix}{lookup}", value))
    return copy


def _collect(sessions: Q, group: str) -> dict[Any, Figures]:
    """The figures of the sessions matching ``sessions`` (a condition on Session), grouped by
    ``group`` (a path from Session: ``activity_id``, ``activity__activity_type__category``,
    ``municipality_id``). Five aggregate queries whatever the number of groups: each table
    read once per grouping, with its figures together."""
    figures: dict[Any, Figures] = defaultdict(Figures)
    held = sessions & Q(status=SessionStatus.HELD)
    held_from = {prefix: prefixed(held, prefix) for prefix in ("session__", "slot__session__")}
    via_session = f"session__{group}"

    # Held, not running and cancelled, with the times of the held ones: one row per group,
    # status, weekday and hour.
    for key, status, weekday, hour, count, walk_ins in (
        Session.objects.filter(sessions)
        .order_by()
        .annotate(
            weekday=ExtractIsoWeekDay("starts_at", tzinfo=OSLO),
            hour=ExtractHour("starts_at", tzinfo=OSLO),
        )
        .values_list(group, "status", "weekday", "hour")
        .annotate(n=Count("pk"), walk=Sum("walk_ins"))
    ):
        one = figures[key]
        if status == SessionStatus.HELD:
            one.sessions_held += count
            one.walk_ins += walk_ins or 0
            slot = (weekday, part_of_day(hour))
            one.times[slot] = one.times.get(slot, 0) + count
        elif status == SessionStatus.NOT_RUNNING:
            one.sessions_not_running += count
        elif status == SessionStatus.CANCELLED:
            one.sessions_cancelled += count

    came = Attendance.objects.filter(held_from["session__"], present=True).order_by()
    person = Concat(Lower(Trim("signup__participant_name")), "signup__participant_phone")
    for key, present, by_ride, with_ride, people in came.values_list(via_session).annotate(
        n=Count("pk"),
        ride=Count("pk", filter=Q(came_by_ride=True)),
        sessions=Count("session", filter=Q(came_by_ride=True), distinct=True),
        people=Count(person, distinct=True),
    ):
        one = figures[key]
        one.present, one.came_by_ride, one.sessions_with_ride = present, by_ride, with_ride
        one.unique_participants = people

    for key, area, count in (
        came.exclude(signup__pickup_area="")
        .annotate(area=Trim("signup__pickup_area"))
        .values_list(via_session, "area")
        .annotate(n=Count("pk"))
    ):
        villages = figures[key].villages
        villages[area] = villages.get(area, 0) + count

    # The answers by rating and village together: a row per group, rating and village.
    for key, rating, area, count in (
        Feedback.objects.filter(held_from["session__"])
        .order_by()
        .annotate(place=Trim("area"))
        .values_list(via_session, "rating", "place")
        .annotate(n=Count("pk"))
    ):
        one = figures[key]
        one.ratings[rating] = one.ratings.get(rating, 0) + count
        if area:
            one.feedback_villages[area] = one.feedback_villages.get(area, 0) + count

    for key, count, hours in (
        Shift.objects.filter(held_from["slot__session__"], status=ShiftStatus.ATTENDED)
        .order_by()
        .values_list(f"slot__session__{group}")
        .annotate(
            n=Count("pk"),
            hours=Sum("hours_entry__hours", filter=~Q(hours_entry__status=HoursStatus.REJECTED)),
        )
    ):
        figures[key].shifts_worked, figures[key].volunteer_hours = count, hours or Decimal(0)
    return figures


def _sum(parts: Iterable[Figures]) -> Figures:
    """The figures of groups that share no session (the categories) added up: every figure
    but ``unique_participants`` (someone may come to two categories), left at 0."""
    total = Figures()
    for part in parts:
        for name in ADDITIVE:
            setattr(total, name, getattr(total, name) + getattr(part, name))
        for name in ("villages", "feedback_villages", "times", "ratings"):
            into = getattr(total, name)
            for key, count in getattr(part, name).items():
                into[key] = into.get(key, 0) + count
    return total


ADDITIVE = (
    "sessions_held",
    "sessions_not_running",
    "sessions_cancelled",
    "present",
    "walk_ins",
    "came_by_ride",
    "sessions_with_ride",
    "shifts_worked",
    "volunteer_hours",
)


def _unique_participants(sessions: Q) -> int:
    """People (by name and phone) who signed up and came to a held session matching
    ``sessions``, each counted once."""
    held = prefixed(sessions & Q(status=SessionStatus.HELD), "session__")
    person = Concat(Lower(Trim("signup__participant_name")), "signup__participant_phone")
    return (
        Attendance.objects.filter(held, present=True)
        .order_by()
        .aggregate(n=Count(person, distinct=True))["n"]
    )


def _copy[T: Figures](figures: Figures, into: type[T], **extra: Any) -> T:
    values = {name: getattr(figures, name) for name in Figures.__dataclass_fields__}
    return into(**values, **extra)


def activity_summary(
    activity: Activity,
    *,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
) -> ActivitySummary:
    """How ``activity`` went over the period: sessions held, not running and cancelled; who came
    (per visit, per session, walk-ins, unique people), from which villages, with the pick-up,
    at what times; the participants' answers; the volunteers' shifts and hours."""
    found = _collect(Q(activity=activity) & session_bounds(since, until), "activity_id")
    return _copy(
        found.get(activity.pk, Figures()),
        ActivitySummary,
        activity=activity,
        since=since,
        until=until,
    )


def evaluated_activities(municipality: Municipality | str) -> QuerySet[Activity]:
    """The activities the municipality's evaluation lists: run in Samspill and published (or
    ended), in name order."""
    return (
        Activity.objects.in_municipality(municipality)
        .run_here()
        .filter(status__in=[ActivityStatus.PUBLISHED, ActivityStatus.ARCHIVED])
        .select_related("activity_type")
        .order_by(Lower("title"), "pk")
    )


def municipality_summary(
    municipality: Municipality,
    *,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
    activities: Iterable[Activity] | None = None,
) -> MunicipalitySummary:
    """The municipality's whole offer over the period: the totals, one row per activity and one
    per category (of the Fjell/Øygarden six). ``activities`` limits the rows (a page of a
    list) — the totals and categories always cover every activity. Eleven queries: five for
    the rows, five for the categories and one for the people counted once in all."""
    bounds = Q(municipality=municipality) & session_bounds(since, until)
    chosen = list(evaluated_activities(municipality) if activities is None else activities)
    per_activity = (
        _collect(bounds & Q(activity_id__in=[a.pk for a in chosen]), "activity_id")
        if chosen
        else {}
    )
    rows = [
        _copy(
            per_activity.get(a.pk, Figures()),
            ActivitySummary,
            activity=a,
            since=since,
            until=until,
        )
        for a in chosen
    ]
    per_category = _collect(bounds, "activity__activity_type__category")
    categories = [
        _copy(per_category[value], CategorySummary, category=value)
        for value in Category.values
        if value in per_category
    ]
    # Every session is in one category: the totals are the categories' added up (not read a
    # third time), but for the people counted once.
    total = _sum(per_category.values())
    total.unique_participants = _unique_participants(bounds)
    return MunicipalitySummary(
        municipality=municipality,
        since=since,
        until=until,
        total=total,
        rows=rows,
        categories=categories,
    )


def month_figures(municipality: Municipality, today: datetime.date) -> dict[str, Any]:
    """This month's figures for the dashboard: held sessions, participants, the average answer
    and the sessions that did not run for too few signed up."""
    first = today.replace(day=1)
    bounds = Q(municipality=municipality) & session_bounds(first, today)
    figures = _collect(bounds, "municipality_id").get(municipality.pk, Figures())
    return {"since": first, "until": today, "figures": figures}


def villages_reached(figures: Figures) -> int:
    """How many villages participants came from (by pick-up area or their answer)."""
    return len(set(figures.villages) | set(figures.feedback_villages))
