"""Stopping as a volunteer, and anonymising: the person disappears, the statistics stay."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.db.models import Sum
from django.urls import reverse

from coordination.kernel import account_data, retention
from coordination.models import User
from tests.factories import (
    AssignmentFactory,
    HoursEntryFactory,
    InvitationFactory,
    NeedFactory,
    UserFactory,
    VolunteerFactory,
    VolunteerRoleFactory,
)
from volunteers.models import (
    AssignmentStatus,
    CertificateCheck,
    HoursEntry,
    InvitationStatus,
    Need,
    NeedStatus,
    NeedStep,
    RoleHolder,
    Volunteer,
    VolunteerNote,
)

pytestmark = pytest.mark.django_db

START = datetime(2026, 2, 2, 10, 0, tzinfo=UTC)


def _busy_volunteer(user=None):
    """A volunteer with a role and certificate check, an assignment, hours, a note and an
    open invitation."""
    volunteer = VolunteerFactory(
        user=user or UserFactory(full_name="Kari Fjellstad"),
        area="Bøverdalen",
        skills="strikking",
        interests=["visiting_friend"],
    )
    holder = RoleHolder.objects.create(
        volunteer=volunteer, role=VolunteerRoleFactory(certificate_kinds=["limited", "ordinary"])
    )
    CertificateCheck.objects.create(
        holder=holder, kind="limited", presented_on="2026-01-05", approved=True
    )
    assignment = AssignmentFactory(volunteer=volunteer)
    HoursEntryFactory(
        volunteer=volunteer,
        assignment=assignment,
        hours=Decimal("3"),
        km=Decimal("12"),
        description="Tur med Ingrid",
    )
    VolunteerNote.objects.create(volunteer=volunteer, text="Snakker også tysk.")
    InvitationFactory(volunteer=volunteer, decline_reason="")
    return volunteer


def test_volunteer_who_stops_ends_tasks_and_loses_roles_but_keeps_profile(client_of):
    volunteer = _busy_volunteer()
    response = client_of(volunteer.user).post(reverse("volunteers:leave"))
    assert response.status_code == 302
    volunteer.refresh_from_db()
    assert volunteer.left_at is not None
    assert volunteer.user is not None  # the account and profile stay until anonymised
    assert not RoleHolder.objects.filter(volunteer=volunteer).exists()
    assert not CertificateCheck.objects.exists()  # gone with the role
    assert volunteer.assignments.get().status == AssignmentStatus.ENDED
    assert volunteer.invitations.get().status == InvitationStatus.WITHDRAWN


def test_volunteer_can_ask_for_their_details_to_be_deleted_when_stopping(client_of):
    volunteer = _busy_volunteer()
    user = volunteer.user
    page = client_of(user).get(reverse("volunteers:leave")).content.decode()
    assert 'name="delete_now"' in page

    response = client_of(user).post(reverse("volunteers:leave"), {"delete_now": "on"})
    assert response.status_code == 302
    volunteer.refresh_from_db()
    assert volunteer.user is None and volunteer.anonymised_at is not None
    assert volunteer.left_at is not None
    assert not VolunteerNote.objects.filter(volunteer=volunteer).exists()
    assert HoursEntry.objects.get(volunteer=volunteer).hours == Decimal("3")  # statistics stay
    assert User.objects.filter(pk=user.pk).exists()  # the account itself stays
    shown = client_of(user).get(response.url).content.decode()
    assert "opplysningene dine som frivillig er slettet" in shown  # bokmål, the default


def test_stopping_without_asking_keeps_the_details_for_now(client_of):
    volunteer = _busy_volunteer()
    client_of(volunteer.user).post(reverse("volunteers:leave"), {})
    volunteer.refresh_from_db()
    assert volunteer.user is not None and volunteer.anonymised_at is None


def test_a_volunteer_cannot_anonymise_someone_else():
    from django.core.exceptions import PermissionDenied

    from volunteers.leaving.services import anonymise_volunteer

    volunteer, other = VolunteerFactory(), VolunteerFactory()
    with pytest.raises(PermissionDenied):
        anonymise_volunteer(volunteer=volunteer, by=other.user)
    volunteer.refresh_from_db()
    assert volunteer.anonymised_at is None


def test_deleting_the_account_anonymises_the_volunteer_and_keeps_the_hours():
    volunteer = _busy_volunteer()
    user = volunteer.user
    account_data.delete_account(user=user)

    assert not User.objects.filter(pk=user.pk).exists()
    volunteer.refresh_from_db()
    assert volunteer.user is None
    assert volunteer.anonymised_at is not None
    assert (volunteer.area, volunteer.skills, volunteer.sort_name) == ("", "", "")
    assert not volunteer.interests.exists()
    assert not VolunteerNote.objects.exists()
    assert not RoleHolder.objects.exists()
    assert str(volunteer) in ("Anonymised volunteer", "Anonymisert frivillig")
    # The statistics: hours and km still counted for the municipality, without the text.
    totals = HoursEntry.objects.filter(municipality_id="3434").aggregate(
        hours=Sum("hours"), km=Sum("km")
    )
    assert totals == {"hours": Decimal("3"), "km": Decimal("12")}
    assert HoursEntry.objects.get().description == ""
    assert volunteer.assignments.count() == 1


def test_coordinator_anonymises_a_volunteer_from_the_registry(client_of, coordinator_lom):
    volunteer = _busy_volunteer()
    url = reverse("volunteers:volunteer_anonymise", args=["3434", volunteer.pk])
    page = client_of(coordinator_lom).get(url)
    assert "Kari Fjellstad" in page.content.decode()
    client_of(coordinator_lom).post(url)
    volunteer.refresh_from_db()
    assert volunteer.user is None and volunteer.anonymised_at is not None
    assert User.objects.filter(full_name="Kari Fjellstad").exists()  # the account is theirs
    registry = client_of(coordinator_lom).get(
        reverse("volunteers:registry", args=["3434"]), {"status": "all"}
    )
    assert "Kari Fjellstad" not in registry.content.decode()


def test_another_municipality_cannot_anonymise(client_of, coordinator_drammen):
    volunteer = _busy_volunteer()
    url = reverse("volunteers:volunteer_anonymise", args=["3434", volunteer.pk])
    assert client_of(coordinator_drammen).post(url).status_code == 404
    volunteer.refresh_from_db()
    assert volunteer.anonymised_at is None


def test_volunteer_contact_may_not_record_that_someone_stopped(client_of, volunteer_contact_lom):
    volunteer = _busy_volunteer()
    url = reverse("volunteers:volunteer_leave", args=["3434", volunteer.pk])
    assert client_of(volunteer_contact_lom).post(url).status_code == 404
    volunteer.refresh_from_db()
    assert volunteer.left_at is None


def test_volunteers_are_anonymised_a_year_after_they_stopped():
    with time_machine.travel(START, tick=False):
        volunteer = _busy_volunteer()
        stayed = VolunteerFactory()
        Volunteer.objects.filter(pk=volunteer.pk).update(left_at=START)
    with time_machine.travel(START + timedelta(days=364), tick=False):
        retention.apply_rules()
    volunteer.refresh_from_db()
    assert volunteer.user is not None
    with time_machine.travel(START + timedelta(days=366), tick=False):
        retention.apply_rules()
    volunteer.refresh_from_db()
    stayed.refresh_from_db()
    assert volunteer.user is None and volunteer.anonymised_at is not None
    assert stayed.user is not None and stayed.anonymised_at is None


def test_closed_needs_lose_the_persons_details_a_year_after_closing():
    with time_machine.travel(START, tick=False):
        closed = NeedFactory(status=NeedStatus.CLOSED, closed_at=START, access_notes="Nøkkelboks")
        NeedStep.objects.create(need=closed, step="mapped", notes="Enke, bor alene")
        still_open = NeedFactory()
    with time_machine.travel(START + timedelta(days=366), tick=False):
        runs = {run.rule: run for run in retention.apply_rules()}
    closed.refresh_from_db()
    assert (closed.person_name, closed.address, closed.access_notes) == ("", "", "")
    assert closed.kind == "visiting_friend" and closed.area == "Lom sentrum"  # statistics
    assert closed.steps.get().notes == ""
    assert Need.objects.get(pk=still_open.pk).person_name == "Signe Haugen"
    assert runs["closed-needs"].statistics == {"visiting_friend": 1}


def test_imported_volunteers_without_a_confirmed_address_are_not_deleted_as_stale_sign_ups():
    with time_machine.travel(START, tick=False):
        imported = UserFactory(verified=False)
        EmailAddress.objects.create(user=imported, email=imported.email, verified=False)
        VolunteerFactory(user=imported)
    with time_machine.travel(START + timedelta(days=40), tick=False):
        retention.apply_rules()
    assert User.objects.filter(pk=imported.pk).exists()


def test_readable_data_page_shows_the_volunteer_profile_and_can_be_saved(client_of):
    volunteer = _busy_volunteer()
    client = client_of(volunteer.user)
    page = client.get(reverse("coordination:my_data_page"))
    text = page.content.decode()
    assert "Bøverdalen" in text and "strikking" in text
    assert "Frivilligprofilen din" in text
    saved = client.get(reverse("coordination:my_data_page"), {"download": "1"})
    assert saved["Content-Disposition"] == 'attachment; filename="samspill-mine-data.html"'
