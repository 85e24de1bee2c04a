"""The one place that answers "may this user do X on this object".

- Roles are per municipality (``Membership``), never global groups.
- ``can(user, action, obj)`` is the question every view and service asks.
- ``scope_to_user(queryset, user, action)`` is the one place querysets are limited to the
  municipalities where the user may perform ``action``; views never filter by tenant themselves.
- Every view is wrapped in exactly one of the decorators at the bottom (``public``,
  ``login_required``, ``municipality_view``). Each records the view's access rule on the view
  function, so the URL sweep in tests can check that no view is without one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required as django_login_required
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from .models import Membership, Municipality, Role

# Roles whose holders must have two-factor authentication before they reach personal data.
ROLES_REQUIRING_MFA = frozenset({Role.COORDINATOR, Role.GRANT_OFFICER})


@dataclass(frozen=True)
class Rule:
    """Which roles in the object's municipality allow an action."""

    roles: frozenset[str]
    personal_data: bool = True  # if so, staff roles must have two-factor authentication


# action -> rule. Feature apps add theirs with ``register_rule`` in ``AppConfig.ready()``.
RULES: dict[str, Rule] = {
    # The municipality's coordination overview: who holds which role, partners.
    "view_municipality": Rule(
        frozenset({Role.COORDINATOR, Role.VOLUNTEER_CONTACT, Role.GRANT_OFFICER})
    ),
    # Give and take away roles (volunteer contacts, reviewers, …) in the municipality.
    "manage_roles": Rule(frozenset({Role.COORDINATOR})),
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
    # Read the routine binder (approved routines): everyone with a role in the municipality.
    "view_routines": Rule(frozenset(Role.values), personal_data=False),
    # Create, edit, approve and archive routines; copy starter routines; name co-authors.
    "manage_routines": Rule(frozenset({Role.COORDINATOR}), personal_data=False),
    # Read the annual wheel: everyone with a role in the municipality.
    "view_wheel": Rule(frozenset(Role.values), personal_data=False),
    # Add, change and remove the municipality's own events on the annual wheel.
    "manage_wheel": Rule(frozenset({Role.COORDINATOR}), personal_data=False),
    # staircase: read the municipality's staircase level, assessments and the comparison.
    "view_staircase": Rule(
        frozenset({Role.COORDINATOR, Role.VOLUNTEER_CONTACT, Role.GRANT_OFFICER}),
        personal_data=False,
    ),
    # staircase: answer the assessment (drafts, completing) and choose to be named in comparisons.
    "answer_staircase": Rule(frozenset({Role.COORDINATOR}), personal_data=False),
    # partners: read the partner registry, the partner map and the agreements.
    "view_partners": Rule(
        frozenset({Role.COORDINATOR, Role.VOLUNTEER_CONTACT, Role.GRANT_OFFICER})
    ),
    # partners: open one partner's or one agreement's page; partner representatives only their
    # own organisation's (checked by can_view_partner / can_view_agreement).
    "view_partner_pages": Rule(
        frozenset(
            {
                Role.COORDINATOR,
                Role.VOLUNTEER_CONTACT,
                Role.GRANT_OFFICER,
                Role.PARTNER_REPRESENTATIVE,
            }
        )
    ),
    # partners: add and change partners, their contacts and offers, and the agreements.
    "manage_partners": Rule(frozenset({Role.COORDINATOR})),
}

# Roles a routine's co-author must hold in its municipality (they propose, never approve).
ROUTINE_CO_AUTHOR_ROLES = frozenset({Role.VOLUNTEER_CONTACT, Role.PARTNER_REPRESENTATIVE})


def register_rule(action: str, rule: Rule) -> None:
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


def forget_roles(user) -> None:
    """Call after changing a user's memberships within the same request."""
    user.__dict__.pop("_samspill_roles", None)


def has_role(user, municipality: Municipality | str, *roles: str) -> bool:
    number = municipality if isinstance(municipality, str) else municipality.pk
    return bool(roles_by_municipality(user).get(number, frozenset()) & set(roles))


def municipality_of(obj: Model) -> Municipality | str:
    """The municipality an object belongs to: itself, or its ``municipality`` field."""
    if isinstance(obj, Municipality):
        return obj
    number = getattr(obj, "municipality_id", None)
    if number is None:
        raise TypeError(f"{type(obj).__name__} does not belong to a municipality.")
    return number


def can(user, action: str, obj: Model) -> bool:
    """May ``user`` perform ``action`` on ``obj``? Unknown actions are refused, loudly."""
    rule = RULES[action]
    if not user.is_authenticated or not user.is_active:
        return False
    return has_role(user, municipality_of(obj), *rule.roles)


def municipalities_for(user, action: str) -> list[str]:
    """Numbers of the municipalities where ``user`` may perform ``action``."""
    rule = RULES[action]
    return sorted(
        number for number, roles in roles_by_municipality(user).items() if roles & rule.roles
    )


def scope_to_user(queryset: QuerySet, user, action: str, *, via: str = "municipality") -> QuerySet:
    """Limit ``queryset`` to the municipalities where ``user`` may perform ``action``.

    ``via`` is the lookup path from the model to its municipality, e.g.
    ``"agreement__municipality"``; for Municipality itself use ``via="pk"``.
    """
    return queryset.filter(**{f"{via}__in": municipalities_for(user, action)})


def get_for_user(queryset: QuerySet, user, action: str, *, via: str = "municipality", **lookup):
    """Fetch one object in the user's scope, or 404 — never reveal that an object exists in a
    municipality the user may not see."""
    return get_object_or_404(scope_to_user(queryset, user, action, via=via), **lookup)


def can_edit_routine(user, routine) -> bool:
    """Coordinators edit any routine of their municipality; a named co-author who still holds
    a volunteer contact or partner representative role there may propose new versions. Nobody
    edits an archived routine."""
    if routine.status == "archived" or not user.is_authenticated or not user.is_active:
        return False
    if can(user, "manage_routines", routine):
        return True
    return has_role(user, municipality_of(routine), *ROUTINE_CO_AUTHOR_ROLES) and (
        routine.co_authors.filter(pk=user.pk).exists()
    )


def needs_mfa_setup(user, action: str) -> bool:
    """True when a staff user must turn on two-factor authentication before this action."""
    if not settings.SAMSPILL_REQUIRE_MFA_FOR_STAFF or not RULES[action].personal_data:
        return False
    holds_staff_role = any(
        roles & ROLES_REQUIRING_MFA for roles in roles_by_municipality(user).values()
    )
    if not holds_staff_role:
        return False
    from allauth.mfa.utils import is_mfa_enabled

    return not is_mfa_enabled(user)


# --- View decorators: every view uses exactly one ----------------------------------------


def _mark(view: Callable, rule: str) -> Callable:
    view.access_rule = rule
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
        def wrapper(request: HttpRequest, municipality: str, *args, **kwargs):
            found = get_for_user(
                Municipality.objects.all(), request.user, action, via="pk", pk=municipality
            )
            if needs_mfa_setup(request.user, action):
                messages.warning(
                    request,
                    _(
                        "Your role gives access to personal data. Please turn on two-factor "
                        "authentication first."
                    ),
                )
                return redirect("mfa_activate_totp")
            request.municipality = found
            return view(request, *args, **kwargs)

        return _mark(django_login_required(wrapper), f"role:{action}")

    return decorator


# --- partners: object-level checks -------------------------------------------------------


def _speaks_for(user, municipality: Municipality | str, organisation_ids) -> bool:
    """Is ``user`` a partner representative in the municipality for one of these
    organisations?"""
    if not user.is_authenticated or not user.is_active:
        return False
    number = municipality if isinstance(municipality, str) else municipality.pk
    return Membership.objects.filter(
        user=user,
        municipality_id=number,
        role=Role.PARTNER_REPRESENTATIVE,
        organisation_id__in=list(organisation_ids),
    ).exists()


def can_view_partner(user, partner, municipality: Municipality) -> bool:
    """Staff who read the registry see every partner; a representative only their own."""
    return can(user, "view_partners", municipality) or _speaks_for(user, municipality, [partner.pk])


def can_view_agreement(user, agreement) -> bool:
    """Staff who read the registry see every agreement; a representative only those their
    organisation is party to."""
    return can(user, "view_partners", agreement) or _speaks_for(
        user,
        agreement.municipality_id,
        agreement.party_rows.values_list("organisation_id", flat=True),
    )


def can_change_partner_details(user, partner, municipality: Municipality) -> bool:
    """A partner's shared details (name, type, organisation number, email, phone) are what
    every linked municipality sees: only the municipality that registered the organisation,
    or the organisation's own representatives, change them. Every other municipality changes
    only its own relation to the partner (its contacts and offers)."""
    if partner.pk is None:
        return True
    if _speaks_for(user, municipality, [partner.pk]):
        return True
    return (
        can(user, "manage_partners", municipality)
        and partner.keeper_municipality_id == municipality.pk
    )
