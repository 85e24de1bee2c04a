"""A municipality that starts by itself (issue 13): someone asks on the public page of a
municipality without Samspill; the national administrator approves (the requester is invited
as the first coordinator) or declines with a reason; all audited and emailed."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from coordination.kernel.models import AuditEvent, Membership, Role, RoleInvitation
from coordination.starting import services
from coordination.starting.models import StartRequest
from tests.factories import municipality

pytestmark = pytest.mark.django_db

SKJAK = "3433"
FIELDS = {
    "full_name": "Berit Holen",
    "position": "Kommunalsjef",
    "email": "berit@skjak.example",
    "phone": "612 14 000",
    "message": "Vi vil starte.",
}


@pytest.fixture
def skjak(db):
    return municipality(SKJAK)


@pytest.fixture
def pending(skjak):
    return services.receive_start_request(municipality=skjak, fields=FIELDS)


def test_the_public_page_of_a_municipality_without_samspill_offers_to_start(client, skjak):
    page = client.get(reverse("coordination:municipality_detail", args=[SKJAK]))
    assert reverse("coordination:start_request", args=[SKJAK]) in page.content.decode()


def test_the_page_of_a_municipality_in_use_does_not(client, coordinator_lom):
    page = client.get(reverse("coordination:municipality_detail", args=["3434"]))
    assert reverse("coordination:start_request", args=["3434"]) not in page.content.decode()
    form = client.get(reverse("coordination:start_request", args=["3434"]))
    assert form.status_code == 302


def test_someone_asks_to_start_and_is_thanked(client, skjak):
    response = client.post(reverse("coordination:start_request", args=[SKJAK]), FIELDS)
    assert response.url == reverse("coordination:start_request_thanks", args=[SKJAK])
    found = StartRequest.objects.get()
    assert (found.municipality, found.status, found.full_name) == (skjak, "pending", "Berit Holen")
    assert AuditEvent.objects.filter(code="start_request.received", municipality=skjak).exists()
    assert client.get(response.url).status_code == 200


def test_a_form_with_errors_changes_nothing(client, skjak):
    response = client.post(
        reverse("coordination:start_request", args=[SKJAK]), {**FIELDS, "email": "not an email"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert not StartRequest.objects.exists()


def test_one_pending_request_per_municipality_and_email(client, pending):
    response = client.post(
        reverse("coordination:start_request", args=[SKJAK]),
        {**FIELDS, "email": "BERIT@skjak.example"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert StartRequest.objects.count() == 1


def test_the_public_form_is_rate_limited(client, skjak):
    cache.clear()
    url = reverse("coordination:start_request", args=[SKJAK])
    statuses = [
        client.post(url, {**FIELDS, "email": f"p{n}@skjak.example"}).status_code for n in range(6)
    ]
    assert statuses == [302] * 5 + [429]


def test_a_robot_filling_the_trap_stores_nothing(client, skjak):
    client.post(reverse("coordination:start_request", args=[SKJAK]), {**FIELDS, "website": "x"})
    assert not StartRequest.objects.exists()


def test_national_administrator_sees_the_requests(client_of, national_admin, pending):
    client = client_of(national_admin, language="en")
    listing = client.get(reverse("coordination:start_request_list")).content.decode()
    assert "Berit Holen" in listing and "Skjåk" in listing
    detail = client.get(reverse("coordination:start_request_detail", args=[pending.pk]))
    assert "612 14 000" in detail.content.decode()


def test_nobody_else_sees_them(client_of, coordinator_lom, pending):
    client = client_of(coordinator_lom)
    assert client.get(reverse("coordination:start_request_list")).status_code == 404
    url = reverse("coordination:start_request_approve", args=[pending.pk])
    assert client.post(url).status_code == 404
    with pytest.raises(PermissionDenied):
        services.approve_start_request(request=pending, by=coordinator_lom)
    pending.refresh_from_db()
    assert pending.status == "pending"


def test_approving_invites_the_requester_as_first_coordinator(
    client, client_of, national_admin, pending, skjak, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_of(national_admin).post(
            reverse("coordination:start_request_approve", args=[pending.pk])
        )
    pending.refresh_from_db()
    assert pending.status == "approved" and pending.decided_by == national_admin
    invitation = RoleInvitation.objects.get()
    assert (invitation.municipality, invitation.role, invitation.email) == (
        skjak,
        Role.COORDINATOR,
        "berit@skjak.example",
    )
    assert pending.invitation == invitation
    to_requester = [m for m in mail.outbox if m.to == ["berit@skjak.example"]]
    assert len(to_requester) == 2  # the decision, and the invitation
    codes = set(AuditEvent.objects.in_municipality(skjak).values_list("code", flat=True))
    assert {"start_request.received", "start_request.approved", "invitation.created"} <= codes

    # The requester signs up with the address and confirms it: Skjåk has its first coordinator.
    client.logout()
    client.post(
        reverse("account_signup"),
        {
            "full_name": "Berit Holen",
            "email": "berit@skjak.example",
            "password1": "Fjellvann-2026!",
            "password2": "Fjellvann-2026!",
        },
    )
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+)", mail.outbox[-1].body)
    client.post(link.group(1))
    assert Membership.objects.filter(
        municipality=skjak, role=Role.COORDINATOR, user__email="berit@skjak.example"
    ).exists()
    assert skjak.uses_samspill()


def test_declining_tells_the_reason(
    client_of, national_admin, pending, skjak, django_capture_on_commit_callbacks
):
    client = client_of(national_admin, language="en")
    url = reverse("coordination:start_request_decline", args=[pending.pk])
    empty = client.post(url, {"reason": ""})
    assert empty.status_code == 200 and empty.context["form"].errors["reason"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"reason": "Vi treng ein leiar i kommunen som står bak."})
    pending.refresh_from_db()
    assert pending.status == "declined"
    assert not RoleInvitation.objects.exists()
    sent = [m for m in mail.outbox if m.to == ["berit@skjak.example"]]
    assert len(sent) == 1 and "Vi treng ein leiar i kommunen som står bak." in sent[0].body
    assert AuditEvent.objects.filter(code="start_request.declined", municipality=skjak).exists()


def test_only_a_pending_request_is_decided(national_admin, pending):
    services.decline_start_request(request=pending, reason="Nei.", by=national_admin)
    with pytest.raises(ValidationError):
        services.approve_start_request(request=pending, by=national_admin)
    with pytest.raises(ValidationError):
        services.decline_start_request(request=pending, reason="Igjen.", by=national_admin)
    assert not RoleInvitation.objects.exists()
