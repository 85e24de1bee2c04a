"""An application goes from draft to granted in a real browser, by keyboard alone (issue 16):
the volunteer centre's representative writes it, fills in the budget and sends it; the national
grant-maker's officer screens it and assigns a reviewer; the reviewer declares impartiality and
scores it; the officer closes the review and grants it. axe checks each form on the way."""

import datetime
import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import expect

from grants.models import Application, Decision, Status
from tests.e2e.conftest import assert_accessible, speak, tab_to, type_into
from tests.factories import (
    PASSWORD,
    GrantMakerRoleFactory,
    MembershipFactory,
    PartnerOrganisationFactory,
    UserFactory,
    municipality,
    national_grant_maker,
)
from tests.grants.factories import CriterionFactory, RoundFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _log_in(page, base_url: str, email: str) -> None:
    """Log in with the keyboard; each person lands on their own start page."""
    page.context.clear_cookies()
    speak(page, base_url, "en")
    page.goto(base_url + "/accounts/login/")
    type_into(page, email, name="login")
    type_into(page, PASSWORD, name="password")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _press(page, text: str) -> None:
    """Tab to the button or link with this text and press Enter: the page moves on."""
    tab_to(page, text=text)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _choose(page, name: str, steps: int = 0) -> None:
    """Tab into a group of radio buttons, move ``steps`` down and choose with Space."""
    tab_to(page, name=name)
    for _ in range(steps):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")


@pytest.fixture
def people():
    lom = municipality("3434")
    centre = PartnerOrganisationFactory(name="Lom frivilligsentral")
    centre.municipalities.add(lom)
    applicant = UserFactory(full_name="Marit Nordheim", preferred_language="en")
    MembershipFactory(
        user=applicant, municipality=lom, role="partner_representative", organisation=centre
    )
    grant_maker = national_grant_maker()
    officer = GrantMakerRoleFactory(
        user=UserFactory(full_name="Sigrid Lien", preferred_language="en"), role="officer"
    ).user
    reviewer = GrantMakerRoleFactory(
        user=UserFactory(full_name="Olav Moen", preferred_language="en"), role="reviewer"
    ).user
    round_ = RoundFactory(scheme__grant_maker=grant_maker, name="2027")
    for order, name in enumerate(["Partnership and cooperation", "Inclusion of frail elderly"]):
        CriterionFactory(round=round_, name_nb=name, weight=2 - order, order=order)
    return {"applicant": applicant, "officer": officer, "reviewer": reviewer, "round": round_}


def test_an_application_goes_from_draft_to_granted_by_keyboard(live_server, page, axe, people):
    cache.clear()
    base, round_ = live_server.url, people["round"]
    year = timezone.localdate().year + 1

    # The applicant starts from the round's public page.
    _log_in(page, base, people["applicant"].email)
    page.goto(f"{base}/grants/rounds/{round_.pk}/")
    _press(page, "Start an application")
    assert_accessible(axe, page)
    _choose(page, "applying_as")
    type_into(page, "Friday gathering with pick-up", name="title")
    _press(page, "Start the application")
    application = Application.objects.get()
    expect(page).to_have_url(re.compile(rf"/grants/applications/{application.pk}/$"))

    page.goto(f"{base}/grants/applications/{application.pk}/edit/")
    for name, text in [
        ("summary", "A weekly gathering with pick-up through the villages."),
        ("description", "Volunteers fetch those who cannot come on their own."),
        ("target_groups", "Home-dwelling elderly, people with dementia too."),
        ("planned_activities", "Friday gatherings every week."),
        ("continuation", "The volunteer centre carries on with its own volunteers."),
    ]:
        type_into(page, text, name=name)
    type_into(page, f"0301{year}", name="starts_on")  # the date field, typed month first
    type_into(page, f"1231{year}", name="ends_on")
    _press(page, "Save")
    application.refresh_from_db()
    assert application.starts_on == datetime.date(year, 3, 1)

    page.goto(f"{base}/grants/applications/{application.pk}/budget/")
    assert_accessible(axe, page)
    tab_to(page, name="lines-0-year")
    page.keyboard.press("ArrowDown")  # the first year of the project
    type_into(page, "Transport and escort", name="lines-0-description")
    tab_to(page, name="lines-0-source")
    page.keyboard.press("ArrowDown")  # «Applied for here»
    type_into(page, "150000", name="lines-0-amount")
    _press(page, "Save the budget")
    assert application.requested_amount() == 150_000

    page.goto(f"{base}/grants/applications/{application.pk}/submit/")
    assert_accessible(axe, page)
    _press(page, "Send the application now")
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED and application.number == 1
    assert any("2027-0001" in message.body for message in mail.outbox)  # the receipt

    # The officer screens it and gives it to the reviewer.
    officer, reviewer = people["officer"], people["reviewer"]
    grant_maker = round_.grant_maker_id
    _log_in(page, base, officer.email)
    page.goto(f"{base}/grants/makers/{grant_maker}/applications/{application.pk}/")
    assert_accessible(axe, page)
    _press(page, "Start screening")
    _choose(page, "eligible")  # «Yes: send it to the reviewers»
    _press(page, "Save the screening")
    tab_to(page, name="reviewer")
    page.keyboard.press("ArrowDown")
    _press(page, "Add the reviewer")
    application.refresh_from_db()
    assert application.status == Status.IN_REVIEW
    assignment = application.assignments.get()

    # The reviewer declares impartiality, then scores.
    _log_in(page, base, reviewer.email)
    page.goto(f"{base}/grants/makers/{grant_maker}/reviews/{assignment.pk}/")
    expect(page).to_have_url(re.compile(r"/declare/$"))  # not before the declaration
    assert_accessible(axe, page)
    _choose(page, "impartial")
    _press(page, "Send the declaration")
    for criterion in round_.criteria.all():
        _choose(page, f"score_{criterion.pk}", steps=4)
    _choose(page, "recommendation")  # «Grant»
    _press(page, "Send the review")
    assignment.refresh_from_db()
    assert assignment.submitted_at is not None
    assert list(assignment.scores.values_list("value", flat=True)) == [4, 4]

    # The officer closes the review and grants it.
    _log_in(page, base, officer.email)
    page.goto(f"{base}/grants/makers/{grant_maker}/applications/{application.pk}/")
    _press(page, "Close the review")
    page.goto(f"{base}/grants/makers/{grant_maker}/applications/{application.pk}/decide/")
    assert_accessible(axe, page)
    _choose(page, "outcome")  # «Granted»; the amount is the budget's
    type_into(page, "A strong partnership that reaches those who sit alone.", name="grounds")
    _press(page, "Make the decision")
    application.refresh_from_db()
    assert application.status == Status.GRANTED
    decision = Decision.objects.get()
    assert (decision.outcome, decision.amount) == ("granted", 150_000)
    assert list(application.events.values_list("to_status", flat=True)) == [
        "submitted", "screening", "in_review", "ready_for_decision", "granted"
    ]  # fmt: skip
