"""Who may do what with one application, with the reason a page shows (Verdict). The state
machine (``workflow``) says what may happen in a status; these say whether *this person* may.

Impartiality is built in: an officer or reviewer of a municipal grant-maker never handles an
application where that municipality is a party (Public Administration Act § 6), and a reviewer
opens an application only after declaring themselves impartial (``review.permissions``)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from coordination.kernel.models import GrantRole
from coordination.kernel.permissions import Verdict, has_grant_role
from grants.applications.models import Application, ApplicationPartner
from grants.applications.people import speakers_for
from grants.applications.workflow import EDITABLE, Status, refusal_for


def is_applicant(user, application: Application) -> bool:
    """Does ``user`` speak for the applicant (a representative of the applying organisation, or
    a coordinator of the applying municipality when the municipality applies)?"""
    if not user.is_authenticated or not user.is_active:
        return False
    return (
        speakers_for(
            organisation_id=application.organisation_id,
            municipality_id=application.municipality_id,
        )
        .filter(user=user)
        .exists()
    )


def speaks_for_partner(user, partner: ApplicationPartner) -> bool:
    """Does ``user`` answer for this partner (its representative, or a coordinator of the
    partner municipality)?"""
    if not user.is_authenticated or not user.is_active:
        return False
    return (
        speakers_for(
            organisation_id=partner.organisation_id, municipality_id=partner.municipality_id
        )
        .filter(user=user)
        .exists()
    )


def party_municipalities(application: Application) -> set[str]:
    """Numbers of the municipalities that are parties: the applicant's own when it applies
    itself, those involved, and partner municipalities."""
    numbers = set(application.municipalities.values_list("number", flat=True))
    numbers |= set(
        application.partners.filter(municipality__isnull=False).values_list(
            "municipality_id", flat=True
        )
    )
    if not application.organisation_id:
        numbers.add(application.municipality_id)
    return numbers


def own_municipality_conflict(application: Application) -> Verdict:
    """A municipal grant-maker may not judge an application where its municipality is a
    party: its officers and reviewers are then not impartial."""
    grant_maker = application.grant_maker
    own = grant_maker.municipality
    if own is not None and own.pk in party_municipalities(application):
        return Verdict(
            False,
            _(
                "%(municipality)s is a party to this application, so its own grant officers "
                "and reviewers cannot handle it (Public Administration Act § 6)."
            )
            % {"municipality": own.name},
        )
    return Verdict(True)


def can_edit_application(user, application: Application) -> Verdict:
    """The applicant changes the content while it is a draft (before the deadline) or when
    more information has been asked for."""
    if not is_applicant(user, application):
        return Verdict(False, _("Only the applicant can change the application."))
    if application.status not in EDITABLE:
        return Verdict(False, refusal_for(application.status))
    if application.status == Status.DRAFT and application.round.has_closed():
        return Verdict(False, _("The deadline has passed: the application can no longer be sent."))
    return Verdict(True)


def can_handle_application(user, application: Application) -> Verdict:
    """The grant-maker's officer handles the case: screening, reviewers, decision, appeals,
    reports — unless their own municipality is a party."""
    if not has_grant_role(user, application.grant_maker_id, GrantRole.OFFICER):
        return Verdict(False, _("Only the grant-maker's officers handle applications."))
    if application.status == Status.DRAFT:
        return Verdict(False, _("The application has not been submitted yet."))
    return own_municipality_conflict(application)


def can_view_application(user, application: Application) -> Verdict:
    """The applicant, its partners, the officers who may handle it; reviewers through their
    assignment (``review.permissions.can_open_review``)."""
    if is_applicant(user, application):
        return Verdict(True)
    if any(speaks_for_partner(user, p) for p in application.partners.all()):
        return Verdict(True)
    return can_handle_application(user, application)
