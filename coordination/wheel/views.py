"""The annual wheel: the 12-month wheel and the list by month beside it (what screen readers
use), and the municipality's own events."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from coordination.kernel import ui
from coordination.kernel.permissions import can, get_for_user, municipality_view
from coordination.wheel import services
from coordination.wheel.forms import WheelEventForm, WheelYearForm
from coordination.wheel.models import MAX_YEAR, MIN_YEAR, WheelEvent

PAGE_SIZE = 50
READ, MANAGE = "view_wheel", "manage_wheel"


@municipality_view(READ)
@require_http_methods(["GET"])
def wheel_detail(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    today = timezone.localdate()
    year = today.year
    form = WheelYearForm(request.GET if "year" in request.GET else None)
    if form.is_bound:
        if form.is_valid():
            year = form.cleaned_data["year"]
        else:
            messages.warning(
                request,
                _("That year cannot be shown. Choose a year from %(min)s to %(max)s; showing "
                  "%(year)s.") % {"min": MIN_YEAR, "max": MAX_YEAR, "year": year},
            )  # fmt: skip
    wheel = services.wheel_context(municipality, year, today, user=request.user)
    return render(
        request,
        "coordination/wheel/wheel_detail.html",
        {
            "municipality": municipality,
            "wheel": wheel,
            "year": year,
            "previous_year": year - 1 if year > MIN_YEAR else None,
            "next_year": year + 1 if year < MAX_YEAR else None,
            "this_year": today.year,
            "may_manage": can(request.user, MANAGE, municipality),
        },
    )


def _event_fields(data: dict) -> dict:
    return {
        "title": data["title"],
        "category": data["category"],
        "month": data["month"],
        "day": data.get("day"),
        "description": data.get("description") or "",
        "recurring": data["recurring"],
        "year": data.get("year"),
    }


@municipality_view(MANAGE)
@require_http_methods(["GET", "POST"])
def wheel_event_list(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    form = WheelEventForm(request.POST if request.method == "POST" else None)
    if done := ui.submit(
        request,
        form,
        lambda data: services.create_wheel_event(
            municipality=municipality, by=request.user, **_event_fields(data)
        ),
    ):
        messages.success(request, _("%(title)s is on the wheel.") % {"title": done.value.title})
        return redirect("coordination:wheel_event_list", municipality.pk)
    events = WheelEvent.objects.in_municipality(municipality).order_by(
        "month", "day", "title", "pk"
    )
    return render(
        request,
        "coordination/wheel/wheel_event_list.html",
        {
            "municipality": municipality,
            "form": form,
            "page": Paginator(events, PAGE_SIZE).get_page(request.GET.get("page")),
        },
    )


def _event(request: HttpRequest, pk: int) -> WheelEvent:
    return get_for_user(
        WheelEvent.objects.in_municipality(request.municipality), request.user, MANAGE, pk=pk
    )


@municipality_view(MANAGE)
@require_http_methods(["GET", "POST"])
def wheel_event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    title = event.title
    form = WheelEventForm(request.POST if request.method == "POST" else None, instance=event)
    if ui.submit(
        request,
        form,
        lambda data: services.update_wheel_event(
            event=WheelEvent.objects.get(pk=event.pk), by=request.user, **_event_fields(data)
        ),
    ):
        messages.success(request, _("The event is saved."))
        return redirect("coordination:wheel_event_list", request.municipality.pk)
    number = request.municipality.pk
    return ui.form_page(
        request,
        form=form,
        title=_("The event %(title)s") % {"title": title},
        submit_label=_("Save"),
        back_url=reverse("coordination:wheel_event_list", args=[number]),
        back_label=_("Back to the events"),
        delete_url=reverse("coordination:wheel_event_delete", args=[number, event.pk]),
        delete_label=_("Take it off the wheel"),
    )


@municipality_view(MANAGE)
@require_http_methods(["GET", "POST"])
def wheel_event_delete(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    return ui.confirm_then(
        request,
        do=lambda: services.delete_wheel_event(event=event, by=request.user),
        done=_("The event is taken off the wheel."),
        then=reverse("coordination:wheel_event_list", args=[request.municipality.pk]),
        title=_("Take the event off the wheel"),
        question=_("Do you want to take %(title)s off the annual wheel?") % {"title": event.title},
        submit_label=_("Yes, take it off"),
        back_url=reverse("coordination:wheel_event_edit", args=[request.municipality.pk, event.pk]),
    )
