"""The pages: each a happy path and a refusal (the URL sweep covers the rest)."""

import pytest
from django.urls import reverse

from grants.decisions import services
from grants.decisions.models import Appeal, Outcome
from tests.grants.decisions.conftest import NEXT

pytestmark = pytest.mark.django_db


def decide_url(application):
    return reverse("grants:case_decide", args=[application.grant_maker_id, application.pk])


def test_officer_decides_on_the_page(officer, application, client_of):
    client = client_of(officer, language="en")
    page = client.get(decide_url(application))
    assert page.status_code == 200
    assert b'name="amount_%d" value="100000"' % NEXT in page.content
    assert b"three weeks" in page.content and b"nynorsk" in page.content
    response = client.post(
        decide_url(application),
        {
            "outcome": "partly_granted",
            f"amount_{NEXT}": "60000",
            f"amount_{NEXT + 1}": "90000",
            "grounds": "Runden har meir søknader enn pengar.",
            "conditions": "",
        },
    )
    assert response.status_code == 302
    decision = services.current_decision(application)
    assert (decision.outcome, decision.amount) == ("partly_granted", 150_000)


def test_rejecting_on_the_page_ignores_the_prefilled_amounts(officer, application, client_of):
    client_of(officer, language="en").post(
        decide_url(application),
        {
            "outcome": "rejected",
            f"amount_{NEXT}": "100000",
            f"amount_{NEXT + 1}": "150000",
            "grounds": "Utanfor målgruppa.",
        },
    )
    assert services.current_decision(application).amount == 0


def test_missing_grounds_are_shown_on_the_form(officer, application, client_of):
    response = client_of(officer, language="en").post(
        decide_url(application), {"outcome": "rejected", "grounds": ""}
    )
    assert response.status_code == 200
    assert b"Write the grounds" in response.content
    assert not application.decisions.exists()


def test_the_page_says_when_the_application_is_not_ready(officer, application, client_of):
    application.status = "in_review"
    application.save()
    page = client_of(officer, language="en").get(decide_url(application))
    assert page.status_code == 200
    assert b"not ready for a decision" in page.content
    assert b'name="grounds"' not in page.content


def test_applicant_cannot_open_the_decision_page(applicant, application, client_of):
    assert client_of(applicant).get(decide_url(application)).status_code == 404


@pytest.fixture
def decision(officer, application):
    return services.decide_application(
        by=officer,
        application=application,
        outcome=Outcome.GRANTED,
        amounts_by_year={NEXT: 100_000, NEXT + 1: 150_000},
        grounds="Godt tiltak.",
    )


def test_applicant_appeals_on_the_page(applicant, application, decision, client_of):
    url = reverse("grants:application_appeal", args=[application.pk])
    client = client_of(applicant, language="en")
    assert b'name="reason"' in client.get(url).content
    response = client.post(url, {"reason": "Vi ba om meir til skyss."})
    assert response.status_code == 302
    assert Appeal.objects.get(application=application).reason == "Vi ba om meir til skyss."
    assert b"handling your appeal" in client.get(url).content


def test_others_cannot_open_the_appeal_page(
    officer, coordinator_lom, application, decision, client_of
):
    url = reverse("grants:application_appeal", args=[application.pk])
    for person in (officer, coordinator_lom):
        assert client_of(person).get(url).status_code == 404


def test_officer_handles_the_appeal_on_the_page(
    officer, applicant, application, decision, client_of
):
    appeal = services.lodge_appeal(by=applicant, application=application, reason="Meir.")
    url = reverse("grants:appeal_handle", args=[application.grant_maker_id, appeal.pk])
    client = client_of(officer, language="en")
    page = client.get(url)
    assert b"Forward the appeal" in page.content and b"Meir." in page.content
    assert url.encode() in client.get(decide_url(application)).content  # linked from the case
    response = client.post(url, {"handling": "upheld", "notes": "Vedtaket står."})
    assert response.status_code == 302
    appeal.refresh_from_db()
    assert appeal.handling == "upheld"
    assert b"handled already" in client.get(url).content
    assert client_of(applicant).get(url).status_code == 404


def test_applicant_accepts_the_grant_on_the_page(applicant, application, decision, client_of):
    url = reverse("grants:application_accept", args=[application.pk])
    client = client_of(applicant, language="en")
    page = client.get(url)
    assert b"Final report for %d" % (NEXT + 1) in page.content
    assert client.post(url).status_code == 302
    application.refresh_from_db()
    assert application.status == "reporting"
    assert application.reports.count() == 2
    assert b"accepted the grant already" in client.get(url).content


def test_officer_cannot_accept_for_the_applicant(officer, application, decision, client_of):
    url = reverse("grants:application_accept", args=[application.pk])
    assert client_of(officer).post(url).status_code == 404
