import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from coordination.kernel.models import Membership, Role, RoleInvitation
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_home_routes_every_role(client):
    html = client.get("/").content.decode()
    for target in (
        reverse("account_signup"),
        reverse("coordination:municipality_directory"),
        reverse("account_login"),
    ):
        assert f'href="{target}' in html
    assert "Hopp til hovudinnhaldet" in html or "Hopp til hovedinnholdet" in html


def test_directory_search_finds_by_name_number_and_county(client):
    assert "Lom" in client.get("/municipalities/", {"q": "lom"}).content.decode()
    page = client.get("/municipalities/", {"q": "3301"}).content.decode()
    assert "Drammen" in page and "Lom<" not in page
    by_county = client.get("/municipalities/", {"q": "Innlandet"})
    assert by_county.context["page"].paginator.count == 46


def test_directory_search_answers_htmx_with_the_results_only(client):
    response = client.get("/municipalities/", {"q": "Drammen"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<table" in html and "<html" not in html


def test_directory_is_paginated_in_few_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        response = client.get("/municipalities/", {"page": 2})
    assert len(response.context["page"].object_list) == 50


def test_directory_shows_which_municipalities_use_samspill(client, coordinator_lom):
    response = client.get("/municipalities/", {"q": "Lom"})
    lom_row = next(m for m in response.context["page"].object_list if m.number == "3434")
    assert lom_row.coordinator_count == 1


def test_municipality_page_is_public_and_unknown_numbers_are_404(client):
    assert "Innlandet" in client.get("/municipalities/3434/").content.decode()
    assert client.get("/municipalities/9999/").status_code == 404


@pytest.mark.parametrize("place", ["%00", "34%0034", "abcd", "343", "34345", "3434%20"])
def test_only_four_digits_are_a_municipality_in_an_address(client_of, coordinator_lom, place):
    client = client_of(coordinator_lom)
    for url in (f"/municipalities/{place}/", f"/coordination/{place}/"):
        assert client.get(url).status_code == 404


def test_a_search_that_cannot_be_used_says_why_and_keeps_the_text(client):
    response = client.get("/municipalities/", {"q": "Lom" * 34})
    html = response.content.decode()
    assert 'aria-describedby="id_q_error"' in html
    assert "100 eller færre tegn" in html
    assert 'value="' + "Lom" * 34 + '"' in html
    assert response.context["page"].paginator.count == 0


def test_my_page_requires_login(client):
    response = client.get(reverse("coordination:my_page"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_my_page_lists_roles_and_links_to_coordination(client_of, coordinator_lom):
    html = client_of(coordinator_lom).get(reverse("coordination:my_page")).content.decode()
    assert "Lom" in html
    assert reverse("coordination:overview", args=["3434"]) in html


def test_profile_edit_saves_details_and_language(client_of, volunteer):
    client = client_of(volunteer)
    response = client.post(
        reverse("coordination:profile_edit"),
        {"full_name": "Astrid R. Rustad", "phone": "912 34 567", "preferred_language": "en"},
    )
    assert response.status_code == 302
    volunteer.refresh_from_db()
    assert (volunteer.full_name, volunteer.phone, volunteer.preferred_language) == (
        "Astrid R. Rustad",
        "912 34 567",
        "en",
    )
    assert "My page" in client.get(reverse("coordination:my_page")).content.decode()


def test_profile_edit_explains_bad_input_and_saves_nothing(client_of, volunteer):
    response = client_of(volunteer).post(
        reverse("coordination:profile_edit"),
        {"full_name": "", "phone": "call me maybe", "preferred_language": "xx"},
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"full_name", "phone", "preferred_language"}
    volunteer.refresh_from_db()
    assert volunteer.full_name == "Astrid Rustad"


def test_overview_shows_the_team(client_of, coordinator_lom, volunteer_contact_lom):
    html = client_of(coordinator_lom).get("/coordination/3434/").content.decode()
    assert "Kari Sletten" in html and "Ingrid Bakken" in html


def test_overview_queries_do_not_grow_with_the_team(client_of, coordinator_lom):
    client = client_of(coordinator_lom)
    client.get("/coordination/3434/")  # warm the session
    with CaptureQueriesContext(connection) as alone:
        client.get("/coordination/3434/")
    MembershipFactory.create_batch(20, role=Role.VOLUNTEER_CONTACT)
    with CaptureQueriesContext(connection) as with_team:
        assert client.get("/coordination/3434/").status_code == 200
    assert len(with_team) == len(alone)


def test_volunteer_contact_sees_overview_but_cannot_manage_roles(client_of, volunteer_contact_lom):
    client = client_of(volunteer_contact_lom)
    assert client.get("/coordination/3434/").status_code == 200
    assert client.get("/coordination/3434/roles/add/").status_code == 404


def test_volunteer_gets_404_for_coordination(client_of, volunteer):
    assert client_of(volunteer).get("/coordination/3434/").status_code == 404


def test_coordinator_adds_a_role(client_of, coordinator_lom):
    colleague = UserFactory(full_name="Per Haugen")
    response = client_of(coordinator_lom).post(
        "/coordination/3434/roles/add/",
        {"email": colleague.email, "role": Role.VOLUNTEER_CONTACT},
        follow=True,
    )
    assert "Per Haugen" in response.content.decode()
    assert Membership.objects.filter(user=colleague, role=Role.VOLUNTEER_CONTACT).exists()


def test_adding_an_unregistered_person_invites_them_and_gives_no_role_yet(
    client_of, coordinator_lom
):
    count = Membership.objects.count()
    response = client_of(coordinator_lom).post(
        "/coordination/3434/roles/add/", {"email": "ny@lom.example", "role": Role.VOLUNTEER_CONTACT}
    )
    assert response.status_code == 302
    assert RoleInvitation.objects.pending().filter(email="ny@lom.example").exists()
    assert Membership.objects.count() == count


def test_remove_role_asks_first_then_removes(client_of, coordinator_lom, volunteer_contact_lom):
    membership = Membership.objects.get(user=volunteer_contact_lom)
    url = f"/coordination/3434/roles/{membership.pk}/remove/"
    client = client_of(coordinator_lom)
    assert "Kari Sletten" in client.get(url).content.decode()
    assert Membership.objects.filter(pk=membership.pk).exists()
    client.post(url)
    assert not Membership.objects.filter(pk=membership.pk).exists()


def _municipality_scoped_patterns():
    """Every role-guarded URL pattern, anywhere in the project, with a ``municipality``
    argument (public pages about a municipality are public on purpose)."""
    found = []

    def walk(patterns, prefix_namespace):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                namespace = entry.namespace or prefix_namespace
                walk(entry.url_patterns, namespace)
            elif (
                isinstance(entry, URLPattern)
                and "municipality" in entry.pattern.converters
                and getattr(entry.callback, "access_rule", "").startswith("role:")
            ):
                name = f"{prefix_namespace}:{entry.name}" if prefix_namespace else entry.name
                found.append((name, set(entry.pattern.converters)))

    walk(get_resolver().url_patterns, None)
    return found


def test_coordinator_gets_404_for_every_object_of_another_municipality(
    client_of, coordinator_lom, coordinator_drammen
):
    """The tenancy rule over every municipality-scoped URL: Drammen's objects, asked for by
    Lom's coordinator, do not exist — whether asked under Drammen's number or under Lom's."""
    drammen_object = Membership.objects.get(user=coordinator_drammen)
    patterns = _municipality_scoped_patterns()
    assert len(patterns) >= 3
    client = client_of(coordinator_lom)
    for name, arguments in patterns:
        for number in ("3301", "3434"):
            kwargs = {"municipality": number}
            if "document" in arguments:  # a printed document's name (issue 14)
                kwargs["document"] = "responsibility-map"
            if "pk" in arguments:
                kwargs["pk"] = drammen_object.pk
            elif number == "3434":
                continue  # a URL with no object of its own is Lom's own page
            url = reverse(name, kwargs=kwargs)
            # 405: a POST-only view refuses GET before it looks anything up.
            assert client.get(url).status_code in (404, 405), url
            assert client.post(url).status_code in (404, 405), url
    assert Membership.objects.filter(pk=drammen_object.pk).exists()


def test_a_forged_session_cookie_is_ignored_not_a_server_error(client):
    client.cookies["sessionid"] = "abcdefghijk\x00"
    assert client.get("/my/").status_code == 302
    client.cookies["sessionid"] = "../../etc/passwd"
    assert client.get("/").status_code == 200
