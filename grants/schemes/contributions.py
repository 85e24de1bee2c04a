"""What the schemes area gives the rest of the portal: "Your grant work" on My page, and a
grant-maker's home as the home of a person who works only there."""

from __future__ import annotations

from django.urls import reverse

from coordination.kernel.contributions import Panel, contribute
from coordination.kernel.models import GrantMaker, GrantRole
from coordination.kernel.permissions import (
    grant_roles_by_grant_maker,
    is_national_administrator,
    roles_by_municipality,
    volunteer_places,
)


@contribute.my_page_panel(order=70)
def grant_work_panel(request) -> Panel | None:
    """The grant-makers where the person is a grant officer or reviewer, each linking home;
    for the national administrator, the list of all grant-makers too."""
    roles = grant_roles_by_grant_maker(request.user)
    national = is_national_administrator(request.user)
    if not roles and not national:
        return None
    labels = dict(GrantRole.choices)
    places = [
        {
            "grant_maker": grant_maker,
            "roles": [str(labels[role]).lower() for role in sorted(roles[grant_maker.pk])],
        }
        for grant_maker in GrantMaker.objects.filter(pk__in=roles).order_by("name")
    ]
    return Panel("grants/schemes/_my_page_panel.html", {"places": places, "national": national})


@contribute.home_page
def grant_maker_home(request) -> str | None:
    """Someone whose only work in Samspill is for one grant-maker starts on its home."""
    user = request.user
    roles = grant_roles_by_grant_maker(user)
    if len(roles) != 1 or roles_by_municipality(user) or volunteer_places(user):
        return None
    (only,) = roles
    return reverse("grants:grant_maker_home", args=[only])
