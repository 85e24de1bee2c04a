"""What the routine binder and the annual wheel register in coordination's registries: the
wheel's categories and the routine reviews on it, the staircase evidence, the dashboard panels
and the demo data. Called once from ``CoordinationConfig.ready()``."""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from coordination.kernel import contributions, permissions
from coordination.kernel.contributions import DashboardPanel, Evidence, WheelEntry
from coordination.models import REVIEW_NOTICE_DAYS, Routine, WheelCategory

ROUTINE_CATEGORY = "routine"
WHEEL_MONTHS_NEEDED = 8
ROUTINES_NEEDED = 3


def routine_reviews(municipality, year: int) -> list[WheelEntry]:
    """Each routine in the binder whose next review falls in ``year``."""
    number = getattr(municipality, "pk", municipality)
    routines = (
        Routine.objects.readable()
        .filter(municipality_id=number, next_review__year=year)
        .select_related("approved_version")
        .only("pk", "next_review", "municipality_id", "approved_version__title")
    )
    return [
        WheelEntry(
            date=routine.next_review,
            # The approved title: the wheel is read by everyone, a draft's title is not.
            title=_("Review: %(title)s") % {"title": routine.approved_version.title},
            category=ROUTINE_CATEGORY,
            url=reverse("coordination:routine_detail", args=[number, routine.pk]),
            action="view_routines",
        )
        for routine in routines
    ]


# --- Staircase evidence ---------------------------------------------------------------------


def _list_url(municipality) -> str:
    return reverse("coordination:routine_list", args=[municipality.pk])


def routines_exist(municipality) -> Evidence:
    count = Routine.objects.readable().filter(municipality=municipality).count()
    return Evidence(
        met=count >= ROUTINES_NEEDED,
        summary=ngettext("%(count)s approved routine", "%(count)s approved routines", count)
        % {"count": count},
        url=_list_url(municipality),
    )


def routines_reviewed(municipality) -> Evidence:
    today = timezone.localdate()
    year_ago = timezone.now() - datetime.timedelta(days=365)
    routines = Routine.objects.readable().filter(municipality=municipality)
    total = routines.count()
    if not total:
        return Evidence(False, _("No approved routines yet"), _list_url(municipality))
    behind = routines.filter(Q(approved_at__lt=year_ago) | Q(next_review__lt=today)).count()
    if not behind:
        summary = ngettext(
            "The approved routine was reviewed in the last 12 months",
            "All %(count)s approved routines were reviewed in the last 12 months",
            total,
        ) % {"count": total}
    else:
        summary = ngettext(
            "%(behind)s of %(count)s approved routine needs a review",
            "%(behind)s of %(count)s approved routines need a review",
            total,
        ) % {"behind": behind, "count": total}
    return Evidence(not behind, summary, _list_url(municipality) + "?due=on")


def wheel_most_months(municipality) -> Evidence:
    from coordination.wheel.services import months_with_entries

    year = timezone.localdate().year
    count = len(months_with_entries(municipality, year))
    return Evidence(
        met=count >= WHEEL_MONTHS_NEEDED,
        summary=_("Entries in %(count)s of 12 months") % {"count": count},
        url=reverse("coordination:wheel_detail", args=[municipality.pk]),
    )


# --- Dashboard panels -----------------------------------------------------------------------


def routines_panel(request, municipality) -> DashboardPanel | None:
    if not permissions.can(request.user, "manage_routines", municipality):
        return None
    today = timezone.localdate()
    routines = Routine.objects.filter(municipality=municipality)
    due = routines.due_for_review(today)
    overdue = routines.overdue_for_review(today)
    return DashboardPanel(
        order=60,
        template="coordination/routines/_dashboard_panel.html",
        context={
            "municipality": municipality,
            "due_soon": due.filter(next_review__gte=today).count(),
            "overdue": overdue.count(),
            "drafts": routines.filter(status=Routine.Status.DRAFT).count(),
            "notice_days": REVIEW_NOTICE_DAYS,
        },
    )


def wheel_panel(request, municipality) -> DashboardPanel | None:
    if not permissions.can(request.user, "view_wheel", municipality):
        return None
    from coordination.wheel.services import wheel_items

    today = timezone.localdate()
    items = [
        item
        for item in wheel_items(municipality, today.year, user=request.user)
        if item.month == today.month
    ]
    return DashboardPanel(
        order=70,
        template="coordination/wheel/_dashboard_panel.html",
        context={"municipality": municipality, "items": items, "today": today},
    )


# --- Easy to reach: My page and the coordination overview ---------------------------------


def my_page_panel(request) -> contributions.Panel | None:
    """The routine binder and the annual wheel of each municipality where the person has a
    role: reviewers and partner representatives have no overview page to find them on."""
    from coordination.models import Municipality

    numbers = permissions.municipalities_for(request.user, "view_routines")
    if not numbers:
        return None
    places = Municipality.objects.filter(pk__in=numbers).order_by("name")
    return contributions.Panel("coordination/routines/_my_page_panel.html", {"places": places})


def overview_links(request, municipality) -> list[tuple[str, str]]:
    links = []
    if permissions.can(request.user, "view_routines", municipality):
        links.append(
            (reverse("coordination:routine_list", args=[municipality.pk]), _("The routine binder"))
        )
    if permissions.can(request.user, "view_wheel", municipality):
        links.append(
            (reverse("coordination:wheel_detail", args=[municipality.pk]), _("The annual wheel"))
        )
    return links


def register() -> None:
    from coordination.management.commands.seed_demo import DEMO_STEPS
    from coordination.routines.demo import seed

    for category in WheelCategory:
        contributions.register_wheel_category(category.value, category.label)
    contributions.register_wheel_category(ROUTINE_CATEGORY, gettext_lazy("Routine reviews"))
    if routine_reviews not in contributions.WHEEL_SOURCES:
        contributions.WHEEL_SOURCES.append(routine_reviews)
    contributions.register_evidence("routines_exist", routines_exist)
    contributions.register_evidence("routines_reviewed", routines_reviewed)
    contributions.register_evidence("wheel_most_months", wheel_most_months)
    for panel in (routines_panel, wheel_panel):
        if panel not in contributions.DASHBOARD_PANELS:
            contributions.DASHBOARD_PANELS.append(panel)
    if my_page_panel not in contributions.MY_PAGE_PANELS:
        contributions.MY_PAGE_PANELS.append(my_page_panel)
    if overview_links not in contributions.OVERVIEW_LINKS:
        contributions.OVERVIEW_LINKS.append(overview_links)
    if seed not in DEMO_STEPS:
        DEMO_STEPS.append(seed)
