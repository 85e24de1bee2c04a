"""My page works out readiness for all of a volunteer's invitations and assignments at once,
with what the page loaded already; it must say exactly what the gate (``readiness_for_need``)
says for each need, at every step of becoming ready."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import CourseFactory, NeedFactory, VolunteerFactory, VolunteerRoleFactory
from volunteers.models import CertificateCheck, CourseCompletion, Interest, RoleHolder, Signature
from volunteers.profile import services as profile_services
from volunteers.screening.own_views import own_screening
from volunteers.screening.readiness import Known, readiness_for_need, readiness_for_needs

pytestmark = pytest.mark.django_db

TEXT = "Jeg lover å ikke fortelle andre det jeg får vite om dem jeg hjelper, heller ikke senere."


def _known(volunteer) -> Known:
    """What My page passes along (as profile.views.own_page builds it)."""
    current = profile_services.current_declaration(volunteer.municipality_id)
    screening = own_screening(volunteer, declaration=current)
    return Known(
        holders=[row["holder"] for row in screening["roles"]],
        completed={completion.course_id for completion in screening["completions"]},
        signed=set(Signature.objects.filter(volunteer=volunteer).values_list("text_id", flat=True)),
        declarations={volunteer.municipality_id: current},
    )


def _agree(volunteer, needs) -> list[tuple]:
    """The batch answers, without and with what the page knows, equal the gate's; returns
    what is missing for each need (so a test can say it changed)."""
    batch = readiness_for_needs(volunteer, needs)
    with_known = readiness_for_needs(volunteer, needs, known=_known(volunteer))
    answers = []
    for need in needs:
        gate = readiness_for_need(volunteer, need)
        key = (need.municipality_id, need.kind)
        assert batch[key] == gate
        assert with_known[key] == gate
        answers.append(tuple(item.kind for item in gate.missing))
    return answers


def test_the_batch_says_what_the_gate_says_at_every_step(lom, coordinator_lom):
    volunteer = VolunteerFactory(interests=["visiting_friend", "transport"])
    today = timezone.localdate()
    needs = [
        NeedFactory(kind=Interest.VISITING_FRIEND),
        NeedFactory(kind=Interest.TRANSPORT),
        NeedFactory(kind=Interest.WALKS),  # no role for this kind
    ]
    assert _agree(volunteer, needs) == [(), (), ()]  # no declaration, no roles yet

    text = profile_services.publish_declaration(municipality=lom, body=TEXT, by=coordinator_lom)
    visiting = VolunteerRoleFactory(
        interest=Interest.VISITING_FRIEND, certificate_kinds=["ordinary"]
    )
    course = CourseFactory()
    visiting.required_courses.add(course)
    VolunteerRoleFactory(interest=Interest.TRANSPORT)
    assert _agree(volunteer, needs) == [
        ("declaration", "role", "certificate", "course"),
        ("declaration", "role"),
        ("declaration",),
    ]

    Signature.objects.create(volunteer=volunteer, text=text)
    holder = RoleHolder.objects.create(volunteer=volunteer, role=visiting)
    assert _agree(volunteer, needs)[0] == ("certificate", "course")

    CertificateCheck.objects.create(
        holder=holder,
        kind="ordinary",
        presented_on=today - datetime.timedelta(days=1000),
        approved=True,
        renew_by=today - datetime.timedelta(days=1),
        checked_by=coordinator_lom,
    )
    CourseCompletion.objects.create(volunteer=volunteer, course=course, completed_on=today)
    assert _agree(volunteer, needs)[0] == ("renewal",)

    CertificateCheck.objects.create(
        holder=holder,
        kind="ordinary",
        presented_on=today,
        approved=True,
        checked_by=coordinator_lom,
    )
    assert _agree(volunteer, needs) == [(), ("role",), ()]


def test_a_need_in_another_municipality_asks_for_that_municipalitys_declaration(
    lom, coordinator_lom, coordinator_drammen
):
    volunteer = VolunteerFactory()
    profile_services.publish_declaration(municipality=lom, body=TEXT, by=coordinator_lom)
    Signature.objects.create(volunteer=volunteer, text=profile_services.current_declaration(lom.pk))
    drammen = coordinator_drammen.memberships.first().municipality
    profile_services.publish_declaration(municipality=drammen, body=TEXT, by=coordinator_drammen)
    needs = [NeedFactory(), NeedFactory(municipality=drammen)]
    assert _agree(volunteer, needs) == [(), ("declaration",)]
