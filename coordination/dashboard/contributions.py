"""What the dashboard gives itself through the kernel's points: the getting-started list (issue
13), whose steps each area registers (``contribute.getting_started``) and which shows while a
step is not done; and the step the kernel's roles page answers, inviting a colleague."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy

from coordination.kernel import contributions, figures_cache
from coordination.kernel.contributions import Panel, contribute
from coordination.kernel.models import Membership, RoleInvitation
from coordination.kernel.permissions import can


def _has_a_colleague(municipality) -> bool:
    """Someone besides the first coordinator has a role, or has been invited to one."""
    roles = Membership.objects.in_municipality(municipality).count()
    invited = RoleInvitation.objects.in_municipality(municipality).exists()  # always asked: the
    return roles > 1 or invited  # dashboard's queries do not depend on the team's size


contribute.getting_started(
    "colleague",
    gettext_lazy("Invite a colleague (a volunteer contact in a unit, another coordinator)"),
    is_done=_has_a_colleague,
    url=lambda municipality: reverse("coordination:membership_add", args=[municipality.pk]),
    order=40,
)


@contribute.dashboard_panel(order=5)
def getting_started_panel(request, municipality) -> Panel | None:
    """First on the dashboard while any step is not done; gone when all are."""
    if not can(request.user, "manage_roles", municipality):
        return None
    done = steps_done(municipality)
    steps = [
        {"label": step.label, "done": done.get(step.key, False), "url": step.url(municipality)}
        for step in contributions.GETTING_STARTED.values()
    ]
    if not steps or all(step["done"] for step in steps):
        return None
    return Panel(
        template="coordination/dashboard/_getting_started.html",
        context={"steps": steps, "done_count": sum(step["done"] for step in steps)},
        may_be_old=True,
    )


@figures_cache.per_municipality("getting_started")
def steps_done(municipality) -> dict[str, bool]:
    """{step: done} — asked once a minute, not on every look at the dashboard (one query per
    step, and the list stays away once every step is done)."""
    return {step.key: done for step, done in contributions.getting_started(municipality)}
