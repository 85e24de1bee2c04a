"""Who is on the call list: people who need a call, nobody else. Someone who registers with a
login reads email unless they choose otherwise; a volunteer registered by phone is phoned; an
imported volunteer with an address gets email; a call stops waiting when the volunteer stops or
has signed meanwhile."""

import importlib
from datetime import timedelta

import pytest
from django.apps import apps
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from coordination.kernel.audit import record
from coordination.kernel.models import SmsMessage
from tests.factories import InvitationFactory, UserFactory, VolunteerFactory
from tests.volunteers.calls.test_calls import _invite
from volunteers.calls.models import CallReason, PhoneCall
from volunteers.models import ContactBy, Signature
from volunteers.profile.services import publish_declaration

pytestmark = pytest.mark.django_db


def _waiting():
    return list(PhoneCall.objects.in_municipality("3434").waiting())


def _checked(html: str, value: str) -> bool:
    return f'value="{value}"' in html and any(
        f'value="{value}"' in tag and "checked" in tag for tag in html.split("<input")
    )


def test_a_person_registering_themselves_starts_at_email(client_of, volunteer):
    html = client_of(volunteer).get(reverse("volunteers:register")).content.decode()
    assert _checked(html, "email") and not _checked(html, "phone")


def test_a_coordinator_registering_by_phone_starts_at_a_call(client_of, coordinator_lom):
    html = client_of(coordinator_lom).get(reverse("volunteers:volunteer_add", args=["3434"]))
    html = html.content.decode()
    assert _checked(html, "phone") and not _checked(html, "email")


def test_a_volunteer_who_never_chose_is_not_on_the_call_list(
    coordinator_lom, django_capture_on_commit_callbacks
):
    volunteer = VolunteerFactory(user=UserFactory(phone="912 34 567"))  # the model's default
    assert volunteer.contact_by == ContactBy.EMAIL
    _invite(coordinator_lom, volunteer, django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [[volunteer.user.email]]
    assert not PhoneCall.objects.exists() and not SmsMessage.objects.exists()


def test_a_call_chosen_without_a_number_to_call_is_an_email(
    coordinator_lom, django_capture_on_commit_callbacks
):
    volunteer = VolunteerFactory(contact_by=ContactBy.PHONE, user=UserFactory(phone=""))
    _invite(coordinator_lom, volunteer, django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [[volunteer.user.email]]
    assert not PhoneCall.objects.exists()


def test_a_volunteer_without_email_or_number_is_still_on_the_call_list(
    coordinator_lom, django_capture_on_commit_callbacks
):
    """Nobody is dropped: the coordinator finds another way (the registry, a colleague)."""
    volunteer = VolunteerFactory(user=None, name="Olav", phone="", email="")
    _invite(coordinator_lom, volunteer, django_capture_on_commit_callbacks)
    assert [call.volunteer for call in _waiting()] == [volunteer]


def test_calls_for_a_volunteer_who_stopped_leave_the_list(coordinator_lom):
    volunteer = VolunteerFactory(contact_by=ContactBy.PHONE)
    PhoneCall.objects.create(
        municipality_id="3434", volunteer=volunteer, reason=CallReason.CERTIFICATE
    )
    assert len(_waiting()) == 1
    volunteer.left_at = timezone.now()
    volunteer.save()
    assert _waiting() == []
    volunteer.left_at, volunteer.anonymised_at = None, timezone.now()
    volunteer.save()
    assert _waiting() == []


def test_a_declaration_call_leaves_the_list_when_the_volunteer_signs(coordinator_lom):
    text = publish_declaration(
        municipality=coordinator_lom.memberships.get().municipality, by=coordinator_lom,
        body="Jeg lover å ikke fortelle andre det jeg får vite om dem jeg hjelper.",
    )  # fmt: skip
    volunteer = VolunteerFactory(contact_by=ContactBy.PHONE)
    # Signed before the call was made: the call is about a newer text, and still waits.
    Signature.objects.create(volunteer=volunteer, text=text,
                             signed_at=timezone.now() - timedelta(days=30))  # fmt: skip
    call = PhoneCall.objects.create(
        municipality_id="3434", volunteer=volunteer, reason=CallReason.DECLARATION
    )
    other = PhoneCall.objects.create(
        municipality_id="3434",
        volunteer=volunteer,
        reason=CallReason.INVITATION,
        invitation=InvitationFactory(volunteer=volunteer),
    )
    assert _waiting() == [call, other]
    Signature.objects.filter(volunteer=volunteer).update(signed_at=timezone.now())
    assert _waiting() == [other]  # the invitation still waits for an answer


def _imported(**user):
    """Imported before this change: an account that never logged in, no consent, a phone
    number on the list, and so set to a phone call."""
    return VolunteerFactory(
        user=UserFactory(phone="912 34 567", **user), consented=False, contact_by=ContactBy.PHONE
    )


def test_the_migration_moves_only_those_who_provably_never_chose_to_email(coordinator_lom):
    imported = _imported()
    logged_in = _imported(last_login=timezone.now())  # may have chosen on their page
    consented = VolunteerFactory(contact_by=ContactBy.PHONE)  # registered themselves
    by_phone = VolunteerFactory(user=None, name="Olav", phone="612 11 222",
                                contact_by=ContactBy.PHONE, consented=False)  # fmt: skip
    set_by_coordinator = _imported()
    record(coordinator_lom, "changed", set_by_coordinator, code="volunteer.details_changed",
           params={"fields": ["area", "contact_by"]})  # fmt: skip
    other_change = _imported()
    record(coordinator_lom, "changed", other_change, code="volunteer.details_changed",
           params={"fields": ["area"]})  # fmt: skip
    texted = VolunteerFactory(contact_by=ContactBy.SMS, consented=False)

    migration = importlib.import_module("volunteers.migrations.0014_imported_volunteers_read_email")
    migration.imported_volunteers_read_email(apps, None)

    def now(volunteer):
        volunteer.refresh_from_db()
        return volunteer.contact_by

    assert now(imported) == now(other_change) == ContactBy.EMAIL
    assert now(logged_in) == now(consented) == now(by_phone) == ContactBy.PHONE
    assert now(set_by_coordinator) == ContactBy.PHONE
    assert now(texted) == ContactBy.SMS
