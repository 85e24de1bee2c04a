"""The hostile-input guarantees of test_hostile_input.py for the needs forms: the public form
for asking for help above all (consent, the spam trap, the rate limit), and the coordinator's
and the volunteer's forms. Never a 500, refused input explained and nothing stored, stored text
shown only as text."""

import datetime

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import example, given
from hypothesis import strategies as st

from tests.factories import AssignmentFactory, InvitationFactory, NeedFactory, VolunteerFactory
from tests.trust.hostile import (
    HUGE,
    MARKUP,
    assert_explained,
    assert_shown_only_as_text,
    client_for,
    few,
    form_data,
    hostile,
    nasty_text,
    post,
    rolled_back,
    rows,
    sometimes_valid,
)
from volunteers.models import (
    Assignment,
    FollowUp,
    Invitation,
    Need,
    NeedStep,
)

pytestmark = pytest.mark.django_db

HELP = reverse("volunteers:help_form", args=["3434"])
THANKS = reverse("volunteers:help_thanks", args=["3434"])
REPORT = reverse("volunteers:need_report", args=["3434"])
TODAY = timezone.localdate().isoformat()
LATER = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
NEED_TABLES = (
    Need.objects.all(),
    NeedStep.objects.all(),
    Invitation.objects.all(),
    Assignment.objects.all(),
    FollowUp.objects.all(),
)
TEXT_FIELDS = ("description", "address", "area", "contact_name", "person_name")
PUBLIC_FORM = {
    "kind": "visiting_friend",
    "description": "Mor vil gjerne ha noen å snakke med",
    "person_name": "Olga Haugen",
    "person_phone": "61211234",
    "area": "Lom sentrum",
    "consent_basis": "self",
    "consent": "on",
}


def _url(name, *args):
    return reverse(f"volunteers:{name}", args=["3434", *args])


def as_the_form_sees_it(data: dict, name: str) -> str:
    """The value a form reads for a field: a list is sent as the field repeated, and Django
    reads its last value (none at all for an empty list); a CharField strips it. So ``[""]``,
    ``["http://spam.example", ""]`` and ``" "`` are an empty field, not a filled one."""
    value = data.get(name)
    if isinstance(value, list):
        value = value[-1] if value else ""
    return (value or "").strip()


# --- the public form ------------------------------------------------------------------------


@hostile
@given(
    data=form_data(
        kind=sometimes_valid("visiting_friend", "transport", "activity_leading"),
        description=nasty_text,
        weekday_daytime=sometimes_valid("on"),
        needs_driver=sometimes_valid("on"),
        person_name=nasty_text,
        person_phone=sometimes_valid("61211234", "+47 912 34 567"),
        address=nasty_text,
        area=nasty_text,
        contact_name=nasty_text,
        contact_phone=sometimes_valid("91234567"),
        consent_basis=sometimes_valid("self", "power_of_attorney"),
        consent=sometimes_valid("on"),
        website=st.sampled_from(["", "", "", "http://spam.example"]),
    )
)
@example(data={**PUBLIC_FORM, "consent": ""})
@example(data={**PUBLIC_FORM, "website": "http://spam.example"})
# The trap sent as a list: the form reads the last value, so these are an empty trap.
@example(data={**PUBLIC_FORM, "website": [""]})
@example(data={**PUBLIC_FORM, "website": ["http://spam.example", ""]})
@example(data={**PUBLIC_FORM, "website": ["", "http://spam.example"]})
@example(data={**PUBLIC_FORM, "person_name": "<script>alert(1)</script>"})
@example(data={**PUBLIC_FORM, **dict.fromkeys(TEXT_FIELDS, HUGE[1])})  # over the size limit: 400
def test_the_public_form_never_fails_and_stores_only_with_consent(coordinator_lom, data):
    with rolled_back():
        before = rows(*NEED_TABLES)
        response = post(client_for(), HELP, data)
        if response.status_code == 302:
            assert response["Location"] == THANKS
            if as_the_form_sees_it(data, "website"):
                assert rows(*NEED_TABLES) == before  # the spam trap stores nothing
                return
            need = Need.objects.get()
            assert need.consent_text_version and need.source == "public"
            page = client_for(coordinator_lom).get(_url("need_detail", need.pk))
            assert_shown_only_as_text(page.content.decode(), need.person_name)
            assert_shown_only_as_text(page.content.decode(), need.description)
        else:
            assert_explained(response, data)
            assert rows(*NEED_TABLES) == before


def test_missing_consent_is_explained_in_plain_words_and_nothing_is_stored(coordinator_lom):
    response = Client().post(HELP, {**PUBLIC_FORM, "consent": ""})
    assert response.status_code == 200
    html = response.content.decode()
    assert "fullmakt" in html  # the message names the way out: power of attorney
    assert 'role="alert"' in html or "invalid-feedback" in html
    assert not Need.objects.exists()


def test_the_spam_trap_is_hidden_from_people_and_catches_robots(coordinator_lom):
    client = Client()
    html = client.get(HELP).content.decode()
    trap = html.index('name="website"')
    assert html.rfind('class="d-none" aria-hidden="true"', 0, trap) != -1
    response = client.post(HELP, {**PUBLIC_FORM, "website": "http://cheap-pills.example"})
    assert response["Location"] == THANKS  # the robot is told nothing
    assert not Need.objects.exists()


def test_the_rate_limit_stops_a_flood_from_one_address(coordinator_lom):
    cache.clear()
    client = Client(REMOTE_ADDR="203.0.113.9")
    statuses = [client.post(HELP, PUBLIC_FORM).status_code for _ in range(8)]
    assert statuses == [302] * 5 + [429] * 3
    assert Need.objects.count() == 5
    # Another address is not punished for it.
    assert Client(REMOTE_ADDR="203.0.113.10").post(HELP, PUBLIC_FORM).status_code == 302


@pytest.mark.parametrize("payload", [payload for payload, _live in MARKUP])
def test_markup_from_the_public_is_shown_only_as_text(coordinator_lom, volunteer, payload):
    fields = {**PUBLIC_FORM, "person_name": payload[:150], "description": payload}
    assert Client().post(HELP, fields).status_code == 302
    need = Need.objects.get()
    html = client_for(coordinator_lom).get(_url("need_detail", need.pk)).content.decode()
    assert_shown_only_as_text(html, payload[:150])
    own = VolunteerFactory(user=volunteer)
    assignment = AssignmentFactory(need=need, volunteer=own)
    url = reverse("volunteers:own_assignment", args=[assignment.pk])
    assert_shown_only_as_text(client_for(volunteer).get(url).content.decode(), payload[:150])
    list_html = client_for(coordinator_lom).get(_url("need_list")).content.decode()
    assert_shown_only_as_text(list_html, payload, on_page=False)


# --- the coordinator's forms ----------------------------------------------------------------


@few
@given(
    data=form_data(
        kind=sometimes_valid("visiting_friend", "walks"),
        description=nasty_text,
        area=nasty_text,
        language=nasty_text,
        gender_preference=sometimes_valid("", "woman", "man"),
        frequency=sometimes_valid("weekly", "monthly"),
        person_name=nasty_text,
        person_phone=sometimes_valid("61211234"),
        access_notes=nasty_text,
        considerations=nasty_text,
        consent_basis=sometimes_valid("self", "power_of_attorney"),
        consent=sometimes_valid("on"),
    )
)
def test_reporting_never_fails_and_stores_only_valid_needs(volunteer_contact_lom, data):
    with rolled_back():
        before = rows(*NEED_TABLES)
        response = post(client_for(volunteer_contact_lom), REPORT, data)
        if response.status_code == 302:
            assert Need.objects.get().source == "unit"
        else:
            assert_explained(response, data)
            assert rows(*NEED_TABLES) == before


@few
@given(
    data=form_data(
        step=sometimes_valid("mapped", "closed", "reported"),
        happened_on=sometimes_valid(TODAY, "2999-01-01", "2026-02-30"),
        notes=nasty_text,
    )
)
@example(data={"step": "reported", "happened_on": TODAY})  # back without a note
def test_recording_a_step_never_fails(coordinator_lom, data):
    with rolled_back():
        need = NeedFactory(status="clarified")
        before = rows(*NEED_TABLES)
        response = post(client_for(coordinator_lom), _url("need_step", need.pk), data)
        if response.status_code != 302:
            assert_explained(response, data)
            assert rows(*NEED_TABLES) == before


@few
@given(data=form_data(volunteers=sometimes_valid("1", "2", "999"), message=nasty_text))
def test_inviting_never_fails_and_invites_only_proposals(coordinator_lom, data):
    with rolled_back():
        need = NeedFactory()
        VolunteerFactory(interests=["visiting_friend"])
        before = rows(*NEED_TABLES)
        response = post(client_for(coordinator_lom), _url("need_invite", need.pk), data)
        if response.status_code != 302:
            assert_explained(response, data)
            assert rows(*NEED_TABLES) == before


@few
@given(
    data=form_data(
        first_on=sometimes_valid(TODAY, LATER),
        every_weeks=sometimes_valid("4", "0", "27", "-1"),
        months=sometimes_valid("3", "0", "25"),
        assignment=nasty_text,
    )
)
def test_planning_follow_ups_never_fails(coordinator_lom, data):
    with rolled_back():
        need = NeedFactory()
        before = rows(*NEED_TABLES)
        response = post(client_for(coordinator_lom), _url("follow_up_plan", need.pk), data)
        if response.status_code == 302:
            assert 1 <= FollowUp.objects.count() <= 30
        else:
            assert_explained(response, data)
            assert rows(*NEED_TABLES) == before


@few
@given(
    action=st.sampled_from(["assignment_pairing", "assignment_pause", "assignment_end"]),
    data=form_data(
        trial_meeting_on=sometimes_valid(TODAY, LATER),
        trial_went_well=sometimes_valid("yes", "no", ""),
        frequency=sometimes_valid("weekly", ""),
        paused_until=sometimes_valid(LATER, TODAY),
        reason=nasty_text,
        end_reason=sometimes_valid("moved", "other"),
        end_note=nasty_text,
    ),
)
def test_the_pairing_forms_never_fail(coordinator_lom, action, data):
    with rolled_back():
        assignment = AssignmentFactory()
        before = rows(*NEED_TABLES)
        response = post(client_for(coordinator_lom), _url(action, assignment.pk), data)
        if response.status_code != 302:
            assert_explained(response, data)
            assert rows(*NEED_TABLES) == before


# --- the volunteer's answer -----------------------------------------------------------------


@few
@given(data=form_data(answer=sometimes_valid("accept", "decline"), reason=nasty_text))
def test_answering_never_fails_and_only_yes_assigns(volunteer, data):
    with rolled_back():
        invitation = InvitationFactory(volunteer=VolunteerFactory(user=volunteer))
        url = reverse("volunteers:invitation", args=[invitation.pk])
        response = post(client_for(volunteer), url, data)
        invitation.refresh_from_db()
        if response.status_code == 302:
            assert invitation.status in ("accepted", "declined")
            assert Assignment.objects.exists() == (invitation.status == "accepted")
        else:
            assert_explained(response, data)
            assert invitation.status == "pending"
            assert not Assignment.objects.exists()
