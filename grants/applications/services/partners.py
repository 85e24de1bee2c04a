"""Partners in a joint application: the applicant names them, each confirms (or declines)
taking part from its own login."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from coordination.kernel import outbox
from coordination.kernel.models import Membership, Municipality, Role, User
from coordination.partners.models import PartnerOrganisation
from grants.applications.models import Application, ApplicationPartner
from grants.applications.permissions import speaks_for_partner
from grants.applications.services.common import require_editable
from grants.applications.workflow import EDITABLE, refusal_for


def add_partner(
    *,
    by: User,
    application: Application,
    contribution: str,
    organisation: PartnerOrganisation | None = None,
    municipality: Municipality | None = None,
) -> ApplicationPartner:
    """Name a partner (an organisation or a municipality) and what it does in the project; its
    representatives (or the municipality's coordinators) are asked to confirm."""
    require_editable(by, application)
    if (organisation is None) == (municipality is None):
        raise ValidationError(_("Choose one organisation or one municipality."))
    if not contribution.strip():
        raise ValidationError({"contribution": _("Write what the partner does in the project.")})
    if organisation is not None and organisation.pk == application.organisation_id:
        raise ValidationError(_("The applicant cannot be its own partner."))
    if (
        municipality is not None
        and application.organisation_id is None
        and municipality.pk == application.municipality_id
    ):
        raise ValidationError(_("The applicant cannot be its own partner."))
    partners = application.partners
    if (organisation is not None and partners.filter(organisation=organisation).exists()) or (
        municipality is not None and partners.filter(municipality=municipality).exists()
    ):
        raise ValidationError(_("This partner is already in the application."))
    try:
        with transaction.atomic():
            partner = ApplicationPartner.objects.create(
                application=application,
                organisation=organisation,
                municipality=municipality,
                contribution=contribution.strip(),
            )
            outbox.send("grants.applications.tasks.ask_partner_to_confirm", partner=partner.pk)
    except IntegrityError:  # the same partner added at the same moment (a double click)
        raise ValidationError(_("This partner is already in the application.")) from None
    return partner


def remove_partner(*, by: User, partner: ApplicationPartner) -> None:
    require_editable(by, partner.application)
    partner.delete()


def answer_partnership(
    *, by: User, partner: ApplicationPartner, confirm: bool
) -> ApplicationPartner:
    """The partner's own answer: taking part, or not. It may change its mind until the
    application is sent."""
    if not speaks_for_partner(by, partner):
        raise PermissionDenied
    application = partner.application
    if not application.is_editable:
        raise ValidationError(refusal_for(application.status))
    now = timezone.now()
    partner.confirmed_at = now if confirm else None
    partner.declined_at = None if confirm else now
    partner.answered_by = by
    with transaction.atomic():
        partner.save(update_fields=["confirmed_at", "declined_at", "answered_by"])
        outbox.send("grants.applications.tasks.tell_partner_answer", partner=partner.pk)
    return partner


def partnerships_waiting_for(user: User) -> list[ApplicationPartner]:
    """Partnerships ``user`` is asked to answer (as a representative of the organisation or a
    coordinator of the municipality), in applications still being written."""
    own = Membership.objects.filter(user=user)
    return list(
        ApplicationPartner.objects.filter(
            confirmed_at__isnull=True,
            declined_at__isnull=True,
            application__status__in=EDITABLE,
        )
        .filter(
            Q(organisation__in=own.filter(role=Role.PARTNER_REPRESENTATIVE).values("organisation"))
            | Q(municipality__in=own.filter(role=Role.COORDINATOR).values("municipality"))
        )
        .select_related(
            "application__organisation", "application__municipality", "organisation", "municipality"
        )
        .order_by("application__created_at", "pk")[:50]
    )
