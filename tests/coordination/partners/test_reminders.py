"""The daily agreement reminders: 30 and 7 days before an agreement's review date and end
date, to the municipality's coordinators in their own language, each reminder once."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail

from coordination.models import AgreementParty, AgreementReminder, CooperationAgreement, Role
from coordination.partners.tasks import send_agreement_reminders
from tests.factories import MembershipFactory, PartnerOrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

OSLO = ZoneInfo("Europe/Oslo")
REVIEW = datetime.date(2027, 3, 31)
END = datetime.date(2027, 6, 30)


def run_on(day: datetime.date) -> int:
    mail.outbox.clear()
    with time_machine.travel(
        datetime.datetime.combine(day, datetime.time(7, 10), OSLO), tick=False
    ):
        return send_agreement_reminders.delay().get()


@pytest.fixture
def agreement(coordinator_lom):
    """An active agreement in Lom; Lom also has an English-speaking coordinator."""
    MembershipFactory(
        user=UserFactory(full_name="Emma Smith", preferred_language="en"), role=Role.COORDINATOR
    )
    agreement = CooperationAgreement.objects.create(
        municipality_id="3434", title="Samarbeidsavtale med Lom frivilligsentral",
        purpose="Besøksvenner", status="active", starts_on=datetime.date(2026, 1, 1),
        review_on=REVIEW, ends_on=END,
    )  # fmt: skip
    AgreementParty.objects.create(agreement=agreement, organisation=PartnerOrganisationFactory())
    return agreement


def _to(user):
    return [m for m in mail.outbox if m.to == [user.email]]


def test_review_reminder_30_days_before_once_in_each_coordinators_language(
    agreement, coordinator_lom
):
    assert run_on(REVIEW - datetime.timedelta(days=31)) == 0
    assert mail.outbox == []
    assert run_on(REVIEW - datetime.timedelta(days=30)) == 1
    [bokmal] = _to(coordinator_lom)
    assert bokmal.subject == (
        "[Samspill] Samarbeidsavtaler som skal gjennomgås eller fornyes i Lom"
    )
    assert "skal gjennomgås innen 31. mars 2027 (om 30 dager)" in bokmal.body
    assert f"/coordination/3434/partners/agreements/{agreement.pk}/" in bokmal.body
    [english] = [m for m in mail.outbox if m is not bokmal]
    assert english.subject == "[Samspill] Cooperation agreements to review or renew in Lom"
    assert "to be reviewed by March 31, 2027 (in 30 days)" in english.body
    # Once: the next days send nothing until the 7-day reminder.
    assert run_on(REVIEW - datetime.timedelta(days=29)) == 0
    assert run_on(REVIEW - datetime.timedelta(days=8)) == 0
    assert run_on(REVIEW - datetime.timedelta(days=7)) == 1
    assert "(om 7 dager)" in _to(coordinator_lom)[0].body
    assert run_on(REVIEW - datetime.timedelta(days=7)) == 0  # the job ran twice that day
    assert AgreementReminder.objects.filter(occasion="review").count() == 2


def test_end_reminders_30_and_7_days_before(agreement, coordinator_lom):
    run_on(END - datetime.timedelta(days=30))
    assert "utløper 30. juni 2027 (om 30 dager)" in _to(coordinator_lom)[0].body
    run_on(END - datetime.timedelta(days=7))
    assert "utløper 30. juni 2027 (om 7 dager)" in _to(coordinator_lom)[0].body
    assert AgreementReminder.objects.filter(occasion="end").count() == 2


def test_a_missed_day_still_sends_the_reminder_once(agreement):
    assert run_on(REVIEW - datetime.timedelta(days=20)) == 1  # the 30-day one, late
    assert all("20" in m.body for m in mail.outbox) and len(mail.outbox) == 2
    assert run_on(REVIEW - datetime.timedelta(days=19)) == 0


def test_a_new_review_date_is_reminded_about_again(agreement):
    run_on(REVIEW - datetime.timedelta(days=30))
    agreement.review_on = REVIEW + datetime.timedelta(days=14)
    agreement.save()
    assert run_on(REVIEW - datetime.timedelta(days=16)) == 1


def test_drafts_and_ended_agreements_are_not_reminded_about(agreement):
    for status in ("draft", "ended"):
        CooperationAgreement.objects.update(status=status)
        assert run_on(REVIEW - datetime.timedelta(days=30)) == 0
    assert mail.outbox == []


def test_the_job_is_scheduled_daily(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["send-agreement-reminders"]
    assert entry["task"] == "coordination.partners.tasks.send_agreement_reminders"
    assert send_agreement_reminders.name == entry["task"]
