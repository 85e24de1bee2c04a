"""The application's state machine, exhaustively: every status × every transition × every
actor, against the edges written out here by hand (not read from the table under test), and
the one service that moves an application."""

import itertools

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from grants.applications import workflow
from grants.applications.models import ApplicationEvent
from grants.applications.services.transitions import transition
from grants.applications.workflow import Actor, Status
from tests.grants.factories import ApplicationFactory

# (transition, from, to, who) — the issue's workflow, written out edge by edge.
EDGES = {
    ("submit", "draft", "submitted", "applicant"),
    *{
        ("withdraw", s, "withdrawn", "applicant")
        for s in (
            "draft",
            "submitted",
            "more_information",
            "screening",
            "in_review",
            "ready_for_decision",
        )
    },  # fmt: skip
    ("start_screening", "submitted", "screening", "officer"),
    ("request_information", "submitted", "more_information", "officer"),
    ("request_information", "screening", "more_information", "officer"),
    ("request_information", "in_review", "more_information", "officer"),
    ("provide_information", "more_information", "screening", "applicant"),
    ("send_to_review", "screening", "in_review", "officer"),
    ("screen_out", "screening", "ready_for_decision", "officer"),
    ("close_review", "in_review", "ready_for_decision", "officer"),
    ("grant", "ready_for_decision", "granted", "officer"),
    ("grant_partly", "ready_for_decision", "partly_granted", "officer"),
    ("reject", "ready_for_decision", "rejected", "officer"),
    ("appeal", "granted", "appealed", "applicant"),
    ("appeal", "partly_granted", "appealed", "applicant"),
    ("appeal", "rejected", "appealed", "applicant"),
    ("appeal_granted", "appealed", "granted", "officer"),
    ("appeal_partly_granted", "appealed", "partly_granted", "officer"),
    ("appeal_rejected", "appealed", "rejected", "officer"),
    ("accept_grant", "granted", "reporting", "applicant"),
    ("accept_grant", "partly_granted", "reporting", "applicant"),
    ("close", "reporting", "closed", "officer"),
    ("close", "reporting", "closed", "system"),
    ("close", "rejected", "closed", "officer"),
    ("close", "rejected", "closed", "system"),
}
# Reviewers and anyone else make no transition at all.
ACTORS = [*Actor.values, "reviewer", "someone"]
EVERY_CASE = list(itertools.product(Status.values, workflow.TRANSITIONS, ACTORS))


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def test_the_table_names_every_transition_of_the_issue():
    assert {edge[0] for edge in EDGES} == set(workflow.TRANSITIONS)


@pytest.mark.parametrize(("status", "name", "actor"), EVERY_CASE)
def test_every_status_transition_and_actor(status, name, actor):
    allowed = {(n, s, who) for n, s, _target, who in EDGES}
    verdict = workflow.check(name, status, actor)
    assert bool(verdict) == ((name, status, actor) in allowed)
    if not verdict:
        assert verdict.reason  # a "no" always says why
    else:
        target = next(t for n, s, t, who in EDGES if (n, s, who) == (name, status, actor))
        assert workflow.TRANSITIONS[name].target == target


def test_withdrawn_and_closed_are_the_end():
    for status in (Status.WITHDRAWN, Status.CLOSED):
        assert workflow.ALLOWED[status] == frozenset()
        for actor in ACTORS:
            assert workflow.transitions_for(status, actor) == []


def test_the_reasons_are_in_words_the_applicant_knows():
    assert workflow.check("submit", "submitted", "applicant").reason == (
        "The application has been submitted and is locked."
    )
    assert workflow.check("withdraw", "withdrawn", "applicant").reason == (
        "The application has been withdrawn."
    )
    assert workflow.check("grant", "ready_for_decision", "applicant").reason == (
        "This step is not yours to take."
    )
    assert "Granted" in workflow.check("submit", "granted", "applicant").reason


@pytest.mark.django_db
def test_a_transition_changes_the_status_and_records_who_and_why(applicant):
    application = ApplicationFactory()
    event = transition(
        application=application, name="submit", by=applicant, actor=Actor.APPLICANT, note="Sendt"
    )
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    assert (event.from_status, event.to_status, event.actor, event.note) == (
        "draft", "submitted", applicant, "Sendt"
    )  # fmt: skip
    assert event.actor_name == applicant.full_name


@pytest.mark.django_db
def test_a_refused_transition_changes_nothing(officer):
    application = ApplicationFactory()
    with pytest.raises(ValidationError, match="not yours"):
        transition(application=application, name="submit", by=officer, actor=Actor.OFFICER)
    application.refresh_from_db()
    assert application.status == Status.DRAFT
    assert not ApplicationEvent.objects.exists()


@pytest.mark.django_db
def test_a_stale_copy_cannot_move_an_application_twice(applicant):
    """Two tabs (or a double click): the second sees the status has moved on."""
    application = ApplicationFactory()
    stale = type(application).objects.get(pk=application.pk)
    transition(application=application, name="submit", by=applicant, actor=Actor.APPLICANT)
    with pytest.raises(ValidationError, match="submitted and is locked"):
        transition(application=stale, name="withdraw", by=applicant, actor=Actor.APPLICANT)
    assert ApplicationEvent.objects.count() == 1


@pytest.mark.django_db
def test_the_portal_closes_a_case_without_a_person():
    application = ApplicationFactory(status=Status.REJECTED)
    event = transition(application=application, name="close", by=None, actor=Actor.SYSTEM)
    assert event.actor is None and event.actor_name == ""
    application.refresh_from_db()
    assert application.status == Status.CLOSED
