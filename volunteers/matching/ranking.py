"""Matching: a need (or, later, a ride) in, ranked volunteers with reasons out.

Hard rules — a volunteer is proposed only if all hold: active in the need's municipality and
has consented to the processing of their data; would like to do this kind of help; ready for
the role that gives it (or, where the municipality has no such role, has signed the current
confidentiality declaration); lives in the area or is willing to travel; free at one of the
times asked for; has a licence and a car when transport is needed; of the gender the person
prefers, if they said; not already asked or helping with this need; and not overloaded
(running assignments and open invitations below what they said they want to give).

Soft rules rank those left: same area, more of the asked-for times, speaks the language, skills
that fit, fewer tasks already. Everything is decided in one query; reasons are written for the
rows returned only. The volunteer is then invited and decides (services.needs)."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.db.models.lookups import IsNull
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from volunteers.needs.models import (
    Assignment,
    AssignmentStatus,
    Invitation,
    InvitationStatus,
    Need,
)
from volunteers.profile.models import (
    Consent,
    Frequency,
    Signature,
    Volunteer,
    VolunteerInterest,
)
from volunteers.profile.services import current_declaration
from volunteers.screening.models import Course, CourseCompletion, RoleHolder, VolunteerRole
from volunteers.screening.readiness import roles_for_kind
from volunteers.screening.ready_state import stored_ready_q

TIMES = ("weekday_daytime", "evenings", "weekends")

# How many running tasks (assignments + open invitations) a volunteer carries at most, by how
# often they said they want to help.
CAPACITY = {Frequency.WEEKLY: 3, Frequency.MONTHLY: 2, Frequency.NOW_AND_THEN: 1}

# Points for each soft rule; the order of proposals, not a grade shown to anyone.
POINTS_SAME_AREA = 40
POINTS_PER_TIME = 10
POINTS_LANGUAGE = 20
POINTS_SKILL = 10
POINTS_PER_FREE_PLACE = 5


@dataclass(frozen=True)
class MatchRequest:
    """What matching needs to know. A Need gives one; so can a ride in the activities app."""

    municipality_id: str
    kind: str  # an Interest
    area: str
    times: frozenset[str]  # of TIMES; empty = any time
    needs_driver: bool = False
    language: str = ""
    gender_preference: str = ""
    keywords: tuple[str, ...] = ()  # words from the description, matched against skills
    exclude_volunteer_ids: frozenset[int] = frozenset()

    @classmethod
    def for_need(cls, need: Need) -> MatchRequest:
        already = set(
            Invitation.objects.filter(need=need)
            .exclude(status=InvitationStatus.WITHDRAWN)
            .values_list("volunteer_id", flat=True)
        ) | set(
            Assignment.objects.filter(need=need)
            .exclude(status=AssignmentStatus.ENDED)
            .values_list("volunteer_id", flat=True)
        )
        return cls(
            municipality_id=need.municipality_id,
            kind=need.kind,
            area=need.area,
            times=frozenset(t for t in TIMES if getattr(need, t)),
            needs_driver=need.needs_driver,
            language=need.language,
            gender_preference=need.gender_preference,
            keywords=keywords_of(need.description),
            exclude_volunteer_ids=frozenset(already),
        )


@dataclass
class Proposal:
    volunteer: Volunteer
    score: int
    reasons: list[str] = field(default_factory=list)
    role: VolunteerRole | None = None


def keywords_of(text: str) -> tuple[str, ...]:
    """Words of five letters or more, lower-cased: enough to find 'strikking' in skills."""
    return tuple(sorted(set(re.findall(r"\w{5,}", text.casefold()))))[:10]


def _load_subquery(model, running: Q) -> Subquery:
    counted = (
        model.objects.filter(running, volunteer=OuterRef("pk"))
        .order_by()
        .values("volunteer")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def role_for(request: MatchRequest) -> VolunteerRole | None:
    """The municipality's role for this kind of help, if it has defined one."""
    return roles_for_kind(request.municipality_id, request.kind).first()


_UNSET = object()


def _willing(request: MatchRequest) -> QuerySet:
    """Active volunteers of the municipality who would like this kind of help, with a login or
    registered by phone without one (the coordinator phones them and records their answer): the
    pool both matching and its count of who was left out start from."""
    return (
        Volunteer.objects.in_municipality(request.municipality_id)
        .filter(left_at__isnull=True, anonymised_at__isnull=True)
        .filter(Q(user__isnull=True) | Q(user__is_active=True))
        .filter(
            Exists(
                VolunteerInterest.objects.filter(volunteer=OuterRef("pk"), interest=request.kind)
            )
        )
    )


def candidates(
    request: MatchRequest, *, today: datetime.date | None = None, role=_UNSET
) -> QuerySet:
    """Every volunteer who passes the hard rules, annotated with ``score`` and ``load``.
    ``role``: the role for the request if already looked up (see ``role_for``)."""
    volunteers = _willing(request).filter(
        # Imported volunteers have not consented until they log in: not proposed before then.
        Exists(Consent.objects.filter(volunteer=OuterRef("pk"))),
    )
    if role is _UNSET:
        role = role_for(request)
    if role is not None:
        # The role holders' stored readiness (``screening.ready_state``): one semi-join.
        volunteers = volunteers.filter(stored_ready_q(role, today=today))
    elif (declaration := current_declaration(request.municipality_id)) is not None:
        volunteers = volunteers.filter(
            Exists(Signature.objects.filter(volunteer=OuterRef("pk"), text=declaration))
        )
    if request.area:
        volunteers = volunteers.filter(Q(area__iexact=request.area) | Q(willing_to_travel=True))
    if request.times:
        volunteers = volunteers.filter(Q.create([(t, True) for t in request.times], Q.OR))
    if request.needs_driver:
        volunteers = volunteers.filter(can_drive=True, has_car=True)
    if request.gender_preference:
        volunteers = volunteers.filter(gender=request.gender_preference)
    if request.exclude_volunteer_ids:
        volunteers = volunteers.exclude(pk__in=request.exclude_volunteer_ids)

    volunteers = _with_load(volunteers).filter(load__lt=F("capacity"))
    return volunteers.annotate(
        score=_score(request) + (F("capacity") - F("load")) * Value(POINTS_PER_FREE_PLACE)
    )


def _with_load(volunteers: QuerySet) -> QuerySet:
    """``load`` (running assignments + open invitations) and ``capacity`` (what their chosen
    frequency allows)."""
    load = _load_subquery(Assignment, ~Q(status=AssignmentStatus.ENDED)) + _load_subquery(
        Invitation, Q(status=InvitationStatus.PENDING)
    )
    return volunteers.annotate(load=load, capacity=_capacity())


def _capacity() -> Case:
    """How many running tasks a volunteer carries at most, by their chosen frequency."""
    return Case(
        *(When(frequency=f, then=Value(n)) for f, n in CAPACITY.items()),
        default=Value(1),
        output_field=IntegerField(),
    )


def _points(condition: Q | IsNull, points: int) -> Case:
    return Case(When(condition, then=Value(points)), default=Value(0), output_field=IntegerField())


def _score(request: MatchRequest):
    score = Value(0, output_field=IntegerField())
    if request.area:
        score += _points(Q(area__iexact=request.area), POINTS_SAME_AREA)
    for time in request.times:
        score += _points(Q(**{time: True}), POINTS_PER_TIME)
    if request.language:
        score += _points(Q(languages__icontains=request.language), POINTS_LANGUAGE)
    for word in request.keywords:
        score += _points(Q(skills__icontains=word), POINTS_SKILL)
    return score


def propose(
    request: MatchRequest, *, limit: int = 10, today: datetime.date | None = None
) -> list[Proposal]:
    """The best ``limit`` volunteers for the request, best first, each with why."""
    role = role_for(request)
    found = list(
        candidates(request, today=today, role=role)
        .select_related("user")
        .order_by("-score", "load", "sort_name", "pk")[:limit]
    )
    return [
        Proposal(volunteer=v, score=v.score, reasons=reasons(request, v, role), role=role)
        for v in found
    ]


def propose_for_need(need: Need, *, limit: int = 10) -> list[Proposal]:
    return propose(MatchRequest.for_need(need), limit=limit)


def reasons(request: MatchRequest, volunteer: Volunteer, role: VolunteerRole | None) -> list[str]:
    """Why this volunteer is proposed, in plain words, for the coordinator and the invitation."""
    said = [_("would like to do this kind of help")]
    if role is not None:
        said.append(_("ready for the role %(role)s") % {"role": role.name})
    if request.area and volunteer.area.casefold() == request.area.casefold():
        said.append(_("lives in %(area)s") % {"area": volunteer.area})
    elif request.area:
        said.append(_("willing to travel from %(area)s") % {"area": volunteer.area or "–"})
    times = [
        str(Volunteer._meta.get_field(t).verbose_name)
        for t in TIMES
        if t in request.times and getattr(volunteer, t)
    ]
    if times:
        said.append(_("free %(times)s") % {"times": ", ".join(times)})
    if request.needs_driver:
        said.append(_("has a driving licence and a car"))
    if request.language and request.language.casefold() in volunteer.languages.casefold():
        said.append(_("speaks %(language)s") % {"language": request.language})
    skills = volunteer.skills.casefold()
    matching_words = [w for w in request.keywords if w in skills]
    if matching_words:
        said.append(_("skills that fit: %(skills)s") % {"skills": volunteer.skills})
    free = volunteer.capacity - volunteer.load
    said.append(
        ngettext("has room for %(count)s more task", "has room for %(count)s more tasks", free)
        % {"count": free}
        if volunteer.load
        else _("has no other tasks now")
    )
    return said


# --- who was left out, and why ----------------------------------------------------------------


@dataclass(frozen=True)
class LeftOut:
    """How many volunteers who would like to do this kind of help were left out: in all, and
    per hard rule (one volunteer may fail several, so the reasons can add up to more)."""

    considered: int
    total: int
    reasons: dict[str, int]  # reason key -> count, only reasons with a count; see LEFT_OUT
    role: VolunteerRole | None = None
    courses: dict[int, Course] = field(default_factory=dict)  # for "course:<pk>" keys


def _ids(queryset: QuerySet) -> QuerySet:
    """``volunteer_id`` of the rows: for ``pk__in``, which PostgreSQL turns into one hashed
    set per query instead of one look-up per volunteer (an EXISTS inside a CASE or an
    aggregate's FILTER is run again for every row)."""
    return queryset.order_by().values("volunteer_id")


def _busy(request: MatchRequest) -> Q:
    """No room for more tasks (``load`` at or above ``capacity``). Only volunteers with a
    running assignment or an open invitation can be full, so ``load`` is counted for those
    alone, and the result is a hashed set."""
    volunteers = Volunteer.objects.in_municipality(request.municipality_id)
    full = Q()
    for running in (
        Assignment.objects.exclude(status=AssignmentStatus.ENDED),
        Invitation.objects.filter(status=InvitationStatus.PENDING),
    ):
        having = volunteers.filter(pk__in=_ids(running))
        full |= Q(pk__in=_with_load(having).filter(load__gte=F("capacity")).values("pk"))
    return full


def _has(rows: QuerySet) -> Q:
    """The volunteer has one of ``rows`` (a model with a ``volunteer`` key): an index probe."""
    return Q(Exists(rows.filter(volunteer=OuterRef("pk"))))


def _lacks_any(rows: QuerySet) -> IsNull:
    """The volunteer has none of ``rows``, asked one volunteer at a time (a scalar subquery,
    which PostgreSQL cannot turn into a hashed set). For rows that are not the municipality's
    own, such as consents: a hashed NOT EXISTS reads all of the country's (100 000) to answer
    for the few thousand in the pool, about 40 ms of the count; one index probe each, ~10 ms."""
    first = rows.filter(volunteer=OuterRef("pk")).order_by().values("pk")[:1]
    return IsNull(Subquery(first), True)


def _hard_rules(
    request: MatchRequest, role: VolunteerRole | None, today: datetime.date | None
) -> tuple[dict[str, Q | IsNull], dict[int, Course]]:
    """Each hard rule as the condition a volunteer fails it by (keys as in ``LeftOut.reasons``),
    and the role's required courses by id. Each is a column test or one probe of an index
    (EXISTS, hashed by PostgreSQL where the rows are few). "certificate" here is only "not
    ready for the role"; ``left_out`` counts it for those who pass the role, the declaration
    and the courses."""
    fails: dict[str, Q | IsNull] = {"consent": _lacks_any(Consent.objects.all())}
    courses: dict[int, Course] = {}
    declaration = current_declaration(request.municipality_id)
    if declaration is not None:
        fails["declaration"] = ~_has(Signature.objects.filter(text=declaration))
    if role is not None:
        fails["role"] = ~_has(RoleHolder.objects.filter(role=role))
        for course in role.required_courses.all():
            courses[course.pk] = course
            done = CourseCompletion.objects.filter(course=course)
            fails[f"course:{course.pk}"] = ~_has(done)
        if role.requires_certificate:
            ready = RoleHolder.objects.filter(role=role).ready_on(today)
            fails["certificate"] = ~_has(ready)
    if request.area:
        fails["area"] = ~(Q(area__iexact=request.area) | Q(willing_to_travel=True))
    if request.times:
        fails["times"] = ~Q.create([(t, True) for t in request.times], Q.OR)
    if request.needs_driver:
        fails["car"] = ~Q(can_drive=True, has_car=True)
    if request.gender_preference:
        fails["gender"] = ~Q(gender=request.gender_preference)
    fails["busy"] = _busy(request)
    return fails, courses


def left_out(request: MatchRequest, *, today: datetime.date | None = None, role=_UNSET) -> LeftOut:
    """Count, in one aggregate query, the volunteers the hard rules left out and why. The pool
    is the active volunteers who would like to do this kind of help and are not already asked
    or helping; not wanting the kind of help is never a reason to fix."""
    if role is _UNSET:
        role = role_for(request)
    pool = _willing(request)
    if request.exclude_volunteer_ids:
        pool = pool.exclude(pk__in=request.exclude_volunteer_ids)

    fails, courses = _hard_rules(request, role, today)
    # The inner query gives each volunteer a 0/1 column per rule (each subquery written once,
    # so hashed once); the outer SELECT sums them. Django's aggregate() would repeat every
    # rule's subquery in each expression that uses it.
    columns = {key: f"r{i}" for i, key in enumerate(fails)}
    inner = pool.annotate(**{columns[key]: _points(c, 1) for key, c in fails.items()})
    sql, params = inner.values(*columns.values()).query.sql_with_params()
    counted = {key: f"SUM({column})" for key, column in columns.items()}
    if "certificate" in fails:
        # In the role, signed and trained, yet not ready: the police certificate.
        before = [columns[key] for key in fails if key == "role" or key == "declaration"]
        before += [columns[key] for key in fails if key.startswith("course:")]
        passed = " AND ".join(f"{column} = 0" for column in before)
        counted["certificate"] = f"SUM(CASE WHEN {passed} THEN r_cert ELSE 0 END)".replace(
            "r_cert", columns["certificate"]
        )
    any_fail = f"SUM(GREATEST({', '.join(columns.values())}))"
    select = ", ".join(["COUNT(*)", any_fail, *counted.values()])
    with connection.cursor() as cursor:
        # MATERIALIZED: PostgreSQL would otherwise fold the inner query into the outer one and
        # evaluate every rule once per SUM that reads it.
        cursor.execute(f"WITH pool AS MATERIALIZED ({sql}) SELECT {select} FROM pool", params)
        considered, total, *per_rule = cursor.fetchone()
    reasons = {key: n for key, n in zip(counted, per_rule, strict=True) if n}
    return LeftOut(
        considered=considered,
        total=total or 0,
        reasons=reasons,
        role=role,
        courses=courses,
    )
