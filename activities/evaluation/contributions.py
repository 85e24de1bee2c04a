"""What attendance and evaluation give the rest of the portal: this month's figures on the
coordinator's dashboard, each linking to the evaluation behind it, and the evaluation's link on
the coordination overview.

No staircase evidence yet: coordination/staircase/defaults.py has no indicator whose
``evidence_key`` is about evaluating activities, the improvement loop, the offer to vulnerable
groups or transport (the indicators that would take it have an empty key)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from activities.evaluation.services import month_figures
from coordination.kernel.contributions import Panel, contribute
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
    month = month_figures(municipality, timezone.localdate())
    figures = month["figures"]
    url = "{}?{}".format(
        reverse("activities:municipality_evaluation", args=[municipality.pk]),
        urlencode({"since": month["since"].isoformat(), "until": month["until"].isoformat()}),
    )
    average = (
        number_format(figures.average_rating, decimal_pos=1)
        if figures.average_rating is not None
        else "–"
    )
    rows = [
        (
            figures.sessions_held,
            ngettext("session held", "sessions held", figures.sessions_held),
            url,
        ),
        (
            figures.participants,
            ngettext("participant came", "participants came", figures.participants),
            url,
        ),
        (
            average,
            ngettext(
                "average answer (1–5), from %(count)s answer",
                "average answer (1–5), from %(count)s answers",
                figures.answers,
            )
            % {"count": figures.answers},
            url,
        ),
        (
            figures.sessions_not_running,
            ngettext(
                "session did not run: too few signed up",
                "sessions did not run: too few signed up",
                figures.sessions_not_running,
            ),
            url,
        ),
    ]
    return Panel(
        FIGURES_TEMPLATE,
        {"title": _("Activities this month"), "figures": rows, "empty": None},
    )
