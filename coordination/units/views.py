"""Units and their volunteer contacts ("who do I call"), and the forum of volunteer contacts."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Case, F, Prefetch, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from coordination.kernel import ui
from coordination.kernel.permissions import can, get_for_user, municipality_view
from coordination.units import services
from coordination.units.forms import ForumMeetingForm, MinutesForm, UnitContactForm, UnitForm
from coordination.units.models import ForumMeeting, Unit, UnitContact

PAGE_SIZE = 50


# --- Units ---------------------------------------------------------------------------------


def _unit(request: HttpRequest, pk: int) -> Unit:
    return get_for_user(
        Unit.objects.in_municipality(request.municipality), request.user, "manage_units", pk=pk
    )


@municipality_view("view_units")
@require_GET
def unit_list(request: HttpRequest) -> HttpResponse:
    """Every unit and its volunteer contacts, with how to reach them; units without a contact
    are flagged (and can be listed alone)."""
    municipality = request.municipality
    without_contact = request.GET.get("without") == "contact"
    units = Unit.objects.in_municipality(municipality)
    if without_contact:
        units = units.without_contact()
    units = units.prefetch_related(
        Prefetch(
            "contact_links",
            queryset=UnitContact.objects.select_related("membership__user").order_by(
                "membership__user__full_name", "pk"
            ),
        )
    ).order_by("name", "pk")
    may_manage = can(request.user, "manage_units", municipality)
    return render(
        request,
        "coordination/units/unit_list.html",
        {
            "municipality": municipality,
            "page": Paginator(units, PAGE_SIZE).get_page(request.GET.get("page")),
            "without_contact": without_contact,
            "may_manage": may_manage,
            "form": UnitForm() if may_manage else None,
        },
    )


@municipality_view("manage_units")
@require_http_methods(["GET", "POST"])
def unit_add(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    form = UnitForm(request.POST or None)
    if done := ui.submit(
        request,
        form,
        lambda data: services.create_unit(municipality=municipality, by=request.user, **data),
    ):
        messages.success(request, _("The unit %(name)s is saved.") % {"name": done.value.name})
        return redirect("coordination:unit_edit", municipality.pk, done.value.pk)
    return ui.form_page(
        request,
        form=form,
        title=_("Add a unit"),
        submit_label=_("Add the unit"),
        back_url=reverse("coordination:unit_list", args=[municipality.pk]),
        back_label=_("Back to the units"),
    )


@municipality_view("manage_units")
@require_http_methods(["GET", "POST"])
def unit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The unit's details, its volunteer contacts, and a form to add one."""
    municipality = request.municipality
    unit = _unit(request, pk)
    name = unit.name  # the form writes what was typed onto the instance, even when refused
    form = UnitForm(request.POST or None, instance=unit)
    if ui.submit(
        request,
        form,
        lambda data: services.update_unit(
            unit=unit, municipality=municipality, by=request.user, **data
        ),
    ):
        messages.success(request, _("The unit %(name)s is saved.") % {"name": unit.name})
        return redirect("coordination:unit_list", municipality.pk)
    return render(
        request,
        "coordination/units/unit_edit.html",
        {
            "municipality": municipality,
            "unit": unit,
            "name": name,
            "form": form,
            "links": unit.contact_links.select_related("membership__user").order_by(
                "membership__user__full_name", "pk"
            ),
            "contact_form": UnitContactForm(unit=unit),
        },
    )


@municipality_view("manage_units")
@require_http_methods(["GET", "POST"])
def unit_delete(request: HttpRequest, pk: int) -> HttpResponse:
    municipality = request.municipality
    unit = _unit(request, pk)
    return ui.confirm_then(
        request,
        do=lambda: services.delete_unit(unit=unit, by=request.user),
        done=_("The unit %(name)s is removed.") % {"name": unit.name},
        then=reverse("coordination:unit_list", args=[municipality.pk]),
        title=_("Remove the unit %(name)s") % {"name": unit.name},
        question=_(
            "Do you want to remove the unit %(name)s? Its volunteer contacts keep their role; "
            "they are only no longer listed for this unit."
        )
        % {"name": unit.name},
        submit_label=_("Yes, remove the unit"),
        back_url=reverse("coordination:unit_edit", args=[municipality.pk, unit.pk]),
    )


@municipality_view("manage_units")
@require_http_methods(["GET", "POST"])
def unit_contact_add(request: HttpRequest, pk: int) -> HttpResponse:
    municipality = request.municipality
    unit = _unit(request, pk)
    form = UnitContactForm(request.POST or None, unit=unit)
    if done := ui.submit(
        request,
        form,
        lambda data: services.add_unit_contact(
            unit=unit, membership=data["membership"], by=request.user
        ),
    ):
        messages.success(
            request,
            _("%(name)s is now a volunteer contact for %(unit)s.")
            % {"name": done.value.membership.user, "unit": unit.name},
        )
        return redirect("coordination:unit_edit", municipality.pk, unit.pk)
    return ui.form_page(
        request,
        form=form,
        title=_("Add a volunteer contact to %(unit)s") % {"unit": unit.name},
        submit_label=_("Add the volunteer contact"),
        back_url=reverse("coordination:unit_edit", args=[municipality.pk, unit.pk]),
        back_label=_("Back to the unit"),
    )


@municipality_view("manage_units")
@require_http_methods(["GET", "POST"])
def unit_contact_remove(request: HttpRequest, pk: int) -> HttpResponse:
    municipality = request.municipality
    link = get_for_user(
        UnitContact.objects.filter(unit__municipality=municipality).select_related(
            "unit", "membership__user"
        ),
        request.user,
        "manage_units",
        via="unit__municipality",
        pk=pk,
    )
    back = reverse("coordination:unit_edit", args=[municipality.pk, link.unit_id])
    names = {"name": link.membership.user, "unit": link.unit.name}
    return ui.confirm_then(
        request,
        do=lambda: services.remove_unit_contact(link=link, by=request.user),
        done=_("%(name)s is no longer a volunteer contact for %(unit)s.") % names,
        then=back,
        title=_("Remove a volunteer contact"),
        question=_(
            "Do you want to remove %(name)s as volunteer contact for %(unit)s? They keep "
            "their role in the municipality."
        )
        % names,
        submit_label=_("Yes, remove the contact"),
        back_url=back,
    )


# --- The forum of volunteer contacts --------------------------------------------------------


def _meeting(request: HttpRequest, pk: int, action: str) -> ForumMeeting:
    return get_for_user(
        ForumMeeting.objects.in_municipality(request.municipality), request.user, action, pk=pk
    )


def _members(request: HttpRequest):
    return services.forum_members(request.municipality)


@municipality_view("view_forum")
@require_GET
def forum_meeting_list(request: HttpRequest) -> HttpResponse:
    """Upcoming meetings first (soonest first), then past ones (latest first)."""
    municipality = request.municipality
    now = timezone.now()
    meetings = (
        ForumMeeting.objects.in_municipality(municipality)
        .annotate(
            is_past_meeting=Case(When(starts_at__lt=now, then=True), default=False),
            upcoming_at=Case(When(starts_at__gte=now, then=F("starts_at"))),
        )
        .order_by("is_past_meeting", F("upcoming_at").asc(nulls_last=True), "-starts_at", "pk")
    )
    return render(
        request,
        "coordination/units/forum_meeting_list.html",
        {
            "municipality": municipality,
            "page": Paginator(meetings, PAGE_SIZE).get_page(request.GET.get("page")),
            "may_manage": can(request.user, "manage_forum", municipality),
        },
    )


def _save_meeting(meeting: ForumMeeting | None, request: HttpRequest, data: dict):
    """The service for the meeting form: plan a meeting, or change ``meeting``."""
    fields = {
        "municipality": request.municipality,
        "by": request.user,
        "starts_at": data["starts_at"],
        "place": data.get("place") or "",
        "agenda": data.get("agenda") or "",
        "attendees": data.get("attendees") or [],
    }
    if meeting is None:
        return services.create_forum_meeting(**fields)
    return services.update_forum_meeting(meeting=meeting, **fields)


def _meeting_form_page(request: HttpRequest, meeting: ForumMeeting | None = None) -> HttpResponse:
    """Plan a forum meeting, or change ``meeting``: when, where, the agenda, who came."""
    municipality = request.municipality
    form = ForumMeetingForm(request.POST or None, instance=meeting, members=_members(request))
    if done := ui.submit(request, form, lambda data: _save_meeting(meeting, request, data)):
        messages.success(request, _("The meeting is saved."))
        return redirect("coordination:forum_meeting_detail", municipality.pk, done.value.pk)
    if meeting is None:
        return ui.form_page(
            request,
            form=form,
            title=_("Plan a forum meeting"),
            submit_label=_("Save the meeting"),
            back_url=reverse("coordination:forum_meeting_list", args=[municipality.pk]),
            back_label=_("Back to the forum"),
        )
    return ui.form_page(
        request,
        form=form,
        title=_("Change the forum meeting"),
        submit_label=_("Save"),
        back_url=reverse("coordination:forum_meeting_detail", args=[municipality.pk, meeting.pk]),
        back_label=_("Back to the meeting"),
        delete_url=reverse("coordination:forum_meeting_delete", args=[municipality.pk, meeting.pk]),
    )


@municipality_view("manage_forum")
@require_http_methods(["GET", "POST"])
def forum_meeting_add(request: HttpRequest) -> HttpResponse:
    return _meeting_form_page(request)


@municipality_view("view_forum")
@require_GET
def forum_meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk, "view_forum")
    return render(
        request,
        "coordination/units/forum_meeting_detail.html",
        {
            "municipality": request.municipality,
            "meeting": meeting,
            "attendees": meeting.attendees.select_related("user").order_by("user__full_name"),
            "may_manage": can(request.user, "manage_forum", request.municipality),
        },
    )


@municipality_view("manage_forum")
@require_http_methods(["GET", "POST"])
def forum_meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _meeting_form_page(request, _meeting(request, pk, "manage_forum"))


@municipality_view("manage_forum")
@require_http_methods(["GET", "POST"])
def forum_meeting_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    municipality = request.municipality
    meeting = _meeting(request, pk, "manage_forum")
    form = MinutesForm(request.POST or None, instance=meeting, members=_members(request))
    back = reverse("coordination:forum_meeting_detail", args=[municipality.pk, meeting.pk])
    if ui.submit(
        request,
        form,
        lambda data: services.save_minutes(
            meeting=meeting,
            by=request.user,
            minutes=data.get("minutes") or "",
            attendees=data.get("attendees") or [],
        ),
    ):
        messages.success(request, _("The minutes are saved."))
        return redirect(back)
    return ui.form_page(
        request,
        form=form,
        title=_("Minutes of the forum meeting"),
        submit_label=_("Save the minutes"),
        back_url=back,
        back_label=_("Back to the meeting"),
    )


@municipality_view("manage_forum")
@require_http_methods(["GET", "POST"])
def forum_meeting_delete(request: HttpRequest, pk: int) -> HttpResponse:
    municipality = request.municipality
    meeting = _meeting(request, pk, "manage_forum")
    return ui.confirm_then(
        request,
        do=lambda: services.delete_forum_meeting(meeting=meeting, by=request.user),
        done=_("The meeting is removed."),
        then=reverse("coordination:forum_meeting_list", args=[municipality.pk]),
        title=_("Remove the forum meeting"),
        question=_("Do you want to remove this meeting, with its agenda and minutes?"),
        submit_label=_("Yes, remove the meeting"),
        back_url=reverse("coordination:forum_meeting_detail", args=[municipality.pk, meeting.pk]),
    )
