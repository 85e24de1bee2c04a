"""The involvement staircase: saving and completing a municipality's assessment, the name-sharing
choice, and the comparison with other municipalities. Writes check ``answer_staircase`` in the
municipality; the scoring rules themselves are in ``coordination.staircase.scoring``.

A completed assessment stores its level and score and becomes the municipality's current
standing; nothing recomputes it later, so changing or retiring an indicator leaves old results
as they were. The next steps, by contrast, are worked out from today's data each time
(``next_steps_today``). The comparison is opt-in (``takes_part``) and never a ranking."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import cast

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, Count, IntegerField, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from coordination.kernel import audit, contributions, permissions
from coordination.kernel.models import Municipality, User
from coordination.staircase import scoring
from coordination.staircase.evidence import (
    EvidenceInLanguages,
    evidence_by_key,
    evidence_fields,
    evidence_in_every_language,
)
from coordination.staircase.models import Answer, Assessment, Indicator, StaircaseSharing

ANSWER = "answer_staircase"
MAX_COMMENT = 2000
ANSWER_VALUES = frozenset(Answer.Value.values)

# SSB-like size classes on the number of inhabitants: (lowest, highest or None).
SIZE_CLASSES = ((0, 4_999), (5_000, 19_999), (20_000, 49_999), (50_000, None))


@dataclass(frozen=True)
class Given:
    """What a coordinator gave for one indicator."""

    value: str = ""
    comment: str = ""


def active_indicators() -> list[Indicator]:
    return list(Indicator.objects.active().in_order())


def draft_for(municipality: Municipality) -> Assessment | None:
    return Assessment.objects.drafts().filter(municipality=municipality).first()


def current_for(municipality: Municipality) -> Assessment | None:
    return (
        Assessment.objects.in_municipality(municipality)
        .filter(is_current=True)
        .select_related("made_by")
        .first()
    )


@transaction.atomic
def save_assessment(
    *,
    municipality: Municipality,
    by: User,
    answers: Mapping[int, Given],
    complete: bool,
) -> Assessment:
    """Save the answers as the municipality's draft, and with ``complete`` finish it: every
    active indicator must then be answered; the level and score are stored and the assessment
    becomes the current standing. Ids of indicators not in use are refused."""
    permissions.require(by, ANSWER, municipality)
    # One save at a time per municipality: two coordinators completing at once would otherwise
    # both try to become the current standing (or create two drafts).
    Municipality.objects.select_for_update().filter(pk=municipality.pk).first()
    indicators = {indicator.pk: indicator for indicator in active_indicators()}
    _check_answers(indicators, answers)
    if complete:
        _check_all_answered(indicators, answers)
    assessment = draft_for(municipality) or Assessment(municipality=municipality)
    assessment.made_by = by
    assessment.save()
    evidence = evidence_in_every_language(municipality, indicators.values())
    rows = _store_answers(assessment, indicators, answers, evidence)
    if complete:
        _complete(assessment, rows, by=by)
    return assessment


def _check_answers(indicators: dict[int, Indicator], answers: Mapping[int, Given]) -> None:
    if set(answers) - set(indicators):
        raise ValidationError(_("Some answers were for indicators that are not in use."))
    for given in answers.values():
        if given.value and given.value not in ANSWER_VALUES:
            raise ValidationError(_("Answer yes, partly or no."))
        if len(given.comment) > MAX_COMMENT:
            raise ValidationError(
                _("A comment can be at most %(max)s characters.") % {"max": MAX_COMMENT}
            )


def _check_all_answered(indicators: dict[int, Indicator], answers: Mapping[int, Given]) -> None:
    """Refuse to complete while an indicator is unanswered: each is marked, and the top of the
    form says how many."""
    missing = [
        indicator for pk, indicator in indicators.items() if not answers.get(pk, Given()).value
    ]
    if not missing:
        return
    errors: dict[str, str | list[str]] = {
        f"answer_{indicator.pk}": _("Answer this one before you complete.") for indicator in missing
    }
    errors["__all__"] = [
        ngettext(
            "%(count)s statement is not answered yet:",
            "%(count)s statements are not answered yet:",
            len(missing),
        )
        % {"count": len(missing)}
    ]
    raise ValidationError(errors)


def _store_answers(
    assessment: Assessment,
    indicators: dict[int, Indicator],
    answers: Mapping[int, Given],
    evidence: EvidenceInLanguages,
) -> list[Answer]:
    """Replace the assessment's answers, each with what the portal's data shows today."""
    assessment.answers.all().delete()
    rows = []
    for pk, indicator in indicators.items():
        given = answers.get(pk, Given())
        rows.append(
            Answer(
                assessment=assessment,
                indicator=indicator,
                level_number=indicator.level.number,
                value=given.value,
                comment=given.comment.strip(),
                **evidence_fields(evidence, indicator.evidence_key),
            )
        )
    return Answer.objects.bulk_create(rows)


def _complete(assessment: Assessment, rows: list[Answer], *, by: User) -> None:
    """Store the level and score, and make the assessment the municipality's current standing."""
    result = scoring.score(scoring.Item(row.level_number, row.value) for row in rows)
    Assessment.objects.in_municipality(assessment.municipality_id).filter(is_current=True).update(
        is_current=False
    )
    assessment.status = Assessment.Status.COMPLETED
    assessment.completed_on = timezone.localdate()
    assessment.level_reached = result.level
    assessment.score = result.score
    assessment.is_current = True
    assessment.save()
    audit.record(
        by,
        "created",
        assessment,
        code="staircase.assessed",
        params={"level": result.level, "score": result.score},
    )


@transaction.atomic
def set_name_sharing(*, municipality: Municipality, by: User, share_name: bool) -> None:
    """Whether other municipalities see this one by name on their comparison page."""
    permissions.require(by, ANSWER, municipality)
    StaircaseSharing.objects.update_or_create(
        municipality=municipality, defaults={"share_name": share_name, "changed_by": by}
    )
    audit.record(
        by,
        "changed",
        municipality,
        object_type="coordination.staircasesharing",
        code="staircase.named" if share_name else "staircase.anonymous",
    )


def shares_name(municipality: Municipality) -> bool:
    return StaircaseSharing.objects.filter(municipality=municipality, share_name=True).exists()


@transaction.atomic
def set_comparison_choice(
    *, municipality: Municipality, by: User, takes_part: bool, share_name: bool
) -> None:
    """Whether the municipality takes part in the comparison with other municipalities (it then
    sees the comparison and is counted in it), and whether it is named there."""
    permissions.require(by, ANSWER, municipality)
    share_name = share_name and takes_part
    StaircaseSharing.objects.update_or_create(
        municipality=municipality,
        defaults={"takes_part": takes_part, "share_name": share_name, "changed_by": by},
    )
    if not takes_part:
        code = "staircase.not_taking_part"
    else:
        code = "staircase.named" if share_name else "staircase.anonymous"
    audit.record(
        by, "changed", municipality, object_type="coordination.staircasesharing", code=code
    )


def takes_part(municipality: Municipality) -> bool:
    """Only a municipality whose coordinator chose to take part sees the comparison."""
    return StaircaseSharing.objects.filter(municipality=municipality, takes_part=True).exists()


# --- Reading back a stored assessment ------------------------------------------------------


def answers_of(assessment: Assessment) -> list[Answer]:
    return list(
        assessment.answers.select_related("indicator").order_by(
            "indicator__step", "level_number", "indicator__order", "indicator__pk"
        )
    )


def result_of(answers: list[Answer]) -> scoring.Result:
    return scoring.score(scoring.Item(a.level_number, a.value, a) for a in answers)


def next_steps_of(answers: list[Answer]) -> list[Answer]:
    """The stored answers that are next steps, lowest level first."""
    items = [scoring.Item(a.level_number, a.value, a) for a in answers]
    steps = scoring.next_steps(items, scoring.score(items))
    return [cast(Answer, item.ref) for item in sorted(steps, key=lambda item: item.level)]


# --- Next steps from today's data -----------------------------------------------------------


@dataclass(frozen=True)
class TodayStep:
    """One indicator as things stand today: ``value`` is what the portal's data shows now
    (``evidence``: met gives yes, not met gives no) or, where the portal cannot show it, the
    last assessment's answer (``answer``; "" when there is none)."""

    indicator: Indicator
    level_number: int
    value: str
    evidence: contributions.Evidence | None = None
    answer: Answer | None = None

    @property
    def from_portal(self) -> bool:
        return self.evidence is not None


@dataclass(frozen=True)
class Today:
    steps: list[TodayStep]  # the next steps, lowest level first
    first_unmet: int | None  # the lowest level not met today (None: every level is met)
    assessment: Assessment | None  # whose answers fill in what the portal cannot show


def next_steps_today(municipality: Municipality, current: Assessment | None = None) -> Today:
    """The next steps computed from today's data, not frozen at the last assessment: for each
    indicator in use, the portal's evidence as it is now where the portal has some, and the
    last completed assessment's answer where it has none; then the staircase's own rule
    (``scoring.next_steps``). Each evidence provider is asked once."""
    indicators = active_indicators()
    evidence = evidence_by_key(municipality, indicators)
    answers = {a.indicator_id: a for a in current.answers.all()} if current else {}
    rows = []
    for indicator in indicators:
        seen = evidence.get(indicator.evidence_key)
        answer = answers.get(indicator.pk)
        value: str
        if seen is not None:
            value = Answer.Value.YES if seen.met else Answer.Value.NO
        else:
            value = answer.value if answer else ""
        rows.append(TodayStep(indicator, indicator.level.number, value, seen, answer))
    items = [scoring.Item(row.level_number, row.value, row) for row in rows]
    result = scoring.score(items)
    steps = sorted(scoring.next_steps(items, result), key=lambda item: item.level)
    return Today([cast(TodayStep, item.ref) for item in steps], result.first_unmet, current)


# --- Comparison ----------------------------------------------------------------------------


def size_class_of(population: int) -> int:
    for index, (lowest, highest) in enumerate(SIZE_CLASSES):
        if population >= lowest and (highest is None or population <= highest):
            return index
    return 0


@dataclass
class Comparison:
    """How many of the municipalities taking part are at each level: in the municipality's size
    class and nationally. Never a ranking: no list ordered by score, and no other
    municipality's score. Those that agreed to be named are listed by level, alphabetically."""

    size_class: int
    lowest: int
    highest: int | None
    in_class: int = 0
    class_levels: dict[int, int] = field(default_factory=dict)  # level -> count
    national_levels: dict[int, int] = field(default_factory=dict)
    national_count: int = 0
    named_by_level: dict[int, list[str]] = field(default_factory=dict)  # others, same class


def _size_case() -> Case:
    whens = [
        When(
            municipality__population__gte=lowest,
            **({"municipality__population__lte": highest} if highest is not None else {}),
            then=Value(index),
        )
        for index, (lowest, highest) in enumerate(SIZE_CLASSES)
    ]
    return Case(*whens, default=Value(0), output_field=IntegerField())


def comparison(municipality: Municipality) -> Comparison:
    """The levels of the municipalities that take part (the current assessment of each), in the
    municipality's size class and nationally, and the names of the others that agreed to be named.
    Municipalities that do not take part are not counted. In two queries, however many
    municipalities are assessed."""
    index = size_class_of(municipality.population)
    lowest, highest = SIZE_CLASSES[index]
    found = Comparison(size_class=index, lowest=lowest, highest=highest)
    current = Assessment.objects.filter(
        is_current=True, municipality__staircase_sharing__takes_part=True
    )
    levels_by_class = (
        current.annotate(size_class=_size_case())
        .values("size_class", "level_reached")
        .annotate(count=Count("pk"))
        .order_by()
    )
    found.national_levels = dict.fromkeys(range(6), 0)
    found.class_levels = dict.fromkeys(range(6), 0)
    for row in levels_by_class:
        level = row["level_reached"] or 0  # a current assessment is completed: it has a level
        found.national_levels[level] += row["count"]
        if row["size_class"] == index:
            found.class_levels[level] += row["count"]
    found.national_count = sum(found.national_levels.values())
    found.in_class = sum(found.class_levels.values())
    named = current.filter(
        municipality__population__gte=lowest, municipality__staircase_sharing__share_name=True
    ).exclude(municipality=municipality)
    if highest is not None:
        named = named.filter(municipality__population__lte=highest)
    found.named_by_level = {}
    for name, reached in named.order_by("municipality__name").values_list(
        "municipality__name", "level_reached"
    ):
        found.named_by_level.setdefault(reached or 0, []).append(name)
    return found
