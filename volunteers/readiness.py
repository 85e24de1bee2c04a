"""Is a volunteer ready for a role? Ready means: they hold the role, have signed their
municipality's current confidentiality declaration, have a police certificate of the role's kind
checked and approved (and not past its renewal date) if the role requires one, and have
completed every course the role requires.

``ready_q`` answers it inside one query (registry filter, matching); ``missing_for`` lists what
is missing for the rows on one page, in a fixed number of queries."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import (
    CertificateCheck,
    CertificateKind,
    CourseCompletion,
    RoleHolder,
    Signature,
    Volunteer,
    VolunteerRole,
)
from .services.profile import current_declaration


def _valid_certificate(kind: str, today: datetime.date):
    """Approved checks of ``kind`` (an ordinary certificate covers a limited one) that are not
    past renewal."""
    if kind == CertificateKind.ORDINARY:
        kinds = [CertificateKind.ORDINARY]
    else:
        kinds = list(CertificateKind.values)
    return CertificateCheck.objects.filter(approved=True, kind__in=kinds).filter(
        Q(renew_by__isnull=True) | Q(renew_by__gte=today)
    )


def ready_q(role: VolunteerRole, *, today: datetime.date | None = None, volunteer_ref="pk") -> Q:
    """A filter on Volunteer (or, with ``volunteer_ref``, on a model pointing to one) that holds
    for volunteers ready for ``role``."""
    today = today or timezone.localdate()
    ref = OuterRef(volunteer_ref)
    condition = Q(Exists(RoleHolder.objects.filter(volunteer=ref, role=role)))
    declaration = current_declaration(role.municipality_id)
    if declaration is not None:
        condition &= Q(Exists(Signature.objects.filter(volunteer=ref, text=declaration)))
    if role.certificate_kind:
        condition &= Q(
            Exists(
                _valid_certificate(role.certificate_kind, today).filter(
                    holder__volunteer=ref, holder__role=role
                )
            )
        )
    for course_id in role.required_courses.values_list("pk", flat=True):
        condition &= Q(Exists(CourseCompletion.objects.filter(volunteer=ref, course_id=course_id)))
    return condition


def readiness_counts(municipality_id: str) -> tuple[int, int]:
    """(active volunteers holding a role, those of them missing something for one of their
    roles), counted over role holders rather than every volunteer: the same numbers as the
    registry's "ready"/"missing" filters, at about a third of their cost."""
    holders = RoleHolder.objects.filter(
        volunteer__municipality_id=municipality_id,
        volunteer__left_at__isnull=True,
        role__municipality_id=municipality_id,
    )
    not_ready = Q(pk__in=[])
    for role in VolunteerRole.objects.filter(municipality_id=municipality_id):
        not_ready |= Q(role=role) & ~ready_q(role, volunteer_ref="volunteer_id")
    with_roles = holders.values("volunteer_id").distinct().count()
    missing = holders.filter(not_ready).values("volunteer_id").distinct().count()
    return with_roles, missing


class Missing(str):
    """One thing missing, as a phrase for staff ("a police certificate"). ``kind`` names the
    requirement (declaration, certificate, renewal, course; ``course`` for the last) so a page
    for the volunteer can say it in its own words."""

    DECLARATION, CERTIFICATE, RENEWAL, COURSE = "declaration", "certificate", "renewal", "course"

    def __new__(cls, text: str, kind: str, course=None):
        missing = super().__new__(cls, text)
        missing.kind = kind
        missing.course = course
        return missing


@dataclass(frozen=True)
class RoleReadiness:
    role: VolunteerRole
    missing: tuple[Missing, ...]

    @property
    def ready(self) -> bool:
        return not self.missing


def missing_for(
    volunteers: Iterable[Volunteer], *, today: datetime.date | None = None
) -> dict[int, list[RoleReadiness]]:
    """For each volunteer (all of one municipality), each role they hold and what is missing."""
    volunteers = list(volunteers)
    if not volunteers:
        return {}
    today = today or timezone.localdate()
    municipality_id = volunteers[0].municipality_id
    ids = [v.pk for v in volunteers]
    holders = list(
        # Only the municipality's own roles: another municipality's are never shown here.
        RoleHolder.objects.filter(volunteer_id__in=ids, role__municipality_id=municipality_id)
        .select_related("role")
        .prefetch_related("role__required_courses")
    )
    declaration = current_declaration(municipality_id)
    signed = (
        set(
            Signature.objects.filter(volunteer_id__in=ids, text=declaration).values_list(
                "volunteer_id", flat=True
            )
        )
        if declaration
        else set(ids)
    )
    checks = defaultdict(list)
    for check in CertificateCheck.objects.filter(holder__in=holders).order_by("-presented_on"):
        checks[check.holder_id].append(check)
    completed = defaultdict(set)
    for volunteer_id, course_id in CourseCompletion.objects.filter(
        volunteer_id__in=ids
    ).values_list("volunteer_id", "course_id"):
        completed[volunteer_id].add(course_id)

    result: dict[int, list[RoleReadiness]] = {pk: [] for pk in ids}
    for holder in holders:
        missing = []
        if holder.volunteer_id not in signed:
            missing.append(Missing(_("the confidentiality declaration"), Missing.DECLARATION))
        if holder.role.certificate_kind:
            missing.extend(_certificate_missing(holder, checks[holder.pk], today))
        missing.extend(
            Missing(_("the course %(name)s") % {"name": course.name}, Missing.COURSE, course)
            for course in holder.role.required_courses.all()
            if course.pk not in completed[holder.volunteer_id]
        )
        result[holder.volunteer_id].append(RoleReadiness(holder.role, tuple(missing)))
    return result


def _certificate_missing(holder: RoleHolder, checks: list, today: datetime.date) -> list[Missing]:
    kind = holder.role.certificate_kind
    for check in checks:
        fits = check.kind == CertificateKind.ORDINARY or kind == CertificateKind.LIMITED
        if check.approved and fits:
            if check.renew_by is None or check.renew_by >= today:
                return []
            return [Missing(_("a renewed police certificate"), Missing.RENEWAL)]
    return [Missing(_("a police certificate"), Missing.CERTIFICATE)]
