"""The application's one state machine: every status, every transition, where it may start,
where it goes and who may make it — in this table and nowhere else. Services move an
application only through ``grants.applications.services.transition``, which asks ``check``.

    draft → submitted → screening → in review → ready for decision → granted / partly granted /
    rejected → appealed → … → reporting → closed; plus withdrawn and more information requested.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from coordination.kernel.permissions import Verdict


class Status(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("application status", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("application status", "Submitted")
    MORE_INFORMATION = "more_information", _("More information requested")
    SCREENING = "screening", pgettext_lazy("application status", "Being screened")
    IN_REVIEW = "in_review", pgettext_lazy("application status", "In review")
    READY_FOR_DECISION = "ready_for_decision", _("Ready for decision")
    GRANTED = "granted", pgettext_lazy("application status", "Granted")
    PARTLY_GRANTED = "partly_granted", pgettext_lazy("application status", "Partly granted")
    REJECTED = "rejected", pgettext_lazy("application status", "Rejected")
    APPEALED = "appealed", pgettext_lazy("application status", "Appealed")
    REPORTING = "reporting", pgettext_lazy("application status", "Reporting")
    CLOSED = "closed", pgettext_lazy("application status", "Closed")
    WITHDRAWN = "withdrawn", pgettext_lazy("application status", "Withdrawn")


class Actor(models.TextChoices):
    """Who makes a transition: the applicant's side, the grant-maker's officer, or the
    portal's own nightly jobs. Reviewers make none: they score, the officer decides."""

    APPLICANT = "applicant", _("Applicant")
    OFFICER = "officer", _("Grant officer")
    SYSTEM = "system", _("Samspill")


# The decisions an officer can make, and what an appeal can end in.
DECIDED = frozenset({Status.GRANTED, Status.PARTLY_GRANTED, Status.REJECTED})
# Until a decision, the applicant may withdraw; afterwards the decision stands or is appealed.
UNDECIDED = frozenset(
    {
        Status.DRAFT,
        Status.SUBMITTED,
        Status.MORE_INFORMATION,
        Status.SCREENING,
        Status.IN_REVIEW,
        Status.READY_FOR_DECISION,
    }
)


@dataclass(frozen=True)
class Transition:
    sources: frozenset[str]
    target: str
    actors: frozenset[str]
    label: str


def _t(sources, target: str, actors, label) -> Transition:
    return Transition(frozenset(sources), target, frozenset(actors), label)


APPLICANT, OFFICER, SYSTEM = Actor.APPLICANT, Actor.OFFICER, Actor.SYSTEM
TRANSITIONS: dict[str, Transition] = {
    "submit": _t({Status.DRAFT}, Status.SUBMITTED, {APPLICANT}, _("Submit")),
    "withdraw": _t(UNDECIDED, Status.WITHDRAWN, {APPLICANT}, _("Withdraw")),
    "start_screening": _t({Status.SUBMITTED}, Status.SCREENING, {OFFICER}, _("Start screening")),
    "request_information": _t(
        {Status.SUBMITTED, Status.SCREENING, Status.IN_REVIEW},
        Status.MORE_INFORMATION,
        {OFFICER},
        _("Ask for more information"),
    ),
    "provide_information": _t(
        {Status.MORE_INFORMATION}, Status.SCREENING, {APPLICANT}, _("Send the information")
    ),
    # Screening: eligible goes to review; not eligible goes straight to a (rejecting) decision.
    "send_to_review": _t(
        {Status.SCREENING}, Status.IN_REVIEW, {OFFICER}, _("Eligible: send to review")
    ),
    "screen_out": _t(
        {Status.SCREENING}, Status.READY_FOR_DECISION, {OFFICER}, _("Not eligible: to decision")
    ),
    "close_review": _t(
        {Status.IN_REVIEW}, Status.READY_FOR_DECISION, {OFFICER}, _("Close the review")
    ),
    "grant": _t({Status.READY_FOR_DECISION}, Status.GRANTED, {OFFICER}, _("Grant")),
    "grant_partly": _t(
        {Status.READY_FOR_DECISION}, Status.PARTLY_GRANTED, {OFFICER}, _("Grant in part")
    ),
    "reject": _t({Status.READY_FOR_DECISION}, Status.REJECTED, {OFFICER}, _("Reject")),
    "appeal": _t(DECIDED, Status.APPEALED, {APPLICANT}, _("Appeal")),
    # An appeal ends in a decision again: the same one (upheld) or another (changed), by the
    # officer's reconsideration or as the appeal body decided.
    "appeal_granted": _t({Status.APPEALED}, Status.GRANTED, {OFFICER}, _("Grant after the appeal")),
    "appeal_partly_granted": _t(
        {Status.APPEALED}, Status.PARTLY_GRANTED, {OFFICER}, _("Grant in part after the appeal")
    ),
    "appeal_rejected": _t(
        {Status.APPEALED}, Status.REJECTED, {OFFICER}, _("Reject after the appeal")
    ),
    "accept_grant": _t(
        {Status.GRANTED, Status.PARTLY_GRANTED},
        Status.REPORTING,
        {APPLICANT},
        _("Accept the grant"),
    ),
    # A final report approved, or a rejection no longer open to appeal.
    "close": _t(
        {Status.REPORTING, Status.REJECTED}, Status.CLOSED, {OFFICER, SYSTEM}, _("Close the case")
    ),
}

# Where each status may go (GuardedStatus's table, derived so there is one source).
ALLOWED: dict[str, frozenset[str]] = {
    status: frozenset(t.target for t in TRANSITIONS.values() if status in t.sources)
    for status in Status.values
}

# Statuses in which the applicant may still change the application's content.
EDITABLE = frozenset({Status.DRAFT, Status.MORE_INFORMATION})


def check(name: str, status: str, actor: str) -> Verdict:
    """May ``actor`` make transition ``name`` from ``status``? With the reason if not."""
    transition = TRANSITIONS[name]
    if status not in transition.sources:
        return Verdict(False, refusal_for(status))
    if actor not in transition.actors:
        return Verdict(False, str(_("This step is not yours to take.")))
    return Verdict(True)


def refusal_for(status: str) -> str:
    """Why nothing more of this kind can happen in ``status``, in words the applicant knows."""
    if status in (Status.SUBMITTED, Status.SCREENING, Status.IN_REVIEW, Status.READY_FOR_DECISION):
        return str(_("The application has been submitted and is locked."))
    if status == Status.WITHDRAWN:
        return str(_("The application has been withdrawn."))
    if status == Status.CLOSED:
        return str(_("The case is closed."))
    if status == Status.DRAFT:
        return str(_("The application has not been submitted yet."))
    return str(_("This cannot be done while the application is «%(status)s».")) % {
        "status": Status(status).label
    }


def transitions_for(status: str, actor: str) -> list[str]:
    """The transitions ``actor`` may make from ``status``, in the table's order."""
    return [name for name, t in TRANSITIONS.items() if status in t.sources and actor in t.actors]
