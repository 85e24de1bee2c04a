"""Reaching volunteers the way they chose: a text message for those who chose SMS, the call list
for those who chose a phone call or whose text could not be sent; the coordinator records a
JA/NEI given by SMS or phone and marks calls done, both in the audit log."""

import datetime

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import translation

from coordination.kernel import sms
from coordination.kernel.models import AuditEvent, SmsMessage
from tests.factories import InvitationFactory, UserFactory, VolunteerFactory
from tests.volunteers.screening.test_reminders import run_on
from volunteers.calls.models import CallReason, PhoneCall
from volunteers.models import Assignment, ContactBy, Interest, InvitationStatus
from volunteers.needs.tasks import send_invitation
from volunteers.profile import services as profile_services

pytestmark = pytest.mark.django_db


def _volunteer(contact_by, phone="912 34 567", language="en", **user):
    return VolunteerFactory(
        contact_by=contact_by,
        user=UserFactory(phone=phone, preferred_language=language, **user),
    )


def _invite(coordinator, volunteer, django_capture_on_commit_callbacks):
    invitation = InvitationFactory(volunteer=volunteer, invited_by=coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        send_invitation(requested_by=coordinator.pk, municipality="3434", invitation=invitation.pk)
    return invitation


def test_a_volunteer_who_chose_sms_gets_the_invitation_by_text_in_their_language(
    coordinator_lom, django_capture_on_commit_callbacks
):
    coordinator_lom.phone = "61 21 12 34"
    coordinator_lom.save()
    volunteer = _volunteer(ContactBy.SMS)
    invitation = _invite(coordinator_lom, volunteer, django_capture_on_commit_callbacks)
    [message] = SmsMessage.objects.all()
    assert message.status == SmsMessage.Status.SENT and message.to == "+4791234567"
    assert message.purpose == "needs.invitation" and message.recipient == volunteer.user
    url = settings.SITE_URL + reverse("volunteers:invitation", args=[invitation.pk])
    assert url in message.text and "YES or NO" in message.text
    assert "61 21 12 34" in message.text  # whom to call instead
    assert invitation.need.person_name not in message.text  # never the person
    assert len(message.text) <= sms.MAX_LENGTH
    assert mail.outbox == [] and not PhoneCall.objects.exists()


def test_the_text_is_in_nynorsk_for_a_volunteer_in_lom_who_has_not_chosen(
    coordinator_lom, django_capture_on_commit_callbacks
):
    volunteer = _volunteer(ContactBy.SMS, language="")
    _invite(coordinator_lom, volunteer, django_capture_on_commit_callbacks)
    with translation.override("nn"):
        kind = str(Interest.VISITING_FRIEND.label)
    with translation.override("nb"):
        assert str(Interest.VISITING_FRIEND.label) != kind  # the test can tell them apart
    assert kind in SmsMessage.objects.get().text


def test_a_volunteer_who_chose_sms_without_a_mobile_gets_the_email(
    coordinator_lom, django_capture_on_commit_callbacks
):
    volunteer = _volunteer(ContactBy.SMS, phone="61 21 12 34")
    _invite(coordinator_lom, volunteer, django_capture_on_commit_callbacks)
    assert not SmsMessage.objects.exists()
    assert [m.to for m in mail.outbox] == [[volunteer.user.email]]


def test_a_volunteer_who_chose_a_phone_call_is_on_the_call_list_and_keeps_the_email(
    coordinator_lom, client_of, django_capture_on_commit_callbacks
):
    volunteer = _volunteer(ContactBy.PHONE, full_name="Olav Bøverdal")
    invitation = _invite(coordinator_lom, volunteer, django_capture_on_commit_callbacks)
    call = PhoneCall.objects.get()
    assert (call.reason, call.invitation, call.volunteer) == (
        CallReason.INVITATION, invitation, volunteer,
    )  # fmt: skip
    assert [m.to for m in mail.outbox] == [[volunteer.user.email]]
    page = client_of(coordinator_lom, language="en").get(
        reverse("volunteers:call_list", args=["3434"])
    )
    html = page.content.decode()
    assert "Olav Bøverdal" in html and 'href="tel:+4791234567"' in html
    assert "Ask whether they can help" in html
    answer = reverse("volunteers:invitation_answer", args=["3434", invitation.pk])
    assert f"{answer}?from=calls" in html


def test_the_coordinator_records_a_yes_given_by_sms_and_the_call_leaves_the_list(
    coordinator_lom, client_of, django_capture_on_commit_callbacks
):
    volunteer = _volunteer(ContactBy.PHONE)
    invitation = _invite(coordinator_lom, volunteer, django_capture_on_commit_callbacks)
    client = client_of(coordinator_lom, language="en")
    url = reverse("volunteers:invitation_answer", args=["3434", invitation.pk])
    assert client.get(url).status_code == 200
    response = client.post(f"{url}?from=calls", {"answer": "accept", "channel": "sms"})
    assert response.url == reverse("volunteers:call_list", args=["3434"])
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ACCEPTED and invitation.answered_at
    assert Assignment.objects.filter(need=invitation.need, volunteer=volunteer).exists()
    event = AuditEvent.objects.get(code="invitation.answered_for")
    assert event.actor == coordinator_lom
    assert event.params == {"answer": "accept", "channel": "sms"}
    assert not PhoneCall.objects.in_municipality("3434").waiting().exists()
    again = client.post(url, {"answer": "decline", "channel": "phone"})
    assert "already answered" in again.content.decode()


def test_recording_an_answer_without_choosing_says_what_is_missing(coordinator_lom, client_of):
    invitation = InvitationFactory(volunteer=_volunteer(ContactBy.PHONE))
    url = reverse("volunteers:invitation_answer", args=["3434", invitation.pk])
    response = client_of(coordinator_lom, language="en").post(url, {"answer": "accept"})
    assert "Choose how the volunteer gave the answer." in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING


def test_another_municipality_cannot_answer_for_lom_or_see_its_calls(
    coordinator_drammen, client_of
):
    invitation = InvitationFactory(volunteer=_volunteer(ContactBy.PHONE))
    call = PhoneCall.objects.create(
        municipality_id="3434", volunteer=invitation.volunteer, reason=CallReason.DECLARATION
    )
    client = client_of(coordinator_drammen)
    answer = reverse("volunteers:invitation_answer", args=["3434", invitation.pk])
    assert client.post(answer, {"answer": "accept", "channel": "sms"}).status_code in (403, 404)
    assert client.post(reverse("volunteers:call_done", args=["3434", call.pk])).status_code in (
        403, 404,
    )  # fmt: skip
    call.refresh_from_db()
    invitation.refresh_from_db()
    assert call.done_at is None and invitation.status == InvitationStatus.PENDING


def test_marking_a_call_done_is_audited_and_takes_it_off_the_list(coordinator_lom, client_of):
    volunteer = _volunteer(ContactBy.PHONE, full_name="Kari Nordal")
    call = PhoneCall.objects.create(
        municipality_id="3434", volunteer=volunteer, reason=CallReason.DECLARATION
    )
    client = client_of(coordinator_lom, language="en")
    client.post(reverse("volunteers:call_done", args=["3434", call.pk]))
    call.refresh_from_db()
    assert call.done_by == coordinator_lom and call.done_at is not None
    assert AuditEvent.objects.get(code="call.done").message == (
        "Phone call made: Confidentiality declaration not signed"
    )
    html = client.get(reverse("volunteers:call_list", args=["3434"])).content.decode()
    assert "Kari Nordal" not in html and "Nobody to phone right now." in html


def test_the_call_list_is_paginated(coordinator_lom, client_of):
    volunteer = _volunteer(ContactBy.PHONE)
    PhoneCall.objects.bulk_create(
        PhoneCall(municipality_id="3434", volunteer=volunteer, reason=CallReason.DECLARATION)
        for _ in range(30)
    )
    client = client_of(coordinator_lom, language="en")
    url = reverse("volunteers:call_list", args=["3434"])
    first = client.get(url).content.decode()
    assert first.count('class="card mb-3"') == 25 and "Page 1 of 2" in first
    assert client.get(url + "?page=2").content.decode().count('class="card mb-3"') == 5


def test_a_text_message_given_up_puts_the_volunteer_on_the_call_list(
    coordinator_lom, client_of, django_capture_on_commit_callbacks, settings
):
    settings.SMS_BACKEND = "http"
    settings.SMS_HTTP_URL = "http://127.0.0.1:1/unreachable"  # nothing listens: refused at once
    volunteer = _volunteer(ContactBy.SMS, full_name="Per Fossheim")
    _invite(coordinator_lom, volunteer, django_capture_on_commit_callbacks)
    message = SmsMessage.objects.get()
    SmsMessage.objects.filter(pk=message.pk).update(attempts=sms.MAX_ATTEMPTS - 1)
    SmsMessage.objects.filter(pk=message.pk).update(
        next_attempt_at=message.created_at - datetime.timedelta(minutes=1)
    )
    assert sms.attempt(message.pk) == SmsMessage.Status.FAILED
    call = PhoneCall.objects.get(reason=CallReason.SMS_FAILED)
    assert call.sms == message and call.volunteer == volunteer
    html = (
        client_of(coordinator_lom, language="en")
        .get(reverse("volunteers:call_list", args=["3434"]))
        .content.decode()
    )
    assert "Per Fossheim" in html and "could not be sent" in html


def test_the_dashboard_leads_to_the_call_list(coordinator_lom, volunteer_contact_lom, client_of):
    PhoneCall.objects.create(
        municipality_id="3434", volunteer=_volunteer(ContactBy.PHONE), reason="declaration"
    )
    url = reverse("volunteers:call_list", args=["3434"])
    dashboard = reverse("coordination:overview", args=["3434"])
    html = client_of(coordinator_lom, language="en").get(dashboard).content.decode()
    assert url in html and "people to phone instead of writing to" in html
    assert url not in client_of(volunteer_contact_lom).get(dashboard).content.decode()


# --- reminders ------------------------------------------------------------------------------


def test_declaration_reminders_go_by_text_or_onto_the_call_list_as_chosen(lom, coordinator_lom):
    from tests.volunteers.screening.test_reminders import TEXT, at

    with at(datetime.date(2026, 11, 2), hour=12):
        by_sms = _volunteer(ContactBy.SMS)
        by_phone = _volunteer(ContactBy.PHONE, phone="912 34 568")
        by_email = _volunteer(ContactBy.EMAIL, phone="")
        profile_services.publish_declaration(municipality=lom, body=TEXT, by=coordinator_lom)
    assert run_on(datetime.date(2026, 11, 10))["declarations"] == 3
    [text] = SmsMessage.objects.all()
    assert text.recipient == by_sms.user and "confidentiality declaration" in text.text
    assert settings.SITE_URL + reverse("volunteers:declaration") in text.text
    [call] = PhoneCall.objects.all()
    assert (call.volunteer, call.reason) == (by_phone, CallReason.DECLARATION)
    recipients = sorted(to for m in mail.outbox for to in m.to)
    assert recipients == sorted([by_phone.user.email, by_email.user.email])


# --- volunteers registered by phone, without a login ----------------------------------------


def _by_phone(coordinator, contact_by, phone="912 34 567"):
    from tests.volunteers.registry.test_by_hand import DETAILS
    from volunteers.registry.services import by_hand

    return by_hand.register_by_phone(
        municipality=coordinator.memberships.get().municipality,
        by=coordinator,
        details={**DETAILS, "phone": phone, "contact_by": contact_by},
        interests=["visiting_friend"],
        consent_given=True,
    )


def test_a_volunteer_without_a_login_is_texted_at_the_recorded_number_in_nynorsk(
    coordinator_lom, django_capture_on_commit_callbacks
):
    coordinator_lom.phone = "61 21 12 34"
    coordinator_lom.save()
    volunteer = _by_phone(coordinator_lom, ContactBy.SMS)
    assert volunteer.user is None
    invitation = _invite(coordinator_lom, volunteer, django_capture_on_commit_callbacks)
    [message] = SmsMessage.objects.all()
    assert message.to == "+4791234567" and message.recipient is None
    assert reverse("volunteers:invitation", args=[invitation.pk]) not in message.text  # no login
    assert "61 21 12 34" in message.text  # they answer by phone
    with translation.override("nn"):
        assert str(Interest.VISITING_FRIEND.label) in message.text  # Lom writes nynorsk


def test_a_volunteer_without_a_login_who_chose_a_call_is_on_the_call_list(
    coordinator_lom, django_capture_on_commit_callbacks
):
    volunteer = _by_phone(coordinator_lom, ContactBy.PHONE)
    invitation = _invite(coordinator_lom, volunteer, django_capture_on_commit_callbacks)
    [call] = PhoneCall.objects.all()
    assert (call.volunteer, call.invitation) == (volunteer, invitation)
    assert mail.outbox == [] and not SmsMessage.objects.exists()


def test_a_text_given_up_for_a_volunteer_without_a_login_puts_them_on_the_call_list(
    coordinator_lom,
):
    volunteer = _by_phone(coordinator_lom, ContactBy.SMS, phone="+47 912 34 567")
    message = SmsMessage.objects.create(
        municipality_id="3434", to="+4791234567", text="Hei", status=SmsMessage.Status.FAILED
    )
    from volunteers.calls.services import add_call_for_failed_sms

    call = add_call_for_failed_sms(message)
    assert call is not None and call.volunteer == volunteer


def test_matching_proposes_a_volunteer_registered_by_phone(coordinator_lom):
    from tests.factories import NeedFactory
    from volunteers.matching.ranking import propose_for_need

    volunteer = _by_phone(coordinator_lom, ContactBy.PHONE)
    proposed = [p.volunteer for p in propose_for_need(NeedFactory(area="Bøverdalen"))]
    assert volunteer in proposed
