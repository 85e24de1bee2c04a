"""The audit log stores a code and parameters and says them in the reader's language; old
sentences are mapped to codes; an anonymised volunteer is no longer named in it."""

import importlib
import re
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.urls import reverse
from django.utils import translation

from coordination.kernel import audit
from coordination.kernel.models import AuditEvent
from tests.factories import UserFactory, VolunteerFactory
from volunteers.leaving import services as leaving

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[3]


def test_an_event_is_stored_as_a_code_and_read_in_the_readers_language(coordinator_lom, lom):
    event = audit.record(coordinator_lom, "changed", lom, code="need.invited", params={"count": 3})
    event.refresh_from_db()
    assert (event.code, event.params, event.summary) == ("need.invited", {"count": 3}, "")
    with translation.override("nb"):
        assert event.message == "3 frivillige invitert"
    with translation.override("en"):
        assert event.message == "3 volunteers invited"
    one = audit.record(coordinator_lom, "changed", lom, code="need.invited", params={"count": 1})
    with translation.override("nb"):
        assert one.message == "1 frivillig invitert"


def test_the_log_page_shows_the_sentence_in_the_coordinators_language(
    client_of, coordinator_lom, lom
):
    audit.record(coordinator_lom, "changed", lom, code="hours.km_rate",
                 params={"before": "3.50", "after": "4.25"})  # fmt: skip
    url = reverse("coordination:audit_log", args=["3434"])
    html = client_of(coordinator_lom).get(url, HTTP_ACCEPT_LANGUAGE="nb").content.decode()
    assert "Kilometersats endret fra 3,50 til 4,25" in html
    assert "Kilometre rate" not in html


def test_an_unknown_code_is_refused(coordinator_lom, lom):
    with pytest.raises(ValueError):
        audit.record(coordinator_lom, "viewed", lom, code="volunteer.peeked")


def test_every_code_the_code_base_records_has_a_sentence():
    sources = [*ROOT.glob("coordination/**/*.py"), *ROOT.glob("volunteers/**/*.py"),
               *ROOT.glob("activities/**/*.py"), *ROOT.glob("grants/**/*.py")]  # fmt: skip
    used = set()
    for path in sources:
        if "migrations" in path.parts:
            continue
        used |= set(re.findall(r'code="([a-z_]+\.[a-z_]+)"', path.read_text(encoding="utf-8")))
        used |= set(re.findall(r'"(assignment\.[a-z_]+)"', path.read_text(encoding="utf-8")))
    assert used, "no audit codes found: the pattern is out of date"
    assert used - set(audit.MESSAGES) == set()
    migration = importlib.import_module("coordination.migrations.0010_audit_codes")
    mapped = {*migration.FIXED.values(), *(code for _, code in migration.PATTERNS)}
    assert mapped - set(audit.MESSAGES) == set()


def _migrate_old_events():
    module = importlib.import_module("coordination.migrations.0010_audit_codes")
    module.codes_for_old_events(django_apps, None)


def test_old_english_and_bokmal_sentences_become_codes_and_others_keep_their_text(
    coordinator_lom, lom
):
    old = {
        "3 volunteer(s) invited": ("need.invited", {"count": 3}),
        "timer godkjent": ("hours.approved", {}),
        "kilometersats endret fra 3,50 til 4,25": (
            "hours.km_rate", {"before": "3.50", "after": "4.25"}),
        "step: mapped": ("need.step", {"step": "mapped"}),
        "agreement active: Fredagstreff": (
            "agreement.status", {"status": "active", "title": "Fredagstreff"}),
        "something nobody wrote a code for": ("", {}),
    }  # fmt: skip
    for summary in old:
        AuditEvent.objects.create(
            municipality=lom, verb="changed", object_type="x.y", summary=summary
        )
    _migrate_old_events()
    for summary, (code, params) in old.items():
        event = AuditEvent.objects.get(summary=summary)
        assert (event.code, event.params) == (code, params), summary
    with translation.override("nb"):
        messages = {e.summary: e.message for e in AuditEvent.objects.all()}
    assert messages["3 volunteer(s) invited"] == "3 frivillige invitert"
    assert messages["step: mapped"] == "Steg: Kartlagt i en samtale"
    assert messages["something nobody wrote a code for"] == "something nobody wrote a code for"


def test_an_anonymised_volunteer_is_no_longer_named_in_the_audit_log(
    client_of, coordinator_lom, lom
):
    person = UserFactory(full_name="Kari Fjellstad", email="kari.fjellstad@example.no")
    volunteer = VolunteerFactory(user=person)
    client = client_of(coordinator_lom)
    client.get(reverse("volunteers:volunteer_detail", args=["3434", volunteer.pk]))
    audit.record(person, "changed", volunteer, code="volunteer.left")  # she acted herself
    audit.record(coordinator_lom, "changed", lom, summary="ringte Kari Fjellstad")  # old text
    assert AuditEvent.objects.filter(params__name="Kari Fjellstad").exists()

    leaving.anonymise_volunteer(volunteer=volunteer, by=coordinator_lom)

    for event in AuditEvent.objects.all():
        stored = f"{event.actor_name} {event.params} {event.summary}"
        assert "Fjellstad" not in stored and "kari.fjellstad" not in stored
    assert not AuditEvent.objects.filter(actor=person).exists()
    html = client.get(reverse("coordination:audit_log", args=["3434"])).content.decode()
    assert "Fjellstad" not in html
    assert "Profilen til en anonymisert person" in html
    assert "ringte en anonymisert person" in html
    # The coordinator who did it is still named: the log keeps who acted on the data.
    assert AuditEvent.objects.filter(actor=coordinator_lom, actor_name="Ingrid Bakken").exists()


def test_deleting_the_account_takes_the_name_out_of_the_log_too(coordinator_lom, lom):
    person = UserFactory(full_name="Bjørn Øvrebø")
    volunteer = VolunteerFactory(user=person)
    audit.record(coordinator_lom, "viewed", volunteer, code="volunteer.viewed",
                 params={"name": str(person)})  # fmt: skip
    audit.record(coordinator_lom, "changed", lom, code="partner.saved",
                 params={"name": "Bjørn Øvrebø"})  # fmt: skip
    person.delete()
    for event in AuditEvent.objects.all():
        assert "Øvrebø" not in f"{event.actor_name} {event.params} {event.summary}"


def test_a_staff_members_own_actions_stay_named(coordinator_lom, lom):
    """Forgetting a person who also holds a role in the municipality keeps what they did as
    staff accountable; only where they are the subject is their name taken out."""
    volunteer = VolunteerFactory(user=coordinator_lom)
    audit.record(coordinator_lom, "changed", lom, code="routine.archived")
    audit.forget_person(
        user=coordinator_lom,
        municipality_id="3434",
        object_type="volunteers.volunteer",
        object_id=str(volunteer.pk),
    )
    assert AuditEvent.objects.get(code="routine.archived").actor_name == "Ingrid Bakken"


def test_a_refused_background_job_is_said_in_words(client_of, coordinator_lom, lom):
    audit.record(coordinator_lom, "refused", municipality=lom, object_type="import_volunteers",
                 code="job.refused", params={"action": "import_volunteers"})  # fmt: skip
    url = reverse("coordination:audit_log", args=["3434"])
    html = client_of(coordinator_lom).get(url).content.decode()
    assert "Bakgrunnsjobb" in html
    assert "import_volunteers" not in html
