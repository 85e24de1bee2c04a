"""``seed_scale`` at a small size: it fills every app's part with the counts asked for, spread
over the country by population, and refuses to fill the same database twice."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from activities.models import Activity, Ride, Session, SignUp
from coordination.kernel.models import Membership, Municipality, Role
from coordination.wheel.models import WheelEvent
from grants.applications.models import Application
from grants.review.models import ReviewAssignment, Score
from volunteers.models import Need, RoleHolder, Signature, Volunteer, VolunteerInterest

pytestmark = pytest.mark.django_db

SIZES = ["--volunteers=600", "--activities=30", "--signups=900", "--applications=12"]


def test_fills_every_app_spread_by_population_once():
    """One test, as seeding takes seconds: the counts, the spread, the rows, then a second run
    refused."""
    call_command("seed_scale", *SIZES, stdout=io.StringIO())
    assert Volunteer.objects.count() == 600
    assert Activity.objects.count() == 30
    assert Session.objects.count() == 30 * 20
    assert SignUp.objects.count() == 900
    assert Application.objects.count() == 12
    assert Score.objects.count() == 12 * 2 * 9
    # Each sent review carries its weighted score, as sending it through the service stores.
    assert not ReviewAssignment.objects.filter(score__isnull=True).exists()
    assert Ride.objects.count() == SignUp.objects.filter(needs_transport=True).count() > 0

    municipalities = Municipality.objects.count()
    assert municipalities == 357
    coordinators = Membership.objects.filter(role=Role.COORDINATOR)
    assert coordinators.values("municipality").distinct().count() == municipalities
    assert WheelEvent.objects.values("municipality").distinct().count() == municipalities

    by_size = list(Municipality.objects.order_by("-population").values_list("pk", flat=True))
    counts = dict(
        Volunteer.objects.values_list("municipality")
        .annotate(n=Count("pk"))
        .values_list("municipality", "n")
    )
    largest_tenth = sum(counts.get(n, 0) for n in by_size[: len(by_size) // 10])
    # Every municipality gets one (357 of the 600 here), the rest go by population: the 36
    # largest hold more than twice an even share.
    assert largest_tenth > 2 * 600 / 10
    assert counts[by_size[0]] > counts.get(by_size[-1], 0)
    assert Need.objects.filter(municipality_id=by_size[0], kind="visiting_friend").exists()

    volunteer = Volunteer.objects.select_related("user").order_by("pk").first()
    assert volunteer.sort_name == volunteer.user.full_name.casefold()
    assert volunteer.search_text == volunteer.searchable_text()
    assert VolunteerInterest.objects.filter(volunteer=volunteer).exists()
    signed = Signature.objects.count() / 600
    assert 0.75 < signed < 0.95  # 85 % have signed the current declaration
    holders = RoleHolder.objects.count() / 600
    assert 0.3 < holders < 0.5  # visiting friends 30 %, drivers 10 %
    ready = RoleHolder.objects.filter(ready=True).count() / RoleHolder.objects.count()
    assert 0.05 < ready < 0.7  # the stored readiness is refreshed after the bulk inserts

    with pytest.raises(CommandError, match="already holds scale data"):
        call_command("seed_scale", *SIZES, stdout=io.StringIO())
    assert Volunteer.objects.count() == 600
