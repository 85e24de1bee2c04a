"""The one place that answers "may this user do X on this object".

- Roles are per municipality (``Membership``), never global groups; grant officers and
  reviewers hold theirs per grant-maker (``GrantMakerRole``): a rule with ``grant_maker=True``
  is answered in the object's grant-maker, as the others are in its municipality.
- ``can(user, action, obj)`` is the question every view and service asks; a service asks
  ``require(user, action, obj)``, which refuses with PermissionDenied.
- An object predicate of an area (``can_<verb>_<noun>(user, obj)``, in the area's
  ``permissions.py``) returns a ``Verdict``: yes or no, and the reason the page shows.
- ``scope_to_user(queryset, user, action)`` is the one place querysets are limited to the
  municipalities where the user may perform ``action``; views never filter by tenant themselves.
- Every view is wrapped in exactly one of the decorators at the bottom (``public``,
  ``login_required``, ``municipality_view``, ``grant_maker_view``, ``national_view``). Each
  records the view's access rule on the view function, so the URL sweep in tests can check
  that no view is without one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import wraps
from urllib.parse import urlsplit

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required as django_login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from coordination.kernel.http import MunicipalityRequest
from coordination.kernel.models import (
    GrantMaker,
    GrantMakerRole,
    GrantRole,
    Membership,
    Municipality,
    Role,
)

# Roles whose holders must have two-factor authentication before they reach personal data.
# Volunteer contacts read the volunteer registry and the needs of their unit (issue 10).
ROLES_REQUIRING_MFA = frozenset({Role.COORDINATOR, Role.VOLUNTEER_CONTACT})
# Grant officers read applications: who applies, their plans, budgets and contact people.
GRANT_ROLES_REQUIRING_MFA = frozenset({GrantRole.OFFICER})


# Not a Membership role: an active volunteer of the municipality (the volunteers app says who,
# through ``contribute.volunteer_places``). A rule lists it among its roles to let volunteers in.
VOLUNTEER = "volunteer"


@dataclass(frozen=True)
class Rule:
    """Which roles in the object's municipality allow an action.

    ``unit_roles`` are roles that act only on objects of the units they serve as volunteer
    contact (the Drammen model), ``units_via`` the lookup from the object to its units; the
    other roles of the rule act on every object of the municipality."""

    roles: frozenset[str]
    personal_data: bool = True  # if so, staff roles must have two-factor authentication
    unit_roles: frozenset[str] = frozenset()
    units_via: str = ""
    # The roles are GrantRole values held in the object's grant-maker (its ``grant_maker``
    # field), not roles in a municipality.
    grant_maker: bool = False


# action -> rule: coordination's own here; other apps declare theirs in their contributions.py
# with ``contribute.rules({...})`` (coordination.kernel.contributions).
RULES: dict[str, Rule] = {
    # The municipality's coordination overview: who holds which role, partners.
    "view_municipality": Rule(frozenset({Role.COORDINATOR, Role.VOLUNTEER_CONTACT})),
    # Give and take away roles (volunteer contacts, reviewers, …) in the municipality.
    "manage_roles": Rule(frozenset({Role.COORDINATOR})),
    # Choose whom the public page names and what number it shows (kernel.contact).
    "manage_public_contact": Rule(frozenset({Role.COORDINATOR})),
    # Read who viewed or changed sensitive data in the municipality.
    "view_audit_log": Rule(frozenset({Role.COORDINATOR})),
    # See the units and who their volunteer contacts are ("who do I call").
    "view_units": Rule(frozenset({Role.COORDINATOR, Role.VOLUNTEER_CONTACT})),
    # Add, change and remove units and link volunteer contacts to them.
    "manage_units": Rule(frozenset({Role.COORDINATOR})),
    # Read the forum of volunteer contacts: meetings, agendas, minutes.
    "view_forum": Rule(frozenset({Role.COORDINATOR, Role.VOLUNTEER_CONTACT})),
    # Plan forum meetings, write agendas and minutes, record who attended.
    "manage_forum": Rule(frozenset({Role.COORDINATOR})),
    # Read the responsibility map (no personal data in it).
    "view_responsibility_map": Rule(
        frozenset({Role.COORDINATOR, Role.VOLUNTEER_CONTACT, Role.PARTNER_REPRESENTATIVE}),
        personal_data=False,
    ),
    # Edit the responsibility map: its tasks, parties and who does what.
    "manage_responsibility_map": Rule(frozenset({Role.COORDINATOR}), personal_data=False),
    # Read the routine binder (approved routines): everyone with a role in the municipality,
    # and its volunteers ("easy to reach for staff and volunteers", seed 001).
    "view_routines": Rule(frozenset({*Role.values, VOLUNTEER}), personal_data=False),
    # Read a routine's earlier versions and what changed: people with a role (volunteers read
    # the approved version only).
    "view_routine_history": Rule(frozenset(Role.values), personal_data=False),
    # Create, edit, approve and archive routines; copy starter routines; name co-authors.
    "manage_routines": Rule(frozenset({Role.COORDINATOR}), personal_data=False),
    # Read the annual wheel: everyone with a role in the municipality, and its volunteers.
    "view_wheel": Rule(frozenset({*Role.values, VOLUNTEER}), personal_data=False),
    # Add, change and remove the municipality's own events on the annual wheel.
    "manage_wheel": Rule(frozenset({Role.COORDINATOR}), personal_data=False),
    # staircase: read the municipality's staircase level, assessments and the comparison.
    "view_staircase": Rule(
        frozenset({Role.COORDINATOR, Role.VOLUNTEER_CONTACT}), personal_data=False
    ),
    # staircase: answer the assessment (drafts, completing) and choose to be named in comparisons.
    "answer_staircase": Rule(frozenset({Role.COORDINATOR}), personal_data=False),
    # partners: read the partner registry, the partner map and the agreements.
    "view_partners": Rule(frozenset({Role.COORDINATOR, Role.VOLUNTEER_CONTACT})),
    # partners: open one partner's or one agreement's page; partner representatives only their
    # own organisation's (checked by can_view_partner / can_view_agreement).
    "view_partner_pages": Rule(
        frozenset({Role.COORDINATOR, Role.VOLUNTEER_CONTACT, Role.PARTNER_REPRESENTATIVE})
    ),
    # partners: add and change partners, their contacts and offers, and the agreements.
    "manage_partners": Rule(frozenset({Role.COORDINATOR})),
}

# Roles a routine's co-author must hold in its municipality (they propose, never approve).
ROUTINE_CO_AUTHOR_ROLES = frozenset({Role.VOLUNTEER_CONTACT, Role.PARTNER_REPRESENTATIVE})


def register_rule(action: str, rule: Rule) -> None:
    """The storage behind ``contribute.rules``: the same rule again is fine, another raises."""
    if action in RULES and RULES[action] != rule:
        raise ValueError(f"Permission rule {action!r} is already registered differently.")
    RULES[action] = rule


def roles_by_municipality(user) -> dict[str, frozenset[str]]:
    """All roles of ``user``, by municipality number; loaded once per user object (request)."""
    if not user.is_authenticated:
        return {}
    cached = getattr(user, "_samspill_roles", None)
    if cached is None:
        found: dict[str, set[str]] = defaultdict(set)
        for number, role in Membership.objects.filter(user=user).values_list(
            "municipality_id", "role"
        ):
            found[number].add(role)
        cached = {number: frozenset(roles) for number, roles in found.items()}
        user._samspill_roles = cached
    return cached


# user -> numbers of the municipalities where the user is an active volunteer. Set by the
# volunteers app (coordination does not import it); none registered: nobody is a volunteer.
_volunteer_places: Callable[[object], Iterable[str]] | None = None


def register_volunteer_places(lookup: Callable[[object], Iterable[str]]) -> None:
    """The storage behind ``contribute.volunteer_places`` (which refuses a second lookup)."""
    global _volunteer_places
    _volunteer_places = lookup


def volunteer_places(user) -> frozenset[str]:
    """Numbers of the municipalities where ``user`` is an active volunteer; asked only when a
    rule lets volunteers in, and once per user object (request)."""
    if not user.is_authenticated or _volunteer_places is None:
        return frozenset()
    cached = getattr(user, "_samspill_volunteer_places", None)
    if cached is None:
        cached = frozenset(_volunteer_places(user))
        user._samspill_volunteer_places = cached
    return cached


def forget_roles(user) -> None:
    """Call after changing a user's memberships (or volunteer profile) in the same request."""
    user.__dict__.pop("_samspill_roles", None)
    user.__dict__.pop("_samspill_volunteer_places", None)
    user.__dict__.pop("_samspill_grant_roles", None)


def grant_roles_by_grant_maker(user) -> dict[int, frozenset[str]]:
    """All grant roles of ``user``, by grant-maker id; loaded once per user object (request)."""
    if not user.is_authenticated:
        return {}
    cached = getattr(user, "_samspill_grant_roles", None)
    if cached is None:
        found: dict[int, set[str]] = defaultdict(set)
        for grant_maker, role in GrantMakerRole.objects.filter(user=user).values_list(
            "grant_maker_id", "role"
        ):
            found[grant_maker].add(role)
        cached = {pk: frozenset(roles) for pk, roles in found.items()}
        user._samspill_grant_roles = cached
    return cached


def has_grant_role(user, grant_maker: GrantMaker | int, *roles: str) -> bool:
    pk = grant_maker if isinstance(grant_maker, int) else grant_maker.pk
    return bool(grant_roles_by_grant_maker(user).get(pk, frozenset()) & set(roles))


def grant_makers_for(user, action: str) -> list[int]:
    """Ids of the grant-makers where ``user`` may perform ``action`` (a grant-maker rule)."""
    rule = RULES[action]
    return sorted(
        pk for pk, roles in grant_roles_by_grant_maker(user).items() if roles & rule.roles
    )


def grant_maker_of(obj: Model) -> int | None:
    """The grant-maker an object belongs to: itself, or its ``grant_maker`` field; None for a
    municipality's object (a grant rule then allows nothing on it)."""
    if isinstance(obj, GrantMaker):
        return obj.pk
    return getattr(obj, "grant_maker_id", None)


def has_role(user, municipality: Municipality | str, *roles: str) -> bool:
    number = municipality if isinstance(municipality, str) else municipality.pk
    if roles_by_municipality(user).get(number, frozenset()) & set(roles):
        return True
    return VOLUNTEER in roles and number in volunteer_places(user)


def municipality_of(obj: Model) -> Municipality | str:
    """The municipality an object belongs to: itself, or its ``municipality`` field."""
    if isinstance(obj, Municipality):
        return obj
    number = getattr(obj, "municipality_id", None)
    if number is None:
        raise TypeError(f"{type(obj).__name__} does not belong to a municipality.")
    return number


@dataclass(frozen=True)
class Verdict:
    """An answer to "may they?" with the reason a page shows when the answer is no (a
    predicate's "no" is never a bare False: the person is told why, and what to do)."""

    allowed: bool
    reason: str = ""

    def __bool__(self) -> bool:
        return self.allowed


def require(user, action: str, obj: Model | str) -> None:
    """Refuse (PermissionDenied) unless ``user`` may ``action`` on ``obj``: an object, a
    municipality or a municipality's number. The check every service starts with."""
    target = Municipality(pk=obj) if isinstance(obj, str) else obj
    if not can(user, action, target):
        raise PermissionDenied


def can(user, action: str, obj: Model) -> bool:
    """May ``user`` perform ``action`` on ``obj``? Unknown actions are refused, loudly.

    On a municipality the answer is about the municipality's pages; on one of its objects a
    role the rule limits to its units (``unit_roles``) allows only the objects of those units."""
    rule = RULES[action]
    if not user.is_authenticated or not user.is_active:
        return False
    if rule.grant_maker:
        grant_maker = grant_maker_of(obj)
        return grant_maker is not None and has_grant_role(user, grant_maker, *rule.roles)
    municipality = municipality_of(obj)
    if isinstance(obj, Municipality) or not has_role(user, municipality, *rule.unit_roles):
        return has_role(user, municipality, *rule.roles)
    if has_role(user, municipality, *(rule.roles - rule.unit_roles)):
        return True
    return type(obj)._default_manager.filter(_of_own_units(user, rule), pk=obj.pk).exists()


def _of_own_units(user, rule: Rule, prefix: str = "") -> Q:
    """Objects linked to a unit whose volunteer contact ``user`` is (one link, both
    conditions)."""
    link = f"{prefix}{rule.units_via}__contact_links__membership"
    return Q(**{f"{link}__user": user, f"{link}__role__in": rule.unit_roles})


def units_only(user, action: str, municipality: Municipality | str) -> bool:
    """Does ``user`` act in this municipality only on the objects of their own units (a role
    in the rule's ``unit_roles`` and no role that sees all)?"""
    rule = RULES[action]
    return has_role(user, municipality, *rule.unit_roles) and not has_role(
        user, municipality, *(rule.roles - rule.unit_roles)
    )


def municipalities_for(user, action: str) -> list[str]:
    """Numbers of the municipalities where ``user`` may perform ``action``."""
    rule = RULES[action]
    numbers = {n for n, roles in roles_by_municipality(user).items() if roles & rule.roles}
    if VOLUNTEER in rule.roles:
        numbers |= volunteer_places(user)
    return sorted(numbers)


def scope_to_user(queryset: QuerySet, user, action: str, *, via: str = "municipality") -> QuerySet:
    """Limit ``queryset`` to the municipalities where ``user`` may perform ``action`` and, where
    the user holds only a role the rule limits to its units, to the objects of their units.

    ``via`` is the lookup path from the model to its municipality, e.g.
    ``"agreement__municipality"``; for Municipality itself use ``via="pk"``.
    """
    rule = RULES[action]
    if rule.grant_maker:
        # A grant-maker's objects: ``via`` is the path to the grant-maker ("grant_maker").
        path = "grant_maker" if via == "municipality" else via
        return queryset.filter(**{f"{path}__in": grant_makers_for(user, action)})
    numbers = municipalities_for(user, action)
    if not rule.unit_roles or queryset.model is Municipality:
        return queryset.filter(**{f"{via}__in": numbers})
    whole = [n for n in numbers if has_role(user, n, *(rule.roles - rule.unit_roles))]
    units_only = [n for n in numbers if n not in whole]
    if not units_only:
        return queryset.filter(**{f"{via}__in": whole})
    if not via.endswith("municipality"):
        raise ValueError(f"{action!r} is limited to units: scope through '…municipality'.")
    # The units of a related object (e.g. a note's volunteer): the path before "municipality".
    prefix = via.removesuffix("municipality")
    own = queryset.model._default_manager.filter(_of_own_units(user, rule, prefix))
    return queryset.filter(
        Q(**{f"{via}__in": whole}) | Q(**{f"{via}__in": units_only}, pk__in=own.values("pk"))
    )


def get_for_user(queryset: QuerySet, user, action: str, *, via: str = "municipality", **lookup):
    """Fetch one object in the user's scope, or 404 — never reveal that an object exists in a
    municipality the user may not see."""
    return get_object_or_404(scope_to_user(queryset, user, action, via=via), **lookup)


def is_national_administrator(user) -> bool:
    """The national administrator (a flag on the account, not a role in a municipality):
    decides the requests to start Samspill and gives a municipality its first coordinator."""
    return bool(
        user.is_authenticated
        and user.is_active
        and getattr(user, "is_national_administrator", False)
    )


def require_national_administrator(user) -> None:
    """Refuse (PermissionDenied) unless ``user`` is the national administrator."""
    if not is_national_administrator(user):
        raise PermissionDenied


def may_open(user, url: str) -> bool:
    """Would the view behind ``url`` (a path on this site) let ``user`` in, by its access rule?
    For showing a link only to those who may follow it; an object's own checks (a draft, a
    partner's own page) still need the object's predicate."""
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return False
    rule = getattr(match.func, "access_rule", None)
    if rule == "public":
        return True
    if rule == "national":
        return is_national_administrator(user)
    if rule == "login":
        return bool(user.is_authenticated)
    if not user.is_authenticated or not user.is_active:
        return False
    if rule and rule.startswith("grant:") and "grant_maker" in match.kwargs:
        action = rule.removeprefix("grant:")
        return has_grant_role(user, int(match.kwargs["grant_maker"]), *RULES[action].roles)
    if rule is None or not rule.startswith("role:") or "municipality" not in match.kwargs:
        return False
    action = rule.removeprefix("role:")
    return has_role(user, str(match.kwargs["municipality"]), *RULES[action].roles)


def needs_mfa_setup(user, action: str) -> bool:
    """True when a staff user must turn on two-factor authentication before this action."""
    if not settings.SAMSPILL_REQUIRE_MFA_FOR_STAFF or not RULES[action].personal_data:
        return False
    holds_staff_role = any(
        roles & ROLES_REQUIRING_MFA for roles in roles_by_municipality(user).values()
    ) or any(
        roles & GRANT_ROLES_REQUIRING_MFA for roles in grant_roles_by_grant_maker(user).values()
    )
    if not holds_staff_role:
        return False
    return not is_mfa_enabled(user)


# --- View decorators: every view uses exactly one ----------------------------------------


def _two_factor_first(request) -> HttpResponseRedirect:
    """Send a staff person to turn on two-factor authentication, saying why."""
    messages.warning(
        request,
        _(
            "Your role gives access to personal data. Please turn on two-factor "
            "authentication first."
        ),
    )
    return redirect("mfa_activate_totp")


def _mark(view: Callable, rule: str) -> Callable:
    vars(view)["access_rule"] = rule  # read by may_open and the URL sweep
    return view


def public(view: Callable) -> Callable:
    """Anyone, logged in or not."""
    return _mark(view, "public")


def login_required(view: Callable) -> Callable:
    """Any logged-in person; the view must only show that person's own data."""
    return _mark(django_login_required(view), "login")


def municipality_view(action: str) -> Callable[[Callable], Callable]:
    """A view under ``/…/<municipality>/…``: 404 unless the user may perform ``action`` there.

    Sets ``request.municipality``. Staff roles are sent to set up two-factor authentication
    first when the setting requires it.
    """
    RULES[action]  # fail at import time for an unknown action

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request: MunicipalityRequest, municipality: str, *args, **kwargs):
            found = get_for_user(
                Municipality.objects.all(), request.user, action, via="pk", pk=municipality
            )
            if needs_mfa_setup(request.user, action):
                return _two_factor_first(request)
            request.municipality = found
            return view(request, *args, **kwargs)

        return _mark(django_login_required(wrapper), f"role:{action}")

    return decorator


def grant_maker_view(action: str) -> Callable[[Callable], Callable]:
    """A view under ``/…/<grant_maker>/…``: 404 unless the user holds a role of the rule
    ``action`` (a grant-maker rule) there. Sets ``request.grant_maker``; grant officers are sent
    to set up two-factor authentication first when the setting requires it."""
    if not RULES[action].grant_maker:
        raise ValueError(f"{action!r} is not a grant-maker rule.")

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request, grant_maker: int, *args, **kwargs):
            found = get_for_user(
                GrantMaker.objects.all(), request.user, action, via="pk", pk=grant_maker
            )
            if needs_mfa_setup(request.user, action):
                return _two_factor_first(request)
            request.grant_maker = found
            return view(request, *args, **kwargs)

        return _mark(django_login_required(wrapper), f"grant:{action}")

    return decorator


def national_view(view: Callable) -> Callable:
    """A page of the national administrator: 404 for everyone else (as if it did not exist).
    They read personal data (who asked to start Samspill), so two-factor authentication comes
    first when the setting requires it for staff."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_national_administrator(request.user):
            raise Http404
        if settings.SAMSPILL_REQUIRE_MFA_FOR_STAFF and not is_mfa_enabled(request.user):
            return _two_factor_first(request)
        return view(request, *args, **kwargs)

    return _mark(django_login_required(wrapper), "national")
