"""The responsibility map's rules: the starter set, the warnings (no responsible party, or more
than one), saving the grid in one go, and adding, renaming, reordering and removing rows."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from coordination.models import (
    STARTER_PARTIES,
    STARTER_TASKS,
    AuditEvent,
    ResponsibilityAssignment,
    ResponsibilityMap,
    ResponsibilityRole,
    Unit,
)
from coordination.responsibility import services
from coordination.responsibility.services import responsibility_warnings, warnings_summary
from tests.factories import PartnerOrganisationFactory

pytestmark = pytest.mark.django_db

R, C, CO, INF = (
    ResponsibilityRole.RESPONSIBLE,
    ResponsibilityRole.CARRIES_OUT,
    ResponsibilityRole.CONSULTED,
    ResponsibilityRole.INFORMED,
)


@pytest.fixture
def lom_map(lom):
    return services.map_for(lom)


def _rows(map_):
    return list(map_.tasks.all()), list(map_.parties.all())


def _set(map_, task, party, role):
    ResponsibilityAssignment.objects.update_or_create(
        task=task, party=party, defaults={"role": role}
    )


# --- The starter set -------------------------------------------------------------------------


def test_map_is_made_once_from_the_starter_set(lom):
    first = services.map_for(lom)
    again = services.map_for(lom)
    assert first.pk == again.pk and ResponsibilityMap.objects.count() == 1
    tasks, parties = _rows(first)
    assert [t.starter_key for t in tasks] == list(STARTER_TASKS)
    assert [p.starter_key for p in parties] == list(STARTER_PARTIES)
    assert tasks[0].display_name == "Rekruttering av frivillige"  # bokmål by default
    assert parties[3].display_name == "Frivilligsentralen"


def test_starter_names_follow_the_readers_language(lom_map):
    from django.utils import translation

    task = lom_map.tasks.get(starter_key="annual_wheel")
    with translation.override("en"):
        assert task.display_name == "The annual wheel"
    with translation.override("nb"):
        assert task.display_name == "Årshjulet"


# --- Warnings --------------------------------------------------------------------------------


def test_a_new_map_warns_that_no_task_has_a_responsible_party(lom_map):
    warnings = responsibility_warnings(lom_map)
    assert len(warnings) == len(STARTER_TASKS)
    assert {w.kind for w in warnings} == {"no_responsible"}


def test_one_responsible_party_per_task_gives_no_warning(lom_map):
    tasks, parties = _rows(lom_map)
    for task in tasks:
        _set(lom_map, task, parties[0], R)
        _set(lom_map, task, parties[1], C)  # other roles do not count
        _set(lom_map, task, parties[2], CO)
    assert responsibility_warnings(lom_map) == []


def test_task_with_two_responsible_parties_is_warned_about_with_the_count(lom_map):
    tasks, parties = _rows(lom_map)
    for task in tasks:
        _set(lom_map, task, parties[0], R)
    _set(lom_map, tasks[4], parties[2], R)
    _set(lom_map, tasks[4], parties[3], R)
    [warning] = responsibility_warnings(lom_map)
    assert (warning.task, warning.kind, warning.responsible_count) == (
        tasks[4],
        "several_responsible",
        3,
    )
    assert "3" in warning.message


def test_task_with_only_carries_out_consulted_and_informed_has_no_responsible(lom_map):
    tasks, parties = _rows(lom_map)
    for task in tasks[1:]:
        _set(lom_map, task, parties[0], R)
    for party, role in zip(parties, (C, CO, INF), strict=False):
        _set(lom_map, tasks[0], party, role)
    [warning] = responsibility_warnings(lom_map)
    assert (warning.task, warning.kind) == (tasks[0], "no_responsible")
    assert warning.message == "Rekruttering av frivillige har ingen ansvarlig."


def test_warnings_come_in_the_maps_order_and_both_kinds_together(lom_map):
    tasks, parties = _rows(lom_map)
    for task in tasks:
        _set(lom_map, task, parties[0], R)
    ResponsibilityAssignment.objects.filter(task=tasks[7]).delete()
    _set(lom_map, tasks[2], parties[1], R)
    warnings = responsibility_warnings(lom_map)
    assert [(w.task, w.kind) for w in warnings] == [
        (tasks[2], "several_responsible"),
        (tasks[7], "no_responsible"),
    ]


def test_warnings_from_loaded_rows_match_the_database_and_spend_no_queries(
    lom_map, django_assert_num_queries
):
    tasks, parties = _rows(lom_map)
    _set(lom_map, tasks[0], parties[0], R)
    _set(lom_map, tasks[1], parties[0], R)
    _set(lom_map, tasks[1], parties[1], R)
    assignments = list(ResponsibilityAssignment.objects.filter(task__map=lom_map))
    expected = responsibility_warnings(lom_map)
    with django_assert_num_queries(0):
        loaded = responsibility_warnings(lom_map, tasks=tasks, assignments=assignments)
    assert loaded == expected


def test_a_map_without_tasks_has_no_warnings(lom_map):
    lom_map.tasks.all().delete()
    assert responsibility_warnings(lom_map) == []


def test_warnings_summary_says_how_many_tasks_and_what_is_missing(lom_map):
    tasks, parties = _rows(lom_map)
    for task in tasks[1:]:
        _set(lom_map, task, parties[0], R)
    from django.utils import translation

    with translation.override("en"):
        summary = warnings_summary(len(tasks), responsibility_warnings(lom_map))
        assert summary == "12 tasks, 1 without a responsible party"
        _set(lom_map, tasks[0], parties[0], R)
        assert warnings_summary(12, []) == "12 tasks, each with one responsible party"


# --- The grid --------------------------------------------------------------------------------


def test_save_grid_sets_changes_and_empties_cells(lom_map, coordinator_lom):
    tasks, parties = _rows(lom_map)
    _set(lom_map, tasks[0], parties[0], C)
    _set(lom_map, tasks[0], parties[1], INF)
    changed = services.save_grid(
        map_=lom_map,
        by=coordinator_lom,
        cells={
            (tasks[0].pk, parties[0].pk): R,  # changed
            (tasks[0].pk, parties[1].pk): "",  # emptied
            (tasks[1].pk, parties[2].pk): CO,  # new
            (tasks[2].pk, parties[2].pk): "",  # stays empty
        },
    )
    assert changed == 3
    cells = {(a.task_id, a.party_id): a.role for a in ResponsibilityAssignment.objects.all()}
    assert cells == {(tasks[0].pk, parties[0].pk): R, (tasks[1].pk, parties[2].pk): CO}
    assert AuditEvent.objects.filter(verb="changed", object_type="coordination.responsibilitymap")


def test_save_grid_refuses_a_cell_of_another_municipalitys_map_and_changes_nothing(
    lom_map, drammen, coordinator_lom
):
    drammen_map = services.map_for(drammen)
    tasks, parties = _rows(lom_map)
    other_task = drammen_map.tasks.first()
    with pytest.raises(ValidationError):
        services.save_grid(
            map_=lom_map,
            by=coordinator_lom,
            cells={(tasks[0].pk, parties[0].pk): R, (other_task.pk, parties[0].pk): R},
        )
    assert not ResponsibilityAssignment.objects.exists()


def test_save_grid_refuses_a_role_that_does_not_exist(lom_map, coordinator_lom):
    tasks, parties = _rows(lom_map)
    with pytest.raises(ValidationError):
        services.save_grid(
            map_=lom_map, by=coordinator_lom, cells={(tasks[0].pk, parties[0].pk): "boss"}
        )
    assert not ResponsibilityAssignment.objects.exists()


def test_only_a_coordinator_of_the_municipality_saves_the_grid(
    lom_map, volunteer_contact_lom, coordinator_drammen
):
    tasks, parties = _rows(lom_map)
    for person in (volunteer_contact_lom, coordinator_drammen):
        with pytest.raises(PermissionDenied):
            services.save_grid(map_=lom_map, by=person, cells={(tasks[0].pk, parties[0].pk): R})
    assert not ResponsibilityAssignment.objects.exists()


def test_save_grid_costs_the_same_queries_for_a_small_and_a_large_grid(lom_map, coordinator_lom):
    def cells(role):
        tasks, parties = _rows(lom_map)
        return {(t.pk, p.pk): role for t in tasks for p in parties}

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    services.save_grid(map_=lom_map, by=coordinator_lom, cells=cells(C))
    with CaptureQueriesContext(connection) as small:
        services.save_grid(map_=lom_map, by=coordinator_lom, cells=cells(INF))
    for n in range(20):
        services.create_task(map_=lom_map, by=coordinator_lom, name=f"Oppgave {n}")
    services.save_grid(map_=lom_map, by=coordinator_lom, cells=cells(C))  # 12 × 6 → 32 × 6
    with CaptureQueriesContext(connection) as large:
        services.save_grid(map_=lom_map, by=coordinator_lom, cells=cells(INF))
    assert len(large) == len(small)
    assert ResponsibilityAssignment.objects.filter(role=INF).count() == 32 * 6


# --- Tasks and parties -----------------------------------------------------------------------


def test_coordinator_adds_renames_reorders_and_removes_a_task(lom_map, coordinator_lom):
    task = services.create_task(map_=lom_map, by=coordinator_lom, name="  Julebord for frivillige ")
    assert task.name == "Julebord for frivillige"
    assert list(lom_map.tasks.all())[-1] == task
    services.move_row(row=task, by=coordinator_lom, direction="up")
    assert list(lom_map.tasks.all())[-2] == task
    services.rename_task(task=task, by=coordinator_lom, name="Takk til frivillige")
    task.refresh_from_db()
    assert task.display_name == "Takk til frivillige"
    first = lom_map.tasks.first()
    services.move_row(row=first, by=coordinator_lom, direction="up")  # already first: no change
    assert lom_map.tasks.first() == first
    services.delete_row(row=task, by=coordinator_lom)
    assert not lom_map.tasks.filter(pk=task.pk).exists()


def test_task_names_are_unique_in_a_map_also_against_starter_names(lom_map, coordinator_lom):
    with pytest.raises(ValidationError):
        services.create_task(map_=lom_map, by=coordinator_lom, name="årshjulet")
    with pytest.raises(ValidationError):
        services.create_task(map_=lom_map, by=coordinator_lom, name="   ")
    task = lom_map.tasks.get(starter_key="annual_wheel")
    services.rename_task(task=task, by=coordinator_lom, name="Årshjulet")  # itself: fine


def test_party_may_name_a_unit_or_a_partner_of_the_municipality_only(lom_map, coordinator_lom):
    unit = Unit.objects.create(municipality_id="3434", name="Lom sjukeheim", kind="nursing_home")
    partner = PartnerOrganisationFactory(name="Lom sanitetslag")
    party = services.create_party(map_=lom_map, by=coordinator_lom, name="", unit=unit)
    assert party.display_name == "Lom sjukeheim" and party.unit == unit
    services.create_party(map_=lom_map, by=coordinator_lom, name="Sanitetslaget", partner=partner)
    drammen_unit = Unit.objects.create(municipality_id="3301", name="Fjell", kind="nursing_home")
    drammen_partner = PartnerOrganisationFactory(municipalities=["3301"])
    for extra in ({"unit": drammen_unit}, {"partner": drammen_partner}):
        with pytest.raises(ValidationError):
            services.create_party(map_=lom_map, by=coordinator_lom, name="Fremmed", **extra)
    with pytest.raises(ValidationError):
        services.create_party(
            map_=lom_map, by=coordinator_lom, name="Begge", unit=unit, partner=partner
        )


def test_removing_a_party_removes_its_cells(lom_map, coordinator_lom):
    tasks, parties = _rows(lom_map)
    _set(lom_map, tasks[0], parties[5], INF)
    services.delete_row(row=parties[5], by=coordinator_lom)
    assert not ResponsibilityAssignment.objects.exists()


def test_move_refuses_an_unknown_direction(lom_map, coordinator_lom):
    with pytest.raises(ValidationError):
        services.move_row(row=lom_map.tasks.first(), by=coordinator_lom, direction="sideways")
