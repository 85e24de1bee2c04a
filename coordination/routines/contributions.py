"""What the routine binder contributes to the rest of the portal: the routine reviews on the
annual wheel, the staircase evidence, the dashboard panel, the panel on My page (the binder and
the annual wheel) and a link on the overview. Each registers at its definition."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from coordination.kernel import figures_cache, permissions
from coordination.kernel.contributions import (
    BinderSection,
    Evidence,
    Panel,
    WheelEntry,
    contribute,
)
from coordination.kernel.models import Municipality
from coordination.routines.exports import DOCUMENT, compose_binder, routine_sections
from coordination.routines.models import REVIEW_NOTICE_DAYS, Routine

ROUTINE_CATEGORY = "routine"
ROUTINES_NEEDED = 3

contribute.wheel_category(ROUTINE_CATEGORY, gettext_lazy("Routine reviews"), order=40)


@contribute.wheel_source
def routine_reviews(municipality, year: int, months: range) -> list[WheelEntry]:
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


@contribute.evidence("routines_exist")
def routines_exist(municipality) -> Evidence:
    count = Routine.objects.readable().filter(municipality=municipality).count()
    return Evidence(
        met=count >= ROUTINES_NEEDED,
        summary=ngettext("%(count)s approved routine", "%(count)s approved routines", count)
        % {"count": count},
        url=_list_url(municipality),
    )


@contribute.evidence("routines_reviewed")
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


# --- The dashboard ---------------------------------------------------------------------------


@contribute.dashboard_panel(order=60)
def routines_panel(request, municipality) -> Panel | None:
    if not permissions.can(request.user, "manage_routines", municipality):
        return None
    return Panel(
        template="coordination/routines/_dashboard_panel.html",
        context={
            "municipality": municipality,
            "notice_days": REVIEW_NOTICE_DAYS,
            **routine_counts(municipality),
        },
        may_be_old=True,
    )


@figures_cache.per_municipality("routines")
def routine_counts(municipality) -> dict[str, int]:
    """One aggregate; the filters stay the QuerySet's own."""
    today = timezone.localdate()
    routines = Routine.objects.in_municipality(municipality)
    due = routines.due_for_review(today).filter(next_review__gte=today)
    return routines.aggregate(
        due_soon=Count("pk", filter=Q(pk__in=due.values("pk"))),
        overdue=Count("pk", filter=Q(pk__in=routines.overdue_for_review(today).values("pk"))),
        drafts=Count("pk", filter=Q(status=Routine.Status.DRAFT)),
    )


# --- Easy to reach: My page and the coordination overview ---------------------------------


@contribute.my_page_panel(order=20)
def my_page_panel(request) -> Panel | None:
    """The routine binder and the annual wheel of each municipality where the person has a
    role: reviewers and partner representatives have no overview page to find them on."""
    numbers = permissions.municipalities_for(request.user, "view_routines")
    if not numbers:
        return None
    places = Municipality.objects.filter(pk__in=numbers).order_by("name")
    return Panel("coordination/routines/_my_page_panel.html", {"places": places})


@contribute.overview_links(order=40)
def overview_links(request, municipality) -> list[tuple[str, str]]:
    if not permissions.can(request.user, "view_routines", municipality):
        return []
    return [(_list_url(municipality), _("The routine binder"))]


# issue 13: a new coordinator's getting-started list
contribute.getting_started(
    "starter_routines",
    gettext_lazy("Copy the starter routines into your routine binder"),
    is_done=lambda municipality: Routine.objects.in_municipality(municipality).exists(),
    url=lambda municipality: reverse("coordination:routine_starters", args=[municipality.pk]),
    order=20,
)


# --- The printed routine binder (issue 14) -------------------------------------------------


@contribute.document(
    DOCUMENT,
    title=gettext_lazy("Routine binder"),
    description=gettext_lazy(
        "Every approved routine under the 8 steps, with the responsibility map, the annual "
        "wheel, the contact list and the confidentiality declaration; contents and index with "
        "page numbers."
    ),
    action="view_routines",
    publishable=True,
    order=10,
)
def binder_document(municipality, language: str):
    return compose_binder(municipality, language)


@contribute.binder_sections(order=10)
def binder_routines(municipality) -> list[BinderSection]:
    """Each approved routine, under its step."""
    return routine_sections(municipality)
