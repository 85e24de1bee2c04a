"""The hostile-input guarantees of test_hostile_input.py for units, volunteer contacts, forum
meetings and minutes, and the responsibility map (the grid, tasks, parties, moving rows).
Never a 500; refused input explained and nothing stored; stored text shown only as text; a
grid with forged cells, or cells of another municipality's map, is refused whole.

Ids are not known when hypothesis draws the data, so the strategies use placeholders that each
test replaces with the real id before sending."""

import datetime

import pytest
from django.urls import reverse
from hypothesis import example, given
from hypothesis import strategies as st

from coordination.models import (
    ForumMeeting,
    Membership,
    ResponsibilityAssignment,
    ResponsibilityParty,
    ResponsibilityRole,
    ResponsibilityTask,
    Role,
    Unit,
    UnitContact,
)
from coordination.responsibility.forms import cell_name
from coordination.responsibility.services import map_for
from tests.factories import MembershipFactory, PartnerOrganisationFactory
from tests.trust.hostile import (
    assert_explained,
    assert_shown_only_as_text,
    client_for,
    few,
    form_data,
    get,
    nasty_text,
    post,
    resolve,
    rolled_back,
    rows,
    sometimes_valid,
)

pytestmark = pytest.mark.django_db

LOM = "3434"
TABLES = (
    Unit.objects.all(),
    UnitContact.objects.all(),
    ForumMeeting.objects.all(),
    ForumMeeting.attendees.through.objects.all(),
    ResponsibilityTask.objects.all(),
    ResponsibilityParty.objects.all(),
    ResponsibilityAssignment.objects.all(),
)
ROLES = tuple(ResponsibilityRole.values)


def url(name, *args):
    return reverse(f"coordination:{name}", args=[LOM, *args])


@pytest.fixture
def lom_objects(lom, drammen, volunteer_contact_lom, applicant, coordinator_lom):
    unit = Unit.objects.create(municipality=lom, name="Lom sjukeheim", kind="nursing_home")
    lom_map, drammen_map = map_for(lom), map_for(drammen)
    return {
        "unit": unit,
        "map": lom_map,
        "drammen_map": drammen_map,
        "meeting": ForumMeeting.objects.create(
            municipality=lom,
            starts_at=datetime.datetime(2026, 3, 10, 12, tzinfo=datetime.UTC),
            place="Lom",
        ),
        "CONTACT": Membership.objects.get(user=volunteer_contact_lom).pk,
        "COORDINATOR": Membership.objects.get(user=coordinator_lom).pk,
        "OTHER_ROLE": Membership.objects.get(user=applicant).pk,  # a partner representative
        "DRAMMEN_CONTACT": MembershipFactory(municipality=drammen, role=Role.VOLUNTEER_CONTACT).pk,
        "UNIT": unit.pk,
        "DRAMMEN_UNIT": Unit.objects.create(municipality=drammen, name="Fjell", kind="other").pk,
        "PARTNER": PartnerOrganisationFactory().pk,
        "DRAMMEN_PARTNER": PartnerOrganisationFactory(municipalities=["3301"]).pk,
    }


# --- Units and contacts ----------------------------------------------------------------------


@few
@given(
    data=form_data(
        name=sometimes_valid("Heimetenesta i Lom", "lom sjukeheim", "Ny <b>virksomhet</b>"),
        kind=sometimes_valid("home_care", "library", "castle"),
        address=nasty_text,
        leader_name=nasty_text,
    )
)
@example(data={"name": "LOM SJUKEHEIM", "kind": "home_care"})
@example(data={"name": "<script>alert(1)</script>", "kind": "other",
               "leader_name": '"><svg onload=alert(1)>'})  # fmt: skip
def test_unit_form_never_fails_and_shows_text_only_as_text(coordinator_lom, lom_objects, data):
    with rolled_back():
        before = rows(*TABLES)
        client = client_for(coordinator_lom)
        response = post(client, url("unit_add"), data)
        if response.status_code == 302:
            unit = Unit.objects.order_by("-pk").first()
            unit.full_clean()
            page = get(client, url("unit_list")).content.decode()
            assert_shown_only_as_text(page, unit.name)
            assert_shown_only_as_text(page, unit.leader_name, on_page=bool(unit.leader_name))
        else:
            assert_explained(response)
            assert rows(*TABLES) == before


@few
@given(data=form_data(membership=sometimes_valid("CONTACT", "OTHER_ROLE", "COORDINATOR",
                                                 "DRAMMEN_CONTACT")))  # fmt: skip
@example(data={"membership": "OTHER_ROLE"})
@example(data={"membership": "DRAMMEN_CONTACT"})
def test_contact_form_links_only_a_volunteer_contact_of_the_municipality(
    coordinator_lom, lom_objects, data
):
    unit = lom_objects["unit"]
    with rolled_back():
        before = rows(*TABLES)
        response = post(client_for(coordinator_lom), url("unit_contact_add", unit.pk),
                        resolve(data, lom_objects))  # fmt: skip
        if response.status_code == 302:
            link = UnitContact.objects.get()
            assert link.membership_id == lom_objects["CONTACT"]
        else:
            assert_explained(response)
            assert rows(*TABLES) == before


# --- Forum -----------------------------------------------------------------------------------


@few
@given(
    data=form_data(
        starts_at=sometimes_valid("2027-02-10T13:00", "2027-02-10 13:00", "10.02.2027 13:00"),
        place=nasty_text,
        agenda=nasty_text,
        attendees=sometimes_valid("CONTACT", "COORDINATOR", "OTHER_ROLE", "DRAMMEN_CONTACT"),
    )
)
@example(data={"starts_at": "2027-02-10T13:00", "attendees": "OTHER_ROLE"})
@example(data={"starts_at": "2027-02-10T13:00", "agenda": "</textarea><script>alert(1)</script>"})
def test_meeting_form_never_fails_and_shows_the_agenda_only_as_text(
    coordinator_lom, lom_objects, data
):
    with rolled_back():
        before = rows(*TABLES)
        client = client_for(coordinator_lom)
        response = post(client, url("forum_meeting_add"), resolve(data, lom_objects))
        if response.status_code == 302:
            meeting = ForumMeeting.objects.order_by("-pk").first()
            assert all(
                m.municipality_id == LOM and m.role in (Role.COORDINATOR, Role.VOLUNTEER_CONTACT)
                for m in meeting.attendees.all()
            )
            page = get(client, response["Location"]).content.decode()
            assert_shown_only_as_text(page, meeting.place, on_page=bool(meeting.place))
        else:
            assert_explained(response)
            assert rows(*TABLES) == before


@few
@given(data=form_data(minutes=nasty_text, attendees=sometimes_valid("CONTACT", "OTHER_ROLE")))
@example(data={"minutes": "<img src=x onerror=alert(1)>"})
def test_minutes_form_never_fails_and_keeps_who_wrote_them(coordinator_lom, lom_objects, data):
    meeting = lom_objects["meeting"]
    with rolled_back():
        before = rows(*TABLES)
        client = client_for(coordinator_lom)
        response = post(
            client, url("forum_meeting_minutes", meeting.pk), resolve(data, lom_objects)
        )
        if response.status_code == 302:
            meeting.refresh_from_db()
            assert meeting.minutes_by == coordinator_lom and meeting.minutes_at
            page = get(client, url("forum_meeting_detail", meeting.pk)).content.decode()
            for line in meeting.minutes.splitlines():
                assert_shown_only_as_text(page, line, on_page=False)
        else:
            assert_explained(response)
            assert rows(*TABLES) == before


# --- The responsibility map ------------------------------------------------------------------


def _cells(map_):
    return [cell_name(t.pk, p.pk) for t in map_.tasks.all() for p in map_.parties.all()]


@few
@given(
    values=st.lists(sometimes_valid(*ROLES, ""), min_size=3, max_size=3),
    forged=st.sampled_from(["none", "drammen", "unknown", "garbage"]),
    extra=form_data(note=nasty_text),
)
@example(values=["responsible", "owner", ""], forged="none", extra={})
@example(values=["responsible", "informed", ""], forged="drammen", extra={})
def test_grid_refuses_forged_cells_and_other_maps_whole(
    coordinator_lom, lom_objects, values, forged, extra
):
    lom_cells = _cells(lom_objects["map"])
    data = {**extra, **dict(zip(lom_cells[:3], values, strict=True))}
    if forged == "drammen":
        data[_cells(lom_objects["drammen_map"])[0]] = "responsible"
    elif forged == "unknown":
        data["cell-999999-999999"] = "responsible"
    elif forged == "garbage":
        data["cell-x-1"] = "responsible"  # not a cell name: ignored like any extra field
    with rolled_back():
        before = rows(*TABLES)
        response = post(client_for(coordinator_lom), url("responsibility_map_edit"), data)
        if response.status_code == 302:
            assert forged in ("none", "garbage")
            found = ResponsibilityAssignment.objects.select_related("task__map")
            assert all(a.task.map.municipality_id == LOM and a.role in ROLES for a in found)
            drammen = ResponsibilityAssignment.objects.filter(task__map=lom_objects["drammen_map"])
            assert not drammen.exists()
        else:
            assert_explained(response)
            assert rows(*TABLES) == before


@few
@given(data=form_data(name=sometimes_valid("Julebord", "Årshjulet", "<b>Ny</b> oppgave")))
@example(data={"name": "årshjulet"})
def test_task_form_never_fails_and_shows_names_only_as_text(coordinator_lom, lom_objects, data):
    with rolled_back():
        before = rows(*TABLES)
        client = client_for(coordinator_lom)
        response = post(client, url("responsibility_task_add"), data)
        if response.status_code == 302:
            task = ResponsibilityTask.objects.order_by("-pk").first()
            page = get(client, url("responsibility_map_detail")).content.decode()
            assert_shown_only_as_text(page, task.name)
        else:
            assert_explained(response)
            assert rows(*TABLES) == before


@few
@given(
    data=form_data(
        name=nasty_text | st.sampled_from(["Sanitetslaget", ""]),
        unit=sometimes_valid("UNIT", "DRAMMEN_UNIT", ""),
        partner=sometimes_valid("PARTNER", "DRAMMEN_PARTNER", ""),
    )
)
@example(data={"name": "Fremmed", "unit": "DRAMMEN_UNIT"})
@example(data={"name": "Fremmed", "partner": "DRAMMEN_PARTNER"})
@example(data={"name": "", "unit": "UNIT", "partner": "PARTNER"})
def test_party_form_links_only_the_municipalitys_units_and_partners(
    coordinator_lom, lom_objects, data
):
    with rolled_back():
        before = rows(*TABLES)
        response = post(client_for(coordinator_lom), url("responsibility_party_add"),
                        resolve(data, lom_objects))  # fmt: skip
        if response.status_code == 302:
            party = ResponsibilityParty.objects.order_by("-pk").first()
            assert party.unit is None or party.unit.municipality_id == LOM
            assert party.partner is None or party.partner.municipalities.filter(pk=LOM).exists()
            assert not (party.unit and party.partner)
        else:
            assert_explained(response)
            assert rows(*TABLES) == before


@few
@given(direction=nasty_text | st.sampled_from(["up", "down"]))
def test_moving_a_row_never_fails_and_keeps_the_rows(coordinator_lom, lom_objects, direction):
    task = lom_objects["map"].tasks.all()[3]
    with rolled_back():
        before = sorted(ResponsibilityTask.objects.values_list("pk", flat=True))
        response = post(client_for(coordinator_lom), url("responsibility_task_move", task.pk),
                        {"direction": direction})  # fmt: skip
        assert response.status_code == 302
        assert sorted(ResponsibilityTask.objects.values_list("pk", flat=True)) == before
