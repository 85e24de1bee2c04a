from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coordination.models import AuditEvent
from tests.factories import UserFactory, VolunteerRoleFactory
from volunteers.models import (
    DeclarationText,
    RoleHolder,
    Signature,
    Volunteer,
    VolunteerInterest,
)
from volunteers.profile import services

pytestmark = pytest.mark.django_db

URL = reverse("volunteers:registry", args=["3434"])
TEXT = "Jeg lover å ikke fortelle andre det jeg får vite om dem jeg hjelper, heller ikke senere."


def _volunteer(name, number="3434", interests=(), **fields):
    volunteer = Volunteer.objects.create(
        user=UserFactory(full_name=name), municipality_id=number, **fields
    )
    for interest in interests:
        VolunteerInterest.objects.create(volunteer=volunteer, interest=interest)
    return volunteer


@pytest.fixture
def lom_volunteers():
    return {
        "astrid": _volunteer("Astrid Rustad", area="Lom sentrum", interests=["visiting_friend"],
                             weekends=True, active_since=date(2024, 5, 1)),
        "nils": _volunteer("Nils Brimi", area="Bøverdalen", interests=["transport"],
                           evenings=True, can_drive=True, active_since=date(2026, 2, 1)),
        "tor": _volunteer("Tor Vole", area="Bøverdalen", interests=["transport", "walks"],
                          can_drive=True, active_since=date(2025, 9, 1)),
    }  # fmt: skip


def _names(response):
    return [v.user.full_name for v in response.context["page"].object_list]


def test_registry_lists_own_municipality_only_sorted_by_name(
    client_of, coordinator_lom, lom_volunteers
):
    _volunteer("Drammen Frivillig", number="3301")
    response = client_of(coordinator_lom).get(URL)
    assert _names(response) == ["Astrid Rustad", "Nils Brimi", "Tor Vole"]


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"q": "bøverdalen"}, ["Nils Brimi", "Tor Vole"]),
        ({"q": "astrid"}, ["Astrid Rustad"]),
        ({"area": "bøverdalen"}, ["Nils Brimi", "Tor Vole"]),
        ({"area": "Bøverdal"}, []),  # the whole name, not a part of it
        ({"interest": "transport"}, ["Nils Brimi", "Tor Vole"]),
        ({"interest": "transport", "when": "evenings"}, ["Nils Brimi"]),
        ({"can_drive": "on"}, ["Nils Brimi", "Tor Vole"]),
        ({"active_since": "2025-01-01"}, ["Nils Brimi", "Tor Vole"]),
        ({"sort": "-name"}, ["Tor Vole", "Nils Brimi", "Astrid Rustad"]),
        ({"sort": "newest"}, ["Nils Brimi", "Tor Vole", "Astrid Rustad"]),
    ],
)
def test_registry_filters_and_sorts(client_of, coordinator_lom, lom_volunteers, query, expected):
    assert _names(client_of(coordinator_lom).get(URL, query)) == expected


def test_declaration_filter_follows_the_current_version(
    client_of, coordinator_lom, lom, lom_volunteers
):
    first = services.publish_declaration(municipality=lom, body=TEXT, by=coordinator_lom)
    Signature.objects.create(volunteer=lom_volunteers["astrid"], text=first)
    client = client_of(coordinator_lom)
    assert _names(client.get(URL, {"declaration": "signed"})) == ["Astrid Rustad"]
    services.publish_declaration(municipality=lom, body=TEXT + " Ny.", by=coordinator_lom)
    assert _names(client.get(URL, {"declaration": "signed"})) == []
    assert len(_names(client.get(URL, {"declaration": "missing"}))) == 3


def test_people_who_left_are_hidden_unless_asked_for(client_of, coordinator_lom, lom_volunteers):
    from django.utils import timezone

    Volunteer.objects.filter(pk=lom_volunteers["tor"].pk).update(left_at=timezone.now())
    client = client_of(coordinator_lom)
    assert "Tor Vole" not in _names(client.get(URL))
    assert _names(client.get(URL, {"status": "left"})) == ["Tor Vole"]


def test_bad_filter_is_explained_and_lists_nothing(client_of, coordinator_lom, lom_volunteers):
    response = client_of(coordinator_lom).get(URL, {"active_since": "i fjor", "sort": "hacker"})
    assert set(response.context["form"].errors) == {"active_since", "sort"}
    assert 'aria-invalid="true"' in response.content.decode()
    assert _names(response) == []


def _many(count, start=0):
    """``count`` volunteers named «Frivillig NNN», each with an interest, some signed."""
    text = DeclarationText.objects.filter(municipality_id="3434").first()
    for number in range(start, start + count):
        volunteer = _volunteer(f"Frivillig {number:03d}", interests=["walks"])
        if text is not None and number % 2:
            Signature.objects.create(volunteer=volunteer, text=text)


def _queries_for_a_page(client, query) -> int:
    client.get(URL, query)  # warm the caches (the session, the municipality's languages)
    with CaptureQueriesContext(connection) as queries:
        client.get(URL, query)
    return len(queries)


def test_registry_queries_do_not_grow_with_the_number_of_volunteers(
    client_of, coordinator_lom, lom
):
    services.publish_declaration(municipality=lom, body=TEXT, by=coordinator_lom)
    RoleHolder.objects.create(
        volunteer=_volunteer("Rolle Holder"), role=VolunteerRoleFactory(municipality=lom)
    )
    client = client_of(coordinator_lom)
    _many(3)
    query = {"interest": "walks", "page": 1}
    few = _queries_for_a_page(client, query)
    _many(110, start=3)
    query["page"] = 2
    many = _queries_for_a_page(client, query)
    assert few == many


def test_a_deep_page_shows_the_right_volunteers_in_order_with_their_marks(
    client_of, coordinator_lom, lom
):
    text = services.publish_declaration(municipality=lom, body=TEXT, by=coordinator_lom)
    _many(130)
    client = client_of(coordinator_lom)
    names = [f"Frivillig {number:03d}" for number in range(130)]
    assert _names(client.get(URL, {"page": 3})) == names[100:]
    assert _names(client.get(URL, {"page": 2, "sort": "-name"})) == names[::-1][50:100]
    page = client.get(URL, {"page": 3, "declaration": "signed"}).context["page"]
    assert [v.user.full_name for v in page.object_list] == names[1::2][50:]
    assert all(v.signed_current for v in page.object_list)
    signed = set(Signature.objects.filter(text=text).values_list("volunteer_id", flat=True))
    page = client.get(URL, {"page": 2}).context["page"]
    assert [v.signed_current for v in page.object_list] == [
        v.pk in signed for v in page.object_list
    ]
    assert any(v.signed_current for v in page.object_list)
    assert not all(v.signed_current for v in page.object_list)


def test_volunteer_contact_sees_the_registry_volunteers_do_not(
    client_of, volunteer_contact_lom, volunteer, lom_volunteers
):
    assert client_of(volunteer_contact_lom).get(URL).status_code == 200
    assert client_of(volunteer).get(URL).status_code == 404


def test_viewing_a_volunteer_is_audited_and_shown_in_the_history(
    client_of, coordinator_lom, lom_volunteers
):
    nils = lom_volunteers["nils"]
    url = reverse("volunteers:volunteer_detail", args=["3434", nils.pk])
    client = client_of(coordinator_lom)
    client.get(url)
    response = client.get(url)
    event = AuditEvent.objects.filter(verb="viewed", object_id=str(nils.pk)).first()
    assert (event.actor, event.object_type) == (coordinator_lom, "volunteers.volunteer")
    assert len(response.context["history"]) == 2
    assert "Ingrid Bakken" in response.content.decode()


def test_another_municipalitys_volunteer_is_404(client_of, coordinator_drammen, lom_volunteers):
    nils = lom_volunteers["nils"]
    for number in ("3301", "3434"):
        url = reverse("volunteers:volunteer_detail", args=[number, nils.pk])
        assert client_of(coordinator_drammen).get(url).status_code == 404
    assert not AuditEvent.objects.exists()


def test_renaming_the_person_moves_them_in_the_registry(client_of, coordinator_lom, lom_volunteers):
    astrid = lom_volunteers["astrid"].user
    astrid.full_name = "Åse Rustad"
    astrid.save()
    assert _names(client_of(coordinator_lom).get(URL)) == ["Nils Brimi", "Tor Vole", "Åse Rustad"]


def test_logging_in_costs_no_registry_update(lom_volunteers, django_assert_num_queries):
    user = lom_volunteers["astrid"].user
    with django_assert_num_queries(1):
        user.save(update_fields=["last_login"])


def test_search_finds_a_new_name_or_email_after_the_person_changes_it(client_of, coordinator_lom):
    volunteer = _volunteer("Kari Nordmann", area="Garmo", interests=["walks"])
    volunteer.user.full_name = "Kari Sulheim"
    volunteer.user.email = "kari.sulheim@samspill.example"
    volunteer.user.save()
    for text in ("SULHEIM", "kari.sulheim@", "garmo"):
        response = client_of(coordinator_lom).get(URL, {"q": text})
        assert _names(response) == ["Kari Sulheim"], text
    assert _names(client_of(coordinator_lom).get(URL, {"q": "Nordmann"})) == []
