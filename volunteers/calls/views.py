"""The coordinator's call list: who to phone, why, what to say, and marking a call done."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from coordination.kernel import sms, ui
from coordination.kernel.pagination import ids_first_page
from coordination.kernel.permissions import get_for_user, municipality_view
from volunteers.calls import services
from volunteers.calls.models import PhoneCall

PER_PAGE = 25


def _tel(phone: str) -> str:
    """The number for a ``tel:`` link, or "" when it is not a Norwegian number."""
    try:
        return sms.normalise_phone(phone)
    except ValidationError:
        return ""


@municipality_view("manage_calls")
@require_GET
def call_list(request: HttpRequest) -> HttpResponse:
    calls = (
        PhoneCall.objects.in_municipality(request.municipality)
        .waiting()
        .select_related("volunteer__user", "invitation__need", "invitation__invited_by", "sms")
        .order_by("created_at", "pk")
    )
    page = ids_first_page(calls, request, PER_PAGE)
    for call in page.object_list:
        call.tel = _tel(call.volunteer.contact_phone)
    return render(
        request,
        "volunteers/call_list.html",
        {"municipality": request.municipality, "page": page, "calls": page.object_list},
    )


@municipality_view("manage_calls")
@require_http_methods(["GET", "POST"])
def call_done(request: HttpRequest, pk: int) -> HttpResponse:
    call = get_for_user(
        PhoneCall.objects.in_municipality(request.municipality).select_related("volunteer__user"),
        request.user,
        "manage_calls",
        pk=pk,
    )
    back = reverse("volunteers:call_list", args=[request.municipality.pk])
    return ui.confirm_then(
        request,
        do=lambda: services.mark_call_done(call=call, by=request.user),
        done=_("The call is marked as done."),
        then=back,
        title=_("Mark the call as done"),
        question=_("Have you phoned %(name)s about this? The call leaves the list.")
        % {"name": call.volunteer},
        submit_label=_("Yes, the call is done"),
        back_url=back,
    )
