"""The officer's services: screening (with the reason when not eligible), more information by
email, reviewers one by one and in batch, the proposed award, closing the review — and a
municipal grant-maker's officer refused where the municipality is a party."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from coordination.models import GrantRole
from grants.models import ApplicationEvent, ReviewAssignment, Score, Status
from grants.review import services
from tests.factories import (
    GrantMakerFactory,
    GrantMakerRoleFactory,
    PartnerOrganisationFactory,
    UserFactory,
    municipality,
)
from tests.grants.factories import ApplicationPartnerFactory, RoundFactory
from tests.grants.review.helpers import a_reviewer, round_with_criteria, submitted

pytestmark = pytest.mark.django_db


def test_screening_from_submitted_starts_the_screening_and_sends_to_review(officer):
    round_ = round_with_criteria()
    application = submitted(round_)
    met = list(round_.conditions.values_list("pk", flat=True))
    services.screen_application(
        by=officer, application=application, eligible=True, conditions_met=met
    )
    application.refresh_from_db()
    assert application.status == Status.IN_REVIEW
    assert application.eligible is True
    assert application.screened_by == officer
    steps = list(application.events.values_list("transition", flat=True))
    assert steps == ["start_screening", "send_to_review"]


def test_not_eligible_needs_a_reason_and_goes_to_decision(officer):
    round_ = round_with_criteria()
    application = submitted(round_, status="screening")
    with pytest.raises(ValidationError):
        services.screen_application(by=officer, application=application, eligible=False)
    first = round_.conditions.first()
    services.screen_application(
        by=officer,
        application=application,
        eligible=False,
        reason="Equipment only.",
        conditions_met=[first.pk],
    )
    application.refresh_from_db()
    assert application.status == Status.READY_FOR_DECISION
    note = application.events.get(transition="screen_out").note
    assert "Equipment only." in note and "«Low-threshold»" in note
    assert "«Within the goal»" not in note


def test_start_screening_only_from_submitted(officer):
    application = submitted()
    services.start_screening(by=officer, application=application)
    assert application.status == Status.SCREENING
    with pytest.raises(ValidationError):
        services.start_screening(by=officer, application=application)


def test_request_information_opens_the_application_and_emails_the_applicant(
    officer, applicant, django_capture_on_commit_callbacks
):
    organisation = PartnerOrganisationFactory()
    applicant.memberships.update(organisation=organisation)
    application = submitted(status="in_review", organisation=organisation)
    with django_capture_on_commit_callbacks(execute=True):
        services.request_information(
            by=officer, application=application, request="Send the budget for 2028."
        )
    application.refresh_from_db()
    assert application.status == Status.MORE_INFORMATION
    assert application.information_request == "Send the budget for 2028."
    assert [m.to for m in mail.outbox] == [[applicant.email]]
    assert "Send the budget for 2028." in mail.outbox[0].body


def test_the_municipality_applying_is_reached_through_its_coordinators(
    officer, coordinator_lom, django_capture_on_commit_callbacks
):
    application = submitted(status="screening", organisation=None)
    with django_capture_on_commit_callbacks(execute=True):
        services.request_information(by=officer, application=application, request="More.")
    assert [m.to for m in mail.outbox] == [[coordinator_lom.email]]


def test_a_reviewer_cannot_take_officer_steps(reviewer):
    application = submitted()
    with pytest.raises(PermissionDenied):
        services.start_screening(by=reviewer, application=application)


def test_assign_in_batch_skips_existing_and_tells_each_reviewer_once(
    officer, django_capture_on_commit_callbacks
):
    round_ = RoundFactory()
    first, second = submitted(round_, status="in_review"), submitted(round_, status="screening")
    olav, kari = a_reviewer(full_name="Olav"), a_reviewer(full_name="Kari")
    ReviewAssignment.objects.create(
        grant_maker=first.grant_maker, application=first, reviewer=olav, impartial=False,
        conflict="My brother leads it.",
    )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        created = services.assign_reviewers(
            by=officer, applications=[first, second], reviewers=[olav, kari]
        )
    assert {(a.application_id, a.reviewer_id) for a in created} == {
        (second.pk, olav.pk),
        (first.pk, kari.pk),
        (second.pk, kari.pk),
    }
    # The declared conflict stands: Olav is not put back on the first application.
    assert ReviewAssignment.objects.get(application=first, reviewer=olav).impartial is False
    assert sorted(m.to[0] for m in mail.outbox) == sorted([olav.email, kari.email])


def test_only_the_grant_makers_reviewers_can_be_assigned(officer):
    application = submitted(status="in_review")
    stranger = UserFactory()
    other_makers = a_reviewer(grant_maker=GrantMakerFactory())
    for person in (stranger, other_makers):
        with pytest.raises(ValidationError):
            services.assign_reviewers(by=officer, applications=[application], reviewers=[person])
    assert not ReviewAssignment.objects.exists()


def test_no_reviewers_once_the_review_is_closed(officer):
    application = submitted(status="ready_for_decision")
    with pytest.raises(ValidationError):
        services.assign_reviewers(by=officer, applications=[application], reviewers=[a_reviewer()])


def test_unassign_only_before_scores(officer):
    round_ = round_with_criteria()
    application = submitted(round_, status="in_review")
    [assignment] = services.assign_reviewers(
        by=officer, applications=[application], reviewers=[a_reviewer()]
    )
    Score.objects.create(assignment=assignment, criterion=round_.criteria.first(), value=3)
    with pytest.raises(ValidationError):
        services.unassign_reviewer(by=officer, assignment=assignment)
    assignment.scores.all().delete()
    services.unassign_reviewer(by=officer, assignment=assignment)
    assert not ReviewAssignment.objects.exists()


def test_propose_award_while_in_review_or_ready(officer):
    application = submitted(status="in_review")
    services.propose_award(by=officer, application=application, amount=150_000)
    application.refresh_from_db()
    assert application.proposed_amount == 150_000
    services.propose_award(by=officer, application=application, amount=None)
    application.refresh_from_db()
    assert application.proposed_amount is None
    screening = submitted(status="screening")
    with pytest.raises(ValidationError):
        services.propose_award(by=officer, application=screening, amount=1)


def test_close_review_makes_it_ready_for_decision(officer):
    application = submitted(status="in_review")
    services.close_review(by=officer, application=application)
    assert application.status == Status.READY_FOR_DECISION
    event = ApplicationEvent.objects.get(application=application)
    assert (event.transition, event.actor) == ("close_review", officer)


@pytest.fixture
def lom_maker():
    """Lom's own grant-maker, with an officer and a reviewer."""
    maker = GrantMakerFactory(kind="municipality", municipality=municipality("3434"))
    officer = GrantMakerRoleFactory(grant_maker=maker, role=GrantRole.OFFICER).user
    reviewer = a_reviewer(grant_maker=maker)
    return maker, officer, reviewer


@pytest.mark.parametrize("party", ["applicant", "partner"])
def test_a_municipal_grant_makers_officer_is_refused_where_the_municipality_is_a_party(
    lom_maker, party
):
    maker, officer, reviewer = lom_maker
    round_ = RoundFactory(scheme__grant_maker=maker)
    if party == "applicant":
        application = submitted(round_, organisation=None)
    else:
        application = submitted(round_)
        ApplicationPartnerFactory(application=application, municipality=municipality("3434"))
    for write in (
        lambda: services.start_screening(by=officer, application=application),
        lambda: services.screen_application(by=officer, application=application, eligible=True),
        lambda: services.assign_reviewers(
            by=officer, applications=[application], reviewers=[reviewer]
        ),
        lambda: services.request_information(by=officer, application=application, request="x"),
    ):
        with pytest.raises(PermissionDenied, match="Public Administration Act"):
            write()
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED


def test_a_municipal_grant_makers_officer_handles_other_applications(lom_maker):
    maker, officer, _reviewer = lom_maker
    round_ = RoundFactory(scheme__grant_maker=maker)
    # An organisation in Lom applies alone: Lom itself is not a party.
    application = submitted(round_)
    services.start_screening(by=officer, application=application)
    assert application.status == Status.SCREENING
