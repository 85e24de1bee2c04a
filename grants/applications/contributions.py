"""What the applicant's side gives the rest of the portal: a panel on My page with the
person's own applications and the partnerships waiting for their answer."""

from __future__ import annotations

from django.db.models import Count, Q

from coordination.kernel.contributions import Panel, contribute
from grants.applications import services
from grants.applications.models import Application
from grants.applications.workflow import EDITABLE, UNDECIDED, Status


@contribute.my_page_panel(order=50)
def applications_panel(request) -> Panel | None:
    """For those who may apply (a coordinator, a partner representative): drafts to finish,
    applications being handled, and partners' confirmations they are asked for."""
    user = request.user
    waiting = services.partnerships_waiting_for(user)
    counts = Application.objects.of_applicant(user).aggregate(
        drafts=Count("pk", filter=Q(status__in=EDITABLE)),
        handled=Count("pk", filter=Q(status__in=UNDECIDED - EDITABLE)),
        decided=Count("pk", filter=~Q(status__in=UNDECIDED) & ~Q(status=Status.WITHDRAWN)),
    )
    if not waiting and not any(counts.values()) and not services.applying_as(user):
        return None
    return Panel(
        "grants/applications/_my_page_panel.html",
        {"counts": counts, "waiting": waiting},
        order=50,
    )
