"""A volunteer who is not ready must never see the person: readiness for the need's role
(declaration signed, the role's police certificate and courses) is checked when inviting, when
accepting, and on every look at the person's details — and the volunteer is told how to fix it."""

import datetime
import json

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from coordination.models import AuditEvent
from tests.factories import (
    CourseFactory,
    InvitationFactory,
    NeedFactory,
    VolunteerFactory,
    VolunteerRoleFactory,
)
from volunteers.matching.ranking import Proposal
from volunteers.models import (
    Assignment,
    CertificateCheck,
    CourseCompletion,
    Invitation,
    InvitationStatus,
    NeedStatus,
    RoleHolder,
    Signature,
)
from volunteers.needs import permissions as needs_permissions
from volunteers.needs import services
from volunteers.profile import services as profile_services
from volunteers.screening.readiness import Missing, readiness_for_need

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
TEXT = "Jeg lover å ikke fortelle andre det jeg får vite om dem jeg hjelper, heller ikke senere."
PERSON = {"person_name": "Olga Haugen", "person_phone": "61211234", "address": "Storvegen 2"}


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


@pytest.fixture
def declaration(lom, coordinator_lom):
    return profile_services.publish_declaration(municipality=lom, body=TEXT, by=coordinator_lom)


@pytest.fixture
def own(volunteer):
    return VolunteerFactory(user=volunteer, interests=["visiting_friend"])


@pytest.fixture
def need():
    return NeedFactory(**PERSON)


def _sign(volunteer, declaration):
    Signature.objects.create(volunteer=volunteer, text=declaration)


def _assigned(own, need, declaration):
    """A ready volunteer helping with ``need``: signed, invited and accepted."""
    _sign(own, declaration)
    invitation = InvitationFactory(need=need, volunteer=own)
    return services.accept_invitation(invitation=invitation, by=own.user)


def _assignment_page(client, assignment):
    return client.get(reverse("volunteers:own_assignment", args=[assignment.pk])).content.decode()


def _shows_person(html):
    return any(value in html for value in PERSON.values())


# --- inviting (coordinator) -----------------------------------------------------------------


def test_inviting_a_volunteer_who_has_not_signed_is_refused_and_changes_nothing(
    coordinator_lom, own, need, declaration
):
    with pytest.raises(ValidationError) as refused:
        services.invite_volunteers(
            need=need, proposals=[Proposal(volunteer=own, score=1)], by=coordinator_lom
        )
    assert "not ready for this task yet" in refused.value.messages[0]
    assert "the confidentiality declaration" in refused.value.messages[0]
    assert not Invitation.objects.exists()
    need.refresh_from_db()
    assert need.status == NeedStatus.REPORTED
    assert not need.steps.filter(step=NeedStatus.PROPOSED).exists()


def test_inviting_refuses_a_volunteer_without_the_roles_certificate(
    coordinator_lom, own, need, declaration
):
    role = VolunteerRoleFactory(certificate_kinds=["limited"])
    _sign(own, declaration)
    RoleHolder.objects.create(volunteer=own, role=role)
    with pytest.raises(ValidationError) as refused:
        services.invite_volunteers(
            need=need, proposals=[Proposal(volunteer=own, score=1)], by=coordinator_lom
        )
    assert "a police certificate" in refused.value.messages[0]
    assert not Invitation.objects.exists()


def test_inviting_refuses_a_volunteer_without_the_role_or_its_course(
    coordinator_lom, own, need, declaration
):
    role = VolunteerRoleFactory(name="Besøksvenn")
    role.required_courses.add(CourseFactory(name="Introduksjonskurs"))
    _sign(own, declaration)
    readiness = readiness_for_need(own, need)
    assert [m.kind for m in readiness.missing] == [Missing.ROLE, Missing.COURSE]
    assert readiness.missing_text == "the role Besøksvenn and the course Introduksjonskurs"
    with pytest.raises(ValidationError):
        services.invite_volunteers(
            need=need, proposals=[Proposal(volunteer=own, score=1)], by=coordinator_lom
        )
    assert not Invitation.objects.exists()


def test_one_volunteer_not_ready_refuses_the_whole_invitation(
    coordinator_lom, own, need, declaration
):
    ready = VolunteerFactory(interests=["visiting_friend"])
    _sign(ready, declaration)
    proposals = [Proposal(volunteer=ready, score=2), Proposal(volunteer=own, score=1)]
    with pytest.raises(ValidationError):
        services.invite_volunteers(need=need, proposals=proposals, by=coordinator_lom)
    assert not Invitation.objects.exists()


def test_a_ready_volunteer_is_invited(coordinator_lom, own, need, declaration):
    _sign(own, declaration)
    [invitation] = services.invite_volunteers(
        need=need, proposals=[Proposal(volunteer=own, score=1)], by=coordinator_lom
    )
    assert invitation.volunteer == own


# --- accepting (volunteer) ------------------------------------------------------------------


def test_accepting_is_refused_until_signed_then_allowed(volunteer, own, need, declaration):
    invitation = InvitationFactory(need=need, volunteer=own)
    with pytest.raises(ValidationError) as refused:
        services.accept_invitation(invitation=invitation, by=volunteer)
    assert "Sign the confidentiality declaration." in refused.value.messages[0]
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING
    assert not Assignment.objects.exists()
    _sign(own, declaration)
    assert services.accept_invitation(invitation=invitation, by=volunteer).is_running


def test_the_invitation_page_tells_an_unready_volunteer_to_sign_first(
    client_of, volunteer, own, need, declaration
):
    invitation = InvitationFactory(need=need, volunteer=own)
    url = reverse("volunteers:invitation", args=[invitation.pk])
    client = client_of(volunteer)
    html = client.get(url).content.decode()
    assert "Før du kan si ja" in html  # pages follow the volunteer's language: bokmål
    assert "Skriv under på taushetserklæringen." in html
    assert f'href="{reverse("volunteers:declaration")}?in={need.municipality_id}"' in html
    assert 'value="accept"' not in html  # only "No, thank you" is offered
    assert not _shows_person(html)
    response = client.post(url, {"answer": "accept"})
    assert response.status_code == 200
    assert "Du kan ikke si ja ennå" in response.content.decode()
    assert not Assignment.objects.exists()
    # Declining is always possible.
    response = client.post(url, {"answer": "decline"})
    assert response.status_code == 302


def test_the_own_page_says_what_to_do_before_answering(
    client_of, volunteer, own, need, declaration
):
    InvitationFactory(need=need, volunteer=own)
    html = client_of(volunteer).get(reverse("volunteers:own_page")).content.decode()
    assert "Før du kan si ja:" in html
    assert "Skriv under på taushetserklæringen." in html
    assert not _shows_person(html)


# --- every look at the person ---------------------------------------------------------------


def test_a_new_declaration_version_hides_the_person_until_signed_again(
    client_of, volunteer, own, need, declaration, coordinator_lom, lom
):
    assignment = _assigned(own, need, declaration)
    client = client_of(volunteer)
    assert _shows_person(_assignment_page(client, assignment))

    newer = profile_services.publish_declaration(
        municipality=lom, body=TEXT + " Versjon 2.", by=coordinator_lom
    )
    with translation.override("en"):
        verdict = needs_permissions.can_see_person(volunteer, need)
        assert not verdict
        assert "Sign the confidentiality declaration." in verdict.reason
    AuditEvent.objects.filter(verb="viewed").delete()
    html = _assignment_page(client, assignment)
    assert not _shows_person(html)
    assert "Opplysningene om personen er skjult inntil videre" in html
    assert "Skriv under på taushetserklæringen." in html
    assert reverse("volunteers:declaration") in html
    assert not AuditEvent.objects.filter(verb="viewed").exists()  # nothing was seen
    own_page = client.get(reverse("volunteers:own_page")).content.decode()
    assert "skjult til du er klar igjen" in own_page

    profile_services.sign_declaration(volunteer=own, text=newer, by=volunteer)
    assert _shows_person(_assignment_page(client, assignment))
    assert AuditEvent.objects.filter(verb="viewed", actor=volunteer).exists()


def test_a_police_certificate_due_for_renewal_hides_the_person(
    client_of, volunteer, own, need, declaration, coordinator_lom
):
    from volunteers.screening import services as screening

    role = VolunteerRoleFactory(
        certificate_kinds=["limited"], certificate_legal_basis="Fordi kommunen krever det."
    )
    holder = RoleHolder.objects.create(volunteer=own, role=role)
    check = CertificateCheck.objects.create(
        holder=holder, kind="limited", presented_on=TODAY - datetime.timedelta(days=30),
        approved=True, renew_by=TODAY + datetime.timedelta(days=1),
    )  # fmt: skip
    assignment = _assigned(own, need, declaration)
    client = client_of(volunteer)
    assert _shows_person(_assignment_page(client, assignment))

    check.renew_by = TODAY - datetime.timedelta(days=1)  # renewal is due
    check.save()
    html = _assignment_page(client, assignment)
    assert not _shows_person(html)
    assert "Vis frivillighetskoordinatoren en ny politiattest (begrenset politiattest)" in html

    screening.record_certificate_check(
        holder=holder, kind="limited", presented_on=TODAY, approved=True, by=coordinator_lom
    )
    assert _shows_person(_assignment_page(client, assignment))


def test_the_coordinators_need_page_hides_the_person_from_an_unready_assigned_contact(
    volunteer_contact_lom, need, declaration
):
    """Someone who is both a volunteer contact and an assigned volunteer sees the person on the
    need page only while ready, like everywhere else."""
    helper = VolunteerFactory(user=volunteer_contact_lom, interests=["visiting_friend"])
    _assigned(helper, need, declaration)
    assert needs_permissions.can_see_person(volunteer_contact_lom, need)
    Signature.objects.filter(volunteer=helper).delete()
    assert not needs_permissions.can_see_person(volunteer_contact_lom, need)


def test_no_page_file_or_email_shows_the_person_to_an_unready_volunteer(
    client_of,
    volunteer,
    own,
    need,
    declaration,
    coordinator_lom,
    lom,
    django_capture_on_commit_callbacks,
):
    """Every place a volunteer meets a task: the own page, the invitation, the assignment, the
    hours page, all your data (page and download), and the emails."""
    assignment = _assigned(own, need, declaration)
    other = NeedFactory(**PERSON, description="Handling")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.invite_volunteers(
            need=other, proposals=[Proposal(volunteer=own, score=1)], by=coordinator_lom
        )
    invitation = Invitation.objects.get(need=other)
    profile_services.publish_declaration(municipality=lom, body=TEXT + " Ny.", by=coordinator_lom)
    client = client_of(volunteer)
    pages = [
        reverse("volunteers:own_page"),
        reverse("volunteers:invitation", args=[invitation.pk]),
        reverse("volunteers:own_assignment", args=[assignment.pk]),
        reverse("volunteers:own_hours"),
        reverse("coordination:my_data_page"),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert not _shows_person(response.content.decode()), url
    download = client.get(reverse("coordination:my_data_download"))
    body = b"".join(download.streaming_content) if download.streaming else download.content
    assert not _shows_person(json.dumps(json.loads(body), ensure_ascii=False))
    assert mail.outbox  # the invitation email went out
    for message in mail.outbox:
        assert not _shows_person(message.subject + message.body)


def test_the_coordinator_always_sees_the_person(coordinator_lom, need, declaration):
    assert needs_permissions.can_see_person(coordinator_lom, need)


def test_a_course_done_makes_the_volunteer_ready_for_a_role_that_requires_it(
    own, need, declaration
):
    course = CourseFactory()
    role = VolunteerRoleFactory()
    role.required_courses.add(course)
    _sign(own, declaration)
    RoleHolder.objects.create(volunteer=own, role=role)
    assert not readiness_for_need(own, need)
    CourseCompletion.objects.create(volunteer=own, course=course)
    assert readiness_for_need(own, need)


def test_the_coordinator_is_told_when_an_assigned_volunteer_no_longer_sees_the_person(
    client_of, coordinator_lom, own, need, declaration, lom
):
    assignment = _assigned(own, need, declaration)
    url = reverse("volunteers:assignment_detail", args=[lom.pk, assignment.pk])
    client = client_of(coordinator_lom)
    assert "ser ikke opplysningene om personen nå" not in client.get(url).content.decode()
    profile_services.publish_declaration(municipality=lom, body=TEXT + " Ny.", by=coordinator_lom)
    html = client.get(url).content.decode()
    assert "ser ikke opplysningene om personen nå, fordi dette mangler: taushetserklæringen" in html
