"""The involvement staircase pages: where the municipality stands (level, score, next steps,
history), the questionnaire coordinators answer, one past assessment, the comparison with
municipalities of similar size, and the choice to be named there."""

from __future__ import annotations

from itertools import groupby

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from coordination.kernel import ui
from coordination.kernel.permissions import can, get_for_user, municipality_view
from coordination.kernel.steps import STEP_DESCRIPTIONS, Step
from coordination.staircase import scoring
from coordination.staircase import services as staircase
from coordination.staircase.forms import QuestionnaireForm, SharingForm
from coordination.staircase.models import Assessment, StaircaseLevel

PAGE_SIZE = 50
CHART_POINTS = 24  # the history chart shows the latest this many assessments

VIEW, ANSWER = "view_staircase", "answer_staircase"


def _levels() -> dict[int, StaircaseLevel]:
    return {level.number: level for level in StaircaseLevel.objects.all()}


def _level_rows(result: scoring.Result, levels: dict[int, StaircaseLevel]) -> list[dict]:
    return [
        {"result": one, "level": levels.get(one.number), "reached": one.number <= result.level}
        for one in result.levels
    ]


def history_chart(assessments: list[Assessment]) -> dict:
    """Coordinates for a small SVG chart of score (line) and level (bars) over time, oldest
    first. Drawn on the server; the page shows the same numbers in a table."""
    width, height, left, bottom, top = 640, 240, 48, 32, 16
    inner_w, inner_h = width - left - 16, height - bottom - top
    count = len(assessments)
    step = inner_w / max(count, 1)
    points, bars = [], []
    for index, assessment in enumerate(assessments):
        x = left + step * index + step / 2
        y = top + inner_h * (1 - assessment.score / 100)
        points.append({"x": round(x, 1), "y": round(y, 1), "assessment": assessment})
        bar_h = inner_h * assessment.level_reached / 5
        bars.append(
            {
                "x": round(x - min(step * 0.3, 20), 1),
                "y": round(top + inner_h - bar_h, 1),
                "width": round(min(step * 0.6, 40), 1),
                "height": round(bar_h, 1),
            }
        )
    grid = [
        {"y": round(top + inner_h * (1 - value / 100), 1), "label": value}
        for value in (0, 20, 40, 60, 80, 100)
    ]
    return {
        "width": width,
        "height": height,
        "left": left,
        "right": width - 16,
        "baseline": top + inner_h,
        "points": points,
        "line": " ".join(f"{p['x']},{p['y']}" for p in points),
        "bars": bars,
        "grid": grid,
    }


@municipality_view(VIEW)
@require_GET
def assessment_list(request: HttpRequest) -> HttpResponse:
    """The staircase page."""
    municipality = request.municipality
    levels = _levels()
    current = staircase.current_for(municipality)
    context = {"municipality": municipality, "current": current, "levels": levels.values()}
    if current is not None:
        answers = staircase.answers_of(current)
        result = staircase.result_of(answers)
        context["level_rows"] = _level_rows(result, levels)
        # The next steps from today's data; the level and score stay as they were assessed.
        today = staircase.next_steps_today(municipality, current)
        context["next_steps"] = today.steps
        context["current_level"] = levels.get(current.level_reached)
        context["next_level"] = levels.get(today.first_unmet) if today.first_unmet else None
    completed = Assessment.objects.completed().filter(municipality=municipality)
    history = list(completed.order_by("-completed_on", "-pk")[:CHART_POINTS])[::-1]
    page = Paginator(
        completed.select_related("made_by").order_by("-completed_on", "-pk"), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    for assessment in page.object_list:
        assessment.level = levels.get(assessment.level_reached)
    context.update(
        chart=history_chart(history) if history else None,
        page=page,
        may_answer=can(request.user, ANSWER, municipality),
        has_draft=Assessment.objects.drafts().filter(municipality=municipality).exists(),
        shares_name=staircase.shares_name(municipality),
        takes_part=staircase.takes_part(municipality),
        threshold=int(scoring.THRESHOLD * 100),
    )
    return render(request, "coordination/staircase/assessment_list.html", context)


def _grouped(form: QuestionnaireForm, evidence: dict) -> list[dict]:
    """The questionnaire's rows by step, each with the portal's evidence and whether a yes
    disagrees with it."""
    groups = []
    for step, rows in groupby(form.rows(), key=lambda row: row.indicator.step):
        items = []
        for row in rows:
            seen = evidence.get(row.indicator.evidence_key)
            value = row.answer.value()
            items.append(
                {
                    "row": row,
                    "evidence": seen,
                    "mismatch": seen is not None and not seen.met and value == "yes",
                }
            )
        groups.append(
            {
                "step": Step(step),
                "description": STEP_DESCRIPTIONS.get(Step(step), ""),
                "items": items,
            }
        )
    return groups


@municipality_view(ANSWER)
@require_http_methods(["GET", "POST"])
def assessment_answer(request: HttpRequest) -> HttpResponse:
    """The questionnaire: one page, grouped by the 8 steps; save a draft or complete."""
    municipality = request.municipality
    indicators = staircase.active_indicators()
    draft = staircase.draft_for(municipality)
    source = draft or staircase.current_for(municipality)
    initial = QuestionnaireForm.initial_from(source.answers.all()) if source else {}
    form = QuestionnaireForm(request.POST or None, indicators=indicators, initial=initial)
    complete = request.POST.get("action") == "complete"
    if done := ui.submit(
        request,
        form,
        lambda data: staircase.save_assessment(
            municipality=municipality, by=request.user, answers=form.answers(), complete=complete
        ),
    ):
        if complete:
            messages.success(
                request,
                _("The assessment is completed. Score: %(score)s of 100.")
                % {"score": done.value.score},
            )
            return redirect("coordination:assessment_list", municipality.pk)
        messages.success(request, _("The draft is saved. You can come back and complete it later."))
        return redirect("coordination:assessment_answer", municipality.pk)
    return render(
        request,
        "coordination/staircase/assessment_form.html",
        {
            "municipality": municipality,
            "form": form,
            "groups": _grouped(form, staircase.evidence_by_key(municipality, indicators)),
            "unanswered": [row for row in form.rows() if row.answer.errors],
            "draft": draft,
            "prefilled_from": None if draft else source,
            "threshold": int(scoring.THRESHOLD * 100),
        },
    )


@municipality_view(VIEW)
@require_GET
def assessment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One completed assessment, as it was answered and scored."""
    municipality = request.municipality
    assessment = get_for_user(
        Assessment.objects.completed().filter(municipality=municipality).select_related("made_by"),
        request.user,
        VIEW,
        pk=pk,
    )
    answers = staircase.answers_of(assessment)
    levels = _levels()
    groups = [
        {"step": Step(step), "answers": list(rows)}
        for step, rows in groupby(answers, key=lambda answer: answer.indicator.step)
    ]
    return render(
        request,
        "coordination/staircase/assessment_detail.html",
        {
            "municipality": municipality,
            "assessment": assessment,
            "level": levels.get(assessment.level_reached),
            "groups": groups,
            "next_steps": staircase.next_steps_of(answers),
            "levels": levels,
        },
    )


def _distribution(counts: dict[int, int], total: int, level_names: dict[int, str]) -> list[dict]:
    """How many municipalities are at each level (0 to 5), and what share of ``total``."""
    return [
        {
            "number": number,
            "name": level_names.get(number, ""),
            "count": counts.get(number, 0),
            "percent": round(100 * counts.get(number, 0) / total) if total else 0,
        }
        for number in range(6)
    ]


@municipality_view(VIEW)
@require_GET
def assessment_compare(request: HttpRequest) -> HttpResponse:
    """The levels of the municipalities that take part, as a distribution; only for a
    municipality whose coordinator chose to take part (otherwise the page says how to)."""
    municipality = request.municipality
    if not staircase.takes_part(municipality):
        return render(
            request,
            "coordination/staircase/assessment_compare.html",
            {
                "municipality": municipality,
                "takes_part": False,
                "may_answer": can(request.user, ANSWER, municipality),
            },
        )
    found = staircase.comparison(municipality)
    current = staircase.current_for(municipality)
    levels = _levels()
    level_names = {0: _("Not yet at level 1")} | {n: level.name for n, level in levels.items()}
    return render(
        request,
        "coordination/staircase/assessment_compare.html",
        {
            "municipality": municipality,
            "takes_part": True,
            "found": found,
            "current": current,
            "current_level": levels.get(current.level_reached) if current else None,
            "class_rows": _distribution(found.class_levels, found.in_class, level_names),
            "national_rows": _distribution(
                found.national_levels, found.national_count, level_names
            ),
            "level_names": level_names,
            "named_rows": [
                {"number": n, "name": level_names.get(n, ""), "names": found.named_by_level[n]}
                for n in sorted(found.named_by_level)
            ],
        },
    )


@municipality_view(ANSWER)
@require_http_methods(["GET", "POST"])
def staircase_sharing_edit(request: HttpRequest) -> HttpResponse:
    """Whether we take part in the comparison (off by default), and are named in it."""
    municipality = request.municipality
    initial = {
        "takes_part": "yes" if staircase.takes_part(municipality) else "no",
        "share_name": "yes" if staircase.shares_name(municipality) else "no",
    }
    form = SharingForm(request.POST or None, initial=initial)
    if ui.submit(
        request,
        form,
        lambda data: staircase.set_comparison_choice(
            municipality=municipality,
            by=request.user,
            takes_part=data["takes_part"],
            share_name=data["share_name"],
        ),
    ):
        messages.success(request, _("Your choice is saved."))
        return redirect("coordination:assessment_list", municipality.pk)
    return render(
        request,
        "coordination/staircase/sharing_form.html",
        {"municipality": municipality, "form": form},
    )
