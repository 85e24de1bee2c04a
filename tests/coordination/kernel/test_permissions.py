import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings
from django.urls import reverse

from coordination.kernel import permissions, services
from coordination.kernel.models import Membership, Municipality, Role
from tests.factories import MembershipFactory, PartnerOrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_coordinator_may_act_in_own_municipality_only(coordinator_lom, lom, drammen):
    assert permissions.can(coordinator_lom, "manage_roles", lom)
    assert not permissions.can(coordinator_lom, "manage_roles", drammen)


def test_roles_are_per_municipality_not_global(lom, drammen):
    person = UserFactory()
    MembershipFactory(user=person, municipality=lom, role=Role.VOLUNTEER_CONTACT)
    MembershipFactory(user=person, municipality=drammen, role=Role.COORDINATOR)
    assert permissions.can(person, "view_municipality", lom)
    assert not permissions.can(person, "manage_roles", lom)
    assert permissions.can(person, "manage_roles", drammen)


def test_reviewers_partners_and_volunteers_do_not_see_coordination(
    reviewer, applicant, volunteer, lom
):
    for person in (reviewer, applicant, volunteer):
        assert not permissions.can(person, "view_municipality", lom)


def test_anonymous_and_deactivated_users_may_do_nothing(coordinator_lom, lom):
    from django.contrib.auth.models import AnonymousUser

    assert not permissions.can(AnonymousUser(), "view_municipality", lom)
    coordinator_lom.is_active = False
    assert not permissions.can(coordinator_lom, "view_municipality", lom)


def test_unknown_action_is_refused_loudly(coordinator_lom, lom):
    with pytest.raises(KeyError):
        permissions.can(coordinator_lom, "launch_rockets", lom)


def test_objects_are_judged_by_their_municipality(coordinator_lom, coordinator_drammen):
    membership_in_drammen = Membership.objects.get(user=coordinator_drammen)
    assert not permissions.can(coordinator_lom, "manage_roles", membership_in_drammen)


def test_scope_to_user_keeps_only_own_municipality(coordinator_lom, coordinator_drammen):
    visible = permissions.scope_to_user(Membership.objects.all(), coordinator_lom, "manage_roles")
    assert {m.municipality_id for m in visible} == {"3434"}
    municipalities = permissions.scope_to_user(
        Municipality.objects.all(), coordinator_lom, "view_municipality", via="pk"
    )
    assert list(municipalities.values_list("pk", flat=True)) == ["3434"]


def test_roles_are_read_once_per_request(coordinator_lom, lom, django_assert_num_queries):
    with django_assert_num_queries(1):
        for _ in range(5):
            permissions.can(coordinator_lom, "view_municipality", lom)


def test_add_membership_gives_a_registered_person_a_role(coordinator_lom, lom):
    colleague = UserFactory(email="Kari@Lom.example")
    services.add_membership(
        municipality=lom, email="kari@lom.example ", role=Role.VOLUNTEER_CONTACT, by=coordinator_lom
    )
    assert permissions.can(colleague, "view_municipality", lom)


def test_add_membership_refuses_unknown_email_and_duplicates(coordinator_lom, lom):
    with pytest.raises(ValidationError) as error:
        services.add_membership(
            municipality=lom,
            email="nobody@x.example",
            role=Role.VOLUNTEER_CONTACT,
            by=coordinator_lom,
        )
    assert "registrere seg først" in str(error.value)
    with pytest.raises(ValidationError):
        services.add_membership(
            municipality=lom, email=coordinator_lom.email, role=Role.COORDINATOR, by=coordinator_lom
        )


def test_partner_representative_needs_an_organisation(coordinator_lom, lom):
    person = UserFactory()
    with pytest.raises(ValidationError):
        services.add_membership(
            municipality=lom,
            email=person.email,
            role=Role.PARTNER_REPRESENTATIVE,
            by=coordinator_lom,
        )
    centre = PartnerOrganisationFactory(name="Lom frivilligsentral")
    membership = services.add_membership(
        municipality=lom,
        email=person.email,
        role=Role.PARTNER_REPRESENTATIVE,
        organisation=centre,
        by=coordinator_lom,
    )
    assert membership.organisation == centre


def test_coordinator_of_another_municipality_cannot_add_roles(coordinator_drammen, lom):
    person = UserFactory()
    with pytest.raises(PermissionDenied):
        services.add_membership(
            municipality=lom,
            email=person.email,
            role=Role.VOLUNTEER_CONTACT,
            by=coordinator_drammen,
        )


def test_last_coordinator_cannot_be_removed(coordinator_lom):
    own = Membership.objects.get(user=coordinator_lom)
    with pytest.raises(ValidationError):
        services.remove_membership(membership=own, by=coordinator_lom)
    second = MembershipFactory(role=Role.COORDINATOR)
    services.remove_membership(membership=own, by=coordinator_lom)
    assert list(Membership.objects.filter(role=Role.COORDINATOR)) == [second]


@override_settings(SAMSPILL_REQUIRE_MFA_FOR_STAFF=True)
def test_staff_must_turn_on_two_factor_before_personal_data(client, coordinator_lom, reviewer):
    client.force_login(coordinator_lom)
    response = client.get(reverse("coordination:overview", args=["3434"]))
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


@override_settings(SAMSPILL_REQUIRE_MFA_FOR_STAFF=True)
def test_two_factor_requirement_lets_staff_through_once_enabled(client, coordinator_lom):
    from allauth.mfa.models import Authenticator

    Authenticator.objects.create(
        user=coordinator_lom, type=Authenticator.Type.TOTP, data={"secret": "x"}
    )
    client.force_login(coordinator_lom)
    assert client.get(reverse("coordination:overview", args=["3434"])).status_code == 200


@override_settings(SAMSPILL_REQUIRE_MFA_FOR_STAFF=True)
@pytest.mark.parametrize("name", ["volunteers:registry", "coordination:overview"])
def test_volunteer_contacts_must_turn_on_two_factor_before_personal_data(
    client, volunteer_contact_lom, name
):
    """Issue 10: volunteer contacts read volunteers' personal data, as coordinators do."""
    client.force_login(volunteer_contact_lom)
    response = client.get(reverse(name, args=["3434"]))
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


@override_settings(SAMSPILL_REQUIRE_MFA_FOR_STAFF=True)
def test_volunteer_contacts_with_two_factor_reach_the_registry(client, volunteer_contact_lom):
    from allauth.mfa.models import Authenticator

    Authenticator.objects.create(
        user=volunteer_contact_lom, type=Authenticator.Type.TOTP, data={"secret": "x"}
    )
    client.force_login(volunteer_contact_lom)
    assert client.get(reverse("volunteers:registry", args=["3434"])).status_code == 200


@override_settings(SAMSPILL_REQUIRE_MFA_FOR_STAFF=True)
def test_two_factor_is_not_asked_for_pages_without_personal_data(client, volunteer_contact_lom):
    client.force_login(volunteer_contact_lom)
    url = reverse("coordination:responsibility_map_detail", args=["3434"])
    assert client.get(url).status_code == 200
