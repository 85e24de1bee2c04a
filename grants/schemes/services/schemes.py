"""Schemes and their rounds, and a round's criteria, eligibility conditions and questions.

A new round starts from the latest earlier round of its scheme, or from seed 000's defaults
stored in every language, so that an officer only changes what is new this year."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms import BaseModelFormSet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from coordination.kernel import permissions
from coordination.kernel.models import (
    GrantMaker,
    User,
)
from grants.schemes import defaults
from grants.schemes.models import (
    ApplicantKind,
    Criterion,
    EligibilityCondition,
    Question,
    Round,
    Scheme,
)

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

# --- Schemes ---------------------------------------------------------------------------------

# The scheme's fields a grant officer sets (the scheme form shows them in this order).
SCHEME_FIELDS = (
    "name_nb",
    "name_nn",
    "name_en",
    "purpose_nb",
    "purpose_nn",
    "purpose_en",
    "applicant_kinds",
    "partnership_required",
    "max_amount",
    "max_years",
)


def _check_scheme(scheme: Scheme) -> None:
    if not (getattr(scheme, "name_nb", None) or "").strip():
        raise ValidationError({"name_nb": _("Write the scheme's name in bokmål.")})
    if not (getattr(scheme, "purpose_nb", None) or "").strip():
        raise ValidationError({"purpose_nb": _("Write what the scheme funds, in bokmål.")})
    if scheme.applicant_kinds not in ApplicantKind.values:
        raise ValidationError({"applicant_kinds": _("Choose who may apply.")})
    if not scheme.max_amount or scheme.max_amount < 1:
        raise ValidationError({"max_amount": _("Write the largest amount per year.")})
    if not 1 <= (scheme.max_years or 0) <= 5:
        raise ValidationError({"max_years": _("A grant lasts from 1 to 5 years.")})


@transaction.atomic
def create_scheme(
    *,
    by: User,
    grant_maker: GrantMaker,
    name: str,
    purpose: str,
    applicant_kinds: str,
    partnership_required: bool,
    max_amount: int,
    max_years: int,
    name_nn: str = "",
    name_en: str = "",
    purpose_nn: str = "",
    purpose_en: str = "",
) -> Scheme:
    """A new scheme of the grant-maker; ``name`` and ``purpose`` are the bokmål words (the
    other languages fall back to them where left empty)."""
    permissions.require(by, "run_grants", grant_maker)
    scheme = Scheme(
        grant_maker=grant_maker,
        name_nb=name.strip(),
        name_nn=name_nn.strip(),
        name_en=name_en.strip(),
        purpose_nb=purpose.strip(),
        purpose_nn=purpose_nn.strip(),
        purpose_en=purpose_en.strip(),
        applicant_kinds=applicant_kinds,
        partnership_required=partnership_required,
        max_amount=max_amount,
        max_years=max_years,
    )
    _check_scheme(scheme)
    scheme.save()
    return scheme


@transaction.atomic
def update_scheme(*, by: User, scheme: Scheme, **fields: Any) -> Scheme:
    """Change a scheme's words and limits (``name_nb`` … ``max_years``)."""
    permissions.require(by, "run_grants", scheme)
    unknown = set(fields) - set(SCHEME_FIELDS)
    if unknown:
        raise TypeError(f"update_scheme() got unknown fields: {sorted(unknown)}")
    for field, value in fields.items():
        setattr(scheme, field, value.strip() if isinstance(value, str) else value)
    _check_scheme(scheme)
    scheme.save()
    return scheme


# --- Rounds ----------------------------------------------------------------------------------

ROUND_FIELDS = {
    "name",
    "opens_at",
    "closes_at",
    "budget",
    "small_municipality_share",
    "light_limit",
    "progress_report_due",
    "final_report_due",
}


def _check_round(round_: Round) -> None:
    """Cross-field rules a person can understand: closing after opening, reports after
    closing, a light form only below the scheme's largest amount."""
    errors: dict[str, str] = {}
    if not (round_.name or "").strip():
        errors["name"] = _("Give the round a name, for example the year.")
    if round_.closes_at <= round_.opens_at:
        errors["closes_at"] = _("The deadline must come after the round opens.")
    closing_day = timezone.localtime(round_.closes_at).date()
    if round_.final_report_due <= closing_day:
        errors["final_report_due"] = _(
            "The final report must be due after the deadline for applications."
        )
    if round_.progress_report_due is not None:
        if round_.progress_report_due <= closing_day:
            errors["progress_report_due"] = _(
                "The progress report must be due after the deadline for applications."
            )
        elif round_.progress_report_due >= round_.final_report_due:
            errors["progress_report_due"] = _(
                "The progress report must be due before the final report."
            )
    if round_.budget is None or round_.budget < 1:
        errors["budget"] = _("Write the round's budget.")
    if not 0 <= (round_.small_municipality_share or 0) <= 100:
        errors["small_municipality_share"] = _("Write a share from 0 to 100 per cent.")
    if round_.light_limit is not None and round_.light_limit > round_.scheme.max_amount:
        errors["light_limit"] = _(
            "The light application limit cannot be more than the scheme's largest amount "
            "(NOK %(amount)s)."
        ) % {"amount": round_.scheme.max_amount}
    if errors:
        raise ValidationError(errors)


def _in_every_language(text: Any) -> dict[str, str]:
    """A lazy string of the defaults in each of the site's languages."""
    found = {}
    for code in LANGUAGE_CODES:
        with translation.override(code):
            found[code] = str(text)
    return found


def _translated(field: str, text: Any) -> dict[str, str]:
    return {f"{field}_{code}": words for code, words in _in_every_language(text).items()}


def _copy_defaults(round_: Round) -> None:
    Criterion.objects.bulk_create(
        Criterion(
            round=round_,
            weight=weight,
            order=order,
            **_translated("name", name),
            **_translated("description", description),
        )
        for order, (name, description, weight) in enumerate(defaults.DEFAULT_CRITERIA, start=1)
    )
    EligibilityCondition.objects.bulk_create(
        EligibilityCondition(round=round_, order=order, **_translated("text", text))
        for order, text in enumerate(defaults.DEFAULT_CONDITIONS, start=1)
    )


def _fields_of(obj: Any, names: Iterable[str]) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in names}


def _translated_names(*fields: str) -> list[str]:
    return [f"{field}_{code}" for field in fields for code in LANGUAGE_CODES]


def _copy_from(source: Round, round_: Round) -> None:
    Criterion.objects.bulk_create(
        Criterion(
            round=round_,
            **_fields_of(c, ["weight", "order", *_translated_names("name", "description")]),
        )
        for c in source.criteria.all()
    )
    EligibilityCondition.objects.bulk_create(
        EligibilityCondition(round=round_, **_fields_of(c, ["order", *_translated_names("text")]))
        for c in source.conditions.all()
    )
    Question.objects.bulk_create(
        Question(
            round=round_,
            **_fields_of(q, ["text", "help_text", "required", "in_light_form", "order"]),
        )
        for q in source.questions.all()
    )


@transaction.atomic
def create_round(
    *,
    by: User,
    scheme: Scheme,
    name: str,
    opens_at: datetime.datetime,
    closes_at: datetime.datetime,
    budget: int,
    final_report_due: datetime.date,
    progress_report_due: datetime.date | None = None,
    small_municipality_share: int = 0,
    light_limit: int | None = None,
) -> Round:
    """A new round of the scheme, with the criteria, conditions and questions of its latest
    earlier round, or seed 000's defaults in every language for the scheme's first round."""
    permissions.require(by, "run_grants", scheme)
    round_ = Round(
        scheme=scheme,
        grant_maker_id=scheme.grant_maker_id,
        name=name.strip(),
        opens_at=opens_at,
        closes_at=closes_at,
        budget=budget,
        small_municipality_share=small_municipality_share,
        light_limit=light_limit,
        progress_report_due=progress_report_due,
        final_report_due=final_report_due,
    )
    _check_round(round_)
    previous = scheme.rounds.order_by("-opens_at", "-pk").first()
    round_.save()
    if previous is None:
        _copy_defaults(round_)
    else:
        _copy_from(previous, round_)
    return round_


@transaction.atomic
def update_round(*, by: User, round: Round, **fields: Any) -> Round:  # noqa: A002
    """Change a round's name, dates, budget and limits."""
    permissions.require(by, "run_grants", round)
    unknown = set(fields) - ROUND_FIELDS
    if unknown:
        raise TypeError(f"update_round() got unknown fields: {sorted(unknown)}")
    for field, value in fields.items():
        setattr(round, field, value.strip() if isinstance(value, str) else value)
    _check_round(round)
    round.save()
    return round


# --- A round's criteria, conditions and questions --------------------------------------------


def criteria_locked(round_: Round) -> bool:
    """Once a reviewer has scored anything in the round, its criteria stay as they were
    scored: changing them would change what the scores mean."""
    return Criterion.objects.filter(round=round_, scores__isnull=False).exists()


def _save_formset(formset: BaseModelFormSet, round_: Round) -> None:
    for form in formset.forms:
        form.instance.round = round_
    formset.save()


@transaction.atomic
def save_criteria(*, by: User, round: Round, formset: BaseModelFormSet) -> None:  # noqa: A002
    """Save the round's criteria as edited on one page (added, changed, removed)."""
    permissions.require(by, "run_grants", round)
    if criteria_locked(round):
        raise ValidationError(
            _(
                "Reviewers have already scored applications in this round, so its criteria "
                "can no longer be changed."
            )
        )
    _save_formset(formset, round)


@transaction.atomic
def save_conditions(*, by: User, round: Round, formset: BaseModelFormSet) -> None:  # noqa: A002
    """Save the round's eligibility conditions as edited on one page."""
    permissions.require(by, "run_grants", round)
    _save_formset(formset, round)


@transaction.atomic
def save_questions(*, by: User, round: Round, formset: BaseModelFormSet) -> None:  # noqa: A002
    """Save the application form's extra questions; a question someone has answered stays."""
    permissions.require(by, "run_grants", round)
    answered = [
        form.instance.text
        for form in formset.deleted_forms
        if form.instance.pk and form.instance.answers.exists()
    ]
    if answered:
        raise ValidationError(
            _(
                "Applicants have answered «%(question)s», so it cannot be removed. Change its "
                "words instead, or mark it as not required."
            )
            % {"question": answered[0]}
        )
    _save_formset(formset, round)
