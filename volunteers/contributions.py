"""What the volunteers app as a whole gives the rest of the portal: its permission rules, who
is a volunteer where, the audit log's sentences, how long it keeps personal data, the
volunteers' panel on the dashboard, the staircase evidence about the registry and the links on
the coordination overview. Each area adds its own in its ``contributions.py`` (coordination
never imports this app: ``CoordinationConfig.ready()`` finds these modules)."""

from __future__ import annotations

from django.db.models import Count, FilteredRelation, Q, QuerySet
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from coordination.kernel import figures_cache
from coordination.kernel.contributions import Evidence, Panel, contribute
from coordination.kernel.models import Role
from coordination.kernel.permissions import RULES, Rule, can, has_role, scope_to_user
from coordination.kernel.retention import RetentionRule
from volunteers import retention
from volunteers.audit_messages import MESSAGES
from volunteers.leaving.services import ANONYMISE_AFTER_LEAVING_DAYS
from volunteers.models import HoursEntry, HoursStatus, Volunteer
from volunteers.profile.services import current_declaration
from volunteers.screening.ready_state import readiness_counts

contribute.rules(
    {
        # Publish new versions of the municipality's confidentiality declaration.
        "manage_declaration": Rule(frozenset({Role.COORDINATOR})),
        # The registry of volunteers and each volunteer's details (Drammen model: volunteer
        # contacts in the units follow up volunteers too). A volunteer contact sees only the
        # volunteers linked to a unit they serve.
        "view_volunteers": Rule(
            frozenset({Role.COORDINATOR, Role.VOLUNTEER_CONTACT}),
            unit_roles=frozenset({Role.VOLUNTEER_CONTACT}),
            units_via="unit_links__unit",
        ),
        # Link a volunteer to the units where they help (which contacts follow them up).
        "link_volunteer_units": Rule(frozenset({Role.COORDINATOR})),
        # Take the registry out as a file (personal data leaves the portal: coordinators only).
        "export_volunteers": Rule(frozenset({Role.COORDINATOR})),
        # Register a volunteer by hand (by phone, no login needed), change a volunteer's
        # details, and invite one without a login to make one.
        "register_volunteers": Rule(frozenset({Role.COORDINATOR})),
        # Bring in an existing list of volunteers from a file.
        "import_volunteers": Rule(frozenset({Role.COORDINATOR})),
        # Roles and their requirements, courses, police certificate checks, completions.
        "manage_screening": Rule(frozenset({Role.COORDINATOR})),
        # Report a need for help (the unit's volunteer contact sees the needs, not the person).
        "report_needs": Rule(frozenset({Role.COORDINATOR, Role.VOLUNTEER_CONTACT})),
        # Follow a need through the method, see the person's details, match and invite.
        "manage_needs": Rule(frozenset({Role.COORDINATOR})),
        # Log hours for volunteers, approve what they log, set the kilometre rate.
        "manage_hours": Rule(frozenset({Role.COORDINATOR})),
    }
)

contribute.audit_messages(MESSAGES)

contribute.retention(
    RetentionRule(
        name="volunteers-who-left",
        what=gettext_lazy("The details of volunteers who have stopped"),
        kept_for=format_lazy(
            gettext_lazy("anonymised {days} days after they stopped; hours and counts are kept"),
            days=ANONYMISE_AFTER_LEAVING_DAYS,
        ),
        due=retention.volunteers_who_left,
        remove=retention.anonymise_volunteers,
    ),
    RetentionRule(
        name="closed-needs",
        what=gettext_lazy("The details of people who asked for help, and the notes about them"),
        kept_for=format_lazy(
            gettext_lazy(
                "anonymised {days} days after the need was closed; the kind of help is kept"
            ),
            days=retention.CLOSED_NEED_DAYS,
        ),
        due=retention.closed_needs,
        remove=retention.anonymise_needs,
        statistics=retention.kinds,
    ),
)


@contribute.unverified_users_kept
def keep_volunteers(users: QuerySet) -> QuerySet:
    """A volunteer a coordinator registered is not a plain sign-up, confirmed address or not."""
    return users.filter(volunteers__isnull=True)


# Share of active volunteers who must have signed the current declaration for the staircase.
SIGNED_SHARE_NEEDED = 0.8
FIGURES_TEMPLATE = "coordination/partials/_dashboard_figures.html"


def page_url(name: str, municipality, **query) -> str:
    url = reverse(name, args=[municipality.pk])
    return f"{url}?{urlencode(query)}" if query else url


@contribute.volunteer_places
def volunteer_places(user) -> list[str]:
    """Numbers of the municipalities where ``user`` is an active volunteer (for the permission
    rules that let volunteers in)."""
    return list(
        Volunteer.objects.active().filter(user=user).values_list("municipality_id", flat=True)
    )


# --- the dashboard ---------------------------------------------------------------------------


def count_volunteers(municipality, active: QuerySet) -> dict[str, int | None]:
    """The volunteers panel's numbers over ``active`` volunteers: one aggregate over the
    volunteers (how many; how many have not signed the current declaration, None when none is
    published) and the readiness counts (the screening area's)."""
    declaration = current_declaration(municipality.pk)
    counts: dict[str, int | None]
    if declaration is None:
        counts = {"active": active.count(), "not_signed": None}
    else:
        counts = _count_signed(active, declaration)
    with_roles, missing = readiness_counts(municipality.pk, volunteers=active)
    return {**counts, "with_roles": with_roles, "missing": missing}


def _count_signed(active: QuerySet, declaration) -> dict[str, int]:
    """{"active": how many, "not_signed": how many have not signed ``declaration``}, in one
    query: the signatures are joined (one per volunteer and text at most), not asked per
    volunteer, which took twice as long at 100 000 volunteers (an EXISTS in an aggregate)."""
    signed = FilteredRelation("signatures", condition=Q(signatures__text=declaration))
    return active.annotate(current_signature=signed).aggregate(
        active=Count("pk"), not_signed=Count("pk", filter=Q(current_signature__isnull=True))
    )


@figures_cache.per_municipality("volunteers")
def volunteer_figures(municipality) -> dict[str, int | None]:
    """The whole municipality's numbers (what a coordinator sees), counted once a minute."""
    everyone = Volunteer.objects.in_municipality(municipality).active()
    return {
        **count_volunteers(municipality, everyone),
        "hours_waiting": _hours_waiting(municipality),
    }


def _hours_waiting(municipality) -> int:
    return (
        HoursEntry.objects.in_municipality(municipality).filter(status=HoursStatus.PENDING).count()
    )


@contribute.dashboard_panel(order=20)
def volunteers_panel(request, municipality) -> Panel | None:
    """Active volunteers, how many are ready for their roles, and what screening is missing.
    A coordinator's numbers are the whole municipality's, the same for every coordinator and
    so counted once a minute; a volunteer contact's are their units' (as their registry lists),
    counted each time."""
    if not can(request.user, "view_volunteers", municipality):
        return None
    rule = RULES["view_volunteers"]
    may_be_old = has_role(request.user, municipality, *(rule.roles - rule.unit_roles))
    if may_be_old:
        numbers = volunteer_figures(municipality)
    else:
        active = scope_to_user(
            Volunteer.objects.in_municipality(municipality), request.user, "view_volunteers"
        ).active()
        numbers = count_volunteers(municipality, active)
    registry = "volunteers:registry"
    figures = [(numbers["active"], _("active volunteers"), page_url(registry, municipality))]
    if with_roles := numbers["with_roles"]:
        missing = numbers["missing"]
        figures += [
            (
                with_roles - missing,
                _("ready for all their roles"),
                page_url(registry, municipality, readiness="ready"),
            ),
            (
                missing,
                _("missing something for a role (declaration, police certificate or course)"),
                page_url(registry, municipality, readiness="missing"),
            ),
        ]
    if numbers["not_signed"] is not None:
        figures.append(
            (
                numbers["not_signed"],
                _("have not signed the current confidentiality declaration"),
                page_url(registry, municipality, declaration="missing"),
            )
        )
    if can(request.user, "manage_hours", municipality):
        figures.append(
            (
                numbers["hours_waiting"] if may_be_old else _hours_waiting(municipality),
                _("hours entries waiting for approval"),
                page_url("volunteers:hours_manage", municipality),
            )
        )
    return Panel(
        FIGURES_TEMPLATE,
        {"title": _("Volunteers"), "figures": figures, "empty": None},
        may_be_old=may_be_old,
    )


# --- evidence for the involvement staircase --------------------------------------------------


@contribute.evidence("volunteers_registered")
def volunteers_registered(municipality) -> Evidence:
    count = Volunteer.objects.in_municipality(municipality).active().count()
    return Evidence(
        met=count > 0,
        summary=ngettext(
            "%(count)d active volunteer is registered.",
            "%(count)d active volunteers are registered.",
            count,
        )
        % {"count": count},
        url=page_url("volunteers:registry", municipality),
    )


@contribute.evidence("declarations_signed")
def declarations_signed(municipality) -> Evidence:
    declaration = current_declaration(municipality.pk)
    url = page_url("volunteers:registry", municipality, declaration="missing")
    if declaration is None:
        return Evidence(False, _("No confidentiality declaration is published yet."), url)
    counts = _count_signed(Volunteer.objects.in_municipality(municipality).active(), declaration)
    total = counts["active"]
    signed = total - counts["not_signed"]
    if not total:
        return Evidence(False, _("No active volunteers are registered yet."), url)
    share = signed / total
    return Evidence(
        met=share >= SIGNED_SHARE_NEEDED,
        summary=ngettext(
            "%(signed)d of %(total)d active volunteer (%(percent)d %%) has signed the "
            "current confidentiality declaration.",
            "%(signed)d of %(total)d active volunteers (%(percent)d %%) have signed the "
            "current confidentiality declaration.",
            total,
        )
        % {"signed": signed, "total": total, "percent": round(share * 100)},
        url=url,
    )


@contribute.overview_links(order=50)
def overview_links(request, municipality) -> list[tuple[str, str]]:
    links = []
    if can(request.user, "view_volunteers", municipality):
        url = reverse("volunteers:registry", args=[municipality.pk])
        links.append((url, _("Volunteers")))
    if can(request.user, "manage_declaration", municipality):
        url = reverse("volunteers:declaration_manage", args=[municipality.pk])
        links.append((url, _("The confidentiality declaration volunteers sign")))
    if can(request.user, "manage_hours", municipality):
        url = reverse("volunteers:hours_manage", args=[municipality.pk])
        links.append((url, _("Volunteer hours: approve, totals and kilometre rate")))
    return links
