"""The officer's view of a round: its submitted applications (with batch assignment of
reviewers), the ranking with the running total against the budget, and the fairness check."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from coordination.kernel import ui
from coordination.kernel.pagination import IdsFirstPaginator
from coordination.kernel.permissions import grant_maker_view
from coordination.partners.models import PartnerOrganisation
from grants.applications.models import Application
from grants.applications.permissions import own_municipality_conflict
from grants.applications.workflow import Status
from grants.review import fairness, services
from grants.review.forms import BatchAssignForm
from grants.review.services import rounds
from grants.review.services.case import ASSIGNABLE, PROPOSABLE
from grants.review.views.common import SIZE_WORDS, GrantMakerRequest, round_of, size_words

PER_PAGE = 25
# The ranking's page: the propose forms of 50 rows, not of the whole round.
RANKING_PER_PAGE = 50


@grant_maker_view("run_grants")
@require_http_methods(["GET", "POST"])
def round_applications(request: GrantMakerRequest, pk: int) -> HttpResponse:
    round_ = round_of(request, pk)
    submitted = Application.objects.submitted().filter(round=round_)
    reviewers = services.reviewers_of(request.grant_maker.pk)
    form = BatchAssignForm(
        request.POST or None,
        applications=submitted.filter(status__in=ASSIGNABLE),
        reviewers=reviewers,
    )
    if done := ui.submit(
        request,
        form,
        lambda data: services.assign_reviewers(
            by=request.user,
            applications=list(data["applications"]),
            reviewers=list(data["reviewers"]),
        ),
    ):
        count = len(done.value)
        messages.success(
            request,
            ngettext(
                "%(count)d new assignment; the reviewers have been told by email.",
                "%(count)d new assignments; the reviewers have been told by email.",
                count,
            )
            % {"count": count},
        )
        return redirect(request.get_full_path())
    status = request.GET.get("status", "")
    chosen = submitted.filter(status=status) if status in Status.values else submitted
    shown = rounds.with_figures(
        chosen.select_related("municipality", "organisation", "round", "grant_maker").order_by(
            "number", "pk"
        )
    )
    # The figures' subqueries run for the page's rows only, not for every row skipped.
    page = IdsFirstPaginator(shown, PER_PAGE).get_page(request.GET.get("page"))
    applications = page.object_list
    scores = rounds.review_scores(applications)
    municipal = request.grant_maker.municipality_id is not None
    rows = [
        {
            "application": a,
            "size": size_words(a.municipality),
            "score": scores[a.pk],
            "assignable": a.status in ASSIGNABLE
            and (not municipal or bool(own_municipality_conflict(a))),
        }
        for a in applications
    ]
    counts = rounds.counts_by_status(round_)
    return render(
        request,
        "grants/review/round_applications.html",
        {
            "grant_maker": request.grant_maker,
            "round": round_,
            "page": page,
            "rows": rows,
            "form": form,
            "status": status if status in Status.values else "",
            "statuses": [
                (s, label, counts.get(s, 0)) for s, label in Status.choices if s in counts
            ],
            "total": sum(counts.values()),
            "any_assignable": any(row["assignable"] for row in rows),
        },
    )


@grant_maker_view("run_grants")
@require_GET
def round_ranking(request: GrantMakerRequest, pk: int) -> HttpResponse:
    round_ = round_of(request, pk)
    ranking = rounds.rank_round(round_, page=request.GET.get("page"), per_page=RANKING_PER_PAGE)
    return render(
        request,
        "grants/review/round_ranking.html",
        {
            "grant_maker": request.grant_maker,
            "round": round_,
            "ranking": ranking,
            "page": ranking.page,
            "proposable": PROPOSABLE,
            "disagreement": rounds.scoring.DISAGREEMENT,
        },
    )


# The chart's geometry (SVG user units).
CHART_WIDTH, LABEL_WIDTH, BAR_HEIGHT, GAP = 640, 220, 28, 14


def _chart(key: str, title: str, description: str, bars: list[tuple[str, float, str]]) -> dict:
    """A horizontal bar chart: each bar (label, value, the value in words) scaled to the
    largest; the numbers are in the table beside it too."""
    largest = max((value for _label, value, _words in bars), default=0) or 1
    room = CHART_WIDTH - LABEL_WIDTH - 120
    drawn = [
        {
            "label": label,
            "words": words,
            "y": GAP + i * (BAR_HEIGHT + GAP),
            "text_y": GAP + i * (BAR_HEIGHT + GAP) + BAR_HEIGHT * 2 // 3,
            "width": round(room * value / largest),
            "value_x": LABEL_WIDTH + round(room * value / largest) + 8,
        }
        for i, (label, value, words) in enumerate(bars)
    ]
    return {
        "id": f"chart-{key}",
        "title": title,
        "description": description,
        "bars": drawn,
        "width": CHART_WIDTH,
        "height": GAP + len(bars) * (BAR_HEIGHT + GAP),
        "label_width": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
    }


def _type_label(key: str) -> str:
    if key == rounds.MUNICIPALITY_APPLIES:
        return _("Municipality applying itself")
    return str(PartnerOrganisation.Kind(key).label)


@grant_maker_view("run_grants")
@require_GET
def round_fairness(request: GrantMakerRequest, pk: int) -> HttpResponse:
    round_ = round_of(request, pk)
    figures = rounds.fairness_of(round_)
    by_size = [(str(SIZE_WORDS[g.key]).capitalize(), g) for g in figures.by_size]
    by_type = [(_type_label(g.key), g) for g in figures.by_type]
    rate_chart = _chart(
        "rate",
        _("Award rate by municipality size"),
        _("The share of applications granted or proposed for a grant, per size class."),
        [
            (label, g.award_rate or 0, f"{round(g.award_rate or 0)} %" if g.applications else "–")
            for label, g in by_size
        ],
    )
    per_inhabitant_chart = _chart(
        "per-inhabitant",
        _("Amount per inhabitant by municipality size"),
        _("NOK granted or proposed per inhabitant of the applicant municipalities."),
        [
            (label, g.per_inhabitant or 0, f"{floatformat(g.per_inhabitant or 0, 2)} kr")
            for label, g in by_size
        ],
    )
    return render(
        request,
        "grants/review/round_fairness.html",
        {
            "grant_maker": request.grant_maker,
            "round": round_,
            "figures": figures,
            "by_size": by_size,
            "by_type": by_type,
            "charts": [rate_chart, per_inhabitant_chart],
            "small_below": fairness.SMALL_BELOW,
            "large_from": fairness.LARGE_FROM,
        },
    )
