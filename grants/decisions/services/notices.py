"""Telling people by email (from a worker, after the change has committed): the applicant of a
decision and of an appeal's handling, the officers of a new appeal."""

from __future__ import annotations

from coordination.kernel import mail
from coordination.kernel.models import User
from grants.applications.people import applicant_users, officers_of
from grants.applications.permissions import own_municipality_conflict
from grants.decisions.models import Appeal, Decision
from grants.decisions.services.deciding import application_url, site_url

TEMPLATES = "grants/decisions/email"


def notify_decision(decision: Decision) -> list[str]:
    """Each person who speaks for the applicant hears of the decision, with links to the
    application and the letter; returns the addresses written to."""
    application = decision.application
    context = {
        "application": application,
        "decision": decision,
        "grant_maker": decision.grant_maker,
        "after_appeal": decision.replaces_id is not None,
        "url": application_url(application),
        "letter_url": site_url("grants:decision_letter", decision.pk),
    }
    return [
        mail.send_email(to=person, template=f"{TEMPLATES}/decision", context=context)
        for person in applicant_users(application)
    ]


def appeal_handlers(appeal: Appeal) -> list[User]:
    """The grant-maker's officers who may handle the appeal (none of a municipal grant-maker
    whose municipality is a party)."""
    if not own_municipality_conflict(appeal.application):
        return []
    return officers_of(appeal.grant_maker)


def notify_appeal(appeal: Appeal) -> list[str]:
    """The grant-maker's officers hear of a new appeal, with the link to handle it."""
    context = {
        "appeal": appeal,
        "application": appeal.application,
        "url": site_url("grants:appeal_handle", appeal.grant_maker_id, appeal.pk),
    }
    return [
        mail.send_email(to=person, template=f"{TEMPLATES}/appeal_lodged", context=context)
        for person in appeal_handlers(appeal)
    ]


def notify_appeal_result(appeal: Appeal) -> list[str]:
    """The applicant hears that the decision was upheld, or that the appeal went to the
    appeal body. (A changed decision is told with its own letter.)"""
    application = appeal.application
    context = {
        "appeal": appeal,
        "application": application,
        "grant_maker": appeal.grant_maker,
        "url": application_url(application),
    }
    return [
        mail.send_email(to=person, template=f"{TEMPLATES}/appeal_handled", context=context)
        for person in applicant_users(application)
    ]
