"""The grant-maker pages: the national administrator's grant-makers, a grant-maker's people,
home, schemes and rounds; each with a happy path and a refusal (the URL sweep does the rest)."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coordination.models import GrantMaker, GrantMakerRole, GrantRole
from grants.schemes.models import Round, Scheme
from tests.factories import (
    GrantMakerFactory,
    GrantMakerRoleFactory,
    MembershipFactory,
    UserFactory,
    municipality,
    national_grant_maker,
)
from tests.grants.factories import oslo
from tests.grants.schemes import made

pytestmark = pytest.mark.django_db


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


# --- The national administrator's grant-makers -------------------------------------------------


def test_national_administrator_sees_the_grant_makers(client_of, national_admin):
    GrantMakerRoleFactory(grant_maker=national_grant_maker())
    page = client_of(national_admin).get(reverse("grants:grant_maker_list"))
    assert page.status_code == 200
    assert "Helsedirektoratet" in page.content.decode()


def test_national_administrator_creates_a_municipal_grant_maker(client_of, national_admin):
    officer = UserFactory(email="tilskudd@lom.kommune.example")
    response = client_of(national_admin).post(
        reverse("grants:grant_maker_create"),
        {
            "name": "Lom kommune, tilskudd til lag og foreninger",
            "kind": "municipality",
            "municipality": "3434",
            "officer_email": officer.email,
        },
    )
    assert response.status_code == 302
    made_one = GrantMaker.objects.get(name__startswith="Lom kommune")
    assert made_one.municipality_id == "3434"
    assert GrantMakerRole.objects.filter(
        grant_maker=made_one, user=officer, role="officer"
    ).exists()


def test_a_first_officer_without_an_account_is_explained(client_of, national_admin):
    page = client_of(national_admin).post(
        reverse("grants:grant_maker_create"),
        {"name": "Innlandet fylkeskommune", "kind": "county", "officer_email": "ny@example.org"},
    )
    assert page.status_code == 200
    assert "Ask them to create an account in Samspill first" in page.content.decode()
    assert not GrantMaker.objects.filter(name="Innlandet fylkeskommune").exists()


def test_a_municipal_grant_maker_without_municipality_is_explained(client_of, national_admin):
    page = client_of(national_admin).post(
        reverse("grants:grant_maker_create"),
        {"name": "Lom", "kind": "municipality", "officer_email": national_admin.email},
    )
    assert "Choose the municipality that runs the schemes." in page.content.decode()


def test_the_kind_choice_has_words_not_dashes(client_of, national_admin):
    page = client_of(national_admin).get(reverse("grants:grant_maker_create")).content.decode()
    assert "---------" not in page and "Choose the kind" in page


def test_officers_do_not_find_the_grant_makers_list(client_of, officer):
    assert client_of(officer).get(reverse("grants:grant_maker_list")).status_code == 404


# --- People and roles ---------------------------------------------------------------------------


def _roles_url(grant_maker=None):
    return reverse("grants:grant_maker_roles", args=[(grant_maker or national_grant_maker()).pk])


def test_officer_sees_officers_and_reviewers(client_of, officer, reviewer):
    page = client_of(officer).get(_roles_url()).content.decode()
    assert "Sigrid Lien" in page and "Olav Moen" in page


def test_officer_adds_a_reviewer(client_of, officer):
    person = UserFactory(email="fagvurderar@example.org", full_name="Per Vik")
    response = client_of(officer, language="en").post(
        _roles_url(), {"email": "fagvurderar@example.org", "role": "reviewer"}
    )
    assert response.status_code == 302
    assert GrantMakerRole.objects.filter(user=person, role=GrantRole.REVIEWER).exists()
    assert "Per Vik is now reviewer." in _messages(response)


def test_adding_someone_without_an_account_is_explained(client_of, officer):
    page = client_of(officer).post(_roles_url(), {"email": "ny@example.org", "role": "reviewer"})
    assert page.status_code == 200
    assert "Ask them to create an account in Samspill first" in page.content.decode()


def test_reviewers_do_not_find_the_roles_page(client_of, reviewer):
    assert client_of(reviewer).get(_roles_url()).status_code == 404


def test_officers_of_another_grant_maker_do_not_find_the_roles_page(client_of, officer):
    other = GrantMakerFactory()
    assert client_of(officer).get(_roles_url(other)).status_code == 404


def test_officer_removes_a_reviewer_after_confirming(client_of, officer, reviewer):
    role = GrantMakerRole.objects.get(user=reviewer)
    url = reverse("grants:grant_role_remove", args=[role.grant_maker_id, role.pk])
    client = client_of(officer)
    assert "Olav Moen" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert not GrantMakerRole.objects.filter(pk=role.pk).exists()


def test_the_last_officer_is_not_removed(client_of, officer):
    role = GrantMakerRole.objects.get(user=officer)
    url = reverse("grants:grant_role_remove", args=[role.grant_maker_id, role.pk])
    response = client_of(officer).post(url)
    assert response.status_code == 302
    assert GrantMakerRole.objects.filter(pk=role.pk).exists()
    assert any("at least one grant officer" in m for m in _messages(response))


def test_a_role_in_another_grant_maker_is_not_found(client_of, officer):
    other = GrantMakerRoleFactory(grant_maker=GrantMakerFactory())
    url = reverse("grants:grant_role_remove", args=[national_grant_maker().pk, other.pk])
    assert client_of(officer).post(url).status_code == 404
    assert GrantMakerRole.objects.filter(pk=other.pk).exists()


# --- Home ----------------------------------------------------------------------------------------


def _home(grant_maker=None):
    return reverse("grants:grant_maker_home", args=[(grant_maker or national_grant_maker()).pk])


def _fill(schemes: int) -> None:
    """Schemes with an open, an upcoming and a closed round, applications in each status."""
    now = timezone.now()
    for _ in range(schemes):
        scheme = made.scheme()
        made.round_(scheme=scheme)
        made.round_(
            scheme=scheme,
            opens_at=now + datetime.timedelta(days=10),
            closes_at=now + datetime.timedelta(days=40),
        )
        closed = made.round_(
            scheme=scheme,
            opens_at=now - datetime.timedelta(days=300),
            closes_at=now - datetime.timedelta(days=200),
        )
        for status in ("in_review", "granted", "rejected"):
            made.application(round=closed, status=status)


def test_officer_sees_schemes_rounds_and_applications_per_status(client_of, officer):
    scheme = made.scheme(name="Aktivitetstiltak")
    round_ = made.round_(scheme=scheme, name="2027", budget=7_500_000)
    made.application(round=round_)
    made.application(round=round_)
    made.application(round=round_, status="submitted")
    page = client_of(officer).get(_home()).content.decode()
    assert "Aktivitetstiltak" in page and "2027" in page
    assert "Draft: 2" in page and "Submitted: 1" in page
    assert "Open for applications" in page
    assert reverse("grants:round_criteria", args=[national_grant_maker().pk, round_.pk]) in page
    assert reverse("grants:scheme_create", args=[national_grant_maker().pk]) in page


def test_reviewer_sees_the_home_without_the_officers_links(client_of, reviewer):
    round_ = made.round_()
    page = client_of(reviewer).get(_home())
    assert page.status_code == 200
    html = page.content.decode()
    assert reverse("grants:round_edit", args=[national_grant_maker().pk, round_.pk]) not in html
    assert reverse("grants:grant_maker_roles", args=[national_grant_maker().pk]) not in html


def test_the_home_is_not_found_by_people_without_a_grant_role(client_of, coordinator_lom):
    assert client_of(coordinator_lom).get(_home()).status_code == 404


def test_the_home_counts_applications_in_a_bounded_number_of_queries(client_of, officer):
    client = client_of(officer)
    _fill(1)
    client.get(_home())  # sessions and the like are warm
    with CaptureQueriesContext(connection) as few:
        client.get(_home())
    _fill(4)
    with CaptureQueriesContext(connection) as many:
        page = client.get(_home())
    assert page.content.decode().count("Rejected: 1") == 5
    assert len(many) == len(few)


# --- Schemes and rounds -----------------------------------------------------------------------


def test_officer_creates_a_scheme_and_goes_on_to_its_first_round(client_of, officer):
    grant_maker = national_grant_maker()
    response = client_of(officer).post(
        reverse("grants:scheme_create", args=[grant_maker.pk]),
        {
            "name_nb": "Aktivitetstiltak for eldre",
            "name_en": "Activity measures for the elderly",
            "purpose_nb": "Tiltak mot ensomhet.",
            "applicant_kinds": "both",
            "max_amount": "400000",
            "max_years": "2",
        },
    )
    scheme = Scheme.objects.get(name_nb="Aktivitetstiltak for eldre")
    assert response["Location"] == reverse("grants:round_create", args=[grant_maker.pk, scheme.pk])
    assert scheme.name_en == "Activity measures for the elderly"
    assert scheme.name_nn == ""


def test_a_scheme_without_bokmal_is_refused_on_the_page(client_of, officer):
    page = client_of(officer).post(
        reverse("grants:scheme_create", args=[national_grant_maker().pk]),
        {"name_en": "Only English", "applicant_kinds": "both", "max_amount": "1", "max_years": "1"},
    )
    assert page.status_code == 200
    assert not Scheme.objects.exists()


def test_officer_changes_a_scheme(client_of, officer):
    scheme = made.scheme()
    response = client_of(officer).post(
        reverse("grants:scheme_edit", args=[scheme.grant_maker_id, scheme.pk]),
        {
            "name_nb": "Nytt navn",
            "purpose_nb": scheme.purpose_nb,
            "applicant_kinds": "organisations",
            "max_amount": "100000",
            "max_years": "1",
        },
    )
    assert response.status_code == 302
    scheme.refresh_from_db()
    assert (scheme.name_nb, scheme.applicant_kinds) == ("Nytt navn", "organisations")


def test_reviewer_cannot_change_a_scheme(client_of, reviewer):
    scheme = made.scheme()
    url = reverse("grants:scheme_edit", args=[scheme.grant_maker_id, scheme.pk])
    assert client_of(reviewer).post(url, {"name_nb": "X"}).status_code == 404


def test_another_grant_makers_scheme_is_not_found(client_of, officer):
    other = GrantMakerFactory()
    GrantMakerRoleFactory(user=officer, grant_maker=other)
    scheme = made.scheme()  # the national grant-maker's
    url = reverse("grants:scheme_edit", args=[other.pk, scheme.pk])
    assert client_of(officer).get(url).status_code == 404


ROUND_POST = {
    "name": "2027",
    "opens_on": "2027-01-15",
    "opens_time": "09:00",
    "closes_on": "2027-03-12",
    "closes_time": "12:00",
    "budget": "10000000",
    "small_municipality_share": "20",
    "final_report_due": "2028-04-01",
}


def test_officer_creates_a_round_in_norwegian_time(client_of, officer):
    scheme = made.scheme()
    response = client_of(officer).post(
        reverse("grants:round_create", args=[scheme.grant_maker_id, scheme.pk]), ROUND_POST
    )
    round_ = Round.objects.get(scheme=scheme)
    assert response["Location"] == reverse(
        "grants:round_criteria", args=[scheme.grant_maker_id, round_.pk]
    )
    assert round_.opens_at == oslo(2027, 1, 15, 9)
    assert round_.closes_at == oslo(2027, 3, 12, 12)
    assert round_.closes_at == datetime.datetime(2027, 3, 12, 11, tzinfo=datetime.UTC)
    assert round_.criteria.count() == 9  # the defaults


def test_a_deadline_before_the_opening_is_shown_on_the_date(client_of, officer):
    scheme = made.scheme()
    page = client_of(officer).post(
        reverse("grants:round_create", args=[scheme.grant_maker_id, scheme.pk]),
        ROUND_POST | {"closes_on": "2027-01-01"},
    )
    assert page.status_code == 200
    assert "The deadline must come after the round opens." in page.content.decode()
    assert not Round.objects.exists()


def test_a_final_report_before_the_deadline_is_explained(client_of, officer):
    scheme = made.scheme()
    page = client_of(officer).post(
        reverse("grants:round_create", args=[scheme.grant_maker_id, scheme.pk]),
        ROUND_POST | {"final_report_due": "2027-03-01"},
    )
    assert "The final report must be due after the deadline" in page.content.decode()


def test_the_round_form_says_norwegian_time_and_shows_the_stored_times(client_of, officer):
    round_ = made.round_(opens_at=oslo(2027, 6, 1, 8, 30), closes_at=oslo(2027, 9, 1, 23, 59))
    url = reverse("grants:round_edit", args=[round_.grant_maker_id, round_.pk])
    page = client_of(officer).get(url).content.decode()
    assert "Norwegian time" in page
    assert 'value="08:30"' in page and 'value="23:59"' in page
    assert 'value="2027-09-01"' in page


def test_officer_moves_a_deadline(client_of, officer):
    round_ = made.round_()
    url = reverse("grants:round_edit", args=[round_.grant_maker_id, round_.pk])
    response = client_of(officer).post(url, ROUND_POST | {"opens_on": "2026-01-01"})
    assert response.status_code == 302
    round_.refresh_from_db()
    assert round_.closes_at == oslo(2027, 3, 12, 12)


def test_reviewer_cannot_change_a_round(client_of, reviewer):
    round_ = made.round_()
    url = reverse("grants:round_edit", args=[round_.grant_maker_id, round_.pk])
    assert client_of(reviewer).post(url, ROUND_POST).status_code == 404


# --- Criteria, conditions, questions -------------------------------------------------------


def _rows_url(name, round_):
    return reverse(f"grants:{name}", args=[round_.grant_maker_id, round_.pk])


def test_officer_changes_the_criteria_on_one_page(client_of, officer):
    round_ = made.round_()
    kept = made.criterion(round=round_, name="Skyss", weight=1, order=1)
    client = client_of(officer)
    page = client.get(_rows_url("round_criteria", round_)).content.decode()
    assert "Skyss" in page and "Criterion (Nynorsk)" in page
    response = client.post(
        _rows_url("round_criteria", round_),
        {
            "criteria-TOTAL_FORMS": "2",
            "criteria-INITIAL_FORMS": "1",
            "criteria-0-id": kept.pk,
            "criteria-0-name_nb": "Skyss og følge",
            "criteria-0-name_nn": "Skyss og følgje",
            "criteria-0-weight": "3",
            "criteria-0-order": "1",
            "criteria-1-name_nb": "Lokal forankring",
            "criteria-1-weight": "2",
            "criteria-1-order": "2",
        },
    )
    assert response.status_code == 302
    saved = round_.criteria.values_list("name_nb", "name_nn", "weight")
    assert sorted((nb, nn or "", weight) for nb, nn, weight in saved) == [
        ("Lokal forankring", "", 2),  # empty: the page shows the bokmål
        ("Skyss og følge", "Skyss og følgje", 3),
    ]


def test_a_wrong_weight_is_shown_in_the_error_summary(client_of, officer):
    round_ = made.round_()
    page = client_of(officer).post(
        _rows_url("round_criteria", round_),
        {
            "criteria-TOTAL_FORMS": "1",
            "criteria-INITIAL_FORMS": "0",
            "criteria-0-name_nb": "For tung",
            "criteria-0-weight": "11",
            "criteria-0-order": "1",
        },
    )
    html = page.content.decode()
    assert page.status_code == 200
    assert "error-summary" in html and "Criterion 1 – Weight" in html
    assert not round_.criteria.exists()


def test_scored_criteria_are_shown_locked(client_of, officer):
    round_ = made.round_()
    criterion = made.criterion(round=round_)
    made.assignment(application=made.application(round=round_)).scores.create(
        criterion=criterion, value=3
    )
    client = client_of(officer)
    page = client.get(_rows_url("round_criteria", round_)).content.decode()
    assert "can no longer be changed" in page
    client.post(
        _rows_url("round_criteria", round_),
        {
            "criteria-TOTAL_FORMS": "1",
            "criteria-INITIAL_FORMS": "1",
            "criteria-0-id": criterion.pk,
            "criteria-0-name_nb": "Endret",
            "criteria-0-weight": "9",
            "criteria-0-order": "1",
        },
    )
    criterion.refresh_from_db()
    assert criterion.weight == 1


def test_officer_adds_a_condition_and_a_question(client_of, officer):
    round_ = made.round_()
    client = client_of(officer)
    client.post(
        _rows_url("round_conditions", round_),
        {
            "conditions-TOTAL_FORMS": "1",
            "conditions-INITIAL_FORMS": "0",
            "conditions-0-text_nb": "Ikke kjøp av utstyr alene.",
            "conditions-0-order": "1",
        },
    )
    client.post(
        _rows_url("round_questions", round_),
        {
            "questions-TOTAL_FORMS": "1",
            "questions-INITIAL_FORMS": "0",
            "questions-0-text": "Hvordan når dere dem som bor langt unna?",
            "questions-0-required": "on",
            "questions-0-order": "1",
        },
    )
    assert round_.conditions.get().text_nb == "Ikke kjøp av utstyr alene."
    assert round_.questions.get().required


def test_reviewer_does_not_find_the_criteria(client_of, reviewer):
    round_ = made.round_()
    assert client_of(reviewer).get(_rows_url("round_criteria", round_)).status_code == 404


# --- My page -------------------------------------------------------------------------------------


def test_a_person_working_only_for_one_grant_maker_starts_on_its_home(client_of, officer):
    response = client_of(officer).get(reverse("coordination:my_page"))
    assert response["Location"] == _home()


def test_a_person_with_a_municipal_role_too_sees_their_grant_work_on_my_page(client_of, officer):
    MembershipFactory(user=officer, municipality=municipality("3434"), role="coordinator")
    page = client_of(officer).get(reverse("coordination:my_page"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Your grant work" in html and _home() in html


def test_people_without_grant_roles_see_no_grant_work(client_of, coordinator_lom):
    page = client_of(coordinator_lom).get(reverse("coordination:my_page")).content.decode()
    assert "Your grant work" not in page


def test_the_national_administrator_finds_the_grant_makers_on_my_page(client_of, national_admin):
    page = client_of(national_admin).get(reverse("coordination:my_page")).content.decode()
    assert reverse("grants:grant_maker_list") in page


@pytest.mark.parametrize(
    "changes",
    [
        {"opens_on": "0001-01-01"},
        {"closes_on": "9999-12-31"},
        {"budget": str(10**30)},
        {"light_limit": str(10**12)},
        {"name": "x\x00y"},
        {"opens_time": "25:00"},
    ],
)
def test_absurd_round_values_are_refused_on_the_page(client_of, officer, changes):
    scheme = made.scheme()
    page = client_of(officer).post(
        reverse("grants:round_create", args=[scheme.grant_maker_id, scheme.pk]),
        ROUND_POST | changes,
    )
    assert page.status_code == 200
    assert "error-summary" in page.content.decode()
    assert not Round.objects.exists()


def test_absurd_scheme_and_criterion_values_are_refused_on_the_page(client_of, officer):
    client = client_of(officer)
    page = client.post(
        reverse("grants:scheme_create", args=[national_grant_maker().pk]),
        {
            "name_nb": "x" * 100_000,
            "purpose_nb": "p\x00",
            "applicant_kinds": "everyone",
            "max_amount": str(10**30),
            "max_years": "99",
        },
    )
    assert page.status_code == 200 and not Scheme.objects.exists()
    round_ = made.round_()
    page = client.post(
        _rows_url("round_criteria", round_),
        {
            "criteria-TOTAL_FORMS": "1",
            "criteria-INITIAL_FORMS": "0",
            "criteria-0-name_nb": "ok",
            "criteria-0-weight": "1",
            "criteria-0-order": str(10**9),
        },
    )
    assert page.status_code == 200 and not round_.criteria.exists()
    page = client.post(
        _rows_url("round_criteria", round_),
        {"criteria-TOTAL_FORMS": "5000", "criteria-INITIAL_FORMS": "0"},
    )
    assert page.status_code == 200 and not round_.criteria.exists()


def test_an_officer_who_removes_their_own_role_goes_to_my_page(client_of, officer):
    GrantMakerRoleFactory(role=GrantRole.OFFICER)  # another officer stays
    own = GrantMakerRole.objects.get(user=officer)
    url = reverse("grants:grant_role_remove", args=[own.grant_maker_id, own.pk])
    response = client_of(officer).post(url)
    assert response["Location"] == reverse("coordination:my_page")
    assert not GrantMakerRole.objects.filter(pk=own.pk).exists()


def test_national_administrator_gives_a_grant_maker_an_officer(client_of, national_admin):
    grant_maker = GrantMakerFactory()
    person = UserFactory(email="ny.saksbehandler@example.org")
    url = reverse("grants:grant_maker_officer_add", args=[grant_maker.pk])
    client = client_of(national_admin)
    assert client.get(reverse("grants:grant_maker_list")).content.decode().count(url) == 1
    response = client.post(url, {"email": "ny.saksbehandler@example.org"})
    assert response.status_code == 302
    assert GrantMakerRole.objects.filter(
        grant_maker=grant_maker, user=person, role=GrantRole.OFFICER
    ).exists()


def test_the_list_counts_each_role_once_whatever_the_number_of_schemes(client_of, national_admin):
    GrantMakerRoleFactory(role=GrantRole.OFFICER)
    made.scheme()
    made.scheme()
    page = client_of(national_admin).get(reverse("grants:grant_maker_list"))
    (row,) = page.context["grant_makers"]
    assert (row.officers, row.reviewers, row.scheme_count) == (1, 0, 2)


def test_an_officer_cannot_add_officers_through_the_national_page(client_of, officer):
    url = reverse("grants:grant_maker_officer_add", args=[national_grant_maker().pk])
    assert client_of(officer).get(url).status_code == 404
