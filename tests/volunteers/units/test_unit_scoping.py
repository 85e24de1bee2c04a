"""Volunteer contacts see the volunteers linked to their own units, not the whole registry
(issue 10, "What each role can see"); coordinators see all and link volunteers to units."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from coordination.kernel import permissions
from coordination.models import AuditEvent, Membership, Role, Unit
from tests.factories import (
    MembershipFactory,
    UserFactory,
    VolunteerFactory,
    link_to_contacts_unit,
    municipality,
)
from volunteers.models import Volunteer, VolunteerUnit
from volunteers.units.services import set_volunteer_units

pytestmark = pytest.mark.django_db

REGISTRY = reverse("volunteers:registry", args=["3434"])


def _detail(volunteer):
    return reverse("volunteers:volunteer_detail", args=["3434", volunteer.pk])


def _units_url(volunteer, number="3434"):
    return reverse("volunteers:volunteer_units", args=[number, volunteer.pk])


@pytest.fixture
def people(volunteer_contact_lom):
    """Astrid helps at the contact's nursing home, Nils at home care (another contact's), Tor
    at no unit."""
    astrid = VolunteerFactory(user=UserFactory(full_name="Astrid Rustad"))
    nils = VolunteerFactory(user=UserFactory(full_name="Nils Brimi"))
    tor = VolunteerFactory(user=UserFactory(full_name="Tor Vole"))
    link_to_contacts_unit(astrid, volunteer_contact_lom)
    other_contact = UserFactory(full_name="Per Heimeteneste")
    MembershipFactory(user=other_contact, municipality=municipality("3434"),
                      role=Role.VOLUNTEER_CONTACT)  # fmt: skip
    link_to_contacts_unit(nils, other_contact, name="Heimetenesta i Lom")
    return {"astrid": astrid, "nils": nils, "tor": tor, "other_contact": other_contact}


def _names(response):
    return [v.user.full_name for v in response.context["page"].object_list]


def test_a_volunteer_contact_lists_only_the_volunteers_of_their_units(
    client_of, volunteer_contact_lom, people
):
    response = client_of(volunteer_contact_lom).get(REGISTRY)
    assert response.status_code == 200
    assert _names(response) == ["Astrid Rustad"]


def test_a_coordinator_still_lists_every_volunteer(client_of, coordinator_lom, people):
    response = client_of(coordinator_lom).get(REGISTRY)
    assert _names(response) == ["Astrid Rustad", "Nils Brimi", "Tor Vole"]
    assert "der du er frivillighetskontakt" not in response.content.decode()


def test_the_registry_tells_a_contact_whose_volunteers_they_see(
    client_of, volunteer_contact_lom, people
):
    page = client_of(volunteer_contact_lom).get(REGISTRY).content.decode()
    assert "der du er frivillighetskontakt: Lom sjukeheim." in page
    Unit.objects.filter(name="Lom sjukeheim").delete()
    page = client_of(volunteer_contact_lom).get(REGISTRY).content.decode()
    assert "Du er ikke frivillighetskontakt i en virksomhet ennå" in page


def test_a_volunteer_contact_opens_their_units_volunteer_and_gets_404_for_others(
    client_of, volunteer_contact_lom, people
):
    client = client_of(volunteer_contact_lom)
    assert client.get(_detail(people["astrid"])).status_code == 200
    assert client.get(_detail(people["nils"])).status_code == 404
    assert client.get(_detail(people["tor"])).status_code == 404
    # Nor can they write a note about someone outside their units.
    notes = reverse("volunteers:volunteer_notes", args=["3434", people["tor"].pk])
    assert client.post(notes, {"text": "Ringte."}).status_code == 404
    assert not people["tor"].notes.exists()


def test_a_contact_serving_two_units_sees_the_volunteers_of_both_once(
    client_of, volunteer_contact_lom, people
):
    unit = link_to_contacts_unit(people["nils"], volunteer_contact_lom, name="Heimetenesta i Lom")
    VolunteerUnit.objects.create(volunteer=people["astrid"], unit=unit)  # in both units
    response = client_of(volunteer_contact_lom).get(REGISTRY)
    assert _names(response) == ["Astrid Rustad", "Nils Brimi"]


def test_the_contacts_dashboard_counts_only_their_units_volunteers(
    client_of, volunteer_contact_lom, people
):
    from volunteers.contributions import volunteers_panel

    request = client_of(volunteer_contact_lom).get(REGISTRY).wsgi_request
    request.user = volunteer_contact_lom
    panel = volunteers_panel(request, municipality("3434"))
    assert panel.context["figures"][0][0] == 1  # active volunteers: Astrid only


def test_permissions_scope_is_the_one_place_that_decides(volunteer_contact_lom, coordinator_lom,
                                                          people):  # fmt: skip
    lom = municipality("3434")
    scoped = permissions.scope_to_user(Volunteer.objects.all(), volunteer_contact_lom,
                                       "view_volunteers")  # fmt: skip
    assert list(scoped) == [people["astrid"]]
    assert permissions.can(volunteer_contact_lom, "view_volunteers", lom)  # the registry page
    assert permissions.can(volunteer_contact_lom, "view_volunteers", people["astrid"])
    assert not permissions.can(volunteer_contact_lom, "view_volunteers", people["tor"])
    assert permissions.can(coordinator_lom, "view_volunteers", people["tor"])
    assert permissions.scope_to_user(Volunteer.objects.all(), coordinator_lom,
                                     "view_volunteers").count() == 3  # fmt: skip


def test_a_contact_whose_role_is_taken_away_sees_nobody(client_of, volunteer_contact_lom, people):
    Membership.objects.filter(user=volunteer_contact_lom).delete()
    assert client_of(volunteer_contact_lom).get(_detail(people["astrid"])).status_code == 404


# --- linking a volunteer to units ------------------------------------------------------------


def test_a_coordinator_links_a_volunteer_to_units_on_their_page(
    client_of, coordinator_lom, volunteer_contact_lom, people
):
    client = client_of(coordinator_lom)
    page = client.get(_detail(people["tor"]))
    assert page.context["units_form"] is not None
    assert 'id="units"' in page.content.decode()
    unit = Unit.objects.get(name="Lom sjukeheim")
    response = client.post(_units_url(people["tor"]), {"units": [unit.pk]})
    assert response.status_code == 302
    assert response["Location"].endswith("#units")
    assert list(people["tor"].unit_links.values_list("unit__name", flat=True)) == ["Lom sjukeheim"]
    assert AuditEvent.objects.filter(verb="changed", object_id=str(people["tor"].pk)).exists()
    # Now the nursing home's contact sees Tor.
    assert client_of(volunteer_contact_lom).get(_detail(people["tor"])).status_code == 200


def test_ticking_no_unit_unlinks_the_volunteer(client_of, coordinator_lom, people):
    client_of(coordinator_lom).post(_units_url(people["astrid"]), {})
    assert not people["astrid"].unit_links.exists()


def test_a_volunteer_contact_may_not_link_volunteers(client_of, volunteer_contact_lom, people):
    client = client_of(volunteer_contact_lom)
    assert client.get(_detail(people["astrid"])).context["units_form"] is None
    unit = Unit.objects.get(name="Heimetenesta i Lom")
    response = client.post(_units_url(people["astrid"]), {"units": [unit.pk]})
    assert response.status_code == 404
    assert list(people["astrid"].unit_links.values_list("unit__name", flat=True)) == [
        "Lom sjukeheim"
    ]


def test_a_unit_of_another_municipality_is_refused_and_nothing_changes(
    client_of, coordinator_lom, people
):
    drammen_unit = Unit.objects.create(municipality_id="3301", name="Drammen sykehjem",
                                       kind="nursing_home")  # fmt: skip
    response = client_of(coordinator_lom).post(
        _units_url(people["astrid"]), {"units": [drammen_unit.pk]}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["units"]
    assert list(people["astrid"].unit_links.values_list("unit__name", flat=True)) == [
        "Lom sjukeheim"
    ]


def test_the_service_refuses_other_municipalities_units_and_people_without_the_right(
    coordinator_lom, volunteer_contact_lom, people
):
    drammen_unit = Unit.objects.create(municipality_id="3301", name="Drammen sykehjem",
                                       kind="nursing_home")  # fmt: skip
    with pytest.raises(ValidationError):
        set_volunteer_units(volunteer=people["tor"], units=[drammen_unit], by=coordinator_lom)
    with pytest.raises(PermissionDenied):
        set_volunteer_units(volunteer=people["tor"], units=[], by=volunteer_contact_lom)
    assert not people["tor"].unit_links.exists()


def test_drammens_coordinator_cannot_link_loms_volunteer(client_of, coordinator_drammen, people):
    unit = Unit.objects.get(name="Lom sjukeheim")
    response = client_of(coordinator_drammen).post(_units_url(people["tor"]), {"units": [unit.pk]})
    assert response.status_code == 404
    assert not people["tor"].unit_links.exists()


def test_a_volunteer_finds_their_units_in_their_own_data(client_of, people):
    response = client_of(people["astrid"].user).get(reverse("coordination:my_data_download"))
    assert response.json()["volunteer_units"] == ["Lom sjukeheim"]
    page = client_of(people["astrid"].user).get(reverse("coordination:my_data_page"))
    assert "Virksomheter der du hjelper" in page.content.decode()


def test_in_the_demo_each_contact_sees_the_volunteers_of_their_unit(client):
    from django.core.management import call_command

    from coordination.models import User

    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    links = VolunteerUnit.objects.count()
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert VolunteerUnit.objects.count() == links  # idempotent
    client.force_login(User.objects.get(email="kontakt.sjukeheim.lom@samspill.example"))
    emails = {v.user.email for v in client.get(REGISTRY).context["page"].object_list}
    assert emails == {f"frivillig.{n}@samspill.example" for n in ("astrid", "kari.o", "randi")}
    drammen = reverse("volunteers:registry", args=["3301"])
    client.force_login(User.objects.get(email="kontakt.drammen@samspill.example"))
    shown = client.get(drammen).context["page"].paginator.count
    assert 0 < shown < Volunteer.objects.filter(municipality_id="3301").count()
