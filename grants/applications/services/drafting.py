"""Starting an application and writing it: the project, the municipalities involved, the
activities in Samspill it builds on, and the answers to the round's own questions. Saving a
draft never asks for completeness; ``submission.missing_for_submission`` does that."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from activities.catalogue.models import Activity
from coordination.kernel.models import Municipality, User
from coordination.partners.models import PartnerOrganisation
from grants.applications.models import Answer, Application
from grants.applications.services.common import applying_as, require_editable, round_closed_reason
from grants.schemes.models import Question, Round

# What the applicant writes on the application's main page (``update_application``).
PROJECT_FIELDS = (
    "title",
    "summary",
    "description",
    "target_groups",
    "planned_activities",
    "continuation",
    "starts_on",
    "ends_on",
    "contact_name",
    "contact_email",
    "contact_phone",
)


def start_application(
    *,
    by: User,
    round: Round,
    title: str,
    municipality: Municipality,
    organisation: PartnerOrganisation | None = None,
    light: bool = False,
) -> Application:
    """A new draft for ``organisation`` (from ``municipality``), or for ``municipality`` itself
    when no organisation is given; the contact person is the one who starts it."""
    choices = {choice.key for choice in applying_as(by)}
    key = municipality.pk if organisation is None else f"{municipality.pk}:{organisation.pk}"
    if key not in choices:
        raise PermissionDenied
    if key not in {choice.key for choice in applying_as(by, round)}:
        raise ValidationError(
            _("Organisations cannot apply to this scheme: only municipalities can.")
            if organisation is not None
            else _("Municipalities cannot apply to this scheme: only voluntary organisations can.")
        )
    if reason := round_closed_reason(round):
        raise ValidationError(reason)
    if light and round.light_limit is None:
        raise ValidationError(_("This round has no light application."))
    if not title.strip():
        raise ValidationError({"title": _("Write the name of the project.")})
    return Application.objects.create(
        round=round,
        grant_maker_id=round.grant_maker_id,
        municipality=municipality,
        organisation=organisation,
        title=title.strip(),
        light=light,
        contact_name=by.full_name,
        contact_email=by.email,
        contact_phone=by.phone or "",
        created_by=by,
    )


def update_application(*, by: User, application: Application, **fields: Any) -> Application:
    """Save what the applicant wrote (any of ``PROJECT_FIELDS``); nothing needs to be complete,
    but the project period must make sense and fit the scheme's longest duration."""
    unknown = set(fields) - set(PROJECT_FIELDS)
    if unknown:
        raise TypeError(f"update_application() does not change {sorted(unknown)}")
    require_editable(by, application)
    if "title" in fields and not (fields["title"] or "").strip():
        raise ValidationError({"title": _("Write the name of the project.")})
    starts_on = fields.get("starts_on", application.starts_on)
    ends_on = fields.get("ends_on", application.ends_on)
    if starts_on and ends_on:
        if ends_on < starts_on:
            raise ValidationError({"ends_on": _("The project must end after it starts.")})
        years = ends_on.year - starts_on.year + 1
        longest = application.round.scheme.max_years
        if years > longest:
            raise ValidationError(
                {
                    "ends_on": _(
                        "The project runs over %(years)s calendar years; this scheme gives "
                        "grants for at most %(longest)s."
                    )
                    % {"years": years, "longest": longest}
                }
            )
    for name, value in fields.items():
        setattr(application, name, value.strip() if isinstance(value, str) else value)
    application.save(update_fields=[*fields, "updated_at"])
    return application


def questions_for(application: Application) -> QuerySet[Question]:
    """The round's questions this application answers (the light form has fewer)."""
    questions = application.round.questions.all()
    return questions.filter(in_light_form=True) if application.light else questions


def save_answers(*, by: User, application: Application, answers: dict[int, str]) -> None:
    """Keep the answers (question id -> text) to the round's questions; an empty text is kept
    as not answered yet."""
    require_editable(by, application)
    questions = {question.pk: question for question in questions_for(application)}
    if set(answers) - set(questions):
        raise ValidationError(_("One of the questions is not part of this application."))
    with transaction.atomic():
        for pk, text in answers.items():
            Answer.objects.update_or_create(
                application=application,
                question=questions[pk],
                defaults={"text": (text or "").strip()},
            )


def set_municipalities(
    *, by: User, application: Application, municipalities: Iterable[Municipality]
) -> None:
    """The municipalities the project takes place in (besides the applicant's own)."""
    require_editable(by, application)
    application.municipalities.set(list(municipalities))


def linkable_activities(application: Application) -> QuerySet[Activity]:
    """Published activities of the applicant's municipality and the municipalities involved."""
    numbers = {application.municipality_id}
    numbers |= set(application.municipalities.values_list("number", flat=True))
    return (
        Activity.objects.published()
        .filter(municipality__in=numbers)
        .select_related("municipality")
        .order_by("municipality__name", "title")
    )


def set_activities(*, by: User, application: Application, activities: Iterable[Activity]) -> None:
    """The activities in Samspill the project runs or builds on (optional): only published
    activities of the municipalities involved."""
    require_editable(by, application)
    chosen = list(activities)
    allowed = set(linkable_activities(application).values_list("pk", flat=True))
    if any(activity.pk not in allowed for activity in chosen):
        raise ValidationError(
            _(
                "Only published activities in the municipalities involved can be linked to the "
                "application."
            )
        )
    application.activities.set(chosen)
