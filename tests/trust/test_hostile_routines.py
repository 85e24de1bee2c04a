"""The hostile-input guarantees of test_hostile_input.py for the routine binder's and the
annual wheel's forms: a routine's text, approval, owner and co-authors, starter routines, the
list's filter, the wheel's events and its year. Never a 500; refused input explained and
nothing stored; stored text shown only as text.

Ids are not known when hypothesis draws the data, so the strategies use placeholders (OWNER,
CONTACT, …) that each test replaces with the real id before sending."""

import pytest
from django.urls import reverse
from hypothesis import example, given

from coordination.models import Routine, RoutineVersion, WheelEvent
from tests.factories import MembershipFactory, RoutineFactory, UserFactory
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
    Routine.objects.all(),
    Routine.co_authors.through.objects.all(),
    RoutineVersion.objects.all(),
    WheelEvent.objects.all(),
)
DATES = ("2030-01-05", "2020-12-31", "2099-01-01", "05.01.2030", "2030-02-30")


@pytest.fixture
def lom_objects(coordinator_lom, volunteer_contact_lom):
    routine = RoutineFactory(owner=coordinator_lom, approved=True, title="Velkomst")
    routine.co_authors.add(volunteer_contact_lom)
    return {
        "routine": routine,
        "OWNER": coordinator_lom.pk,
        "CONTACT": volunteer_contact_lom.pk,
        # A second coordinator of Lom: approves routines, never co-authors them.
        "OTHER_ROLE": MembershipFactory(role="coordinator").user.pk,
        "STRANGER": UserFactory().pk,
    }


ROUTINE_FIELDS = {
    "title": sometimes_valid("Skyss og følge", "Ny rutine <b>fet</b>"),
    "step": sometimes_valid("1", "6", "8", "0", "9", "-1"),
    "topic": sometimes_valid("transport", "worried", "other"),
    "body": sometimes_valid("1. Bilbelte.\n\n2. Ring 113 ved fare."),
    "note": nasty_text,
}


@few
@given(data=form_data(**ROUTINE_FIELDS))
@example(data={"title": "Skyss", "step": "6", "topic": "transport",
               "body": "<script>alert(1)</script>"})  # fmt: skip
@example(data={"title": "{{ 7*7 }}", "step": "6", "topic": "transport", "body": "{% debug %}"})
def test_routine_form_never_fails_and_shows_text_only_as_text(coordinator_lom, lom_objects, data):
    with rolled_back():
        before = rows(*TABLES)
        client = client_for(coordinator_lom)
        response = post(client, reverse("coordination:routine_create", args=[LOM]), data)
        if response.status_code == 302:
            routine = Routine.objects.order_by("-pk").first()
            version = routine.versions.get()
            routine.full_clean()
            page = get(client, response["Location"]).content.decode()
            assert_shown_only_as_text(page, routine.title)
            for paragraph in version.body.split("\n\n"):
                assert_shown_only_as_text(page, paragraph.strip(), on_page=False)
        else:
            assert_explained(response)
            assert rows(*TABLES) == before


@few
@given(data=form_data(**ROUTINE_FIELDS))
@example(data={"title": "Velkomst", "body": "Ny tekst", "step": "1", "topic": "other"})
def test_a_co_author_never_moves_a_routine_and_never_breaks_it(
    volunteer_contact_lom, lom_objects, data
):
    routine = lom_objects["routine"]
    with rolled_back():
        before = rows(*TABLES)
        address = reverse("coordination:routine_edit", args=[LOM, routine.pk])
        response = post(client_for(volunteer_contact_lom), address, data)
        routine.refresh_from_db()
        assert (routine.step, routine.topic) == (6, "welcoming")
        assert routine.approved_version.number == 1  # never approved by a co-author
        if response.status_code != 302:
            assert_explained(response)
            assert rows(*TABLES) == before


@few
@given(data=form_data(next_review=sometimes_valid(*DATES)))
def test_approval_never_fails_and_stores_only_a_future_date(coordinator_lom, lom_objects, data):
    routine = lom_objects["routine"]
    with rolled_back():
        before = rows(*TABLES)
        address = reverse("coordination:routine_approve", args=[LOM, routine.pk])
        response = post(client_for(coordinator_lom), address, data)
        if response.status_code == 302:
            routine.refresh_from_db()
            assert routine.next_review.isoformat() == "2030-01-05"  # the only one allowed
        else:
            assert_explained(response)
            assert rows(*TABLES) == before


@few
@given(
    data=form_data(
        owner=sometimes_valid("OWNER", "CONTACT", "STRANGER"),
        co_authors=sometimes_valid("CONTACT", "OTHER_ROLE", "STRANGER", "OWNER"),
    )
)
@example(data={"owner": "OWNER", "co_authors": ["CONTACT", "OTHER_ROLE"]})
@example(data={"owner": "STRANGER", "co_authors": "CONTACT"})
def test_co_authors_are_only_ever_contacts_or_partners(coordinator_lom, lom_objects, data):
    routine = lom_objects["routine"]
    with rolled_back():
        before = rows(*TABLES)
        address = reverse("coordination:routine_people", args=[LOM, routine.pk])
        response = post(client_for(coordinator_lom), address, resolve(data, lom_objects))
        if response.status_code == 302:
            assert set(routine.co_authors.values_list("pk", flat=True)) <= {lom_objects["CONTACT"]}
            routine.refresh_from_db()
            assert routine.owner_id in (lom_objects["OWNER"], lom_objects["CONTACT"])
        else:
            assert_explained(response)
            assert rows(*TABLES) == before


@few
@given(data=form_data(keys=sometimes_valid("welcome", "ending", "worried")))
@example(data={"keys": ["welcome", "welcome", "nope"]})
def test_copying_starters_never_fails_and_copies_each_once(coordinator_lom, lom_objects, data):
    with rolled_back():
        before = rows(*TABLES)
        address = reverse("coordination:routine_starters", args=[LOM])
        response = post(client_for(coordinator_lom), address, data)
        keys = list(Routine.objects.exclude(starter_key="").values_list("starter_key", flat=True))
        assert len(keys) == len(set(keys))
        if response.status_code != 302:
            assert_explained(response)
            assert rows(*TABLES) == before


@few
@given(
    data=form_data(
        topic=sometimes_valid("transport", ""),
        status=sometimes_valid("draft", "approved", "archived", ""),
        due=sometimes_valid("on", ""),
        page=sometimes_valid("1", "2", "-1", "999999999999"),
    )
)
def test_the_routine_list_filter_never_fails(applicant, lom_objects, data):
    response = get(client_for(applicant), reverse("coordination:routine_list", args=[LOM]), data)
    assert response.status_code == 200


@few
@given(
    data=form_data(
        title=sometimes_valid("Sommerfest", "Fest <script>alert(1)</script>"),
        category=sometimes_valid("recognition", "course", "routine"),
        month=sometimes_valid("1", "12", "0", "13"),
        day=sometimes_valid("", "1", "29", "31", "32"),
        recurring=sometimes_valid("yes", "no"),
        year=sometimes_valid("", "2027", "2028", "1999", "2101"),
        description=nasty_text,
    )
)
@example(data={"title": "Fest", "category": "recognition", "month": "2", "day": "29",
               "recurring": "no", "year": "2027"})  # fmt: skip
@example(data={"title": "Fest", "category": "recognition", "month": "4", "day": "31",
               "recurring": "yes"})  # fmt: skip
def test_the_wheel_event_form_never_fails_and_stores_only_events_that_can_be_placed(
    coordinator_lom, lom_objects, data
):
    with rolled_back():
        before = rows(*TABLES)
        client = client_for(coordinator_lom)
        response = post(client, reverse("coordination:wheel_event_list", args=[LOM]), data)
        if response.status_code == 302:
            event = WheelEvent.objects.get()
            event.full_clean()
            year = event.year or 2028
            page = get(
                client, reverse("coordination:wheel_detail", args=[LOM]), {"year": str(year)}
            ).content.decode()
            assert_shown_only_as_text(page, event.title)
        else:
            assert_explained(response)
            assert rows(*TABLES) == before


@few
@given(data=form_data(year=nasty_text))
def test_the_wheel_never_fails_for_any_year(applicant, lom_objects, data):
    response = get(client_for(applicant), reverse("coordination:wheel_detail", args=[LOM]), data)
    assert response.status_code == 200
