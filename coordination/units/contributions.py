"""What units and the forum contribute to the rest of the portal: the annual wheel, staircase
evidence, the coordinator's dashboard (with the responsibility map's warnings), overview links
and a person's data export. Each registers at its definition."""

from __future__ import annotations

import datetime

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from coordination.kernel import contributions, figures_cache
from coordination.kernel.account_data import when
from coordination.kernel.contact import public_contact
from coordination.kernel.contributions import (
    BinderSection,
    Evidence,
    Panel,
    WheelEntry,
    contribute,
)
from coordination.kernel.models import Membership, Role
from coordination.kernel.permissions import can
from coordination.units.exports import compose_how_we_work
from coordination.units.models import ForumMeeting, Unit, UnitContact

FORUM_MEETINGS_NEEDED = 2  # in the last 12 months, for the staircase evidence

contribute.wheel_category("forum", gettext_lazy("Forum meetings"), order=20)


@contribute.wheel_source
def forum_wheel_entries(municipality, year: int, months: range) -> list[WheelEntry]:
    meetings = (
        ForumMeeting.objects.in_municipality(municipality)
        .filter(starts_at__year=year)
        .order_by("starts_at")
    )
    return [
        WheelEntry(
            date=timezone.localdate(meeting.starts_at),
            title=_("Forum of volunteer contacts")
            + (f": {meeting.place}" if meeting.place else ""),
            category="forum",
            url=reverse("coordination:forum_meeting_detail", args=[municipality.pk, meeting.pk]),
            action="view_forum",
        )
        for meeting in meetings
    ]


# --- Staircase evidence ---------------------------------------------------------------------


def _number(municipality) -> str:
    return getattr(municipality, "pk", municipality)


@contribute.evidence("unit_contacts")
def unit_contacts_evidence(municipality) -> Evidence:
    number = _number(municipality)
    units = Unit.objects.in_municipality(number)
    total = units.count()
    with_contact = units.filter(contact_links__isnull=False).distinct().count()
    summary = ngettext(
        "%(with)s of %(total)s unit has a volunteer contact",
        "%(with)s of %(total)s units have a volunteer contact",
        total,
    ) % {"with": with_contact, "total": total}
    return Evidence(
        met=total > 0 and with_contact == total,
        summary=summary if total else _("No units are registered yet"),
        url=reverse("coordination:unit_list", args=[number]),
    )


@contribute.evidence("forum_meetings")
def forum_meetings_evidence(municipality) -> Evidence:
    number = _number(municipality)
    now = timezone.now()
    held = (
        ForumMeeting.objects.in_municipality(number)
        .filter(starts_at__lt=now, starts_at__gte=now - datetime.timedelta(days=365))
        .count()
    )
    return Evidence(
        met=held >= FORUM_MEETINGS_NEEDED,
        summary=ngettext(
            "The forum of volunteer contacts met %(count)s time in the last 12 months",
            "The forum of volunteer contacts met %(count)s times in the last 12 months",
            held,
        )
        % {"count": held},
        url=reverse("coordination:forum_meeting_list", args=[number]),
    )


# --- The coordinator's dashboard and the overview -------------------------------------------


@contribute.dashboard_panel(order=80)
def dashboard_panel(request, municipality) -> Panel | None:
    if not can(request.user, "manage_units", municipality):
        return None
    number = municipality.pk
    next_meeting = (
        ForumMeeting.objects.in_municipality(municipality).upcoming().order_by("starts_at").first()
    )
    return Panel(
        template="coordination/units/_dashboard_panel.html",
        context={
            **unit_figures(municipality),
            "units_without_contact_url": reverse("coordination:unit_list", args=[number])
            + "?without=contact",
            "next_meeting": next_meeting,
            "next_meeting_url": next_meeting
            and reverse("coordination:forum_meeting_detail", args=[number, next_meeting.pk]),
            "forum_url": reverse("coordination:forum_meeting_list", args=[number]),
        },
        may_be_old=True,
    )


@figures_cache.per_municipality("units")
def unit_figures(municipality) -> dict:
    """The units without a volunteer contact, and the responsibility area's figures (has_map,
    warning_count and map_url, the same in every language): counted once a minute, the same
    for everyone who may see them. The next forum meeting is read on every look."""
    return {
        "units_without_contact": Unit.objects.in_municipality(municipality)
        .without_contact()
        .count(),
        **contributions.figures_for("responsibility_map", municipality),
    }


@contribute.overview_links(order=30)
def overview_links(request, municipality) -> list[tuple[str, str]]:
    links = []
    if can(request.user, "view_units", municipality):
        links.append(
            (
                reverse("coordination:unit_list", args=[municipality.pk]),
                _("Units and volunteer contacts (who to call)"),
            )
        )
    if can(request.user, "view_forum", municipality):
        links.append(
            (
                reverse("coordination:forum_meeting_list", args=[municipality.pk]),
                _("The forum of volunteer contacts: meetings, agendas and minutes"),
            )
        )
    return links


@contribute.export_section(
    "units",
    title=gettext_lazy("Units and the forum of volunteer contacts"),
    labels={
        "volunteer_contact_for": gettext_lazy("Volunteer contact for"),
        "unit": gettext_lazy("Unit"),
        "forum_meetings_attended": gettext_lazy("Forum meetings you attended"),
        "starts_at": gettext_lazy("Starts"),
        "minutes_written": gettext_lazy("Minutes you wrote"),
        "written_at": gettext_lazy("Written"),
    },
    order=10,
)
def export_units(user) -> dict | None:
    """For a person's data export: the units they are a volunteer contact for, the forum
    meetings they attended and the minutes they wrote."""
    links = UnitContact.objects.filter(membership__user=user).select_related("unit__municipality")
    attended = ForumMeeting.objects.filter(attendees__user=user).select_related("municipality")
    wrote = ForumMeeting.objects.filter(minutes_by=user).select_related("municipality")
    if not (links or attended or wrote):
        return None
    return {
        "volunteer_contact_for": [
            {"unit": link.unit.name, "municipality": link.unit.municipality.name}
            for link in links
        ],
        "forum_meetings_attended": [
            {"municipality": m.municipality.name, "starts_at": when(m.starts_at)}
            for m in attended
        ],
        "minutes_written": [
            {"municipality": m.municipality.name, "starts_at": when(m.starts_at),
             "written_at": when(m.minutes_at)}
            for m in wrote
        ],
    }  # fmt: skip


# issue 13: a new coordinator's getting-started list
contribute.getting_started(
    "first_unit",
    gettext_lazy("Add a unit (a nursing home, the home care service, a day centre)"),
    is_done=lambda municipality: Unit.objects.in_municipality(municipality).exists(),
    url=lambda municipality: reverse("coordination:unit_add", args=[municipality.pk]),
    order=30,
)


# issue 14: «How we work together», a one-page flowchart of the municipality's own model. Here
# because the units and their volunteer contacts are its core; the partners come through the
# partners area's figures (areas meet through the kernel).
@contribute.document(
    "how-we-work",
    title=gettext_lazy("How we work together"),
    description=gettext_lazy(
        "One page: how a need reaches a volunteer, the units and their volunteer contacts, the "
        "coordinator and the partners (A4 landscape)."
    ),
    action="view_municipality",
    order=60,
)
def how_we_work_document(municipality, language: str):
    return compose_how_we_work(municipality, language)


# --- The routine binder's contact list (issue 14) ------------------------------------------


def _coordinators(municipality) -> list[dict]:
    """The municipality's coordinators to call: the one chosen as public contact first, with
    the public number and hours when they have no phone of their own."""
    chosen = public_contact(municipality)
    people = []
    for membership in (
        Membership.objects.in_municipality(municipality)
        .with_role(Role.COORDINATOR)
        .filter(user__is_active=True)
        .select_related("user")
        .order_by("created_at", "pk")
    ):
        user = membership.user
        public = chosen is not None and chosen.coordinator_id == user.pk
        people.append(
            {
                "name": user.full_name or user.email,
                "phone": user.phone or (chosen.phone if public and chosen else ""),
                "email": (chosen.email if public and chosen and chosen.email else user.email),
                "when": chosen.when_to_call if public and chosen else "",
                "first": public,
            }
        )
    return sorted(people, key=lambda person: not person["first"])


@contribute.binder_sections(order=50)
def contact_list_in_binder(municipality) -> list[BinderSection]:
    """The contact list of the routine binder: the coordinators, and each unit with its phone
    and its volunteer contacts."""
    units = (
        Unit.objects.in_municipality(municipality)
        .prefetch_related(
            Prefetch(
                "contact_links",
                queryset=UnitContact.objects.select_related("membership__user")
                .filter(membership__user__is_active=True)
                .order_by("membership__user__full_name", "pk"),
            )
        )
        .order_by("name", "pk")
    )
    rows = [
        {
            "name": unit.name,
            "kind": unit.get_kind_display(),
            "address": unit.address,
            "phone": unit.phone,
            "leader": unit.leader_name,
            "contacts": [
                {
                    "name": link.membership.user.full_name or link.membership.user.email,
                    "phone": link.membership.user.phone,
                    "email": link.membership.user.email,
                }
                for link in unit.contact_links.all()
            ],
        }
        for unit in units
    ]
    coordinator, contact = str(Role.COORDINATOR.label), str(Role.VOLUNTEER_CONTACT.label)
    return [
        BinderSection(
            key="contacts",
            title=_("Contact list"),
            template="coordination/units/_binder_contacts.html",
            context={
                "coordinators": _coordinators(municipality),
                "units": rows,
                "coordinator_label": coordinator,
                "contact_label": contact,
            },
            index_terms=(coordinator, contact, *(row["name"] for row in rows)),
        )
    ]
