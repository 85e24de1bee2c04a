"""The routine binder's rules: versions on every edit, approval by coordinators only, who may
co-author, copying starter routines once, the review reminder, and the staircase evidence."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from coordination.kernel import permissions
from coordination.models import Membership, Role, Routine, RoutineVersion
from coordination.routines import contributions as contrib_routines
from coordination.routines import services
from coordination.routines.permissions import can_edit_routine
from coordination.routines.starters import FOLDER, STARTER_ROUTINES
from tests.factories import MembershipFactory, RoutineFactory, UserFactory, municipality

pytestmark = pytest.mark.django_db

BODY = "1. Ring den frivillige innen en uke.\n2. Avtal en første samtale."


def _new(coordinator, **kwargs):
    fields = {"title": "Velkomst", "body": BODY, "step": 6, "topic": "welcoming", **kwargs}
    return services.create_routine(municipality=municipality("3434"), by=coordinator, **fields)


def test_a_new_routine_is_a_draft_with_version_1_owned_by_its_writer(coordinator_lom):
    routine = _new(coordinator_lom)
    assert (routine.status, routine.version_number, routine.owner) == ("draft", 1, coordinator_lom)
    version = routine.versions.get()
    assert (version.number, version.title, version.body) == (1, "Velkomst", BODY)


@pytest.mark.parametrize("persona", ["volunteer_contact_lom", "officer", "coordinator_drammen"])
def test_only_a_coordinator_of_the_municipality_creates_routines(request, persona):
    with pytest.raises(PermissionDenied):
        _new(request.getfixturevalue(persona))
    assert not Routine.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [({"title": "  "}, "title"), ({"body": ""}, "body"), ({"step": 9}, "step"),
     ({"topic": "gossip"}, "topic"), ({"title": "x" * 201}, "title")],
)  # fmt: skip
def test_create_refuses_what_is_missing_or_unknown(coordinator_lom, fields, field):
    with pytest.raises(ValidationError) as error:
        _new(coordinator_lom, **fields)
    assert field in error.value.message_dict
    assert not Routine.objects.exists()


def test_editing_adds_a_version_and_keeps_the_approved_one_readable(coordinator_lom):
    routine = _new(coordinator_lom)
    services.approve_routine(routine=routine, by=coordinator_lom)
    version = services.edit_routine(
        routine=routine, by=coordinator_lom, title="Velkomst", body=BODY + "\n3. Omvisning.",
        note="Omvisning lagt til.",
    )  # fmt: skip
    routine.refresh_from_db()
    assert (version.number, routine.version_number, routine.status) == (2, 2, "draft")
    assert routine.approved_version.number == 1  # what others still read
    assert list(routine.versions.values_list("number", flat=True)) == [2, 1]
    assert routine.versions.get(number=1).body == BODY  # never changed


def test_an_edit_that_changes_nothing_is_refused(coordinator_lom):
    routine = _new(coordinator_lom)
    with pytest.raises(ValidationError):
        services.edit_routine(routine=routine, by=coordinator_lom, title="Velkomst", body=BODY)
    assert RoutineVersion.objects.count() == 1


def test_approving_approves_the_latest_version_and_sets_the_review_a_year_on(coordinator_lom):
    routine = _new(coordinator_lom)
    services.edit_routine(routine=routine, by=coordinator_lom, title="Velkomst", body="Ny tekst")
    services.approve_routine(routine=routine, by=coordinator_lom)
    routine.refresh_from_db()
    today = timezone.localdate()
    assert routine.status == "approved"
    assert (routine.approved_version.number, routine.approved_by) == (2, coordinator_lom)
    assert routine.next_review == services.add_months(today, 12)
    assert routine.approved_at is not None


@pytest.mark.parametrize("days", [0, -3, 5 * 366])
def test_approval_refuses_a_review_date_not_ahead_or_too_far(coordinator_lom, days):
    routine = _new(coordinator_lom)
    with pytest.raises(ValidationError):
        services.approve_routine(
            routine=routine,
            by=coordinator_lom,
            next_review=timezone.localdate() + datetime.timedelta(days=days),
        )
    routine.refresh_from_db()
    assert routine.status == "draft"


def test_a_co_author_proposes_versions_but_never_approves(coordinator_lom, volunteer_contact_lom):
    routine = _new(coordinator_lom)
    services.set_routine_people(
        routine=routine, by=coordinator_lom, owner=coordinator_lom,
        co_authors=[volunteer_contact_lom],
    )  # fmt: skip
    assert can_edit_routine(volunteer_contact_lom, routine)
    version = services.edit_routine(
        routine=routine, by=volunteer_contact_lom, title="Velkomst", body=BODY + "\nTelefon."
    )
    assert version.changed_by == volunteer_contact_lom
    with pytest.raises(PermissionDenied):
        services.approve_routine(routine=routine, by=volunteer_contact_lom)
    with pytest.raises(PermissionDenied):  # nor move it to another step
        services.edit_routine(
            routine=routine, by=volunteer_contact_lom, title="Velkomst", body="Annet", step=1
        )


def test_a_contact_who_is_not_a_co_author_may_not_edit(coordinator_lom, volunteer_contact_lom):
    routine = _new(coordinator_lom)
    assert not can_edit_routine(volunteer_contact_lom, routine)
    with pytest.raises(PermissionDenied):
        services.edit_routine(routine=routine, by=volunteer_contact_lom, title="X", body="Y")


def test_a_co_author_who_loses_the_role_may_no_longer_edit(coordinator_lom, volunteer_contact_lom):
    routine = _new(coordinator_lom)
    routine.co_authors.add(volunteer_contact_lom)
    Membership.objects.filter(user=volunteer_contact_lom).delete()
    permissions.forget_roles(volunteer_contact_lom)
    assert not can_edit_routine(volunteer_contact_lom, routine)


@pytest.mark.parametrize("persona", ["officer", "reviewer", "volunteer", "coordinator_drammen"])
def test_co_authors_must_be_volunteer_contacts_or_partner_representatives(
    request, coordinator_lom, persona
):
    routine = _new(coordinator_lom)
    person = request.getfixturevalue(persona)
    with pytest.raises(ValidationError) as error:
        services.set_routine_people(
            routine=routine, by=coordinator_lom, owner=coordinator_lom, co_authors=[person]
        )
    assert "co_authors" in error.value.message_dict
    assert person.full_name in error.value.message_dict["co_authors"][0]
    assert not routine.co_authors.exists()


def test_a_partner_representative_can_be_a_co_author(coordinator_lom, applicant):
    routine = _new(coordinator_lom)
    services.set_routine_people(
        routine=routine, by=coordinator_lom, owner=applicant, co_authors=[applicant]
    )
    assert list(routine.co_authors.all()) == [applicant]
    assert routine.owner == applicant


def test_the_owner_must_have_a_role_in_the_municipality(coordinator_lom, volunteer):
    routine = _new(coordinator_lom)
    with pytest.raises(ValidationError) as error:
        services.set_routine_people(
            routine=routine, by=coordinator_lom, owner=volunteer, co_authors=[]
        )
    assert "owner" in error.value.message_dict


def test_nobody_edits_an_archived_routine(coordinator_lom):
    routine = _new(coordinator_lom)
    services.archive_routine(routine=routine, by=coordinator_lom)
    routine.refresh_from_db()
    assert routine.status == "archived"
    assert not can_edit_routine(coordinator_lom, routine)
    with pytest.raises(ValidationError):
        services.approve_routine(routine=routine, by=coordinator_lom)


# --- Starter routines -----------------------------------------------------------------------


def test_the_starter_set_is_complete_in_every_language():
    assert len(STARTER_ROUTINES) >= 10
    keys = [starter.key for starter in STARTER_ROUTINES]
    assert len(set(keys)) == len(keys)
    for starter in STARTER_ROUTINES:
        assert 1 <= starter.step <= 8
        assert starter.topic in dict(Routine._meta.get_field("topic").choices)
        bodies = set()
        for language in ("nb", "nn", "en"):
            assert (FOLDER / language / f"{starter.key}.md").is_file()  # no fallback needed
            title, body = starter.text(language)
            assert title.strip() and body.count("\n") >= 4  # a few concrete steps
            bodies.add(body)
        assert len(bodies) == 3  # three languages, not one copied
    assert any("politiattest" in s.text("nb")[1] for s in STARTER_ROUTINES)
    assert any("teieplikt" in s.text("nn")[1] for s in STARTER_ROUTINES)


def test_a_nynorsk_municipality_gets_its_starters_in_nynorsk_unless_one_chooses(coordinator_lom):
    coordinator_lom.preferred_language = ""  # has not chosen: Lom writes nynorsk
    copied, _ = services.copy_starter_routines(
        municipality=municipality("3434"), by=coordinator_lom, keys=["welcome"]
    )
    assert copied[0].title == "Velkomst og introduksjon av ein ny frivillig"
    assert "Frivilligkoordinatoren" in copied[0].versions.get().body


def test_starter_routines_are_copied_as_drafts_in_the_chosen_language(coordinator_lom):
    copied, skipped = services.copy_starter_routines(
        municipality=municipality("3434"), by=coordinator_lom, keys=["welcome", "worried"]
    )
    assert skipped == []
    titles = {routine.title for routine in copied}
    assert titles == {"Velkomst og introduksjon av en ny frivillig",
                      "Hvis en frivillig er bekymret for en beboer eller bruker"}  # fmt: skip
    assert all(r.status == "draft" and r.owner == coordinator_lom for r in copied)


def test_an_english_speaking_coordinator_copies_in_english(coordinator_lom):
    coordinator_lom.preferred_language = "en"
    copied, _ = services.copy_starter_routines(
        municipality=municipality("3434"), by=coordinator_lom, keys=["welcome"]
    )
    assert copied[0].title == "Welcoming and introducing a new volunteer"


def test_copying_the_same_starter_twice_is_skipped(coordinator_lom):
    lom = municipality("3434")
    services.copy_starter_routines(municipality=lom, by=coordinator_lom, keys=["welcome"])
    copied, skipped = services.copy_starter_routines(
        municipality=lom, by=coordinator_lom, keys=["welcome", "ending"]
    )
    assert [r.starter_key for r in copied] == ["ending"]
    assert skipped == ["welcome"]
    assert Routine.objects.filter(starter_key="welcome").count() == 1


def test_copying_refuses_unknown_keys_and_outsiders(coordinator_lom, coordinator_drammen):
    lom = municipality("3434")
    with pytest.raises(ValidationError):
        services.copy_starter_routines(municipality=lom, by=coordinator_lom, keys=["nope"])
    with pytest.raises(PermissionDenied):
        services.copy_starter_routines(municipality=lom, by=coordinator_drammen, keys=["welcome"])
    assert not Routine.objects.exists()


def test_diff_shows_added_and_removed_lines(coordinator_lom):
    routine = _new(coordinator_lom)
    new = services.edit_routine(
        routine=routine, by=coordinator_lom, title="Velkomst",
        body="1. Ring den frivillige innen tre dager.\n2. Avtal en første samtale.",
    )  # fmt: skip
    diff = services.diff_versions(routine.versions.get(number=1), new)
    assert ("removed", "1. Ring den frivillige innen en uke.") in diff
    assert ("added", "1. Ring den frivillige innen tre dager.") in diff
    assert ("same", "2. Avtal en første samtale.") in diff  # next to the change


def test_diff_leaves_out_unchanged_lines_far_from_a_change(coordinator_lom):
    body = "\n".join(f"{n}. Linje {n}." for n in range(1, 11))
    routine = _new(coordinator_lom, body=body)
    new = services.edit_routine(
        routine=routine, by=coordinator_lom, title="Velkomst",
        body=body.replace("5. Linje 5.", "5. Ny linje 5."),
    )  # fmt: skip
    diff = services.diff_versions(routine.versions.get(number=1), new)
    assert diff == [("gap", ""), ("same", "4. Linje 4."), ("removed", "5. Linje 5."),
                    ("added", "5. Ny linje 5."), ("same", "6. Linje 6."), ("gap", "")]  # fmt: skip


# --- Reminders ------------------------------------------------------------------------------


def test_the_owner_is_reminded_once_30_days_before_the_review_in_their_language():
    owner = UserFactory(full_name="Ingrid Bakken", preferred_language="en")
    MembershipFactory(user=owner, role=Role.COORDINATOR)
    routine = RoutineFactory(owner=owner, approved=True, title="Welcoming")
    today = timezone.localdate()
    routine.next_review = today + datetime.timedelta(days=31)
    routine.save()
    assert services.send_review_reminders(today=today) == 0
    routine.next_review = today + datetime.timedelta(days=30)
    routine.save()
    assert services.send_review_reminders(today=today) == 1
    assert services.send_review_reminders(today=today + datetime.timedelta(days=1)) == 0
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [owner.email]
    assert "Welcoming" in message.subject and "due for review" in message.subject
    assert f"/coordination/3434/routines/{routine.pk}/" in message.body
    routine.refresh_from_db()
    assert routine.review_reminder_sent_for == routine.next_review


def test_a_new_review_date_gets_its_own_reminder(coordinator_lom):
    routine = RoutineFactory(owner=coordinator_lom, approved=True)
    today = timezone.localdate()
    routine.next_review = today + datetime.timedelta(days=10)
    routine.save()
    assert services.send_review_reminders(today=today) == 1
    routine.next_review = today + datetime.timedelta(days=20)
    routine.save()
    assert services.send_review_reminders(today=today) == 1
    assert "Rutinen" in mail.outbox[1].subject  # bokmål for the bokmål owner


def test_drafts_and_archived_routines_get_no_reminder(coordinator_lom):
    today = timezone.localdate()
    RoutineFactory(owner=coordinator_lom, next_review=today + datetime.timedelta(days=5))
    archived = RoutineFactory(owner=coordinator_lom, approved=True)
    archived.next_review, archived.status = today + datetime.timedelta(days=5), "archived"
    archived.save()
    assert services.send_review_reminders(today=today) == 0


def test_the_daily_task_is_scheduled(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "coordination.routines.tasks.send_routine_review_reminders" in tasks


# --- Staircase evidence ---------------------------------------------------------------------


def test_routines_exist_needs_three_approved(coordinator_lom):
    lom = municipality("3434")
    RoutineFactory.create_batch(2, owner=coordinator_lom, approved=True)
    RoutineFactory(owner=coordinator_lom)  # a draft does not count
    evidence = contrib_routines.routines_exist(lom)
    assert not evidence.met and evidence.summary == "2 godkjente rutiner"
    RoutineFactory(owner=coordinator_lom, approved=True)
    assert contrib_routines.routines_exist(lom).met


def test_routines_reviewed_fails_with_an_overdue_or_old_approval(coordinator_lom):
    lom = municipality("3434")
    assert not contrib_routines.routines_reviewed(lom).met  # none at all
    routines = RoutineFactory.create_batch(2, owner=coordinator_lom, approved=True)
    assert contrib_routines.routines_reviewed(lom).met
    routines[0].next_review = timezone.localdate() - datetime.timedelta(days=1)
    routines[0].save()
    evidence = contrib_routines.routines_reviewed(lom)
    assert not evidence.met and evidence.summary.startswith("1 av 2")
    routines[0].next_review = timezone.localdate() + datetime.timedelta(days=100)
    routines[0].approved_at = timezone.now() - datetime.timedelta(days=400)
    routines[0].save()
    assert not contrib_routines.routines_reviewed(lom).met


def test_the_daily_task_sends_the_reminders(coordinator_lom):
    from coordination.routines.tasks import send_routine_review_reminders

    routine = RoutineFactory(owner=coordinator_lom, approved=True)
    routine.next_review = timezone.localdate() + datetime.timedelta(days=3)
    routine.save()
    assert send_routine_review_reminders.delay().get() == 1
    assert send_routine_review_reminders.delay().get() == 0
    assert len(mail.outbox) == 1
