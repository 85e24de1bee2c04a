"""The demo's routine binder and annual wheel: Lom on its way to coordination, Drammen at
partnership level; seeding twice changes nothing."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from coordination.models import Routine, RoutineVersion, WheelEvent
from coordination.routines import contributions as contrib_routines
from coordination.wheel import contributions as contrib_wheel
from coordination.wheel.services import months_with_entries
from tests.factories import municipality

pytestmark = pytest.mark.django_db


def _seed():
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_the_demo_binder_and_wheel_are_believable_and_seeding_twice_changes_nothing():
    _seed()
    counts = (Routine.objects.count(), RoutineVersion.objects.count(), WheelEvent.objects.count())
    _seed()
    assert (
        Routine.objects.count(), RoutineVersion.objects.count(), WheelEvent.objects.count()
    ) == counts  # fmt: skip

    lom, drammen = municipality("3434"), municipality("3301")
    routines = Routine.objects.filter(municipality=lom)
    assert routines.count() == 4
    assert routines.filter(status="approved").count() == 2
    assert routines.filter(status="draft").count() == 2
    assert routines.due_for_review(timezone.localdate()).count() == 1
    co_authored = routines.get(co_authors__email="kontakt.sjukeheim.lom@samspill.example")
    assert co_authored.versions.count() == 2
    assert co_authored.versions.first().changed_by.email == "kontakt.sjukeheim.lom@samspill.example"
    assert all(r.title and not r.title.startswith("Welcoming") for r in routines)  # bokmål
    assert WheelEvent.objects.filter(municipality=lom).count() == 6
    assert WheelEvent.objects.get(municipality=lom, month=3).category == "course"

    assert Routine.objects.filter(municipality=drammen, status="approved").count() == 12
    assert contrib_routines.routines_reviewed(drammen).met
    assert contrib_routines.routines_exist(drammen).met
    assert not contrib_routines.routines_exist(lom).met  # 2 of 3: Lom is on its way
    year = timezone.localdate().year
    assert months_with_entries(drammen, year) == set(range(1, 13))
    assert contrib_wheel.wheel_most_months(drammen).met
