"""The review pages: reviewers see only their own assignments and an application only after
declaring impartial; a municipal grant-maker's staff see only the reason on an application
where the municipality is a party; the officer's pages work, and never show the
municipality's involvement staircase."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coordination.models import GrantRole
from coordination.staircase.models import Assessment, StaircaseLevel
from grants.models import ReviewAssignment, Score, Status
from tests.factories import GrantMakerFactory, GrantMakerRoleFactory, municipality
from tests.grants.factories import (
    ApplicationPartnerFactory,
    ReviewAssignmentFactory,
    RoundFactory,
    store_score,
)
from tests.grants.review.helpers import a_reviewer, round_with_criteria, submitted

pytestmark = pytest.mark.django_db


def url(name, grant_maker, *args):
    return reverse(f"grants:{name}", args=[grant_maker.pk if grant_maker else 0, *args])


@pytest.fixture
def application():
    return submitted(round_with_criteria(), status="in_review", title="Fredagstreff i grendene")


@pytest.fixture
def assignment(application, reviewer):
    return ReviewAssignmentFactory(application=application, reviewer=reviewer)


# --- reviewers -----------------------------------------------------------------------------


def test_a_reviewer_sees_only_their_own_assignments(client_of, reviewer, assignment):
    other = ReviewAssignmentFactory(
        application=submitted(status="in_review", title="Someone else's"), reviewer=a_reviewer()
    )
    page = client_of(reviewer, language="en").get(url("review_list", assignment.grant_maker))
    assert page.status_code == 200
    assert assignment.application.reference in page.text
    assert other.application.reference not in page.text


def test_another_reviewers_assignment_is_404(client_of, assignment):
    intruder = a_reviewer()
    for name in ("review_declare", "review_score"):
        page = client_of(intruder, language="en").get(
            url(name, assignment.grant_maker, assignment.pk)
        )
        assert page.status_code == 404


def test_the_officer_is_not_a_reviewer(client_of, officer, assignment):
    for name in ("review_list",):
        assert (
            client_of(officer, language="en").get(url(name, assignment.grant_maker)).status_code
            == 404
        )
    page = client_of(officer, language="en").get(
        url("review_score", assignment.grant_maker, assignment.pk)
    )
    assert page.status_code == 404


def test_the_declaration_shows_parties_and_people_but_not_the_application(
    client_of, reviewer, assignment
):
    application = assignment.application
    ApplicationPartnerFactory(application=application, municipality=municipality("3435"))
    page = client_of(reviewer, language="en").get(
        url("review_declare", application.grant_maker, assignment.pk)
    )
    assert page.status_code == 200
    assert "Public Administration Act § 6" in page.text
    assert application.applicant_name in page.text
    assert "Vågå" in page.text and "Marit Nordheim (contact person)" in page.text
    assert application.description not in page.text


def test_undeclared_is_sent_to_the_declaration(client_of, reviewer, assignment):
    page = client_of(reviewer, language="en").get(
        url("review_score", assignment.grant_maker, assignment.pk)
    )
    assert page.status_code == 302
    assert page["Location"] == url("review_declare", assignment.grant_maker, assignment.pk)


def test_declaring_impartial_then_scoring_and_sending(client_of, reviewer, assignment):
    client = client_of(reviewer, language="en")
    gm = assignment.grant_maker
    page = client.post(url("review_declare", gm, assignment.pk), {"impartial": "yes"})
    assert page["Location"] == url("review_score", gm, assignment.pk)
    page = client.get(url("review_score", gm, assignment.pk))
    assert assignment.application.description in page.text
    first, second = assignment.application.round.criteria.all()
    page = client.post(
        url("review_score", gm, assignment.pk),
        {
            f"score_{first.pk}": "4",
            f"comment_{first.pk}": "Good partners.",
            f"score_{second.pk}": "na",
            "recommendation": "grant",
            "comment": "Worth it.",
            "action": "send",
        },
    )
    assert page.status_code == 302
    assignment.refresh_from_db()
    assert assignment.is_submitted
    assert Score.objects.get(criterion=second).value is None


def test_sending_an_incomplete_review_shows_what_is_missing(client_of, reviewer, assignment):
    assignment.impartial, assignment.declared_at = True, timezone.now()
    assignment.save()
    page = client_of(reviewer, language="en").post(
        url("review_score", assignment.grant_maker, assignment.pk), {"action": "send"}
    )
    assert page.status_code == 200
    assert "Score every criterion" in page.text
    assert not ReviewAssignment.objects.get(pk=assignment.pk).is_submitted


def test_not_impartial_cannot_open_or_score_even_by_post(client_of, reviewer, assignment):
    client = client_of(reviewer, language="en")
    gm = assignment.grant_maker
    client.post(url("review_declare", gm, assignment.pk), {"impartial": "no", "conflict": "Aunt."})
    assignment.refresh_from_db()
    assert assignment.impartial is False
    page = client.get(url("review_score", gm, assignment.pk))
    assert page.status_code == 200
    assert "You have declared yourself not impartial." in page.text
    assert assignment.application.description not in page.text
    first = assignment.application.round.criteria.first()
    client.post(
        url("review_score", gm, assignment.pk),
        {f"score_{first.pk}": "5", "recommendation": "grant", "action": "send"},
    )
    assert not Score.objects.exists()
    assert ReviewAssignment.objects.get(pk=assignment.pk).submitted_at is None
    # The declaration cannot be undone.
    client.post(url("review_declare", gm, assignment.pk), {"impartial": "yes"})
    assert ReviewAssignment.objects.get(pk=assignment.pk).impartial is False


# --- a municipal grant-maker and its own municipality ------------------------------------


@pytest.fixture
def lom_case():
    """Lom's own grant-maker, its officer and reviewer, and an application where Lom is a
    partner (an organisation from Vågå applies)."""
    maker = GrantMakerFactory(kind="municipality", municipality=municipality("3434"))
    officer = GrantMakerRoleFactory(grant_maker=maker, role=GrantRole.OFFICER).user
    reviewer = a_reviewer(grant_maker=maker)
    application = submitted(
        RoundFactory(scheme__grant_maker=maker), status="in_review",
        municipality=municipality("3435"),
    )  # fmt: skip
    ApplicationPartnerFactory(application=application, municipality=municipality("3434"))
    return maker, officer, reviewer, application


def test_the_officer_of_lom_sees_only_the_reason_on_an_application_where_lom_is_a_party(
    client_of, lom_case
):
    maker, officer, _reviewer, application = lom_case
    client = client_of(officer, language="en")
    page = client.get(url("case", maker, application.pk))
    assert page.status_code == 200
    assert "Lom is a party to this application" in page.text
    assert application.description not in page.text
    assert "Close the review" not in page.text
    page = client.post(url("case_close_review", maker, application.pk))
    assert page.status_code == 403
    application.refresh_from_db()
    assert application.status == Status.IN_REVIEW


def test_lom_applying_itself_blocks_its_own_officer(client_of, lom_case):
    maker, officer, _reviewer, _application = lom_case
    own = submitted(RoundFactory(scheme__grant_maker=maker), status="submitted", organisation=None)
    page = client_of(officer, language="en").get(url("case", maker, own.pk))
    assert "Lom is a party to this application" in page.text
    assert "Start screening" not in page.text


def test_the_reviewer_of_lom_cannot_declare_or_open(client_of, lom_case):
    maker, _officer, reviewer, application = lom_case
    assignment = ReviewAssignment.objects.create(
        grant_maker=maker, application=application, reviewer=reviewer
    )
    client = client_of(reviewer, language="en")
    page = client.get(url("review_declare", maker, assignment.pk))
    assert "Lom is a party to this application" in page.text
    assert "Send the declaration" not in page.text
    client.post(url("review_declare", maker, assignment.pk), {"impartial": "yes"})
    assert ReviewAssignment.objects.get(pk=assignment.pk).impartial is None


# --- the officer's pages --------------------------------------------------------------------


def test_the_case_page_shows_the_application_reviews_and_events(client_of, officer, assignment):
    application = assignment.application
    page = client_of(officer, language="en").get(
        url("case", application.grant_maker, application.pk)
    )
    assert page.status_code == 200
    for text in (application.description, "Olav Moen", "Close the review", "Case events"):
        assert text in page.text


def test_screening_and_assigning_from_the_case_page(client_of, officer, reviewer):
    application = submitted(round_with_criteria())
    gm = application.grant_maker
    client = client_of(officer, language="en")
    page = client.post(url("case_screen", gm, application.pk), {"eligible": "no"})
    assert page.status_code == 200 and "Write why the application is not eligible" in page.text
    page = client.post(url("case_screen", gm, application.pk), {"eligible": "yes"})
    assert page.status_code == 302
    application.refresh_from_db()
    assert application.status == Status.IN_REVIEW
    client.post(url("case_assign", gm, application.pk), {"reviewer": reviewer.pk})
    assert ReviewAssignment.objects.filter(application=application, reviewer=reviewer).exists()


def test_batch_assignment_from_the_round_list(client_of, officer, reviewer):
    round_ = RoundFactory()
    first, second = submitted(round_, status="in_review"), submitted(round_, status="screening")
    client = client_of(officer, language="en")
    list_url = url("round_applications", round_.grant_maker, round_.pk)
    page = client.get(list_url)
    assert page.status_code == 200 and first.reference in page.text
    client.post(list_url, {"applications": [first.pk, second.pk], "reviewers": [reviewer.pk]})
    assert ReviewAssignment.objects.filter(reviewer=reviewer).count() == 2


def test_the_ranking_shows_over_budget_in_words(client_of, officer):
    round_ = RoundFactory(budget=100_000)
    submitted(round_, status="in_review", proposed_amount=150_000)
    page = client_of(officer, language="en").get(
        url("round_ranking", round_.grant_maker, round_.pk)
    )
    assert page.status_code == 200
    assert "Over budget" in page.text and "over budget" in page.text


def test_the_fairness_page_has_a_table_and_an_accessible_chart(client_of, officer):
    round_ = RoundFactory(small_municipality_share=20)
    submitted(round_, status="in_review", proposed_amount=10_000)
    page = client_of(officer, language="en").get(
        url("round_fairness", round_.grant_maker, round_.pk)
    )
    assert page.status_code == 200
    assert "<table" in page.text and 'role="img"' in page.text and "<desc" in page.text
    assert "under 5" in page.text
    assert "Warning:" in page.text


def test_the_staircase_never_appears_in_review(client_of, officer, assignment, reviewer):
    application = assignment.application
    Assessment.objects.create(
        municipality=application.municipality, status=Assessment.Status.COMPLETED,
        completed_on=timezone.localdate(), level_reached=4, score=77, is_current=True,
    )  # fmt: skip
    assignment.impartial, assignment.declared_at = True, timezone.now()
    assignment.save()
    gm = application.grant_maker
    pages = [
        client_of(officer, language="en").get(url("case", gm, application.pk)),
        client_of(officer, language="en").get(url("round_ranking", gm, application.round_id)),
        client_of(officer, language="en").get(url("round_fairness", gm, application.round_id)),
        client_of(officer, language="en").get(url("round_applications", gm, application.round_id)),
        client_of(reviewer, language="en").get(url("review_score", gm, assignment.pk)),
    ]
    # The level's own words (its description), in English and bokmål, and the words for it.
    level = StaircaseLevel.objects.get(number=4)
    words = [level.description_en[:60], level.description_nb[:60], "staircase", "trapp"]
    for page in pages:
        assert page.status_code == 200
        text = page.text.lower()
        assert not [word for word in words if word.lower() in text]


# --- the round's pages at scale -------------------------------------------------------------


def _count_queries(client, address):
    with CaptureQueriesContext(connection) as queries:
        page = client.get(address)
    assert page.status_code == 200
    return len(queries)


def _scored(round_, reviewer, **fields):
    """An application in review with one sent review by ``reviewer``."""
    application = submitted(round_, status="in_review", **fields)
    assignment = ReviewAssignmentFactory(
        application=application, reviewer=reviewer, impartial=True,
        declared_at=timezone.now(), submitted_at=timezone.now(), recommendation="grant",
    )  # fmt: skip
    for criterion in round_.criteria.all():
        Score.objects.create(assignment=assignment, criterion=criterion, value=3)
    store_score(assignment)
    return application


def test_the_round_pages_take_as_many_queries_for_many_applications_as_for_few(
    client_of, officer, reviewer
):
    round_ = round_with_criteria()
    gm = round_.grant_maker
    for _ in range(3):
        _scored(round_, reviewer, proposed_amount=1_000)
    addresses = {
        "ranking": url("round_ranking", gm, round_.pk),
        "ranking, where the budget runs out": url("round_ranking", gm, round_.pk) + "?page=budget",
        "fairness": url("round_fairness", gm, round_.pk),
        "list": url("round_applications", gm, round_.pk),
        "list, a later page": url("round_applications", gm, round_.pk) + "?page=2",
    }
    officer_client = client_of(officer, language="en")
    few = {name: _count_queries(officer_client, a) for name, a in addresses.items()}
    few["my reviews"] = _count_queries(client_of(reviewer), url("review_list", gm))
    for _ in range(60):  # more than a page of each list
        _scored(round_, reviewer, proposed_amount=1_000)
    officer_client = client_of(officer, language="en")
    many = {name: _count_queries(officer_client, a) for name, a in addresses.items()}
    many["my reviews"] = _count_queries(client_of(reviewer), url("review_list", gm))
    assert few == many


def test_the_ranking_goes_page_by_page_and_the_running_total_carries_over(client_of, officer):
    round_ = round_with_criteria(budget=500_000)
    for _ in range(55):
        submitted(round_, status="in_review", proposed_amount=10_000)
    client = client_of(officer, language="en")
    address = url("round_ranking", round_.grant_maker, round_.pk)
    first = client.get(address)
    assert first.text.count('name="amount"') == 50  # a propose form per row of the page only
    assert "Showing place 1 to 50 of 55 applications" in first.text
    assert "over budget" not in first.text  # 500 000 reached on the 50th row, not passed
    second = client.get(address + "?page=2")
    assert second.text.count('name="amount"') == 5
    assert "510,000" in second.text and "550,000" in second.text
    assert "<strong>over budget</strong>" in second.text
    assert "Over budget: the proposals are 50,000 NOK more than the budget." in second.text
    # The link to where the budget runs out opens the page with the first row over it.
    assert "?page=budget#budget-line" in first.text
    at_the_line = client.get(address + "?page=budget")
    assert 'id="budget-line"' in at_the_line.text and "Page 2 of 2" in at_the_line.text
    assert 'id="budget-line"' not in first.text


def test_proposing_from_a_later_page_of_the_ranking_comes_back_to_it(client_of, officer):
    round_ = round_with_criteria()
    applications = [submitted(round_, status="in_review") for _ in range(55)]
    gm = round_.grant_maker
    response = client_of(officer, language="en").post(
        url("case_propose", gm, applications[-1].pk),
        {"amount": "70000", "back": "ranking", "page": "2"},
    )
    assert response.status_code == 302
    assert response["Location"] == url("round_ranking", gm, round_.pk) + "?page=2"
    applications[-1].refresh_from_db()
    assert applications[-1].proposed_amount == 70_000


def test_my_reviews_go_page_by_page(client_of, reviewer):
    round_ = round_with_criteria()
    for _ in range(30):
        ReviewAssignmentFactory(
            application=submitted(round_, status="in_review"), reviewer=reviewer
        )
    address = url("review_list", round_.grant_maker)
    first = client_of(reviewer, language="en").get(address)
    assert first.text.count("Declare impartiality") == 25 and "Page 1 of 2" in first.text
    second = client_of(reviewer, language="en").get(address + "?page=2")
    assert second.text.count("Declare impartiality") == 5


def test_the_case_page_takes_as_many_queries_for_many_reviews_as_for_one(client_of, officer):
    round_ = round_with_criteria()
    application = _scored(round_, a_reviewer())
    a_reviewer()  # one left to assign, so the assignment form is shown both times
    address = url("case", round_.grant_maker, application.pk)
    one = _count_queries(client_of(officer, language="en"), address)
    for _ in range(3):
        assignment = ReviewAssignmentFactory(
            application=application, reviewer=a_reviewer(), impartial=True,
            declared_at=timezone.now(), submitted_at=timezone.now(), recommendation="grant",
        )  # fmt: skip
        for criterion in round_.criteria.all():
            Score.objects.create(assignment=assignment, criterion=criterion, value=4)
        store_score(assignment)
        _scored(round_, a_reviewer())  # and more applications in the round
    assert _count_queries(client_of(officer, language="en"), address) == one
