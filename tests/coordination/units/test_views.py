"""Units and volunteer contacts ("who do I call") and the forum of volunteer contacts: each page
for the people who may use it, and refused for the others."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from coordination.models import ForumMeeting, Membership, Role, Unit, UnitContact
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

LOM = "3434"


def url(name, *args, municipality=LOM):
    return reverse(f"coordination:{name}", args=[municipality, *args])


def _html(response) -> str:
    return response.content.decode()


@pytest.fixture
def contact(volunteer_contact_lom):
    volunteer_contact_lom.phone = "913 45 210"
    volunteer_contact_lom.save()
    return Membership.objects.get(user=volunteer_contact_lom)


@pytest.fixture
def units(lom, contact):
    nursing = Unit.objects.create(municipality=lom, name="Lom sjukeheim", kind="nursing_home")
    home = Unit.objects.create(municipality=lom, name="Heimetenesta i Lom", kind="home_care")
    UnitContact.objects.create(unit=nursing, membership=contact)
    return nursing, home


# --- Units -----------------------------------------------------------------------------------


def test_volunteer_contact_sees_who_to_call_and_the_unit_without_contact_is_flagged(
    client_of, volunteer_contact_lom, units
):
    page = _html(client_of(volunteer_contact_lom).get(url("unit_list")))
    assert "Lom sjukeheim" in page and "Kari Sletten" in page and "913 45 210" in page
    assert "Ingen frivillighetskontakt" in page  # Heimetenesta has none
    assert "Legg til en virksomhet" not in page  # no managing for contacts


def test_unit_list_can_show_only_units_without_a_contact(client_of, coordinator_lom, units):
    page = _html(client_of(coordinator_lom).get(url("unit_list") + "?without=contact"))
    assert "Heimetenesta i Lom" in page and "Lom sjukeheim" not in page


def test_unit_list_is_paginated_with_a_fixed_number_of_queries(
    client_of, coordinator_lom, lom, contact, django_assert_max_num_queries
):
    for n in range(60):
        unit = Unit.objects.create(municipality=lom, name=f"Virksomhet {n:02}", kind="other")
        UnitContact.objects.create(unit=unit, membership=contact)
    client = client_of(coordinator_lom)
    client.get(url("unit_list"))  # warm up the session
    with django_assert_max_num_queries(9):
        page = _html(client.get(url("unit_list")))
    assert "Virksomhet 49" in page and "Virksomhet 50" not in page
    assert "Virksomhet 59" in _html(client.get(url("unit_list") + "?page=2"))


def test_coordinator_adds_a_unit_and_a_contact_to_it(client_of, coordinator_lom, contact):
    client = client_of(coordinator_lom)
    response = client.post(url("unit_add"), {"name": "Lom sjukeheim", "kind": "nursing_home"})
    unit = Unit.objects.get(name="Lom sjukeheim")
    assert response.status_code == 302 and response["Location"] == url("unit_edit", unit.pk)
    assert "Kari Sletten" in _html(client.get(url("unit_edit", unit.pk)))  # offered as contact
    response = client.post(url("unit_contact_add", unit.pk), {"membership": contact.pk})
    assert response.status_code == 302
    assert list(unit.contacts.all()) == [contact]


def test_coordinator_is_told_why_another_role_cannot_be_a_contact(
    client_of, coordinator_lom, units, applicant
):
    partner_role = Membership.objects.get(user=applicant)
    response = client_of(coordinator_lom).post(
        url("unit_contact_add", units[1].pk), {"membership": partner_role.pk}
    )
    assert response.status_code == 200
    assert "Bare en person med rollen frivillighetskontakt" in _html(response)
    assert not units[1].contacts.exists()


def test_coordinator_removes_a_contact_and_a_unit(client_of, coordinator_lom, units, contact):
    client = client_of(coordinator_lom)
    link = UnitContact.objects.get()
    assert client.get(url("unit_contact_remove", link.pk)).status_code == 200
    client.post(url("unit_contact_remove", link.pk))
    assert not UnitContact.objects.exists()
    client.post(url("unit_delete", units[0].pk))
    assert not Unit.objects.filter(pk=units[0].pk).exists()
    assert Membership.objects.filter(pk=contact.pk).exists()


def test_volunteer_contact_may_not_change_units(client_of, volunteer_contact_lom, units):
    client = client_of(volunteer_contact_lom)
    assert client.post(url("unit_add"), {"name": "X", "kind": "other"}).status_code == 404
    assert client.get(url("unit_edit", units[0].pk)).status_code == 404
    assert client.post(url("unit_delete", units[0].pk)).status_code == 404
    assert Unit.objects.count() == 2


def test_another_municipalitys_coordinator_gets_404(client_of, coordinator_drammen, units):
    client = client_of(coordinator_drammen)
    assert client.get(url("unit_list")).status_code == 404
    assert client.get(url("unit_edit", units[0].pk)).status_code == 404
    # nor through their own municipality's address
    assert client.get(url("unit_edit", units[0].pk, municipality="3301")).status_code == 404


# --- Forum -----------------------------------------------------------------------------------


def _meeting(days: int, **fields) -> ForumMeeting:
    return ForumMeeting.objects.create(
        municipality_id=LOM, starts_at=timezone.now() + datetime.timedelta(days=days), **fields
    )


def test_forum_list_shows_upcoming_soonest_first_then_past_latest_first(
    client_of, volunteer_contact_lom, lom
):
    for days, place in ((-30, "Past-late"), (14, "Coming-later"), (-90, "Past-early"),
                        (3, "Coming-soon")):  # fmt: skip
        _meeting(days, place=place)
    page = _html(client_of(volunteer_contact_lom).get(url("forum_meeting_list")))
    order = [page.index(p) for p in ("Coming-soon", "Coming-later", "Past-late", "Past-early")]
    assert order == sorted(order)
    assert "Planlegg et møte" not in page


def test_forum_list_is_paginated_with_a_fixed_number_of_queries(
    client_of, coordinator_lom, lom, django_assert_max_num_queries
):
    for n in range(55):
        _meeting(-n - 1, place=f"Møte {n:02}")
    client = client_of(coordinator_lom)
    client.get(url("forum_meeting_list"))
    with django_assert_max_num_queries(8):
        page = _html(client.get(url("forum_meeting_list")))
    assert "Møte 49" in page and "Møte 50" not in page


def test_coordinator_plans_a_meeting_and_writes_the_minutes(client_of, coordinator_lom, contact):
    client = client_of(coordinator_lom)
    response = client.post(
        url("forum_meeting_add"),
        {"starts_at": "2027-02-10T13:00", "place": "Lom rådhus", "agenda": "1. Velkommen"},
    )
    meeting = ForumMeeting.objects.get()
    assert response["Location"] == url("forum_meeting_detail", meeting.pk)
    client.post(
        url("forum_meeting_minutes", meeting.pk),
        {"minutes": "Vi ble enige om å møtes hver måned.", "attendees": [contact.pk]},
    )
    meeting.refresh_from_db()
    assert meeting.minutes_by == coordinator_lom
    assert list(meeting.attendees.all()) == [contact]
    page = _html(client.get(url("forum_meeting_detail", meeting.pk)))
    assert "Skrevet av Ingrid Bakken" in page and "hver måned" in page and "Kari Sletten" in page


def test_volunteer_contact_reads_a_meeting_but_cannot_write_minutes(
    client_of, volunteer_contact_lom
):
    meeting = _meeting(-2, agenda="1. Høsten", minutes="Referat fra høsten")
    client = client_of(volunteer_contact_lom)
    page = _html(client.get(url("forum_meeting_detail", meeting.pk)))
    assert "Referat fra høsten" in page and "Skriv referatet" not in page
    response = client.post(url("forum_meeting_minutes", meeting.pk), {"minutes": "Endret"})
    assert response.status_code == 404
    meeting.refresh_from_db()
    assert meeting.minutes == "Referat fra høsten"


def test_meeting_form_offers_only_the_municipalitys_contacts_and_coordinators(
    client_of, coordinator_lom, contact, applicant, drammen
):
    MembershipFactory(
        municipality=drammen, role=Role.VOLUNTEER_CONTACT, user=UserFactory(full_name="Lene Dahl")
    )
    page = _html(client_of(coordinator_lom).get(url("forum_meeting_add")))
    assert "Kari Sletten" in page and "Ingrid Bakken" in page
    assert "Marit Nordheim" not in page and "Lene Dahl" not in page


def test_coordinator_removes_a_meeting(client_of, coordinator_lom):
    meeting = _meeting(5)
    response = client_of(coordinator_lom).post(url("forum_meeting_delete", meeting.pk))
    assert response.status_code == 302 and not ForumMeeting.objects.exists()


def test_the_home_care_service_gets_a_phone_number_volunteers_can_call(client_of, coordinator_lom):
    client = client_of(coordinator_lom)
    data = {"name": "Heimetenesta", "kind": "home_care", "phone": "61 21 30 00"}
    assert client.post(url("unit_add"), data).status_code == 302
    assert Unit.objects.get(name="Heimetenesta").phone == "61 21 30 00"
    assert 'href="tel:61213000"' in _html(client.get(url("unit_list")))
    refused = client.post(url("unit_add"), {**data, "name": "Other", "phone": "ring meg"})
    assert refused.status_code == 200 and not Unit.objects.filter(name="Other").exists()
