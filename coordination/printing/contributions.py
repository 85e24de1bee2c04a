"""What printing contributes: its permission rules, a link on the coordination overview, the
audit log's sentences and how long kept versions and jobs are kept."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import F, OuterRef, QuerySet, Subquery
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coordination.kernel import contributions, permissions
from coordination.kernel.contributions import Panel, contribute
from coordination.kernel.models import Role
from coordination.kernel.permissions import Rule, can
from coordination.kernel.retention import RetentionRule
from coordination.printing.models import PrintedDocument, PrintJob, PublicLink

VERSION_DAYS = 180
JOB_DAYS = 90

contribute.rules(
    {
        # The printed documents page: people with a role here (each document asks its own
        # permission as well: the contact handbook is for coordinators).
        "print_documents": Rule(frozenset(Role.values), personal_data=False),
        # Share the binder or the volunteer handbook at a public link, and withdraw it.
        "publish_documents": Rule(frozenset({Role.COORDINATOR}), personal_data=False),
    }
)

contribute.audit_messages(
    {
        "document.printed": gettext_lazy("%(title)s, version %(version)s"),
        "document.published": gettext_lazy("%(title)s published at a public link"),
        "document.withdrawn": gettext_lazy("The public link to %(title)s withdrawn"),
    }
)


@contribute.overview_links(order=38)
def overview_links(request, municipality) -> list[tuple[str, str]]:
    if not can(request.user, "print_documents", municipality):
        return []
    url = reverse("coordination:document_list", args=[municipality.pk])
    return [(url, _("Printed documents: the routine binder, handbooks and more as PDF"))]


@contribute.my_page_panel(order=22)
def published_documents_panel(request) -> Panel | None:
    """The documents published where the person volunteers or has a role (the volunteer
    handbook, the binder): to read or print without asking anyone."""
    numbers = permissions.municipalities_for(request.user, "view_routines")
    links = (
        PublicLink.objects.active()
        .filter(municipality_id__in=numbers)
        .select_related("municipality")
        .order_by("municipality__name", "document")
    )
    found = [
        (link, document)
        for link in links
        if (document := contributions.document(link.document)) is not None
    ]
    if not found:
        return None
    return Panel("coordination/printing/_my_page_panel.html", {"published": found})


def _old_versions(now: datetime) -> QuerySet:
    """Versions older than VERSION_DAYS that are not the newest of their document."""
    newest = (
        PrintedDocument.objects.filter(
            municipality=OuterRef("municipality"),
            document=OuterRef("document"),
            language=OuterRef("language"),
        )
        .order_by("-rendered_at", "-pk")
        .values("pk")[:1]
    )
    return (
        PrintedDocument.objects.filter(rendered_at__lt=now - timedelta(days=VERSION_DAYS))
        .annotate(newest=Subquery(newest))
        .exclude(pk=F("newest"))
    )


def _delete_versions(versions: QuerySet) -> int:
    count = 0
    for kept in versions.iterator():
        kept.file.delete(save=False)
        kept.delete()
        count += 1
    return count


contribute.retention(
    RetentionRule(
        name="printed-documents",
        what=gettext_lazy("Earlier versions of printed documents (the newest is kept)"),
        kept_for=format_lazy(gettext_lazy("deleted after {days} days"), days=VERSION_DAYS),
        due=_old_versions,
        remove=_delete_versions,
    ),
    RetentionRule(
        name="print-jobs",
        what=gettext_lazy("Who asked for which printed document, and when"),
        kept_for=format_lazy(gettext_lazy("deleted after {days} days"), days=JOB_DAYS),
        due=lambda now: PrintJob.objects.filter(created_at__lt=now - timedelta(days=JOB_DAYS)),
    ),
)
