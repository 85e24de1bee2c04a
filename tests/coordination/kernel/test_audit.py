import pytest
from django.urls import reverse

from coordination.kernel import audit, services
from coordination.kernel.models import AuditEvent, Membership, Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_record_is_one_line_and_keeps_who_what_where(coordinator_lom, volunteer_contact_lom):
    membership = Membership.objects.get(user=volunteer_contact_lom)
    event = audit.record(coordinator_lom, "viewed", membership, summary="contact details")
    assert (event.actor, event.actor_name, event.municipality_id) == (
        coordinator_lom,
        "Ingrid Bakken",
        "3434",
    )
    assert (event.verb, event.object_type, event.object_id) == (
        "viewed",
        "coordination.membership",
        str(membership.pk),
    )


def test_unknown_verb_is_refused(coordinator_lom, lom):
    with pytest.raises(ValueError):
        audit.record(coordinator_lom, "peeked", lom)


def test_role_changes_are_audited(coordinator_lom, lom):
    person = UserFactory(full_name="Per Haugen")
    membership = services.add_membership(
        municipality=lom, email=person.email, role=Role.VOLUNTEER_CONTACT, by=coordinator_lom
    )
    services.remove_membership(membership=membership, by=coordinator_lom)
    events = list(AuditEvent.objects.filter(municipality=lom).order_by("at", "pk"))
    assert [e.verb for e in events] == ["created", "deleted"]
    assert all("Per Haugen" in e.message for e in events)


def test_the_name_stays_in_the_log_when_the_account_is_deleted(coordinator_lom, lom):
    audit.record(coordinator_lom, "viewed", lom)
    coordinator_lom.delete()
    event = AuditEvent.objects.get()
    assert (event.actor, event.actor_name) == (None, "Ingrid Bakken")


def test_coordinator_reads_own_municipality_log_only(
    client_of, coordinator_lom, coordinator_drammen, lom, drammen
):
    audit.record(coordinator_lom, "viewed", lom, summary="Lom-hendelse")
    audit.record(coordinator_drammen, "viewed", drammen, summary="Drammen-hendelse")
    client = client_of(coordinator_lom)
    html = client.get(reverse("coordination:audit_log", args=["3434"])).content.decode()
    assert "Lom-hendelse" in html and "Drammen-hendelse" not in html
    assert client.get(reverse("coordination:audit_log", args=["3301"])).status_code == 404


def test_volunteer_contacts_cannot_read_the_log(client_of, volunteer_contact_lom):
    url = reverse("coordination:audit_log", args=["3434"])
    assert client_of(volunteer_contact_lom).get(url).status_code == 404


def test_log_filters_by_verb_and_pages_keep_the_filter(client_of, coordinator_lom, lom):
    for number in range(60):
        audit.record(coordinator_lom, "viewed", lom, summary=f"sett {number}")
    audit.record(coordinator_lom, "exported", lom, summary="eksport")
    client = client_of(coordinator_lom)
    url = reverse("coordination:audit_log", args=["3434"])
    exported = client.get(url, {"verb": "exported"})
    assert [e.summary for e in exported.context["page"].object_list] == ["eksport"]
    viewed = client.get(url, {"verb": "viewed"}).content.decode()
    assert "?verb=viewed&amp;page=2" in viewed


def test_log_page_is_paginated_in_few_queries(
    client_of, coordinator_lom, lom, django_assert_max_num_queries
):
    for _ in range(120):
        audit.record(coordinator_lom, "viewed", lom)
    client = client_of(coordinator_lom)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("coordination:audit_log", args=["3434"]))
    assert len(response.context["page"].object_list) == 50


def test_pages_for_logged_in_people_are_never_stored(client_of, coordinator_lom, client):
    assert "no-store" not in client.get("/municipalities/").get("Cache-Control", "")
    logged_in = client_of(coordinator_lom)
    for url in ("/", "/my/", "/coordination/3434/", "/municipalities/"):
        assert "no-store" in logged_in.get(url)["Cache-Control"], url
