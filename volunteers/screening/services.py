"""Screening: the roles volunteers take on and what each requires, courses and who completed
them, and the police certificate checks. Each service checks ``manage_screening`` in the
municipality the object belongs to.

A police certificate check records only that a certificate was presented, when, its kind, who
checked it and whether it was OK for the role: never the certificate, a copy or what it says.
Taking a role away deletes the checks for it."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from coordination.kernel import audit
from coordination.kernel.dates import add_months
from coordination.kernel.models import Municipality, User
from coordination.kernel.permissions import require
from volunteers.models import (
    CertificateCheck,
    CertificateKind,
    Course,
    CourseCompletion,
    CourseSession,
    Interest,
    RoleHolder,
    Volunteer,
    VolunteerRole,
)

MAX_RENEWAL_MONTHS = 120
ACTION = "manage_screening"


def _not_in_future(day: datetime.date, field: str, message: str) -> None:
    if day > timezone.localdate():
        raise ValidationError({field: message})


# --- Roles -----------------------------------------------------------------------------------


def _described(what_you_do: str, what_you_do_not_do: str) -> tuple[str, str]:
    what_you_do, what_you_do_not_do = what_you_do.strip(), what_you_do_not_do.strip()
    if not what_you_do:
        raise ValidationError(
            {"what_you_do": _("Say in plain words what the volunteer does in this role.")}
        )
    if not what_you_do_not_do:
        raise ValidationError(
            {
                "what_you_do_not_do": _(
                    "Say what the volunteer does not do in this role, for example give "
                    "medicine or handle money."
                )
            }
        )
    return what_you_do, what_you_do_not_do


def _certificate_rules(
    requires_certificate: bool,
    certificate_kinds: Iterable[str],
    certificate_legal_basis: str,
    certificate_valid_months: int | None,
) -> tuple[list[str], str]:
    """The kinds the role accepts and why, checked against each other; none when the role
    requires no police certificate."""
    kinds = [kind for kind in CertificateKind.values if kind in set(certificate_kinds)]
    if set(certificate_kinds) - set(kinds):
        raise ValidationError(
            {"certificate_kinds": _("Choose only kinds of police certificate in the list.")}
        )
    certificate_legal_basis = certificate_legal_basis.strip()
    if requires_certificate:
        if not kinds:
            raise ValidationError(
                {"certificate_kinds": _("Tick the kinds of police certificate the role accepts.")}
            )
        if not certificate_legal_basis:
            raise ValidationError(
                {
                    "certificate_legal_basis": _(
                        "Write why the role requires a police certificate: the legal basis, in "
                        "a sentence of your own. Volunteers see it."
                    )
                }
            )
    else:
        kinds, certificate_legal_basis = [], ""
    if certificate_valid_months is not None:
        if not requires_certificate:
            raise ValidationError(
                {
                    "certificate_valid_months": _(
                        "Only a role that requires a police certificate can have it renewed. "
                        "Choose the kind of certificate, or leave this empty."
                    )
                }
            )
        if not 1 <= certificate_valid_months <= MAX_RENEWAL_MONTHS:
            raise ValidationError(
                {
                    "certificate_valid_months": _("Write a number of months from 1 to %(max)s.")
                    % {"max": MAX_RENEWAL_MONTHS}
                }
            )
    return kinds, certificate_legal_basis


def _write_role(
    role: VolunteerRole,
    *,
    name: str,
    interest: str,
    what_you_do: str,
    what_you_do_not_do: str,
    requires_certificate: bool,
    certificate_kinds: Iterable[str],
    certificate_legal_basis: str,
    certificate_valid_months: int | None,
    required_courses: Iterable[Course],
) -> VolunteerRole:
    """Check what a role says against its municipality and the other roles, then save it."""
    municipality = role.municipality
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give the role a name.")})
    if interest and interest not in Interest.values:
        raise ValidationError({"interest": _("Choose one of the kinds of help in the list.")})
    what_you_do, what_you_do_not_do = _described(what_you_do, what_you_do_not_do)
    kinds, legal_basis = _certificate_rules(
        requires_certificate, certificate_kinds, certificate_legal_basis, certificate_valid_months
    )
    courses = list(required_courses)
    if any(course.municipality_id != municipality.pk for course in courses):
        message = _("Choose only courses held by %(name)s.") % {"name": municipality.name}
        raise ValidationError({"required_courses": message})
    clash = VolunteerRole.objects.filter(municipality=municipality, name__iexact=name)
    if clash.exclude(pk=role.pk).exists():
        raise ValidationError({"name": _("There is already a role with this name.")})
    role.name, role.interest = name, interest
    role.what_you_do, role.what_you_do_not_do = what_you_do, what_you_do_not_do
    role.certificate_kinds, role.certificate_legal_basis = kinds, legal_basis
    role.requires_certificate = bool(requires_certificate)
    role.certificate_valid_months = certificate_valid_months
    try:  # the same form sent twice at once: the second is told, not given a 500
        with transaction.atomic():
            role.save()
    except IntegrityError:
        raise ValidationError({"name": _("There is already a role with this name.")}) from None
    role.required_courses.set(courses)
    return role


@transaction.atomic
def create_role(
    *,
    municipality: Municipality,
    by: User,
    name: str,
    interest: str = "",
    what_you_do: str = "",
    what_you_do_not_do: str = "",
    requires_certificate: bool = False,
    certificate_kinds: Iterable[str] = (),
    certificate_legal_basis: str = "",
    certificate_valid_months: int | None = None,
    required_courses: Iterable[Course] = (),
) -> VolunteerRole:
    """A role in the municipality: its name, the kind of help it gives, what the volunteer
    does and does not do, the police certificates it accepts (if it requires one) and why,
    and the courses it requires."""
    require(by, ACTION, municipality)
    return _write_role(
        VolunteerRole(municipality=municipality),
        name=name,
        interest=interest,
        what_you_do=what_you_do,
        what_you_do_not_do=what_you_do_not_do,
        requires_certificate=requires_certificate,
        certificate_kinds=certificate_kinds,
        certificate_legal_basis=certificate_legal_basis,
        certificate_valid_months=certificate_valid_months,
        required_courses=required_courses,
    )


@transaction.atomic
def update_role(
    *,
    role: VolunteerRole,
    by: User,
    name: str,
    interest: str = "",
    what_you_do: str = "",
    what_you_do_not_do: str = "",
    requires_certificate: bool = False,
    certificate_kinds: Iterable[str] = (),
    certificate_legal_basis: str = "",
    certificate_valid_months: int | None = None,
    required_courses: Iterable[Course] = (),
) -> VolunteerRole:
    """Change what ``role`` is and requires (as ``create_role``)."""
    require(by, ACTION, role.municipality_id)
    return _write_role(
        role,
        name=name,
        interest=interest,
        what_you_do=what_you_do,
        what_you_do_not_do=what_you_do_not_do,
        requires_certificate=requires_certificate,
        certificate_kinds=certificate_kinds,
        certificate_legal_basis=certificate_legal_basis,
        certificate_valid_months=certificate_valid_months,
        required_courses=required_courses,
    )


# --- Courses and sessions -----------------------------------------------------------------


def _write_course(course: Course, *, name: str, description: str, is_introductory: bool) -> Course:
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give the course a name.")})
    clash = Course.objects.filter(municipality_id=course.municipality_id, name__iexact=name)
    if clash.exclude(pk=course.pk).exists():
        raise ValidationError({"name": _("There is already a course with this name.")})
    course.name = name
    course.description = description.strip()
    course.is_introductory = is_introductory
    course.save()
    return course


@transaction.atomic
def create_course(
    *,
    municipality: Municipality,
    by: User,
    name: str,
    description: str = "",
    is_introductory: bool = False,
) -> Course:
    require(by, ACTION, municipality)
    return _write_course(
        Course(municipality=municipality),
        name=name,
        description=description,
        is_introductory=is_introductory,
    )


@transaction.atomic
def update_course(
    *, course: Course, by: User, name: str, description: str = "", is_introductory: bool = False
) -> Course:
    require(by, ACTION, course.municipality_id)
    return _write_course(
        course, name=name, description=description, is_introductory=is_introductory
    )


@transaction.atomic
def create_session(
    *, course: Course, by: User, starts_at: datetime.datetime, place: str = ""
) -> CourseSession:
    """Add a time the course is held."""
    require(by, ACTION, course.municipality_id)
    return CourseSession.objects.create(course=course, starts_at=starts_at, place=place.strip())


@transaction.atomic
def update_session(
    *, session: CourseSession, by: User, starts_at: datetime.datetime, place: str = ""
) -> CourseSession:
    require(by, ACTION, session.course.municipality_id)
    session.starts_at = starts_at
    session.place = place.strip()
    session.save()
    return session


def session_day(session: CourseSession) -> datetime.date:
    return timezone.localdate(session.starts_at)


@transaction.atomic
def record_completions(
    *,
    session: CourseSession,
    volunteers: Iterable[Volunteer],
    by: User,
    completed_on: datetime.date | None = None,
) -> int:
    """Record that these volunteers completed the session's course (on the session's day unless
    another date is given). Those who already have the course recorded keep their first
    record. Returns how many were recorded now."""
    course = session.course
    require(by, ACTION, course.municipality_id)
    completed_on = completed_on or session_day(session)
    _not_in_future(
        completed_on,
        "completed_on",
        _("The course cannot be completed on a day that has not come yet."),
    )
    volunteers = list(volunteers)
    if not volunteers:
        raise ValidationError({"volunteers": _("Tick at least one volunteer.")})
    if any(v.municipality_id != course.municipality_id or v.left_at for v in volunteers):
        message = _("Choose only active volunteers in %(name)s.") % {
            "name": course.municipality.name
        }
        raise ValidationError({"volunteers": message})
    done = set(
        CourseCompletion.objects.filter(course=course, volunteer__in=volunteers).values_list(
            "volunteer_id", flat=True
        )
    )
    new = [
        CourseCompletion(
            volunteer=v, course=course, session=session, completed_on=completed_on, recorded_by=by
        )
        for v in {v.pk: v for v in volunteers}.values()
        if v.pk not in done
    ]
    CourseCompletion.objects.bulk_create(new)
    return len(new)


@transaction.atomic
def record_completion(
    *, volunteer: Volunteer, course: Course, completed_on: datetime.date, by: User
) -> CourseCompletion:
    """Record one volunteer's course, taken outside a session recorded here (or earlier)."""
    require(by, ACTION, volunteer.municipality_id)
    if course.municipality_id != volunteer.municipality_id:
        raise ValidationError({"course": _("Choose one of the municipality's courses.")})
    _not_in_future(
        completed_on,
        "completed_on",
        _("The course cannot be completed on a day that has not come yet."),
    )
    earlier = CourseCompletion.objects.filter(volunteer=volunteer, course=course).first()
    if earlier is not None:
        raise ValidationError(
            {
                "course": _("%(course)s is already recorded as completed on %(date)s.")
                % {"course": course.name, "date": date_format(earlier.completed_on)}
            }
        )
    return CourseCompletion.objects.create(
        volunteer=volunteer, course=course, completed_on=completed_on, recorded_by=by
    )


# --- Volunteers in roles and their police certificates --------------------------------------


@transaction.atomic
def give_role(*, volunteer: Volunteer, role: VolunteerRole, by: User) -> RoleHolder:
    require(by, ACTION, volunteer.municipality_id)
    if role.municipality_id != volunteer.municipality_id:
        raise ValidationError({"role": _("Choose one of the municipality's roles.")})
    if volunteer.left_at is not None:
        raise ValidationError(_("This volunteer has left and cannot be given a role."))
    holder, created = RoleHolder.objects.get_or_create(volunteer=volunteer, role=role)
    if not created:
        raise ValidationError({"role": _("The volunteer already has this role.")})
    audit.record(by, "changed", volunteer, code="volunteer.role_given", params={"role": role.name})
    return holder


@transaction.atomic
def take_away_role(*, holder: RoleHolder, by: User) -> None:
    """The volunteer leaves the role. The police certificate checks for it go with it: they
    may be kept only while the volunteer has the role."""
    volunteer, role = holder.volunteer, holder.role
    require(by, ACTION, role.municipality_id)
    checks = holder.certificate_checks.count()
    holder.delete()  # cascades to the CertificateCheck rows
    # In the log of the municipality whose role it was, wherever the volunteer is now.
    audit.record(
        by,
        "changed",
        volunteer,
        municipality=role.municipality_id,
        code="volunteer.role_taken",
        params={"role": role.name, "certificates": checks},
    )


@transaction.atomic
def record_certificate_check(
    *,
    holder: RoleHolder,
    kind: str,
    presented_on: datetime.date,
    approved: bool,
    by: User,
) -> CertificateCheck:
    """That ``by`` saw a police certificate of ``kind`` for the holder's role, and whether it
    was OK. The renewal date follows from the role's renewal period."""
    role = holder.role
    require(by, ACTION, role.municipality_id)
    if not role.requires_certificate:
        raise ValidationError(
            _("The role %(role)s does not require a police certificate. Record nothing.")
            % {"role": role.name}
        )
    if kind not in CertificateKind.values:
        raise ValidationError({"kind": _("Choose the kind of police certificate you saw.")})
    if approved and kind not in role.certificate_kinds:
        raise ValidationError(
            {
                "kind": _(
                    "The role %(role)s accepts only: %(kinds)s. Record this certificate as not "
                    "OK for the role, or change which certificates the role accepts."
                )
                % {"role": role.name, "kinds": role.certificate_kinds_text}
            }
        )
    _not_in_future(
        presented_on,
        "presented_on",
        _("The day it was presented cannot be in the future."),
    )
    renew_by = (
        add_months(presented_on, role.certificate_valid_months)
        if role.certificate_valid_months
        else None
    )
    check = CertificateCheck.objects.create(
        holder=holder,
        kind=kind,
        presented_on=presented_on,
        checked_by=by,
        approved=approved,
        renew_by=renew_by,
    )
    audit.record(
        by,
        "changed",
        holder.volunteer,
        municipality=role.municipality_id,
        code="volunteer.certificate_checked",
        params={"role": role.name},
    )
    return check
