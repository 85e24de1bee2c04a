"""What attendance and evaluation give the rest of the portal: this month's figures on the
coordinator's dashboard, each linking to the evaluation behind it, and the evaluation's link on
the coordination overview.

The staircase's evidence ``activities_evaluated`` (step 7, level 5: "the cooperation is
evaluated every year"): the portal shows whether the activities are evaluated; whether what was
learned changed next year's plans is the assessment's to say."""

from __future__ import annotations

import datetime
from typing import Any
from urllib.parse import urlencode

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from activities.evaluation.models import Feedback
from activities.evaluation.services import month_figures
from activities.models import Activity, SessionStatus
from coordination.kernel import figures_cache
from coordination.kernel.contributions import Evidence, Panel, contribute
from coordination.kernel.permissions import can

FIGURES_TEMPLATE = "coordination/partials/_dashboard_figures.html"


@contribute.overview_links(order=88)
def evaluation_links(request, municipality) -> list[tuple[str, str]]:
    if not can(request.user, "coordinate_activities", municipality):
        return []
    return [
        (
            reverse("activities:municipality_evaluation", args=[municipality.pk]),
            _("Evaluation of the activities"),
        )
    ]


@contribute.dashboard_panel(order=88)
def evaluation_panel(request, municipality) -> Panel | None:
    """This month so far: sessions held, participants, the average answer and the sessions that
    did not run for too few — each links to the evaluation of the month."""
    if not can(request.user, "coordinate_activities", municipality):
        return None
    figures = this_month(municipality)
    url = "{}?{}".format(
        reverse("activities:municipality_evaluation", args=[municipality.pk]),
        urlencode({"since": figures["since"].isoformat(), "until": figures["until"].isoformat()}),
    )
    average = (
        number_format(figures["average_rating"], decimal_pos=1)
        if figures["average_rating"] is not None
        else "–"
    )
    rows = [
        (
            figures["sessions_held"],
            ngettext("session held", "sessions held", figures["sessions_held"]),
            url,
        ),
        (
            figures["participants"],
            ngettext("participant came", "participants came", figures["participants"]),
            url,
        ),
        (
            average,
            ngettext(
                "average answer (1–5), from %(count)s answer",
                "average answer (1–5), from %(count)s answers",
                figures["answers"],
            )
            % {"count": figures["answers"]},
            url,
        ),
        (
            figures["sessions_not_running"],
            ngettext(
                "session did not run: too few signed up",
                "sessions did not run: too few signed up",
                figures["sessions_not_running"],
            ),
            url,
        ),
    ]
    return Panel(
        FIGURES_TEMPLATE,
        {"title": _("Activities this month"), "figures": rows, "empty": None},
        may_be_old=True,
    )


@figures_cache.per_municipality("activities_this_month")
def this_month(municipality) -> dict[str, Any]:
    """This month's numbers so far (the evaluation's own), without the text."""
    month = month_figures(municipality, timezone.localdate())
    figures = month["figures"]
    return {
        "since": month["since"],
        "until": month["until"],
        "sessions_held": figures.sessions_held,
        "participants": figures.participants,
        "average_rating": figures.average_rating,
        "answers": figures.answers,
        "sessions_not_running": figures.sessions_not_running,
    }


@contribute.evidence("activities_evaluated")
def activities_evaluated(municipality) -> Evidence:
    """Met when at least half of the activities that held meetings in the last 12 months have
    the participants' own answers (attendance alone is counting, not evaluating)."""
    since = timezone.now() - datetime.timedelta(days=365)
    held = Q(sessions__status=SessionStatus.HELD, sessions__starts_at__gte=since)
    answered = Feedback.objects.filter(
        session__activity=OuterRef("pk"), session__starts_at__gte=since
    )
    held_any = Activity.objects.in_municipality(municipality).run_here().filter(held).values("pk")
    counted = Activity.objects.filter(pk__in=held_any).aggregate(
        held=Count("pk"), answered=Count("pk", filter=Q(Exists(answered)))
    )
    counts = {"held": counted["held"], "answered": counted["answered"]}
    url = reverse("activities:municipality_evaluation", args=[municipality.pk])
    if not counts["held"]:
        return Evidence(False, _("No activity has held meetings in the last 12 months."), url)
    summary = (
        ngettext(
            "In the last 12 months %(held)d activity held meetings; participants answered how it "
            "was for %(answered)d.",
            "In the last 12 months %(held)d activities held meetings; participants answered how it "
            "was for %(answered)d of them.",
            counts["held"],
        )
        % counts
    )
    return Evidence(counts["answered"] * 2 >= counts["held"], summary, url)
