"""``seed_demo`` gives a believable, idempotent demo: people with roles, volunteers in Lom with
mixed profiles and screening, needs in several steps of the method, invitations and a pairing."""

import pytest
from django.core.management import call_command

from volunteers import matching, readiness
from volunteers.models import (
    Assignment,
    HoursEntry,
    Invitation,
    Need,
    NeedStatus,
    RoleHolder,
    Volunteer,
)

pytestmark = pytest.mark.django_db


def test_seed_demo_is_believable_and_can_run_twice():
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert Volunteer.objects.filter(municipality_id="3434").count() == 6
    steps = set(Need.objects.filter(municipality_id="3434").values_list("status", flat=True))
    assert {NeedStatus.REPORTED, NeedStatus.PROPOSED, NeedStatus.CLOSED} <= steps
    assert Need.objects.filter(municipality_id="3434").count() == 5  # not doubled by the rerun
    assert Volunteer.objects.filter(municipality_id="3301").count() == 40
    assert Need.objects.filter(municipality_id="3301").count() == 4
    assert Invitation.objects.filter(status="pending").exists()
    assert Invitation.objects.filter(status="declined").exclude(decline_reason="").exists()
    pairing = Assignment.objects.get(status="active")
    assert pairing.trial_went_well and pairing.follow_ups.filter(held_on__isnull=True).exists()
    assert HoursEntry.objects.filter(status="pending").exists()

    # Screening is mixed: someone is ready for a role, someone is still missing something.
    holders = list(Volunteer.objects.filter(roles__isnull=False).distinct())
    found = readiness.missing_for(holders)
    states = {r.ready for roles in found.values() for r in roles}
    assert states == {True, False}
    assert RoleHolder.objects.count() == 4

    # Matching proposes for the open walking need in Garmo: the neighbour first.
    walk = Need.objects.get(person_name="Per Haugen")
    proposed = [p.volunteer.user.full_name for p in matching.propose_for_need(walk)]
    assert proposed == ["Ola Sulheim", "Randi Bakkom"]
