"""The responsibility map's pages: the read-only grid for volunteer contacts and partner
representatives, the grid edited and saved as one form by coordinators, the warnings above the
grid and beside each task, and tasks and parties added, renamed, moved and removed."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coordination.models import ResponsibilityAssignment, ResponsibilityMap, ResponsibilityRole
from coordination.responsibility import services
from coordination.responsibility.forms import cell_name

pytestmark = pytest.mark.django_db

LOM = "3434"
R = ResponsibilityRole.RESPONSIBLE


def url(name, *args, municipality=LOM):
    return reverse(f"coordination:{name}", args=[municipality, *args])


def _html(response) -> str:
    return response.content.decode()


@pytest.fixture
def lom_map(lom):
    return services.map_for(lom)


def _grid_post(map_, overrides=None) -> dict:
    """Every cell as the browser sends it (empty unless overridden)."""
    data = {cell_name(t.pk, p.pk): "" for t in map_.tasks.all() for p in map_.parties.all()}
    data.update(overrides or {})
    return data


def test_a_coordinators_first_visit_makes_the_map_with_the_starter_set(
    client_of, coordinator_lom, volunteer_contact_lom, lom
):
    client_of(coordinator_lom).get(url("responsibility_map_detail"))
    assert ResponsibilityMap.objects.filter(municipality=lom).count() == 1
    page = _html(client_of(volunteer_contact_lom).get(url("responsibility_map_detail")))
    assert "Rekruttering av frivillige" in page and "Frivilligsentralen" in page
    assert "12 oppgaver trenger oppmerksomhet" in page  # none has a responsible party yet
    assert "Hva bokstavene betyr" in page
    assert "<select" not in page and "Rediger ansvarskartet" not in page  # read only


def test_a_readers_visit_before_the_coordinators_makes_no_map_and_explains(
    client_of, volunteer_contact_lom, applicant, lom
):
    for reader in (volunteer_contact_lom, applicant):
        response = client_of(reader).get(url("responsibility_map_detail"))
        assert response.status_code == 200
        page = _html(response)
        assert "Det finnes ikke noe ansvarskart ennå" in page
        assert "Rekruttering av frivillige" not in page and "<table" not in page
        assert "Rediger ansvarskartet" not in page
    assert not ResponsibilityMap.objects.exists()


def test_the_coordinators_edit_page_makes_the_map_too(client_of, coordinator_lom, lom):
    page = _html(client_of(coordinator_lom).get(url("responsibility_map_edit")))
    assert "Rekruttering av frivillige" in page
    assert ResponsibilityMap.objects.filter(municipality=lom).count() == 1


def test_partner_representative_reads_the_map(client_of, applicant, lom_map):
    task, party = lom_map.tasks.first(), lom_map.parties.first()
    ResponsibilityAssignment.objects.create(task=task, party=party, role=R)
    page = _html(client_of(applicant).get(url("responsibility_map_detail")))
    assert "Ansvarlig" in page  # the cell, for screen readers
    assert client_of(applicant).get(url("responsibility_map_edit")).status_code == 404


def test_coordinator_sets_cells_in_the_grid_and_saves_them_at_once(
    client_of, coordinator_lom, lom_map
):
    tasks, parties = list(lom_map.tasks.all()), list(lom_map.parties.all())
    client = client_of(coordinator_lom)
    page = _html(client.get(url("responsibility_map_edit")))
    assert page.count('<select name="cell-') == len(tasks) * len(parties)
    assert "Rekruttering av frivillige – Frivillighetskoordinator" in page  # the cell's label
    response = client.post(
        url("responsibility_map_edit"),
        _grid_post(lom_map, {cell_name(tasks[0].pk, parties[0].pk): "responsible",
                             cell_name(tasks[0].pk, parties[2].pk): "carries_out"}),
    )  # fmt: skip
    assert response.status_code == 302
    cells = {(a.task_id, a.party_id): a.role for a in ResponsibilityAssignment.objects.all()}
    assert cells == {(tasks[0].pk, parties[0].pk): "responsible",
                     (tasks[0].pk, parties[2].pk): "carries_out"}  # fmt: skip
    page = _html(client.get(url("responsibility_map_edit")))
    assert "11 oppgaver trenger oppmerksomhet" in page


def test_warnings_are_shown_above_the_grid_and_beside_the_task(client_of, coordinator_lom, lom_map):
    tasks, parties = list(lom_map.tasks.all()), list(lom_map.parties.all())
    for task in tasks:
        ResponsibilityAssignment.objects.create(task=task, party=parties[0], role=R)
    ResponsibilityAssignment.objects.create(task=tasks[3], party=parties[1], role=R)
    page = _html(client_of(coordinator_lom).get(url("responsibility_map_detail")))
    assert "1 oppgave trenger oppmerksomhet" in page
    assert "Taushetserklæringer har 2 ansvarlige" in page  # above the grid
    assert "2 ansvarlige</span>" in page  # beside the row
    ResponsibilityAssignment.objects.filter(task=tasks[3], party=parties[1]).delete()
    page = _html(client_of(coordinator_lom).get(url("responsibility_map_detail")))
    assert "Hver oppgave har nøyaktig én ansvarlig." in page


def test_a_forged_role_in_a_cell_refuses_the_grid_and_changes_nothing(
    client_of, coordinator_lom, lom_map
):
    task, party = lom_map.tasks.first(), lom_map.parties.first()
    response = client_of(coordinator_lom).post(
        url("responsibility_map_edit"),
        _grid_post(lom_map, {cell_name(task.pk, party.pk): "owner"}),
    )
    assert response.status_code == 200
    assert 'aria-invalid="true"' in _html(response)
    assert not ResponsibilityAssignment.objects.exists()


def test_a_cell_of_another_municipalitys_map_refuses_the_grid(
    client_of, coordinator_lom, lom_map, drammen
):
    other = services.map_for(drammen)
    forged = cell_name(other.tasks.first().pk, other.parties.first().pk)
    task, party = lom_map.tasks.first(), lom_map.parties.first()
    response = client_of(coordinator_lom).post(
        url("responsibility_map_edit"),
        _grid_post(lom_map, {forged: "responsible", cell_name(task.pk, party.pk): "responsible"}),
    )
    assert response.status_code == 200
    assert "Ansvarskartet er endret siden du åpnet det" in _html(response)
    assert not ResponsibilityAssignment.objects.exists()


def _queries(client, method, address, data=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(address, data or {})
    assert response.status_code in (200, 302)
    return len(captured)


def test_the_grid_costs_a_fixed_number_of_queries_whatever_its_size(
    client_of, coordinator_lom, lom_map
):
    client = client_of(coordinator_lom)
    client.get(url("responsibility_map_edit"))  # warm up the session
    small_get = _queries(client, "get", url("responsibility_map_edit"))
    small_read = _queries(client, "get", url("responsibility_map_detail"))
    all_r = dict.fromkeys(_grid_post(lom_map), "informed")
    small_post = _queries(client, "post", url("responsibility_map_edit"), all_r)
    for n in range(30):
        services.create_task(map_=lom_map, by=coordinator_lom, name=f"Oppgave {n}")
    for n in range(10):
        services.create_party(map_=lom_map, by=coordinator_lom, name=f"Part {n}")
    assert _queries(client, "get", url("responsibility_map_edit")) == small_get
    assert _queries(client, "get", url("responsibility_map_detail")) == small_read
    all_r = dict.fromkeys(_grid_post(lom_map), "consulted")  # 42 × 16 cells, all new
    client.post(url("responsibility_map_edit"), dict.fromkeys(all_r, "informed"))
    assert _queries(client, "post", url("responsibility_map_edit"), all_r) == small_post
    assert ResponsibilityAssignment.objects.filter(role="consulted").count() == 42 * 16


# --- Tasks and parties -------------------------------------------------------------------


def test_coordinator_adds_renames_moves_and_removes_a_task(client_of, coordinator_lom, lom_map):
    client = client_of(coordinator_lom)
    client.post(url("responsibility_task_add"), {"name": "Julebord for frivillige"})
    task = lom_map.tasks.get(name="Julebord for frivillige")
    assert list(lom_map.tasks.all())[-1] == task
    client.post(url("responsibility_task_move", task.pk), {"direction": "up"})
    assert list(lom_map.tasks.all())[-2] == task
    client.post(url("responsibility_task_edit", task.pk), {"name": "Takk til frivillige"})
    task.refresh_from_db()
    assert task.name == "Takk til frivillige"
    assert "Takk til frivillige" in _html(client.get(url("responsibility_map_detail")))
    client.post(url("responsibility_task_delete", task.pk))
    assert not lom_map.tasks.filter(pk=task.pk).exists()


def test_renaming_a_starter_task_shows_its_translated_name_first(
    client_of, coordinator_lom, lom_map
):
    task = lom_map.tasks.get(starter_key="annual_wheel")
    page = _html(client_of(coordinator_lom).get(url("responsibility_task_edit", task.pk)))
    assert 'value="Årshjulet"' in page


def test_coordinator_adds_a_party_for_a_partner_organisation(client_of, coordinator_lom, lom_map):
    from tests.factories import PartnerOrganisationFactory

    partner = PartnerOrganisationFactory(name="Lom sanitetslag")
    client = client_of(coordinator_lom)
    response = client.post(url("responsibility_party_add"), {"name": "", "partner": partner.pk})
    assert response.status_code == 302
    party = lom_map.parties.get(partner=partner)
    assert party.display_name == "Lom sanitetslag"
    client.post(url("responsibility_party_move", party.pk), {"direction": "up"})
    assert list(lom_map.parties.all())[-2] == party
    client.post(url("responsibility_party_delete", party.pk))
    assert not lom_map.parties.filter(pk=party.pk).exists()


def test_volunteer_contact_cannot_change_tasks(client_of, volunteer_contact_lom, lom_map):
    task = lom_map.tasks.first()
    client = client_of(volunteer_contact_lom)
    assert client.post(url("responsibility_task_delete", task.pk)).status_code == 404
    assert client.post(url("responsibility_task_add"), {"name": "X"}).status_code == 404
    assert lom_map.tasks.filter(pk=task.pk).exists() and not lom_map.tasks.filter(name="X")


def test_another_municipalitys_coordinator_cannot_reach_lom_tasks(
    client_of, coordinator_drammen, lom_map
):
    task = lom_map.tasks.first()
    client = client_of(coordinator_drammen)
    address = url("responsibility_task_delete", task.pk, municipality="3301")
    assert client.post(address).status_code == 404
    assert lom_map.tasks.filter(pk=task.pk).exists()
