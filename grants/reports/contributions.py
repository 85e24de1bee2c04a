"""What the reports area gives the rest of the portal: a panel on My page with the reports a
grantee has to write (and those the grant-maker asked more of), and, for a grant officer, the
reports waiting for their assessment in each grant-maker they work for."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils import timezone

from coordination.kernel.contributions import Panel, contribute
from coordination.kernel.models import GrantMaker, GrantRole
from grants.applications.models import Application
from grants.applications.workflow import Status
from grants.reports.models import Report, ReportStatus

# The most reports the panel lists.
PANEL_REPORTS = 10


@contribute.my_page_panel(order=50)
def reports_panel(request) -> Panel | None:
    user = request.user
    if not user.is_authenticated:
        return None
    to_write = list(
        Report.objects.filter(
            application__in=Application.objects.of_applicant(user),
            application__status=Status.REPORTING,
            status__in=[ReportStatus.DUE, ReportStatus.MORE_REQUESTED],
        )
        .select_related("application", "grant_maker")
        .order_by("due_on", "pk")[:PANEL_REPORTS]
    )
    waiting = list(
        GrantMaker.objects.filter(roles__user=user, roles__role=GrantRole.OFFICER)
        .annotate(
            to_assess=Count(
                "applications__reports",
                filter=Q(applications__reports__status=ReportStatus.SUBMITTED),
                distinct=True,
            )
        )
        .filter(to_assess__gt=0)
        .order_by("name", "pk")
    )
    if not to_write and not waiting:
        return None
    return Panel(
        "grants/reports/_my_page_panel.html",
        {"to_write": to_write, "waiting": waiting, "today": timezone.localdate()},
    )
