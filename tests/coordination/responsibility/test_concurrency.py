"""Two coordinators saving the responsibility grid at once (issue 10, security finding): a stale
form is refused and says so with the grid as it is now, instead of silently undoing the other's
change and saying "saved"; filling the same empty cell at the same moment gives a message, not
a 500."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation

from coordination.models import ResponsibilityAssignment, ResponsibilityRole
from coordination.responsibility import services
from coordination.responsibility.forms import cell_name
from tests.factories import MembershipFactory, UserFactory, municipality

pytestmark = pytest.mark.django_db

LOM = "3434"
R, INF = ResponsibilityRole.RESPONSIBLE, ResponsibilityRole.INFORMED
EDIT = reverse("coordination:responsibility_map_edit", args=[LOM])


@pytest.fixture
def lom_map(lom):
    return services.map_for(lom)


@pytest.fixture
def second_coordinator(lom):
    person = UserFactory(full_name="Per Andre")
    MembershipFactory(user=person, municipality=municipality(LOM))
    return person


def _cell(map_):
    return map_.tasks.first(), map_.parties.first()


def test_a_save_with_an_old_version_is_refused_and_changes_nothing(lom_map, coordinator_lom):
    task, party = _cell(lom_map)
    opened = services.grid_version(lom_map)
    services.save_grid(
        map_=lom_map, by=coordinator_lom, cells={(task.pk, party.pk): R}, version=opened
    )
    with pytest.raises(services.StaleGridError):
        services.save_grid(
            map_=lom_map, by=coordinator_lom, cells={(task.pk, party.pk): ""}, version=opened
        )
    assert ResponsibilityAssignment.objects.get().role == R


def test_a_save_with_the_current_version_goes_through_and_moves_the_version(
    lom_map, coordinator_lom
):
    task, party = _cell(lom_map)
    opened = services.grid_version(lom_map)
    services.save_grid(
        map_=lom_map, by=coordinator_lom, cells={(task.pk, party.pk): R}, version=opened
    )
    lom_map.refresh_from_db()
    assert services.grid_version(lom_map) != opened
    services.save_grid(
        map_=lom_map,
        by=coordinator_lom,
        cells={(task.pk, party.pk): INF},
        version=services.grid_version(lom_map),
    )
    assert ResponsibilityAssignment.objects.get().role == INF


def test_the_same_empty_cell_filled_at_the_same_moment_is_a_message_not_a_500(
    lom_map, coordinator_lom, monkeypatch
):
    """The other save commits its row between our read of the grid and our insert."""
    task, party = _cell(lom_map)
    manager = type(ResponsibilityAssignment.objects)
    real = manager.bulk_create

    def racing_bulk_create(self, objs, *args, **kwargs):
        ResponsibilityAssignment.objects.create(task=task, party=party, role=INF)
        return real(self, objs, *args, **kwargs)

    monkeypatch.setattr(manager, "bulk_create", racing_bulk_create)
    with pytest.raises(services.StaleGridError):
        services.save_grid(map_=lom_map, by=coordinator_lom, cells={(task.pk, party.pk): R})


def _form_data(response) -> dict:
    form = response.context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    return data


def test_two_coordinators_the_second_is_told_and_shown_the_current_grid(
    client, lom_map, coordinator_lom, second_coordinator
):
    task, party = _cell(lom_map)
    name = cell_name(task.pk, party.pk)
    client.force_login(coordinator_lom)
    first = _form_data(client.get(EDIT))
    client.force_login(second_coordinator)
    second = _form_data(client.get(EDIT))

    client.force_login(coordinator_lom)
    assert client.post(EDIT, {**first, name: R}).status_code == 302
    client.force_login(second_coordinator)
    other = cell_name(task.pk, lom_map.parties.all()[1].pk)
    with translation.override("en"):
        response = client.post(EDIT, {**second, other: INF}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Noen andre lagret ansvarskartet etter at du åpnet det." in html
    assert 'role="alert"' in html
    assert not [m for m in get_messages(response.wsgi_request) if "saved" in str(m)]
    # the first coordinator's change is kept, the stale form changed nothing
    assert list(ResponsibilityAssignment.objects.values_list("party_id", "role")) == [(party.pk, R)]
    # the page shows the current grid, with the current version to save against
    form = response.context["form"]
    assert form[name].value() == R
    lom_map.refresh_from_db()
    assert form["version"].value() == services.grid_version(lom_map)
