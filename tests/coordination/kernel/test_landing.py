"""issue 10, daily use: after logging in each person lands where their work is, and a volunteer
has one home ("My page") with waiting invitations first."""

import pytest
from django.urls import reverse

from coordination.kernel.models import Role
from tests.conftest import DRAMMEN, LOM
from tests.factories import (
    PASSWORD,
    InvitationFactory,
    MembershipFactory,
    NeedFactory,
    VolunteerFactory,
    municipality,
)

pytestmark = pytest.mark.django_db


def _log_in(client, user, next_url: str | None = None):
    url = reverse("account_login")
    if next_url:
        url += f"?next={next_url}"
    return client.post(url, {"login": user.email, "password": PASSWORD})


def test_a_coordinator_lands_on_the_overview_of_their_municipality(client, coordinator_lom):
    response = _log_in(client, coordinator_lom)
    assert response.status_code == 302
    assert response.url == reverse("coordination:overview", args=[LOM])


@pytest.mark.parametrize("persona", ["volunteer_contact_lom"])
def test_other_municipal_staff_land_on_the_overview_too(client, request, persona):
    response = _log_in(client, request.getfixturevalue(persona))
    assert response.url == reverse("coordination:overview", args=[LOM])


def test_a_coordinator_of_two_municipalities_lands_where_they_choose(client, coordinator_lom):
    MembershipFactory(user=coordinator_lom, municipality=municipality(DRAMMEN))
    response = _log_in(client, coordinator_lom)
    assert response.url == reverse("coordination:my_page")
    page = client.get(response.url).content.decode()
    for number in (LOM, DRAMMEN):
        assert reverse("coordination:overview", args=[number]) in page


def test_a_safe_next_parameter_wins(client, coordinator_lom):
    wanted = reverse("coordination:assessment_list", args=[LOM])
    assert _log_in(client, coordinator_lom, next_url=wanted).url == wanted


def test_a_next_parameter_to_another_site_is_ignored(client, coordinator_lom):
    response = _log_in(client, coordinator_lom, next_url="https://evil.example/")
    assert response.url == reverse("coordination:overview", args=[LOM])


@pytest.mark.parametrize("persona", ["reviewer", "applicant"])
def test_roles_without_the_overview_land_on_my_page(client, request, persona):
    assert _log_in(client, request.getfixturevalue(persona)).url == reverse("coordination:my_page")


def test_a_volunteer_lands_on_one_home_with_the_waiting_invitation_first(client, volunteer):
    own = VolunteerFactory(user=volunteer)
    invitation = InvitationFactory(volunteer=own, need=NeedFactory(area="Bøverdalen"))
    response = _log_in(client, volunteer)
    home = client.get(response.url, follow=True)
    assert home.redirect_chain[-1][0] == reverse("volunteers:own_page")
    page = home.content.decode()
    invitation_link = reverse("volunteers:invitation", args=[invitation.pk])
    assert invitation_link in page
    # first: before the volunteer's details and before the account's parts
    assert page.index(invitation_link) < page.index(reverse("volunteers:profile_edit"))
    assert page.index(invitation_link) < page.index(reverse("account_change_password"))
    # My page's parts are on it too, once: the account, the data, stopping
    for url in ("coordination:profile_edit", "coordination:my_data_page", "volunteers:leave"):
        assert page.count(f'href="{reverse(url)}"') == 1, url
    assert "Min side" in page


def test_my_page_sends_a_volunteer_to_their_page_and_keeps_working_for_others(
    client_of, volunteer, coordinator_lom
):
    VolunteerFactory(user=volunteer)
    response = client_of(volunteer).get(reverse("coordination:my_page"))
    assert response.status_code == 302
    assert response.url == reverse("volunteers:own_page")
    # someone who is not a volunteer still gets My page itself, inviting them to register
    page = client_of(coordinator_lom).get(reverse("coordination:my_page"))
    assert page.status_code == 200
    assert reverse("volunteers:register") in page.content.decode()


def test_a_volunteer_who_also_holds_a_role_sees_it_on_their_page(client_of, volunteer):
    VolunteerFactory(user=volunteer)
    MembershipFactory(user=volunteer, municipality=municipality(LOM), role=Role.VOLUNTEER_CONTACT)
    page = client_of(volunteer).get(reverse("volunteers:own_page")).content.decode()
    assert "Dine andre roller i kommunen" in page
    assert "Frivillighetskontakt" in page


def test_a_volunteer_without_a_role_is_not_told_to_ask_for_one(client_of, volunteer):
    VolunteerFactory(user=volunteer)
    page = client_of(volunteer).get(reverse("volunteers:own_page")).content.decode()
    assert "Dine andre roller i kommunen" not in page
    assert "ber du koordinatoren" not in page
