"""What the annual wheel contributes to the rest of the portal: its own categories in the
legend, the staircase evidence that counts its months, the dashboard panel of this month, a
link on the overview, its printed documents (the wheel, «this season») and its section of the
routine binder. Each registers at its definition."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coordination.kernel import permissions
from coordination.kernel.contributions import BinderSection, Evidence, Panel, contribute
from coordination.wheel import exports
from coordination.wheel.models import WheelCategory
from coordination.wheel.services import months_with_entries, wheel_items

WHEEL_MONTHS_NEEDED = 8

# The wheel's own categories (of the events it holds itself), after agreements and the forum.
for category in WheelCategory:
    contribute.wheel_category(category.value, category.label, order=30)


@contribute.evidence("wheel_most_months")
def wheel_most_months(municipality) -> Evidence:
    year = timezone.localdate().year
    count = len(months_with_entries(municipality, year))
    return Evidence(
        met=count >= WHEEL_MONTHS_NEEDED,
        summary=_("Entries in %(count)s of 12 months") % {"count": count},
        url=reverse("coordination:wheel_detail", args=[municipality.pk]),
    )


@contribute.dashboard_panel(order=70)
def wheel_panel(request, municipality) -> Panel | None:
    if not permissions.can(request.user, "view_wheel", municipality):
        return None
    today = timezone.localdate()
    this_month = range(today.month, today.month + 1)
    items = wheel_items(municipality, today.year, user=request.user, months=this_month)
    return Panel(
        template="coordination/wheel/_dashboard_panel.html",
        context={"municipality": municipality, "items": items, "today": today},
    )


@contribute.overview_links(order=45)
def overview_links(request, municipality) -> list[tuple[str, str]]:
    if not permissions.can(request.user, "view_wheel", municipality):
        return []
    return [(reverse("coordination:wheel_detail", args=[municipality.pk]), _("The annual wheel"))]


# --- Printed (issue 14) ---------------------------------------------------------------------


@contribute.document(
    "annual-wheel",
    title=gettext_lazy("Annual wheel"),
    description=gettext_lazy(
        "The year's wheel with its legend, and everything on it month by month (A4)."
    ),
    action="view_wheel",
    order=30,
)
def annual_wheel_document(municipality, language: str):
    return exports.compose_wheel(municipality, language)


@contribute.document(
    "this-season",
    title=gettext_lazy("This season"),
    description=gettext_lazy(
        "The coming three months' events on one page in large type, for the local paper or "
        "the parish magazine."
    ),
    action="view_wheel",
    publishable=True,
    order=35,
)
def this_season_document(municipality, language: str):
    return exports.compose_season(municipality, language)


@contribute.binder_sections(order=40)
def binder_sections(municipality) -> list[BinderSection]:
    """The wheel of this year among the binder's appendices (step 7, «Systematise», names it;
    the binder's own step sections list the routines)."""
    year = timezone.localdate().year
    context = exports.wheel_print_context(municipality, year)
    return [
        BinderSection(
            key="annual-wheel",
            step=None,
            title=_("The annual wheel"),
            template=exports.SECTION_TEMPLATE,
            context={**context, "level": 3},
            index_terms=(
                _("annual wheel"),
                *sorted({entry.label for entry in context["wheel"]["legend"]}),
            ),
        )
    ]
