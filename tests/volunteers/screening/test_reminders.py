"""The daily reminders: police certificates due for renewal and declarations left unsigned; each
sent once, not before time, in the recipient's language."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.core.mail.backends import locmem
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coordination.kernel import languages
from coordination.models import Role
from tests.factories import (
    MembershipFactory,
    UserFactory,
    VolunteerFactory,
    VolunteerRoleFactory,
    municipality,
)
from volunteers.models import CertificateCheck, ReminderSent, RoleHolder, Signature
from volunteers.profile import services
from volunteers.screening import reminders
from volunteers.screening.tasks import send_screening_reminders

pytestmark = pytest.mark.django_db

OSLO = ZoneInfo("Europe/Oslo")
RENEW_BY = datetime.date(2027, 3, 31)
TEXT = "Jeg lover å ikke fortelle andre det jeg får vite om dem jeg hjelper, heller ikke senere."


def at(day: datetime.date, hour: int = 7):
    """The clock at the job's time on ``day``, in Oslo."""
    moment = datetime.datetime.combine(day, datetime.time(hour), OSLO)
    return time_machine.travel(moment, tick=False)


def run_on(day: datetime.date) -> dict:
    mail.outbox.clear()
    with at(day):
        return send_screening_reminders()


def _to(address: str) -> list:
    return [m for m in mail.outbox if m.to == [address]]


@pytest.fixture
def certificate(coordinator_lom):
    """An English-speaking volunteer in a role whose approved certificate must be renewed by
    31 March 2027; the Lom coordinator speaks bokmål."""
    role = VolunteerRoleFactory(name="Besøksvenn", certificate_kinds=["ordinary"])
    volunteer = VolunteerFactory(user=UserFactory(full_name="Nils Brimi", preferred_language="en"))
    holder = RoleHolder.objects.create(volunteer=volunteer, role=role)
    return CertificateCheck.objects.create(
        holder=holder, kind="ordinary", presented_on=datetime.date(2024, 3, 31), approved=True,
        renew_by=RENEW_BY, checked_by=coordinator_lom,
    )  # fmt: skip


def test_certificate_reminder_goes_out_once_30_days_before_in_the_volunteers_language(
    certificate, coordinator_lom
):
    volunteer = certificate.holder.volunteer.user
    assert run_on(RENEW_BY - datetime.timedelta(days=31))["certificates"] == 0
    assert mail.outbox == []

    assert run_on(RENEW_BY - datetime.timedelta(days=30))["certificates"] == 1
    [to_volunteer] = _to(volunteer.email)
    assert to_volunteer.subject == (
        "[Samspill] Your police certificate for Besøksvenn is due for renewal"
    )
    assert "must be renewed by March 31, 2027." in to_volunteer.body
    assert "politiet.no" in to_volunteer.body
    [digest] = _to(coordinator_lom.email)
    assert digest.subject == "[Samspill] Politiattester som må fornyes i Lom"
    assert "Nils Brimi, Besøksvenn: fornyes innen 31. mars 2027" in digest.body
    assert f"/coordination/3434/volunteers/{certificate.holder.volunteer_id}/" in digest.body
    assert ReminderSent.objects.filter(key=f"certificate:{certificate.pk}:2027-03-31").exists()

    for later in (0, 1, 40):
        run_on(RENEW_BY - datetime.timedelta(days=30) + datetime.timedelta(days=later))
        assert mail.outbox == [], later


def test_a_certificate_already_overdue_is_reminded_once(certificate, coordinator_lom):
    run_on(RENEW_BY + datetime.timedelta(days=3))
    [to_volunteer] = _to(certificate.holder.volunteer.user.email)
    assert "should have been renewed by" in to_volunteer.body
    run_on(RENEW_BY + datetime.timedelta(days=4))
    assert mail.outbox == []


def test_renewing_the_certificate_moves_the_reminder_to_the_new_date(certificate, coordinator_lom):
    CertificateCheck.objects.create(
        holder=certificate.holder, kind="ordinary", presented_on=datetime.date(2027, 3, 1),
        approved=True, renew_by=datetime.date(2030, 3, 1),
    )  # fmt: skip
    assert run_on(RENEW_BY)["certificates"] == 0
    assert mail.outbox == []
    assert run_on(datetime.date(2030, 2, 1))["certificates"] == 1


def test_no_certificate_reminder_after_leaving_or_when_the_role_needs_none(
    certificate, coordinator_lom
):
    holder = certificate.holder
    holder.role.requires_certificate = False
    holder.role.save()
    assert run_on(RENEW_BY)["certificates"] == 0
    holder.role.requires_certificate = True
    holder.role.save()
    holder.volunteer.left_at = datetime.datetime(2027, 1, 1, tzinfo=OSLO)
    holder.volunteer.save()
    assert run_on(RENEW_BY)["certificates"] == 0
    assert mail.outbox == []


def test_the_digest_goes_to_each_municipalitys_own_coordinators(
    certificate, coordinator_lom, coordinator_drammen
):
    second = MembershipFactory(
        municipality=municipality("3434"), role=Role.COORDINATOR,
        user=UserFactory(preferred_language="en"),
    )  # fmt: skip
    MembershipFactory(municipality=municipality("3434"), role=Role.VOLUNTEER_CONTACT)
    run_on(RENEW_BY)
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted(
        [certificate.holder.volunteer.user.email, coordinator_lom.email, second.user.email]
    )
    [english_digest] = _to(second.user.email)
    assert english_digest.subject == "[Samspill] Police certificates due for renewal in Lom"


def test_a_failed_send_is_tried_again_the_next_day(certificate, coordinator_lom, monkeypatch):
    def fail(*args, **kwargs):
        raise ConnectionError("mail server down")

    # The volunteers' reminders go out together, over one connection; the digest alone.
    monkeypatch.setattr(locmem.EmailBackend, "send_messages", fail)
    with pytest.raises(ConnectionError), at(RENEW_BY):
        send_screening_reminders()
    assert not ReminderSent.objects.exists()
    monkeypatch.undo()
    assert run_on(RENEW_BY + datetime.timedelta(days=1))["certificates"] == 1


# --- The confidentiality declaration --------------------------------------------------------


@pytest.fixture
def published(lom, coordinator_lom):
    with at(datetime.date(2026, 11, 2), hour=12):
        old = VolunteerFactory(user=UserFactory(full_name="Astrid Rustad", preferred_language="nb"))
        english = VolunteerFactory(user=UserFactory(full_name="Tor Vole", preferred_language="en"))
        signed = VolunteerFactory()
        text = services.publish_declaration(municipality=lom, body=TEXT, by=coordinator_lom)
        Signature.objects.create(volunteer=signed, text=text)
    return {"text": text, "nb": old, "en": english, "signed": signed}


def test_unsigned_declaration_is_reminded_once_a_week_after_publishing(published):
    assert run_on(datetime.date(2026, 11, 9))["declarations"] == 0  # 6 days and 19 hours
    assert run_on(datetime.date(2026, 11, 10))["declarations"] == 2
    [bokmal] = _to(published["nb"].user.email)
    assert bokmal.subject == "[Samspill] Skriv under taushetserklæringen for Lom"
    assert "versjon 1" in bokmal.body
    [english] = _to(published["en"].user.email)
    assert english.subject == "[Samspill] Please sign the confidentiality declaration for Lom"
    assert settings.SITE_URL + "/volunteer/declaration/" in english.body
    assert _to(published["signed"].user.email) == []
    key = f"declaration:{published['nb'].pk}:{published['text'].pk}"
    assert ReminderSent.objects.filter(key=key).exists()
    assert run_on(datetime.date(2026, 11, 11))["declarations"] == 0


def test_a_new_version_is_reminded_again_and_those_who_left_are_not(
    published, lom, coordinator_lom
):
    run_on(datetime.date(2026, 11, 10))
    leaving = published["en"]
    leaving.left_at = datetime.datetime(2026, 11, 12, tzinfo=OSLO)
    leaving.save()
    with at(datetime.date(2026, 11, 15)):
        services.publish_declaration(municipality=lom, body=TEXT + " Ny.", by=coordinator_lom)
    assert run_on(datetime.date(2026, 11, 21))["declarations"] == 0
    assert run_on(datetime.date(2026, 11, 23))["declarations"] == 2  # Astrid and the signer
    assert _to(leaving.user.email) == []


def test_someone_who_registered_this_week_gets_a_week_too(published):
    with at(datetime.date(2026, 11, 9)):
        newcomer = VolunteerFactory()
    run_on(datetime.date(2026, 11, 10))
    assert _to(newcomer.user.email) == []
    run_on(datetime.date(2026, 11, 17))
    assert len(_to(newcomer.user.email)) == 1


def test_each_unsigned_volunteer_is_reminded_once_across_batches(published, monkeypatch):
    monkeypatch.setattr(reminders, "BATCH_SIZE", 2)
    with at(datetime.date(2026, 11, 2), hour=12):
        others = [VolunteerFactory() for _ in range(3)]
    assert run_on(datetime.date(2026, 11, 10))["declarations"] == 5
    for volunteer in [published["nb"], published["en"], *others]:
        assert len(_to(volunteer.user.email)) == 1
    assert run_on(datetime.date(2026, 11, 11))["declarations"] == 0
    assert mail.outbox == []


def test_a_reminder_noted_meanwhile_is_not_sent_again(published):
    """A second run at the same moment: the keys it notes first are skipped by this one."""
    text, nb, en = published["text"], published["nb"], published["en"]
    due = [nb, en]
    for volunteer in due:
        volunteer.reminder_key = f"declaration:{volunteer.pk}:{text.pk}"
    ReminderSent.objects.create(key=nb.reminder_key)
    sent: list = []
    count = reminders.remind_each_once(
        due, key=lambda v: v.reminder_key, record=reminders._note_new, send=sent.extend
    )
    assert (count, sent) == (1, [en])


def _queries_of_a_run(day: datetime.date) -> tuple[int, int]:
    mail.outbox.clear()
    languages.language_of_municipality("3434")  # cached an hour: the first run may fill it
    with at(day), CaptureQueriesContext(connection) as queries:
        sent = send_screening_reminders()["declarations"]
    return sent, len(queries)


def test_the_job_costs_the_same_queries_for_few_or_many_due(lom, coordinator_lom):
    """Set-based: one query finds who is due, one statement notes them, one connection sends."""
    with at(datetime.date(2026, 11, 2), hour=12):
        for _ in range(3):
            VolunteerFactory()
        services.publish_declaration(municipality=lom, body=TEXT, by=coordinator_lom)
    few = _queries_of_a_run(datetime.date(2026, 11, 10))
    with at(datetime.date(2026, 11, 11), hour=12):
        for _ in range(25):
            VolunteerFactory()
        services.publish_declaration(municipality=lom, body=TEXT + " Ny.", by=coordinator_lom)
    many = _queries_of_a_run(datetime.date(2026, 11, 19))
    assert (few[0], many[0]) == (3, 28)
    assert few[1] == many[1]
    assert len(mail.outbox) == 28


def test_the_job_runs_every_morning():
    entry = next(
        e
        for e in settings.CELERY_BEAT_SCHEDULE.values()
        if e["task"] == "volunteers.screening.tasks.send_screening_reminders"
    )
    assert (entry["schedule"].hour, entry["schedule"].minute) == ({7}, {0})
