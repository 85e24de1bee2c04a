"""Grant officers and reviewers hold their roles in a grant-maker, never in the municipality
that applies (issue 16): the permission module answers grant-maker rules in the object's
grant-maker, and the migration moved the old per-municipality roles."""

import importlib

import pytest
from django.apps import apps
from django.http import Http404, HttpResponse
from django.test import override_settings

from coordination.kernel import permissions
from coordination.models import GrantMaker, GrantMakerRole, GrantRole, Membership, RoleInvitation
from tests.factories import (
    GrantMakerFactory,
    GrantMakerRoleFactory,
    MembershipFactory,
    UserFactory,
    municipality,
    national_grant_maker,
)

pytestmark = pytest.mark.django_db


@permissions.grant_maker_view("run_grants")
def _officer_page(request):
    return HttpResponse(request.grant_maker.name)


def _call(rf, user, grant_maker):
    request = rf.get("/")
    request.user = user
    request.session = {}
    request._messages = type("M", (), {"add": lambda *a, **k: None})()
    return _officer_page(request, grant_maker=grant_maker.pk)


def test_a_grant_officer_works_only_in_their_own_grant_maker(rf, officer, reviewer):
    other = GrantMakerFactory(name="Statsforvaltaren i Innlandet", kind="county_governor")
    assert _call(rf, officer, national_grant_maker()).content == b"Helsedirektoratet"
    for person, place in ((officer, other), (reviewer, national_grant_maker())):
        with pytest.raises(Http404):
            _call(rf, person, place)


def test_grant_roles_give_nothing_in_a_municipality(officer, reviewer, lom):
    for person in (officer, reviewer):
        assert permissions.municipalities_for(person, "view_municipality") == []
        assert not permissions.can(person, "view_partners", lom)


def test_grant_rules_are_answered_in_the_objects_grant_maker(officer, reviewer):
    national = national_grant_maker()
    assert permissions.can(officer, "run_grants", national)
    assert not permissions.can(reviewer, "run_grants", national)
    assert permissions.can(reviewer, "review_grants", national)
    assert permissions.grant_makers_for(officer, "run_grants") == [national.pk]
    scoped = permissions.scope_to_user(GrantMaker.objects.all(), officer, "run_grants", via="pk")
    GrantMakerFactory()
    assert list(scoped) == [national]


@override_settings(SAMSPILL_REQUIRE_MFA_FOR_STAFF=True)
def test_grant_officers_turn_on_two_factor_first_reviewers_need_not(officer, reviewer):
    assert permissions.needs_mfa_setup(officer, "run_grants")
    assert not permissions.needs_mfa_setup(reviewer, "review_grants")


def test_a_municipal_grant_maker_belongs_to_its_municipality_only():
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        GrantMaker.objects.create(name="Lom kommune", kind="municipality")


def test_the_migration_moves_grant_roles_into_the_municipalitys_own_grant_maker():
    """What migration 0026 did to a database with the old roles (run here on today's models,
    which have the same fields)."""
    migration = importlib.import_module("coordination.migrations.0026_grant_makers")
    lom = municipality("3434")
    officer = MembershipFactory(role="coordinator", user=UserFactory(full_name="Sigrid Lien"))
    reviewer = MembershipFactory(role="coordinator", user=UserFactory(full_name="Olav Moen"))
    coordinator = MembershipFactory(role="coordinator")
    # The old roles no longer pass the model's choices; the database takes them as they were.
    Membership.objects.filter(pk=officer.pk).update(role="grant_officer")
    Membership.objects.filter(pk=reviewer.pk).update(role="reviewer")
    pending = RoleInvitation.objects.create(
        municipality=lom,
        email="ny@lom.example",
        role="volunteer_contact",
        expires_at="2099-01-01T00:00Z",
    )
    RoleInvitation.objects.filter(pk=pending.pk).update(role="reviewer")

    migration.move_grant_roles_to_grant_makers(apps, None)

    lom_grants = GrantMaker.objects.get(kind="municipality", municipality=lom)
    moved = set(GrantMakerRole.objects.values_list("user__full_name", "grant_maker", "role"))
    assert moved == {
        ("Sigrid Lien", lom_grants.pk, GrantRole.OFFICER),
        ("Olav Moen", lom_grants.pk, GrantRole.REVIEWER),
    }
    assert list(Membership.objects.all()) == [coordinator]
    pending.refresh_from_db()
    assert pending.withdrawn_at is not None


def test_an_officer_of_two_grant_makers_holds_each_role_apart(officer):
    county = GrantMakerFactory(kind="county")
    GrantMakerRoleFactory(user=officer, grant_maker=county, role=GrantRole.REVIEWER)
    permissions.forget_roles(officer)
    assert permissions.has_grant_role(officer, county, GrantRole.REVIEWER)
    assert not permissions.has_grant_role(officer, county, GrantRole.OFFICER)


def test_a_grant_rule_allows_nothing_on_a_municipalitys_own_objects(officer, lom):
    """The files page asks a file's rule on its municipality: a grant rule says no, never 500."""
    assert not permissions.can(officer, "run_grants", lom)
