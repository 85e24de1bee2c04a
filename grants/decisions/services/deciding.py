"""Deciding an application: the formal individual decision (enkeltvedtak) with its grounds, the
amount per year and the yearly instalments, the appeal deadline, the letter (made in a worker)
and the word to the applicant."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from coordination.kernel import files, languages, outbox
from coordination.kernel.models import GeneratedFile, User
from grants.applications.models import Application, BudgetLine
from grants.applications.permissions import can_handle_application
from grants.applications.services.transitions import transition
from grants.applications.workflow import Actor, Status
from grants.decisions.models import APPEAL_PERIOD, Appeal, Decision, Instalment, Outcome

OSLO = ZoneInfo("Europe/Oslo")
LETTER_TASK = "grants.decisions.tasks.make_decision_letter"
NOTIFY_DECISION_TASK = "grants.decisions.tasks.notify_decision"
# The permission a letter's file record is made under (the officers' rule).
LETTER_ACTION = "run_grants"

# The step that makes each outcome, first time and after an appeal.
DECIDE_TRANSITION: dict[str, str] = {
    Outcome.GRANTED: "grant",
    Outcome.PARTLY_GRANTED: "grant_partly",
    Outcome.REJECTED: "reject",
}
APPEAL_TRANSITION: dict[str, str] = {
    Outcome.GRANTED: "appeal_granted",
    Outcome.PARTLY_GRANTED: "appeal_partly_granted",
    Outcome.REJECTED: "appeal_rejected",
}


def current_decision(application: Application) -> Decision | None:
    """The decision in force: the newest, which no later decision replaces."""
    return (
        Decision.objects.in_force()
        .filter(application=application)
        .select_related("made_by", "letter")
        .order_by("-made_at", "-pk")
        .first()
    )


def is_final(decision: Decision) -> bool:
    """A decision the appeal body made on an appeal is final (Public Administration Act § 28,
    third paragraph): it cannot be appealed again."""
    if decision.replaces_id is None:
        return False
    return Appeal.objects.filter(decision_id=decision.replaces_id).exclude(forwarded_to="").exists()


def letter_language(application: Application) -> str:
    """The applicant municipality's written standard: nynorsk gives "nn", bokmål and neutral
    "nb"."""
    return languages.language_of_municipality(application.municipality_id)


def project_years(application: Application) -> list[int]:
    """The years the project runs: those of its budget and of its start and end dates."""
    years = set(application.budget_lines.values_list("year", flat=True))
    if application.starts_on and application.ends_on:
        years |= set(range(application.starts_on.year, application.ends_on.year + 1))
    return sorted(years) or [today_in_oslo().year]


def requested_by_year(application: Application) -> dict[int, int]:
    """NOK applied for per year (the budget's grant lines)."""
    found: dict[int, int] = defaultdict(int)
    lines = application.budget_lines.filter(source=BudgetLine.Source.GRANT)
    for year, amount in lines.values_list("year", "amount"):
        found[year] += amount
    return dict(found)


def proposed_amounts(application: Application) -> dict[int, int]:
    """What the decision form starts from, per project year: the amount applied for, or the
    officer's proposal for the whole period shared out in the same proportions."""
    years = project_years(application)
    requested = requested_by_year(application)
    amounts = {year: requested.get(year, 0) for year in years}
    total = sum(amounts.values())
    proposal = application.proposed_amount
    if proposal is None or proposal == total:
        return amounts
    if total == 0:
        return {year: (proposal if year == years[0] else 0) for year in years}
    shared = {year: amount * proposal // total for year, amount in amounts.items()}
    last = max(year for year, amount in amounts.items() if amount)
    shared[last] += proposal - sum(shared.values())
    return shared


def _kroner(amount: int) -> str:
    return f"{amount:,}".replace(",", "\u00a0")


def validated_amounts(
    application: Application, outcome: str, amounts_by_year: dict[int, int]
) -> dict[int, int]:
    """The amounts per year a decision may have (years without money left out), or
    ValidationError with what is wrong."""
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": _("Choose granted, partly granted or rejected.")})
    if any(amount < 0 for amount in amounts_by_year.values()):
        raise ValidationError(_("An amount cannot be less than zero."))
    amounts = {int(year): int(amount) for year, amount in amounts_by_year.items() if amount}
    if outcome == Outcome.REJECTED:
        if amounts:
            raise ValidationError(_("A rejection gives no money: leave the amounts at zero."))
        return {}
    total = sum(amounts.values())
    if total == 0:
        raise ValidationError(_("Write the amount granted for at least one year."))
    allowed = project_years(application)
    outside = sorted(set(amounts) - set(allowed))
    if outside:
        raise ValidationError(
            _("The project runs in %(years)s; %(year)s is outside it.")
            % {"years": ", ".join(str(y) for y in allowed), "year": outside[0]}
        )
    scheme = application.round.scheme
    if len(amounts) > scheme.max_years:
        raise ValidationError(
            _("The scheme gives grants for at most %(years)s years.") % {"years": scheme.max_years}
        )
    most = scheme.max_amount * len(amounts)
    if total > most:
        raise ValidationError(
            _(
                "The scheme gives at most %(max)s kroner a year: at most %(most)s kroner for "
                "%(years)s years, not %(total)s."
            )
            % {
                "max": _kroner(scheme.max_amount),
                "most": _kroner(most),
                "years": len(amounts),
                "total": _kroner(total),
            }
        )
    requested = application.requested_amount()
    if outcome == Outcome.PARTLY_GRANTED and requested and total >= requested:
        raise ValidationError(
            _(
                "A partial grant is less than the %(requested)s kroner applied for. To give it "
                "all, choose «Granted»."
            )
            % {"requested": _kroner(requested)}
        )
    if outcome == Outcome.GRANTED and requested and total < requested:
        raise ValidationError(
            _(
                "Less than the %(requested)s kroner applied for is a partial grant: choose "
                "«Partly granted»."
            )
            % {"requested": _kroner(requested)}
        )
    if outcome == Outcome.GRANTED and requested and total > requested:
        raise ValidationError(
            _("A grant cannot be larger than the %(requested)s kroner applied for.")
            % {"requested": _kroner(requested)}
        )
    return amounts


def require_handler(by: User, application: Application) -> None:
    """Only the grant-maker's officer who may handle the case (PermissionDenied otherwise)."""
    if not can_handle_application(by, application):
        raise PermissionDenied


def _required_grounds(grounds: str) -> str:
    grounds = grounds.strip()
    if not grounds:
        raise ValidationError(
            {"grounds": _("Write the grounds: why the application is decided this way.")}
        )
    return grounds


def decide_application(
    *,
    by: User,
    application: Application,
    outcome: str,
    amounts_by_year: dict[int, int],
    grounds: str,
    conditions: str = "",
) -> Decision:
    """Decide an application that is ready for decision: the decision with its instalments,
    then (after commit) its letter and the word to the applicant."""
    require_handler(by, application)
    if application.status != Status.READY_FOR_DECISION:
        raise ValidationError(
            _("The application is not ready for a decision yet: the review must be closed first.")
        )
    grounds = _required_grounds(grounds)
    amounts = validated_amounts(application, outcome, amounts_by_year)
    with transaction.atomic():
        transition(
            application=application, name=DECIDE_TRANSITION[outcome], by=by, actor=Actor.OFFICER
        )
        return record_decision(
            by=by,
            application=application,
            outcome=outcome,
            amounts=amounts,
            grounds=grounds,
            conditions=conditions.strip(),
        )


def record_decision(
    *,
    by: User,
    application: Application,
    outcome: str,
    amounts: dict[int, int],
    grounds: str,
    conditions: str,
    replaces: Decision | None = None,
    final: bool = False,
) -> Decision:
    """The decision and its instalments; its letter is made and the applicant told after
    commit. A ``final`` decision (the appeal body's) has no further appeal: its deadline is
    the day it was made."""
    today = today_in_oslo()
    decision = Decision.objects.create(
        grant_maker_id=application.grant_maker_id,
        application=application,
        outcome=outcome,
        amount=sum(amounts.values()),
        grounds=grounds,
        conditions=conditions if outcome != Outcome.REJECTED else "",
        made_by=by,
        appeal_deadline=today if final else today + APPEAL_PERIOD,
        replaces=replaces,
        language=letter_language(application),
    )
    Instalment.objects.bulk_create(
        Instalment(decision=decision, year=year, amount=amount)
        for year, amount in sorted(amounts.items())
    )
    request_letter(decision)
    outbox.send(NOTIFY_DECISION_TASK, decision_id=decision.pk)
    return decision


def letter_title(decision: Decision) -> str:
    with translation.override(decision.language or settings.LANGUAGE_CODE):
        return _("Decision letter %(reference)s") % {"reference": decision.application.reference}


@transaction.atomic
def request_letter(decision: Decision) -> GeneratedFile | None:
    """Ask a worker for the decision's letter, unless it is ready or being made (a letter
    removed with the generated files, or a job that failed or got stuck, is made again)."""
    asked = decision
    decision = (
        Decision.objects.select_for_update(of=("self",))
        .select_related("letter", "application", "made_by")
        .get(pk=decision.pk)
    )
    record = decision.letter
    if record is not None and record.status == GeneratedFile.Status.DONE and record.file:
        return record
    pending = GeneratedFile.Status.PENDING
    if record is not None and record.status == pending and not files.is_stuck(record):
        return record
    if decision.made_by is None:
        return None  # nobody to make it for (the officer's account is gone)
    record = GeneratedFile.objects.create(
        municipality_id=decision.application.municipality_id,
        requested_by=decision.made_by,
        action=LETTER_ACTION,
        title=letter_title(decision),
        # Kept with the case, not deleted with the exports after a week (kernel.retention).
        parameters={"decision": decision.pk, "kept": True},
        # No ``task``: the files page's "start again" sends a job's own arguments, which this
        # task does not take; a failed or stuck letter is asked for again here instead.
        queued_at=timezone.now(),
    )
    Decision.objects.filter(pk=decision.pk).update(letter=record)
    asked.letter = record
    outbox.send(LETTER_TASK, decision_id=decision.pk)
    return record


def application_path(application: Application) -> str:
    """The applicant's page of the application (the applications area's)."""
    return reverse("grants:application_detail", args=[application.pk])


def application_url(application: Application) -> str:
    return settings.SITE_URL + application_path(application)


def site_url(name: str, *args: object) -> str:
    return settings.SITE_URL + reverse(name, args=args)


def today_in_oslo() -> date:
    """Deadlines are dates in Norway, whatever time zone a request has activated."""
    return timezone.localdate(timezone=OSLO)
