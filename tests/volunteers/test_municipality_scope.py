"""Issue 10, security: a volunteer cannot move their own profile to another municipality, and
records a municipality made about a volunteer (notes, police certificate checks, roles, courses,
invitations and assignments) are shown and changed only in that municipality — even if the
profile's municipality were changed by other means."""

import pytest
from django.urls import reverse
from django.utils import timezone

from coordination.models import AuditEvent
from tests.factories import (
    AssignmentFactory,
    CourseFactory,
    NeedFactory,
    UserFactory,
    VolunteerFactory,
    VolunteerRoleFactory,
)
from volunteers.models import (
    CertificateCheck,
    CourseCompletion,
    RoleHolder,
    Volunteer,
    VolunteerNote,
)
from volunteers.notes.services import add_note
from volunteers.profile import services
from volunteers.screening.services import record_certificate_check

pytestmark = pytest.mark.django_db

LOM, DRAMMEN = "3434", "3301"
TEXT = "Jeg lover å ikke fortelle andre det jeg får vite om dem jeg hjelper, heller ikke senere."

PROFILE = {
    "area": "Bøverdalen",
    "interests": ["visiting_friend"],
    "languages": "norsk",
    "frequency": "weekly",
    "contact_by": "email",
}


@pytest.fixture
def astrid(lom):
    return VolunteerFactory(user=UserFactory(full_name="Astrid Rustad"), area="Bøverdalen")


def test_the_profile_form_has_no_municipality_field_and_names_the_municipality(client_of, astrid):
    response = client_of(astrid.user).get(reverse("volunteers:profile_edit"))
    html = response.content.decode()
    assert "municipality" not in response.context["form"].fields
    assert 'name="municipality"' not in html
    assert "Lom" in html
    assert "registrerer du deg der fra siden din" in html


def test_a_forged_municipality_in_the_profile_form_changes_nothing_and_says_why(client_of, astrid):
    forged = {**PROFILE, "area": "Drammen sentrum", "municipality": DRAMMEN}
    response = client_of(astrid.user).post(reverse("volunteers:profile_edit"), forged)
    assert response.status_code == 200
    assert "Vil du hjelpe i en annen kommune, registrerer du deg der fra siden din." in (
        response.content.decode()
    )
    astrid.refresh_from_db()
    assert (astrid.municipality_id, astrid.area) == (LOM, "Bøverdalen")


def test_the_profile_service_ignores_a_municipality(astrid, drammen):
    services.update_profile(
        volunteer=astrid,
        profile={**PROFILE, "municipality": drammen},
        interests=["walks"],
        by=astrid.user,
    )
    astrid.refresh_from_db()
    assert astrid.municipality_id == LOM


@pytest.fixture
def lom_records(lom, coordinator_lom, astrid):
    """What Lom recorded about Astrid: a note, a role with a police certificate check, a
    course, an assignment and a signed declaration."""
    declaration = services.publish_declaration(municipality=lom, body=TEXT, by=coordinator_lom)
    services.sign_declaration(volunteer=astrid, text=declaration, by=astrid.user)
    add_note(volunteer=astrid, text="Lom-notat om samtalen", by=coordinator_lom)
    role = VolunteerRoleFactory(name="Lom-besøksvenn", certificate_kinds=["limited"])
    holder = RoleHolder.objects.create(volunteer=astrid, role=role)
    record_certificate_check(
        holder=holder,
        kind="limited",
        presented_on=timezone.localdate(),
        approved=True,
        by=coordinator_lom,
    )
    course = CourseFactory(name="Lom-demenskurs")
    CourseCompletion.objects.create(volunteer=astrid, course=course)
    need = NeedFactory(area="Lom-Fossbergom", description="Lom-tur på tirsdager")
    assignment = AssignmentFactory(need=need, volunteer=astrid)
    return {"holder": holder, "assignment": assignment}


LOM_WORDS = ("Lom-notat", "Lom-besøksvenn", "Lom-demenskurs", "Lom-Fossbergom", "Lom-tur")


def _moved_by_other_means(volunteer: Volunteer, number: str) -> None:
    Volunteer.objects.filter(pk=volunteer.pk).update(municipality_id=number)


def test_lom_records_are_not_shown_to_drammen_even_if_the_profile_moved(
    client_of, coordinator_drammen, astrid, lom_records
):
    _moved_by_other_means(astrid, DRAMMEN)
    client = client_of(coordinator_drammen)
    detail = client.get(reverse("volunteers:volunteer_detail", args=[DRAMMEN, astrid.pk]))
    assert detail.status_code == 200  # the profile is Drammen's now; Lom's records are not
    html = detail.content.decode()
    for word in LOM_WORDS:
        assert word not in html, word
    assert list(detail.context["notes"]) == []
    assert detail.context["screening"]["roles"] == []
    assert list(detail.context["screening"]["completions"]) == []
    assert list(detail.context["volunteer_assignments"]) == []
    assert list(detail.context["signatures"]) == []
    registry = client.get(reverse("volunteers:registry", args=[DRAMMEN])).content.decode()
    assert "Lom-besøksvenn" not in registry


def test_drammen_cannot_change_lom_records_even_if_the_profile_moved(
    client_of, coordinator_drammen, astrid, lom_records
):
    _moved_by_other_means(astrid, DRAMMEN)
    client = client_of(coordinator_drammen)
    holder, assignment = lom_records["holder"], lom_records["assignment"]
    take_away = reverse("volunteers:role_take_away", args=[DRAMMEN, holder.pk])
    assert client.post(take_away).status_code == 404
    check = reverse("volunteers:certificate_record", args=[DRAMMEN, holder.pk])
    assert client.post(check, {}).status_code == 404
    end = reverse("volunteers:assignment_end", args=[DRAMMEN, assignment.pk])
    assert client.post(end, {"end_reason": "other"}).status_code == 404
    assert RoleHolder.objects.filter(pk=holder.pk).exists()
    assert CertificateCheck.objects.filter(holder=holder).count() == 1
    assignment.refresh_from_db()
    assert assignment.status == "active"


def test_lom_still_sees_its_own_records_of_a_moved_volunteer_through_its_audit(
    client_of, coordinator_lom, astrid, lom_records
):
    """Lom's notes stay Lom's: a note written in Drammen is shown only in Drammen."""
    _moved_by_other_means(astrid, DRAMMEN)
    astrid.refresh_from_db()
    assert VolunteerNote.objects.get().municipality_id == LOM
    # Lom's coordinator no longer reaches the profile itself (it is in Drammen now) …
    detail = reverse("volunteers:volunteer_detail", args=[LOM, astrid.pk])
    assert client_of(coordinator_lom).get(detail).status_code == 404
    # … and what Lom recorded was audited in Lom's log.
    assert AuditEvent.objects.filter(municipality_id=LOM, object_type="volunteers.volunteernote")


def test_a_note_written_in_drammen_belongs_to_drammen(
    client_of, coordinator_drammen, astrid, lom_records
):
    _moved_by_other_means(astrid, DRAMMEN)
    url = reverse("volunteers:volunteer_notes", args=[DRAMMEN, astrid.pk])
    assert client_of(coordinator_drammen).post(url, {"text": "Drammen-notat"}).status_code == 302
    note = VolunteerNote.objects.get(text="Drammen-notat")
    assert note.municipality_id == DRAMMEN
    assert AuditEvent.objects.filter(municipality_id=DRAMMEN, object_id=str(note.pk)).exists()


def test_drammen_recording_that_the_volunteer_stopped_leaves_lom_records_alone(
    coordinator_drammen, astrid, lom_records
):
    from volunteers.leaving import services as leaving

    _moved_by_other_means(astrid, DRAMMEN)
    astrid.refresh_from_db()
    leaving.end_volunteering(volunteer=astrid, by=coordinator_drammen)
    assignment = lom_records["assignment"]
    assignment.refresh_from_db()
    assert assignment.status == "active"
    assert RoleHolder.objects.filter(pk=lom_records["holder"].pk).exists()


def test_drammen_anonymising_the_volunteer_does_not_delete_lom_notes(
    coordinator_drammen, astrid, lom_records
):
    from volunteers.leaving import services as leaving

    _moved_by_other_means(astrid, DRAMMEN)
    astrid.refresh_from_db()
    leaving.anonymise_volunteer(volunteer=astrid, by=coordinator_drammen)
    assert VolunteerNote.objects.filter(municipality_id=LOM).count() == 1
    assert RoleHolder.objects.filter(pk=lom_records["holder"].pk).exists()


def test_the_volunteer_leaving_themself_ends_everything(astrid, lom_records):
    from volunteers.leaving import services as leaving

    leaving.end_volunteering(volunteer=astrid, by=astrid.user)
    assert not RoleHolder.objects.filter(volunteer=astrid).exists()
    assignment = lom_records["assignment"]
    assignment.refresh_from_db()
    assert assignment.status == "ended"
