"""What the applicant's services share: who may apply as whom, the check every edit starts
with, and the deadline said in words."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from coordination.kernel.models import Membership, Municipality, Role, User
from coordination.partners.models import PartnerOrganisation
from grants.applications.models import Application
from grants.applications.permissions import can_edit_application, is_applicant
from grants.schemes.models import ApplicantKind, Round


@dataclass(frozen=True)
class ApplyingAs:
    """One way a person may apply: for an organisation they represent (from its municipality
    in Samspill) or, with ``organisation`` None, for a municipality they coordinate."""

    municipality: Municipality
    organisation: PartnerOrganisation | None = None

    @property
    def key(self) -> str:
        """The value a form sends: «3434» or «3434:12»."""
        if self.organisation is None:
            return self.municipality.pk
        return f"{self.municipality.pk}:{self.organisation.pk}"

    @property
    def name(self) -> str:
        if self.organisation is None:
            return self.municipality.official_name
        return self.organisation.name


def applying_as(user: User, round: Round | None = None) -> list[ApplyingAs]:
    """Every organisation ``user`` represents and every municipality they coordinate, limited
    to the kinds of applicant the round's scheme takes."""
    kinds = round.scheme.applicant_kinds if round is not None else ApplicantKind.BOTH
    memberships = (
        Membership.objects.filter(user=user, user__is_active=True)
        .filter(role__in=[Role.COORDINATOR, Role.PARTNER_REPRESENTATIVE])
        .select_related("municipality", "organisation")
        .order_by("municipality__name", "organisation__name", "pk")
    )
    found: list[ApplyingAs] = []
    for membership in memberships:
        if membership.role == Role.COORDINATOR and kinds != ApplicantKind.ORGANISATIONS:
            choice = ApplyingAs(membership.municipality)
        elif (
            membership.role == Role.PARTNER_REPRESENTATIVE
            and membership.organisation_id
            and kinds != ApplicantKind.MUNICIPALITIES
        ):
            choice = ApplyingAs(membership.municipality, membership.organisation)
        else:
            continue
        if choice.key not in {known.key for known in found}:
            found.append(choice)
    return found


def require_applicant(by: User, application: Application) -> None:
    if not is_applicant(by, application):
        raise PermissionDenied


def require_editable(by: User, application: Application) -> None:
    """The applicant changes the content only while the application may be changed (a draft
    before the deadline, or when more information is asked for)."""
    require_applicant(by, application)
    verdict = can_edit_application(by, application)
    if not verdict:
        raise ValidationError(verdict.reason)


def norwegian_time(moment) -> dict[str, str]:
    """«12:00» and «1. mars 2027»: a moment as people in Norway read it."""
    local = timezone.localtime(moment)
    return {"time": local.strftime("%H:%M"), "date": date_format(local.date(), "DATE_FORMAT")}


def deadline_passed(round: Round) -> str:
    return _(
        "The deadline passed at %(time)s on %(date)s (Norwegian time). The application "
        "can no longer be sent."
    ) % norwegian_time(round.closes_at)


def not_open_yet(round: Round) -> str:
    return _(
        "This round opens at %(time)s on %(date)s (Norwegian time). You can apply from then."
    ) % norwegian_time(round.opens_at)


def round_closed_reason(round: Round, moment=None) -> str:
    """Why no application can be started or sent now, or "" when the round is open."""
    moment = moment or timezone.now()
    if round.has_closed(moment):
        return deadline_passed(round)
    if moment < round.opens_at:
        return not_open_yet(round)
    return ""
