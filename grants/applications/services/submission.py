"""Sending the application: what is still missing (in sentences, each with the section where
it is fixed), the deadline (server time, Europe/Oslo; ``closes_at`` is the last moment
accepted), the case number and the receipt; withdrawing; answering a request for more
information."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from coordination.kernel import outbox
from coordination.kernel.models import User
from grants.applications.models import Answer, Application, BudgetLine
from grants.applications.services.common import deadline_passed, not_open_yet, require_applicant
from grants.applications.services.drafting import questions_for
from grants.applications.services.transitions import transition
from grants.applications.workflow import Actor, Status, refusal_for
from grants.schemes.models import Round

# The pages where each part is written (URL names in the ``grants`` namespace).
EDIT, BUDGET, PARTNERS, ATTACHMENTS = (
    "application_edit",
    "application_budget",
    "application_partners",
    "application_attachments",
)


@dataclass(frozen=True)
class Missing:
    """Something that must be done before sending: the sentence and the section's page."""

    text: str
    section: str


def _kroner(amount: int) -> str:
    return f"{amount:,}".replace(",", "\u00a0")


def missing_items(application: Application) -> list[Missing]:
    """Everything that stops the application from being sent, in the order of the form."""
    found: list[Missing] = []

    def need(text: str, section: str) -> None:
        found.append(Missing(text, section))

    texts = (
        ("title", _("Write the name of the project.")),
        ("summary", _("Describe the project in a few sentences.")),
        ("description", _("Write the project description.")),
        ("target_groups", _("Say who the project is for.")),
        ("planned_activities", _("Say which activities you plan.")),
    )
    for name, sentence in texts:
        if not getattr(application, name).strip():
            need(sentence, EDIT)
    if not application.starts_on or not application.ends_on:
        need(_("Say when the project starts and ends."), EDIT)
    if not (application.contact_name.strip() and application.contact_email.strip()):
        need(_("Give the name and email of a contact person."), EDIT)
    for question in questions_for(application).filter(required=True):
        answered = Answer.objects.filter(application=application, question=question).exclude(
            text=""
        )
        if not answered.exists():
            need(_("Answer the question «%(question)s».") % {"question": question.text}, EDIT)

    scheme, round_ = application.round.scheme, application.round
    lines = list(application.budget_lines.all())
    requested = sum(line.amount for line in lines if line.source == BudgetLine.Source.GRANT)
    years = sorted({line.year for line in lines})
    if not requested:
        need(_("Add at least one budget line with money applied for here."), BUDGET)
    elif len(years) > scheme.max_years or (years and years[-1] - years[0] + 1 > scheme.max_years):
        need(
            ngettext(
                "The budget covers more years than the scheme allows (at most %(n)s year).",
                "The budget covers more years than the scheme allows (at most %(n)s years).",
                scheme.max_years,
            )
            % {"n": scheme.max_years},
            BUDGET,
        )
    else:
        if application.starts_on and application.ends_on:
            period = range(application.starts_on.year, application.ends_on.year + 1)
            if any(year not in period for year in years):
                need(_("Some budget lines are for years outside the project period."), BUDGET)
        ceiling = scheme.max_amount * len(years)
        if requested > ceiling:
            need(
                _(
                    "You apply for %(requested)s kroner; this scheme gives at most %(max)s "
                    "kroner a year (%(ceiling)s kroner for your budget's years)."
                )
                % {
                    "requested": _kroner(requested),
                    "max": _kroner(scheme.max_amount),
                    "ceiling": _kroner(ceiling),
                },
                BUDGET,
            )
        if application.light and round_.light_limit is not None and requested > round_.light_limit:
            need(
                _(
                    "A light application can ask for at most %(limit)s kroner; you apply for "
                    "%(requested)s. Lower the amount, or ask us to change it to a full "
                    "application."
                )
                % {"limit": _kroner(round_.light_limit), "requested": _kroner(requested)},
                BUDGET,
            )

    partners = list(application.partners.all())
    if scheme.partnership_required and not partners:
        need(_("This scheme requires a partner: add at least one."), PARTNERS)
    for partner in partners:
        if partner.declined_at:
            need(
                _("%(partner)s has said no to taking part: remove it from the application.")
                % {"partner": partner.name},
                PARTNERS,
            )
        elif not partner.confirmed_at:
            need(
                _("%(partner)s has not yet confirmed taking part.") % {"partner": partner.name},
                PARTNERS,
            )
    if application.light and application.attachments.exists():
        need(_("A light application has no attachments: remove them."), ATTACHMENTS)
    return found


def missing_for_submission(application: Application) -> list[str]:
    """What must be done before the application can be sent, each a sentence; empty: ready."""
    return [item.text for item in missing_items(application)]


def _next_number(round_: Round) -> int:
    # The round's row is locked by the caller: two applications sent at once are numbered
    # one after the other.
    highest = Application.objects.filter(round=round_).aggregate(n=Max("number"))["n"]
    return (highest or 0) + 1


def submit_application(*, by: User, application: Application) -> Application:
    """Send the application: refused after the deadline (``closes_at`` itself is accepted) and
    while something is missing. It gets its case number and is locked; the person who sent it
    and the contact person get a receipt."""
    require_applicant(by, application)
    now = timezone.now()
    round_ = application.round
    if application.status != Status.DRAFT:
        raise ValidationError(refusal_for(application.status))
    if round_.has_closed(now):
        raise ValidationError(deadline_passed(round_))
    if now < round_.opens_at:
        raise ValidationError(not_open_yet(round_))
    missing = missing_for_submission(application)
    if missing:
        raise ValidationError(missing)
    with transaction.atomic():
        Round.objects.select_for_update().get(pk=round_.pk)
        application.number = _next_number(round_)
        application.submitted_at = now
        application.save(update_fields=["number", "submitted_at", "updated_at"])
        transition(application=application, name="submit", by=by, actor=Actor.APPLICANT)
        outbox.send(
            "grants.applications.tasks.send_receipt", application=application.pk, submitter=by.pk
        )
    return application


def withdraw_application(*, by: User, application: Application, reason: str = "") -> Application:
    """The applicant takes the application back (until a decision is made)."""
    require_applicant(by, application)
    transition(
        application=application,
        name="withdraw",
        by=by,
        actor=Actor.APPLICANT,
        note=reason.strip(),
    )
    return application


def provide_information(*, by: User, application: Application, note: str) -> Application:
    """Send the application back to the grant-maker with what was asked for; ``note`` says
    what was added or changed."""
    require_applicant(by, application)
    if application.status != Status.MORE_INFORMATION:
        raise ValidationError(_("No more information has been asked for."))
    if not note.strip():
        raise ValidationError({"note": _("Write what you have added or changed.")})
    # What was changed must leave the application as complete as when it was sent.
    missing = missing_for_submission(application)
    if missing:
        raise ValidationError(missing)
    transition(
        application=application,
        name="provide_information",
        by=by,
        actor=Actor.APPLICANT,
        note=note.strip(),
    )
    return application
