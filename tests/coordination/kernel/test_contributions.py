"""One way to contribute to another part's page (``contribute.<point>`` at the definition): the
same contribution twice is fine, a different one under a taken key is refused, every app's and
area's contributions.py is found, and ``manage.py contributions`` shows the wiring."""

import copy
import types
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils.translation import gettext_lazy

from coordination.apps import project_modules
from coordination.kernel import account_data, audit, contributions, permissions, retention
from coordination.kernel.contributions import Evidence, contribute
from coordination.kernel.permissions import Rule
from coordination.models import Role
from coordination.staircase.contributions import dashboard_panel, named_coordinator
from volunteers.contributions import volunteer_places


@pytest.fixture(autouse=True)
def isolated(monkeypatch):
    """Each test registers into copies of the registries, so nothing it adds stays."""
    for module, names in (
        (contributions, ["DASHBOARD_PANELS", "MY_PAGE_PANELS", "OVERVIEW_LINKS", "EVIDENCE",
                         "WHEEL_CATEGORIES", "WHEEL_SOURCES", "DEMO_STEPS", "ORDERS",
                         "REGISTERED_BY", "AUDIT_TEXTS"]),
        (permissions, ["RULES"]),
        (retention, ["RULES"]),
        (account_data, ["SECTIONS", "TITLES", "LABELS"]),
        (audit, ["MESSAGES"]),
    ):  # fmt: skip
        for name in names:
            monkeypatch.setattr(module, name, copy.deepcopy(getattr(module, name)))
    monkeypatch.setattr(permissions, "_volunteer_places", permissions._volunteer_places)


def _imported_again(function):
    """The same function as a module imported a second time makes it: a new object."""
    again = types.FunctionType(function.__code__, function.__globals__, function.__name__)
    again.__qualname__, again.__module__ = function.__qualname__, function.__module__
    return again


def test_the_same_contribution_twice_is_fine():
    panels = list(contributions.DASHBOARD_PANELS)
    contribute.dashboard_panel(order=10)(_imported_again(dashboard_panel.__wrapped__))
    assert len(contributions.DASHBOARD_PANELS) == len(panels)
    assert [contributions.name_of(p) for p in contributions.DASHBOARD_PANELS] == [
        contributions.name_of(p) for p in panels
    ]
    contribute.evidence("named_coordinator")(_imported_again(named_coordinator))
    contribute.wheel_category("agreement", gettext_lazy("Agreements"))
    contribute.rules({"manage_hours": Rule(frozenset({Role.COORDINATOR}))})
    contribute.volunteer_places(_imported_again(volunteer_places))
    contribute.audit_messages({"volunteer.left": contributions.AUDIT_TEXTS["volunteer.left"]})


def test_a_conflicting_second_registration_raises():
    def other(*args):
        return None

    with pytest.raises(ValueError, match="named_coordinator"):
        contribute.evidence("named_coordinator")(lambda municipality: Evidence(True, ""))
    with pytest.raises(ValueError, match="agreement"):
        contribute.wheel_category("agreement", "Something else")
    with pytest.raises(ValueError, match="manage_hours"):
        contribute.rules({"manage_hours": Rule(frozenset(Role.values))})
    with pytest.raises(ValueError, match="volunteer_places"):
        contribute.volunteer_places(other)
    with pytest.raises(ValueError, match="volunteer_units"):
        contribute.export_section("volunteer_units")(other)
    with pytest.raises(ValueError, match="volunteer.left"):
        contribute.audit_messages({"volunteer.left": "Something else"})
    with pytest.raises(ValueError, match="closed-needs"):
        rule = retention.RULES["closed-needs"]
        contribute.retention(retention.RetentionRule("closed-needs", "x", "y", due=rule.due))
    with pytest.raises(ValueError, match="another order"):
        contribute.dashboard_panel(order=99)(_imported_again(dashboard_panel.__wrapped__))


def test_contributions_are_kept_in_their_order():
    @contribute.dashboard_panel(order=15)
    def between(request, municipality):
        return contributions.Panel("x.html")

    @contribute.demo_step(order=1)
    def first(command):
        pass

    names = [contributions.name_of(p) for p in contributions.DASHBOARD_PANELS]
    # after getting started (5) and the staircase (10)
    assert names.index(contributions.name_of(between)) == 2
    assert contributions.demo_steps()[0] is first
    assert between(None, None).order == 15


def test_every_app_and_area_that_contributes_is_found():
    found = project_modules("contributions")
    assert {
        "volunteers.contributions",
        "volunteers.needs.contributions",
        "coordination.partners.contributions",
        "coordination.wheel.contributions",
    } <= set(found)
    assert "coordination.kernel.contributions" not in found  # the kernel defines the points
    assert found.index("coordination.wheel.contributions") < found.index("volunteers.contributions")


def test_the_contributions_command_shows_who_registered_what():
    out = StringIO()
    call_command("contributions", stdout=out)
    text = out.getvalue()
    for expected in (
        "contribute.dashboard_panel",
        "  10  coordination.staircase.contributions.dashboard_panel",
        "  20  volunteers.contributions.volunteers_panel",
        "contribute.my_page_panel",
        "volunteers.profile.contributions.volunteer_panel",
        "course_session  <- volunteers.screening.contributions",
        "declarations_signed  <- volunteers.contributions.declarations_signed",
        "view_volunteers  <- volunteers.contributions",
        "view_units  <- coordination.kernel.permissions",
        "closed-needs  <- volunteers.contributions",
        "volunteer_tasks  <- volunteers.needs.contributions.export_volunteer_tasks",
        "  90  coordination.staircase.demo.seed",
    ):
        assert expected in text, expected
    assert text.index("partners.demo.seed") < text.index("staircase.demo.seed")


def test_the_command_shows_only_the_points_asked_for():
    out = StringIO()
    call_command("contributions", "home_page", stdout=out)
    assert "volunteers.profile.contributions.volunteer_home" in out.getvalue()
    assert "contribute.dashboard_panel" not in out.getvalue()


def test_a_module_grown_into_a_package_is_found_too():
    """The grants' demo is a package (``grants/demo/``) and is discovered like a ``demo.py``."""
    found = project_modules("demo")
    assert "grants.demo" in found and "activities.demo" in found
    assert "grants.demo.people" not in found  # the package, not its parts
