"""Each role holder's readiness, stored (``RoleHolder.ready`` and ``ready_until``) so that the
registry's filters, the dashboard and matching read a stored column instead of checking every
requirement of every volunteer on each request.

``readiness.ready_q`` stays the one definition: ``refresh_readiness`` writes what it says for a
set of holders in one UPDATE. Every service that changes a requirement calls it in its own
transaction (signing or publishing a declaration, a certificate check, a course completion, a
role's requirements, a role given, the organisation a volunteer comes through, an agreement's
acceptance of a partner's screening). ``ready_until`` is the date the readiness rests on (the
last renewal date of an approved certificate, or the end of the agreement under which a partner
screened the volunteer), so a reader that compares it with today is right even before the
nightly ``tidy_readiness`` has run; that job only rewrites the states dates have changed.

Each volunteer also carries a summary of all their roles (``Volunteer.roles_ready`` and
``roles_ready_until``: ready for each, until the earliest end), written with the holders by
``refresh_readiness`` (and when a holder is deleted, signals.py), read the same way: the
registry's "ready for all their roles" and "missing something" become one column read."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db.models import (
    BooleanField,
    Case,
    Count,
    DateField,
    Exists,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Greatest, NullIf
from django.utils import timezone

from coordination.partners.models import AgreementParty
from volunteers.models import DeclarationText, RoleHolder, Volunteer, VolunteerRole
from volunteers.profile.services import current_declaration
from volunteers.screening.models import stored_not_ready_on, stored_ready_on
from volunteers.screening.readiness import _valid_certificate, ready_q

# Stands for "no end" inside the UPDATE; stored as NULL.
_NO_END = datetime.date(9999, 12, 31)
NO_END = Value(_NO_END, output_field=DateField())
NO_DATE = Cast(Value(None), DateField())  # a bare NULL would be sent as text


def _ready_until(role: VolunteerRole, today: datetime.date):
    """For a holder of ``role`` who is ready today: the last day it holds without a new check
    (NULL: no end). Certificate and partner screening may each carry it; the later counts (both
    hold today, so together they hold until the later of the two)."""
    if not role.requires_certificate:
        return NO_DATE
    own = _valid_certificate(role.certificate_kinds, today).filter(holder_id=OuterRef("pk"))
    own_until = Case(
        When(Exists(own.filter(renew_by__isnull=True)), then=NO_END),
        default=Subquery(
            own.order_by().values("holder_id").annotate(last=Max("renew_by")).values("last")[:1]
        ),
        output_field=DateField(),
    )
    partner = (
        AgreementParty.objects.screening_accepted_in(role.municipality_id, today)
        .filter(
            Exists(
                Volunteer.objects.filter(
                    pk=OuterRef(OuterRef("volunteer_id")),
                    municipality_id=role.municipality_id,
                    through_organisation_id=OuterRef("organisation_id"),
                )
            )
        )
        .annotate(last=Coalesce("agreement__ends_on", NO_END))
        .order_by("-last")
        .values("last")[:1]
    )
    return NullIf(
        Greatest(own_until, Subquery(partner, output_field=DateField())),
        NO_END,
        output_field=DateField(),
    )


def refresh_readiness(holders: QuerySet[RoleHolder], *, today: datetime.date | None = None) -> int:
    """Write ``ready``/``ready_until`` for ``holders`` as ``ready_q`` says today, and their
    volunteers' summary of all their roles: two UPDATEs (plus a query for the holders and per
    role involved to build it: its courses and declaration). Returns how many holders were
    written."""
    written, volunteer_ids = write_holders(holders, today=today)
    refresh_summaries(volunteer_ids)
    return written


def write_holders(
    holders: QuerySet[RoleHolder], *, today: datetime.date | None = None
) -> tuple[int, set[int]]:
    """The role holders' part of ``refresh_readiness``: (holders written, their volunteers)."""
    today = today or timezone.localdate()
    # Which holders, and whose, read before the UPDATE: ``holders`` may filter on the state it
    # changes (``tidy_readiness`` does).
    rows = list(holders.values_list("pk", "volunteer_id", "role_id"))
    roles = list(VolunteerRole.objects.filter(pk__in={row[2] for row in rows}).order_by("pk"))
    if not roles:
        return 0, set()
    ready = Case(
        *(
            When(
                Q(role_id=role.pk) & ready_q(role, today=today, volunteer_ref="volunteer_id"),
                then=Value(True),
            )
            for role in roles
        ),  # fmt: skip
        default=Value(False),
        output_field=BooleanField(),
    )
    until = Case(
        *(When(role_id=role.pk, then=_ready_until(role, today)) for role in roles),
        default=NO_DATE,
        output_field=DateField(),
    )
    # ``ready_until`` means something only where ``ready`` is true (readers look at both).
    selected = RoleHolder.objects.filter(pk__in=[row[0] for row in rows])
    return selected.update(ready=ready, ready_until=until), {row[1] for row in rows}


def refresh_summaries(volunteer_ids: Iterable[int]) -> int:
    """Write ``Volunteer.roles_ready``/``roles_ready_until`` from their holders' stored state
    (in the volunteer's own municipality): one UPDATE. Ready for all only if ready for each;
    until the earliest of their ends."""
    holders = RoleHolder.objects.filter(
        volunteer_id=OuterRef("pk"), role__municipality_id=OuterRef("municipality_id")
    )
    not_ready = Exists(holders.filter(ready=False))
    earliest_end = holders.order_by().values("volunteer_id").annotate(end=Min("ready_until"))
    return Volunteer.objects.filter(pk__in=list(volunteer_ids)).update(
        roles_ready=Case(
            When(not_ready, then=Value(False)),
            When(Exists(holders), then=Value(True)),
            default=Value(None),
            output_field=BooleanField(null=True),
        ),
        roles_ready_until=Case(
            When(not_ready, then=NO_DATE),
            default=Subquery(earliest_end.values("end")[:1]),
            output_field=DateField(),
        ),
    )


def holders_of(volunteer: Volunteer | int) -> QuerySet[RoleHolder]:
    return RoleHolder.objects.filter(volunteer_id=getattr(volunteer, "pk", volunteer))


def refresh_volunteer(volunteer: Volunteer | int) -> int:
    """After a change to one volunteer's declaration, courses or organisation."""
    return refresh_readiness(holders_of(volunteer))


def refresh_municipality(municipality_id: str, *, through_partners_only: bool = False) -> int:
    """Every holder of the municipality's roles, or with ``through_partners_only`` those who
    volunteer through a partner organisation (after a change to an agreement that may accept
    a partner's screening)."""
    holders = RoleHolder.objects.filter(role__municipality_id=municipality_id)
    if through_partners_only:
        holders = holders.filter(volunteer__through_organisation__isnull=False)
    return refresh_readiness(holders)


def declaration_published(text: DeclarationText) -> int:
    """A declaration text was just added. When it is the municipality's current one, nobody
    has signed it yet, so ``ready_q`` holds for none of its role holders: written as such
    without checking their other requirements (a full refresh of 40 000 holders takes seconds,
    bench.screening). An older version added later changes nothing."""
    if current_declaration(text.municipality_id) != text:
        return 0
    holders = RoleHolder.objects.filter(role__municipality_id=text.municipality_id, ready=True)
    written = holders.update(ready=False, ready_until=None)
    # Everyone of the municipality who held a role now misses the declaration for each.
    Volunteer.objects.filter(municipality_id=text.municipality_id, roles_ready=True).update(
        roles_ready=False, roles_ready_until=None
    )
    return written


def tidy_readiness(*, today: datetime.date | None = None) -> int:
    """Nightly: rewrite the states that dates have changed since they were written, so that
    they match ``ready_q`` again. Lapsed ones (past ``ready_until``; readers already treat them
    as not ready) and those who may have become ready because an agreement accepting their
    organisation's screening has started; nothing else changes with the date."""
    today = today or timezone.localdate()
    lapsed = Q(ready=True, ready_until__lt=today)
    accepted = AgreementParty.objects.filter(
        screening_accepted=True,
        agreement__municipality_id=OuterRef("role__municipality_id"),
        organisation_id=OuterRef("volunteer__through_organisation_id"),
    )
    may_gain = Q(ready=False, role__requires_certificate=True) & Q(Exists(accepted))
    return refresh_readiness(RoleHolder.objects.filter(lapsed | may_gain), today=today)


def stored_ready_q(
    role: VolunteerRole, *, today: datetime.date | None = None, volunteer_ref: str = "pk"
) -> Q:
    """A filter on Volunteer (or on a model pointing to one, with ``volunteer_ref``) holding
    for volunteers ready for ``role`` today: ``ready_q`` read from the stored state."""
    ready = RoleHolder.objects.filter(volunteer=OuterRef(volunteer_ref), role=role).ready_on(today)
    return Q(Exists(ready))


def stored_missing_q(role: VolunteerRole, *, today: datetime.date | None = None) -> Q:
    """A filter on Volunteer: holds ``role`` and is not ready for it."""
    holders = RoleHolder.objects.filter(volunteer=OuterRef("pk"), role=role).not_ready_on(today)
    return Q(Exists(holders))


def all_roles_ready_q(today: datetime.date | None = None) -> Q:
    """A filter on Volunteer: holds one of their municipality's roles or more, and is ready
    for each today (the stored summary, read as a holder's state is)."""
    return stored_ready_on(today, ready="roles_ready", until="roles_ready_until")


def some_role_missing_q(today: datetime.date | None = None) -> Q:
    """A filter on Volunteer: holds one of their municipality's roles and is not ready for it
    today (the stored summary)."""
    return stored_not_ready_on(today, ready="roles_ready", until="roles_ready_until")


def readiness_counts(municipality_id: str, volunteers: QuerySet | None = None) -> tuple[int, int]:
    """(active volunteers holding a role, those of them missing something for one of their
    roles), counted over each volunteer's stored summary in one indexed aggregate: the same
    numbers as the registry's "ready"/"missing" filters. ``volunteers`` limits the count (a
    volunteer contact's units)."""
    active = (volunteers if volunteers is not None else Volunteer.objects).filter(
        municipality_id=municipality_id, left_at__isnull=True
    )
    counted = active.aggregate(
        with_roles=Count("pk", filter=Q(roles_ready__isnull=False)),
        missing=Count("pk", filter=some_role_missing_q()),
    )
    return counted["with_roles"], counted["missing"]
