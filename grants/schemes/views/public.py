"""The public pages of the rounds: those that take applications, and each round's own page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from coordination.kernel import permissions
from coordination.kernel.permissions import (
    public,
)
from grants.schemes.models import Round
from grants.schemes.views.base import GrantMakerRequest, RoundLine, round_state

# --- Public pages --------------------------------------------------------------------------


@public
@require_GET
def round_list(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    lines = [
        RoundLine(round_, round_state(round_, now))
        for round_ in Round.objects.filter(closes_at__gte=now)
        .select_related("scheme", "grant_maker")
        .order_by("closes_at", "pk")
    ]
    return render(
        request,
        "grants/schemes/round_list.html",
        {
            "open_rounds": [line for line in lines if line.state == "open"],
            "upcoming_rounds": [line for line in lines if line.state == "upcoming"],
        },
    )


@public
@require_GET
def round_public(request: GrantMakerRequest, pk: int) -> HttpResponse:
    round_ = get_object_or_404(Round.objects.select_related("scheme", "grant_maker"), pk=pk)
    state = round_state(round_, timezone.now())
    return render(
        request,
        "grants/schemes/round_public.html",
        {
            "round": round_,
            "scheme": round_.scheme,
            "state": state,
            "criteria": round_.criteria.all(),
            "conditions": round_.conditions.all(),
            "may_run": permissions.can(request.user, "run_grants", round_),
        },
    )
