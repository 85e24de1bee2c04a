"""The coordinator's getting-started list (issue 13): each step ticked by the data, shown on the
dashboard until every step is done."""

import pytest
from django.urls import reverse

from coordination.kernel import contributions, figures_cache
from coordination.kernel.models import Role
from coordination.units.models import Unit
from tests.factories import MembershipFactory, RoutineFactory, VolunteerFactory, municipality
from volunteers.profile.services import publish_declaration

pytestmark = pytest.mark.django_db


def _done(lom) -> dict[str, bool]:
    return {step.key: done for step, done in contributions.getting_started(lom)}


def test_the_steps_are_ticked_by_the_data(coordinator_lom, lom):
    assert _done(lom) == dict.fromkeys(
        ["declaration", "starter_routines", "first_unit", "colleague", "first_volunteers"], False
    )
    Unit.objects.create(municipality=lom, name="Lom sjukeheim", kind="nursing_home")
    MembershipFactory(municipality=lom, role=Role.VOLUNTEER_CONTACT)
    assert _done(lom)["first_unit"] and _done(lom)["colleague"]
    assert not _done(lom)["first_volunteers"]
    assert not _done(municipality("3301"))["first_unit"]  # Drammen's data is its own


def test_the_dashboard_shows_the_list_until_every_step_is_done(client_of, coordinator_lom, lom):
    client = client_of(coordinator_lom, language="en")
    page = client.get(reverse("coordination:overview", args=["3434"])).content.decode()
    assert 'id="getting-started"' in page
    assert "0 of 5 steps done." in page
    assert reverse("coordination:unit_add", args=["3434"]) in page

    publish_declaration(
        municipality=lom, body="Eg lovar å teie om det eg får vite. " * 3, by=coordinator_lom
    )
    RoutineFactory(owner=coordinator_lom)
    Unit.objects.create(municipality=lom, name="Lom sjukeheim", kind="nursing_home")
    MembershipFactory(municipality=lom, role=Role.VOLUNTEER_CONTACT)
    VolunteerFactory()
    page = client.get(reverse("coordination:overview", args=["3434"])).content.decode()
    assert 'id="getting-started"' in page  # asked again within the minute…
    figures_cache.forget_for_municipality(lom)  # …or after a write on the municipality's pages
    page = client.get(reverse("coordination:overview", args=["3434"])).content.decode()
    assert 'id="getting-started"' not in page


def test_only_the_coordinator_sees_the_list(client_of, coordinator_lom, volunteer_contact_lom):
    page = client_of(volunteer_contact_lom).get(reverse("coordination:overview", args=["3434"]))
    assert 'id="getting-started"' not in page.content.decode()
