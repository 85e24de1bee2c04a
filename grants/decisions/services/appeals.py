"""Appeals (klage, Public Administration Act §§ 28–29): the applicant appeals the decision in
force within its deadline, with the reason; the officer reconsiders — upholds it or changes it
— or forwards it to the appeal body, whose result the officer records the same way."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from coordination.kernel import outbox
from coordination.kernel.models import User
from coordination.kernel.permissions import Verdict
from grants.applications.models import Application
from grants.applications.permissions import is_applicant
from grants.applications.services.transitions import transition
from grants.applications.workflow import DECIDED, Actor, Status
from grants.decisions.models import Appeal
from grants.decisions.services.deciding import (
    APPEAL_TRANSITION,
    _required_grounds,
    current_decision,
    is_final,
    record_decision,
    require_handler,
    today_in_oslo,
    validated_amounts,
)

NOTIFY_APPEAL_TASK = "grants.decisions.tasks.notify_appeal"
NOTIFY_APPEAL_RESULT_TASK = "grants.decisions.tasks.notify_appeal_result"


def open_appeal(application: Application) -> Appeal | None:
    """The appeal being handled (by the officer or the appeal body), if any."""
    return (
        application.appeals.filter(
            handling__in=[Appeal.Handling.PENDING, Appeal.Handling.FORWARDED]
        )
        .order_by("-lodged_at", "-pk")
        .first()
    )


def can_appeal(user, application: Application) -> Verdict:
    """The applicant appeals the decision in force until its deadline (the last day counts,
    Europe/Oslo); with the reason when not."""
    if not is_applicant(user, application):
        return Verdict(False, _("Only the applicant can appeal the decision."))
    decision = current_decision(application)
    if application.status == Status.APPEALED:
        return Verdict(False, _("You have appealed: the grant-maker is handling your appeal."))
    if decision is None or application.status not in DECIDED:
        return Verdict(False, _("This decision can no longer be appealed."))
    if is_final(decision):
        return Verdict(
            False,
            _(
                "The appeal body's decision is final and can no longer be appealed "
                "(Public Administration Act § 28)."
            ),
        )
    if today_in_oslo() > decision.appeal_deadline:
        return Verdict(
            False,
            _(
                "The deadline for appealing was %(date)s, so the decision can no longer be "
                "appealed. If something kept you from appealing in time, write to the "
                "grant-maker and say why."
            )
            % {"date": date_format(decision.appeal_deadline, "DATE_FORMAT")},
        )
    return Verdict(True)


def lodge_appeal(*, by: User, application: Application, reason: str) -> Appeal:
    """The applicant's appeal against the decision in force; the officers are told."""
    if not is_applicant(by, application):
        raise PermissionDenied
    verdict = can_appeal(by, application)
    if not verdict:
        raise ValidationError(verdict.reason)
    reason = reason.strip()
    if not reason:
        raise ValidationError(
            {"reason": _("Write why you appeal: what you think is wrong with the decision.")}
        )
    decision = current_decision(application)
    assert decision is not None  # can_appeal said so
    with transaction.atomic():
        transition(
            application=application, name="appeal", by=by, actor=Actor.APPLICANT, note=reason
        )
        appeal = Appeal.objects.create(
            grant_maker_id=application.grant_maker_id,
            application=application,
            decision=decision,
            reason=reason,
            lodged_by=by,
        )
        outbox.send(NOTIFY_APPEAL_TASK, appeal_id=appeal.pk)
    return appeal


HANDLINGS = (Appeal.Handling.UPHELD, Appeal.Handling.CHANGED, Appeal.Handling.FORWARDED)


def handle_appeal(
    *,
    by: User,
    appeal: Appeal,
    handling: str,
    notes: str,
    outcome: str | None = None,
    amounts_by_year: dict[int, int] | None = None,
    grounds: str = "",
    forwarded_to: str = "",
) -> Appeal:
    """The officer's handling of an open appeal: ``upheld`` (the decision stands), ``changed``
    (a new decision replaces it: ``outcome``, ``amounts_by_year``, ``grounds``) or
    ``forwarded`` to the appeal body (``forwarded_to``; the case stays appealed). A forwarded
    appeal's result is recorded later with upheld or changed."""
    application = appeal.application
    require_handler(by, application)
    if handling not in HANDLINGS:
        raise ValidationError(
            {"handling": _("Choose: uphold the decision, change it, or forward the appeal.")}
        )
    with transaction.atomic():
        appeal = Appeal.objects.select_for_update().select_related("decision").get(pk=appeal.pk)
        application.refresh_from_db(fields=["status"])
        if appeal.handling not in (Appeal.Handling.PENDING, Appeal.Handling.FORWARDED) or (
            application.status != Status.APPEALED
        ):
            raise ValidationError(_("This appeal has been handled already."))
        notes = notes.strip()
        if not notes:
            raise ValidationError({"notes": _("Write your assessment of the appeal.")})
        forwarded = appeal.handling == Appeal.Handling.FORWARDED
        if handling == Appeal.Handling.FORWARDED:
            if forwarded:
                raise ValidationError(
                    _("The appeal is with the appeal body: record its result instead.")
                )
            forwarded_to = forwarded_to.strip()
            if not forwarded_to:
                raise ValidationError({"forwarded_to": _("Write which body handles the appeal.")})
            appeal.forwarded_to = forwarded_to
        elif handling == Appeal.Handling.UPHELD:
            transition(
                application=application,
                name=APPEAL_TRANSITION[appeal.decision.outcome],
                by=by,
                actor=Actor.OFFICER,
                note=notes,
            )
        else:
            if outcome is None:
                raise ValidationError({"outcome": _("Choose what the new decision is.")})
            grounds = _required_grounds(grounds)
            amounts = validated_amounts(application, outcome, amounts_by_year or {})
            transition(
                application=application,
                name=APPEAL_TRANSITION[outcome],
                by=by,
                actor=Actor.OFFICER,
                note=notes,
            )
            record_decision(
                by=by,
                application=application,
                outcome=outcome,
                amounts=amounts,
                grounds=grounds,
                conditions=appeal.decision.conditions,
                replaces=appeal.decision,
                final=forwarded,
            )
        appeal.handling = handling
        appeal.notes = f"{appeal.notes}\n\n{notes}" if forwarded else notes
        appeal.handled_by = by
        appeal.handled_at = timezone.now()
        appeal.save(update_fields=["handling", "notes", "forwarded_to", "handled_by", "handled_at"])
        if handling != Appeal.Handling.CHANGED:  # a changed decision's letter tells it
            outbox.send(NOTIFY_APPEAL_RESULT_TASK, appeal_id=appeal.pk)
    return appeal
