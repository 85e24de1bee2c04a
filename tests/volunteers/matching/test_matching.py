"""Matching: each hard rule excludes, the soft rules rank, and every proposal says why."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import (
    AssignmentFactory,
    CourseFactory,
    InvitationFactory,
    NeedFactory,
    UserFactory,
    VolunteerFactory,
    VolunteerRoleFactory,
)
from volunteers.matching import ranking as matching
from volunteers.models import (
    AssignmentStatus,
    CertificateCheck,
    CourseCompletion,
    DeclarationText,
    Frequency,
    InvitationStatus,
    RoleHolder,
    Signature,
    Volunteer,
)

pytestmark = pytest.mark.django_db


def _volunteer(name, **fields):
    fields.setdefault("interests", ["visiting_friend"])
    return VolunteerFactory(user=UserFactory(full_name=name), **fields)


def _proposed(need, **kwargs):
    return [p.volunteer.user.full_name for p in matching.propose_for_need(need, **kwargs)]


def test_only_volunteers_who_want_this_kind_of_help_are_proposed():
    _volunteer("Anne Visit")
    _volunteer("Bjørn Digital", interests=["digital_help"])
    assert _proposed(NeedFactory()) == ["Anne Visit"]


def test_volunteers_who_have_not_consented_yet_are_not_proposed():
    _volunteer("Registered Herself")
    _volunteer("Imported By Coordinator", consented=False)
    assert _proposed(NeedFactory()) == ["Registered Herself"]


def test_another_municipality_and_those_who_left_are_never_proposed():
    _volunteer("Anne Lom")
    _volunteer("Drammen Person", municipality_id="3301")
    gone = _volunteer("Gone Person")
    Volunteer.objects.filter(pk=gone.pk).update(left_at="2026-01-01T00:00Z")
    assert _proposed(NeedFactory()) == ["Anne Lom"]


def test_area_counts_unless_the_volunteer_will_travel():
    _volunteer("Same Area", area="Lom sentrum", willing_to_travel=False)
    _volunteer("Traveller", area="Bøverdalen", willing_to_travel=True)
    _volunteer("Stays Home", area="Bøverdalen", willing_to_travel=False)
    proposals = _proposed(NeedFactory(area="Lom sentrum"))
    assert proposals == ["Same Area", "Traveller"]  # same area ranks first


def test_availability_must_fit_one_of_the_times_asked_for():
    _volunteer("Daytime", weekday_daytime=True, evenings=False)
    _volunteer("Evening", weekday_daytime=False, evenings=True)
    _volunteer("Both", weekday_daytime=True, evenings=True)
    need = NeedFactory(weekday_daytime=False, evenings=True)
    assert sorted(_proposed(need)) == ["Both", "Evening"]
    need_any_time = NeedFactory(weekday_daytime=False, evenings=False, weekends=False)
    assert len(_proposed(need_any_time)) == 3


def test_transport_needs_a_driver_with_a_car():
    _volunteer("Driver", interests=["transport"], can_drive=True, has_car=True)
    _volunteer("No Car", interests=["transport"], can_drive=True, has_car=False)
    _volunteer("Walker", interests=["transport"], can_drive=False)
    need = NeedFactory(kind="transport", needs_driver=True)
    assert _proposed(need) == ["Driver"]


def test_gender_preference_is_respected():
    _volunteer("Woman Volunteer", gender="woman")
    _volunteer("Man Volunteer", gender="man")
    _volunteer("Unsaid Volunteer", gender="")
    assert _proposed(NeedFactory(gender_preference="woman")) == ["Woman Volunteer"]
    assert len(_proposed(NeedFactory(gender_preference=""))) == 3


def test_language_and_skills_rank_higher_and_are_given_as_reasons():
    _volunteer("Plain", languages="norsk")
    german = _volunteer("Speaks German", languages="norsk, tysk", skills="strikking, kortspill")
    need = NeedFactory(language="tysk", description="Liker strikking og å prate")
    proposals = matching.propose_for_need(need)
    assert [p.volunteer for p in proposals][0] == german
    reasons = " | ".join(proposals[0].reasons)
    assert "tysk" in reasons and "strikking" in reasons


def test_a_volunteer_is_not_proposed_twice_for_the_same_need():
    asked = _volunteer("Already Asked")
    helping = _volunteer("Already Helping")
    declined = _volunteer("Declined Before")
    need = NeedFactory()
    InvitationFactory(need=need, volunteer=asked)
    AssignmentFactory(need=need, volunteer=helping)
    InvitationFactory(need=need, volunteer=declined, status=InvitationStatus.DECLINED)
    _volunteer("Fresh")
    assert _proposed(need) == ["Fresh"]


def test_overloaded_volunteers_are_left_out_by_how_often_they_want_to_help():
    seldom = _volunteer("Now And Then", frequency=Frequency.NOW_AND_THEN)
    weekly = _volunteer("Weekly", frequency=Frequency.WEEKLY)
    for volunteer in (seldom, weekly):
        AssignmentFactory(volunteer=volunteer)
    ended = _volunteer("Ended Task", frequency=Frequency.NOW_AND_THEN)
    AssignmentFactory(volunteer=ended, status=AssignmentStatus.ENDED)
    pending = _volunteer("Pending Invite", frequency=Frequency.NOW_AND_THEN)
    InvitationFactory(volunteer=pending)
    assert sorted(_proposed(NeedFactory())) == ["Ended Task", "Weekly"]


def test_the_declaration_must_be_signed_where_the_municipality_has_one():
    signed = _volunteer("Signed")
    _volunteer("Not Signed")
    text = DeclarationText.objects.create(municipality_id="3434", version=1, body="x" * 60)
    Signature.objects.create(volunteer=signed, text=text)
    assert _proposed(NeedFactory()) == ["Signed"]


def test_where_a_role_exists_only_volunteers_ready_for_it_are_proposed():
    role = VolunteerRoleFactory(
        certificate_kinds=["limited", "ordinary"], certificate_valid_months=36
    )
    course = CourseFactory()
    role.required_courses.add(course)
    ready = _volunteer("Ready")
    no_course = _volunteer("No Course")
    expired = _volunteer("Expired Certificate")
    _volunteer("Not In Role")
    for volunteer in (ready, no_course, expired):
        holder = RoleHolder.objects.create(volunteer=volunteer, role=role)
        CertificateCheck.objects.create(
            holder=holder,
            kind="limited",
            presented_on=timezone.localdate() - timedelta(days=30),
            approved=True,
            renew_by=timezone.localdate() - timedelta(days=1) if volunteer == expired else None,
        )
    for volunteer in (ready, expired):
        CourseCompletion.objects.create(volunteer=volunteer, course=course)
    proposals = matching.propose_for_need(NeedFactory())
    assert [p.volunteer for p in proposals] == [ready]
    assert any(role.name in reason for reason in proposals[0].reasons)


def test_the_limit_caps_the_list_and_best_come_first():
    for n in range(12):
        _volunteer(f"Volunteer {n:02}", area="Bøverdalen")
    best = _volunteer("Neighbour", area="Garmo")
    proposals = _proposed(NeedFactory(area="Garmo"), limit=5)
    assert len(proposals) == 5 and proposals[0] == best.user.full_name


def test_matching_is_one_main_query_whatever_the_number_of_volunteers(
    django_assert_max_num_queries,
):
    for n in range(30):
        _volunteer(f"Volunteer {n}")
    need = NeedFactory()
    with django_assert_max_num_queries(6):
        assert len(matching.propose_for_need(need)) == 10


def test_a_request_without_a_need_works_the_same_for_rides():
    _volunteer("Driver", interests=["transport"], can_drive=True, has_car=True, evenings=True)
    request = matching.MatchRequest(
        municipality_id="3434",
        kind="transport",
        area="",
        times=frozenset({"evenings"}),
        needs_driver=True,
    )
    assert [p.volunteer.user.full_name for p in matching.propose(request)] == ["Driver"]
