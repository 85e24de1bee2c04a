"""Courses, their sessions, and who completed them."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from coordination.kernel.models import Municipality, User
from coordination.kernel.permissions import require
from volunteers.models import Course, CourseCompletion, CourseSession, RoleHolder, Volunteer
from volunteers.screening.ready_state import refresh_readiness
from volunteers.screening.services.base import ACTION, _not_in_future


def _write_course(course: Course, *, name: str, description: str, is_introductory: bool) -> Course:
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give the course a name.")})
    clash = Course.objects.in_municipality(course.municipality_id).filter(name__iexact=name)
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
    # bulk_create sends no signal (volunteers/signals.py): one refresh for all of them.
    refresh_readiness(RoleHolder.objects.filter(volunteer__in=[c.volunteer_id for c in new]))
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
