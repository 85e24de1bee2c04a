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
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import (
    Assignment,
    AssignmentStatus,
    Consent,
    Frequency,
    Invitation,
    InvitationStatus,
    Need,
    Signature,
    Volunteer,
    VolunteerInterest,
    VolunteerRole,
)
from .readiness import ready_q
from .services.profile import current_declaration

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
    return (
        VolunteerRole.objects.filter(municipality_id=request.municipality_id, interest=request.kind)
        .order_by("pk")
        .first()
    )


_UNSET = object()


def candidates(
    request: MatchRequest, *, today: datetime.date | None = None, role=_UNSET
) -> QuerySet:
    """Every volunteer who passes the hard rules, annotated with ``score`` and ``load``.
    ``role``: the role for the request if already looked up (see ``role_for``)."""
    volunteers = Volunteer.objects.filter(
        municipality_id=request.municipality_id,
        left_at__isnull=True,
        user__isnull=False,
        user__is_active=True,
    ).filter(
        Exists(VolunteerInterest.objects.filter(volunteer=OuterRef("pk"), interest=request.kind)),
        # Imported volunteers have not consented until they log in: not proposed before then.
        Exists(Consent.objects.filter(volunteer=OuterRef("pk"))),
    )
    if role is _UNSET:
        role = role_for(request)
    if role is not None:
        volunteers = volunteers.filter(ready_q(role, today=today))
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

    load = _load_subquery(Assignment, ~Q(status=AssignmentStatus.ENDED)) + _load_subquery(
        Invitation, Q(status=InvitationStatus.PENDING)
    )
    capacity = Case(
        *(When(frequency=f, then=Value(n)) for f, n in CAPACITY.items()),
        default=Value(1),
        output_field=IntegerField(),
    )
    volunteers = volunteers.annotate(load=load, capacity=capacity).filter(load__lt=F("capacity"))
    return volunteers.annotate(
        score=_score(request) + (F("capacity") - F("load")) * Value(POINTS_PER_FREE_PLACE)
    )


def _points(condition: Q, points: int) -> Case:
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
