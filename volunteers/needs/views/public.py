"""Asking for help: the public form a person or a relative fills in (rate-limited, with a trap
for robots), and its thank-you page."""

from __future__ import annotations

from allauth.core import ratelimit
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from coordination.kernel import contributions, ui
from coordination.kernel.contact import public_contact
from coordination.kernel.models import Municipality, Role
from coordination.kernel.permissions import public
from volunteers.needs import services
from volunteers.needs.forms import PublicNeedForm

# The public form: this many reports per hour from one address.
PUBLIC_RATE_ACTION = "report_need_publicly"


def _in_use(municipality: Municipality) -> bool:
    return municipality.memberships.filter(role=Role.COORDINATOR).exists()


@public
@require_http_methods(["GET", "POST"])
def help_form(request: HttpRequest, municipality: str) -> HttpResponse:
    place = get_object_or_404(Municipality, pk=municipality)
    in_use = _in_use(place)
    form = PublicNeedForm(request.POST or None) if in_use else None
    if request.method == "POST" and form is not None and form.is_valid():
        if not ratelimit.consume(request, action=PUBLIC_RATE_ACTION):
            return render(request, "429.html", status=429)
        if form.cleaned_data["website"]:  # a robot filled in the trap: store nothing
            return redirect("volunteers:help_thanks", place.pk)
        if ui.submit(
            request,
            form,
            lambda data: services.report_need(
                municipality=place, fields=data, consented=data["consent"]
            ),
        ):
            return redirect("volunteers:help_thanks", place.pk)
    return render(
        request,
        "volunteers/help_form.html",
        {
            "municipality": place,
            "form": form,
            "in_use": in_use,
            "contact": public_contact(place),
            "volunteer_centre": contributions.figures_for("volunteer_centre", place),
        },
    )


@public
@require_GET
def help_thanks(request: HttpRequest, municipality: str) -> HttpResponse:
    place = get_object_or_404(Municipality, pk=municipality)
    return render(request, "volunteers/help_thanks.html", {"municipality": place})
