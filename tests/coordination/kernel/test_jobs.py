"""Background jobs re-check the requesting person's permission in the worker."""

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from coordination.celery import app as celery_app
from coordination.kernel.models import AuditEvent, Membership, Role
from coordination.kernel.tasks import notify_role_added
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_giving_a_role_emails_the_person_in_their_language(
    client_of, coordinator_lom, django_capture_on_commit_callbacks
):
    person = UserFactory(full_name="Per Haugen", preferred_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        client_of(coordinator_lom).post(
            reverse("coordination:membership_add", args=["3434"]),
            {"email": person.email, "role": Role.VOLUNTEER_CONTACT},
        )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [person.email]
    assert message.subject == "[Samspill] You have a new role in Lom"
    assert 'Ingrid Bakken has given you the role "Volunteer contact" in Lom' in message.body
    assert settings.SITE_URL + "/my/" in message.body
    # whom a reply reaches is named, and the Reply-To says the same (issue 13)
    assert "reply to this email: the reply goes to Ingrid Bakken" in message.body
    assert message.reply_to == [f"Ingrid Bakken <{coordinator_lom.email}>"]


def test_no_email_when_the_change_is_rolled_back(client_of, coordinator_lom):
    """The job is sent on commit; a refused change sends nothing."""
    client_of(coordinator_lom).post(
        reverse("coordination:membership_add", args=["3434"]),
        {"email": "nobody@samspill.example", "role": Role.VOLUNTEER_CONTACT},
    )
    assert mail.outbox == []


def test_forged_job_for_another_municipality_is_refused_and_audited(
    coordinator_drammen, volunteer_contact_lom
):
    lom_membership = Membership.objects.get(user=volunteer_contact_lom)
    with pytest.raises(PermissionDenied):
        notify_role_added.delay(
            requested_by=coordinator_drammen.pk, municipality="3434", membership=lom_membership.pk
        )
    assert mail.outbox == []
    refusal = AuditEvent.objects.get(verb="refused")
    assert (refusal.municipality_id, refusal.actor) == ("3434", coordinator_drammen)


def test_forged_job_naming_an_object_of_another_municipality_finds_nothing(
    coordinator_lom, coordinator_drammen
):
    drammen_membership = Membership.objects.get(user=coordinator_drammen)
    with pytest.raises(Http404):
        notify_role_added.delay(
            requested_by=coordinator_lom.pk, municipality="3434", membership=drammen_membership.pk
        )
    assert mail.outbox == []


def test_job_refused_when_the_requester_lost_the_role_meanwhile(coordinator_lom):
    given = MembershipFactory(role=Role.VOLUNTEER_CONTACT)
    Membership.objects.filter(user=coordinator_lom).delete()
    with pytest.raises(PermissionDenied):
        notify_role_added.delay(
            requested_by=coordinator_lom.pk, municipality="3434", membership=given.pk
        )


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_runs_allowed_jobs_and_refuses_forged_ones(
    coordinator_lom, coordinator_drammen
):
    if settings.CELERY_TASK_ALWAYS_EAGER:
        pytest.skip("needs a broker: set CELERY_BROKER_URL (CI does)")
    given = MembershipFactory(role=Role.VOLUNTEER_CONTACT, user=UserFactory(full_name="Olav Moen"))
    celery_app.control.purge()
    with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        allowed = notify_role_added.delay(
            requested_by=coordinator_lom.pk, municipality="3434", membership=given.pk
        )
        assert allowed.get(timeout=20) == given.user.email
        forged = notify_role_added.delay(
            requested_by=coordinator_drammen.pk, municipality="3434", membership=given.pk
        )
        with pytest.raises(Exception, match="may not manage_roles"):
            forged.get(timeout=20)
    assert [m.to for m in mail.outbox] == [[given.user.email]]
    assert AuditEvent.objects.filter(verb="refused", actor=coordinator_drammen).count() == 1
