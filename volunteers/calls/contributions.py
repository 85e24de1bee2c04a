"""What the call list gives the rest of the portal: its permission rule, the audit log's
sentences, and the figure on the coordinator's dashboard that leads to the list."""

from __future__ import annotations

from django.utils.translation import gettext as _

from coordination.kernel import figures_cache
from coordination.kernel.contributions import Panel, contribute
from coordination.kernel.models import Role
from coordination.kernel.permissions import Rule, can
from volunteers.calls.models import CallReason, PhoneCall
from volunteers.contributions import FIGURES_TEMPLATE, page_url

contribute.rules(
    {
        # See who must be phoned instead of written to, and mark the calls done.
        "manage_calls": Rule(frozenset({Role.COORDINATOR})),
    }
)


def _call_done(params: dict) -> str:
    reason = params.get("reason", "")
    label = CallReason(reason).label if reason in CallReason.values else reason
    return _("Phone call made: %(reason)s") % {"reason": label}


contribute.audit_messages(
    {
        "call.done": _call_done,
    }
)


@contribute.dashboard_panel(order=25)
def calls_panel(request, municipality) -> Panel | None:
    """How many people wait for a phone call, leading to the call list."""
    if not can(request.user, "manage_calls", municipality):
        return None
    waiting = calls_waiting(municipality)
    return Panel(
        FIGURES_TEMPLATE,
        {
            "title": _("Call list"),
            "figures": [
                (
                    waiting,
                    _("people to phone instead of writing to"),
                    page_url("volunteers:call_list", municipality),
                ),
            ],  # fmt: skip
            "empty": None,
        },
        may_be_old=True,
    )


@figures_cache.per_municipality("calls_waiting")
def calls_waiting(municipality) -> int:
    return PhoneCall.objects.in_municipality(municipality).waiting().count()
