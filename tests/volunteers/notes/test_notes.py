"""Notes on a volunteer's detail page: read and written by those who may see the volunteer."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coordination.models import AuditEvent
from tests.factories import UserFactory, VolunteerFactory, link_to_contacts_unit
from volunteers.models import VolunteerNote

pytestmark = pytest.mark.django_db


@pytest.fixture
def astrid(lom):
    return VolunteerFactory(user=UserFactory(full_name="Astrid Rustad"))


def _urls(volunteer, number="3434"):
    return (
        reverse("volunteers:volunteer_detail", args=[number, volunteer.pk]),
        reverse("volunteers:volunteer_notes", args=[number, volunteer.pk]),
    )


def test_a_coordinator_writes_a_note_and_sees_it_with_who_and_when(
    client_of, coordinator_lom, astrid
):
    detail, notes = _urls(astrid)
    client = client_of(coordinator_lom)
    page = client.get(detail).content.decode()
    assert "Skriv aldri helseopplysninger eller hva som står i en politiattest." in page
    assert f'action="{notes}"' in page
    response = client.post(notes, {"text": "  Ringte 3. mars.\nVil gjerne gå tur på tirsdager.  "})
    assert response.url == f"{detail}#notes"
    note = VolunteerNote.objects.get()
    assert (note.volunteer, note.written_by) == (astrid, coordinator_lom)
    assert note.text == "Ringte 3. mars.\nVil gjerne gå tur på tirsdager."
    page = client.get(detail).content.decode()
    assert "Ringte 3. mars.<br>Vil gjerne gå tur på tirsdager." in page
    assert "Ingrid Bakken" in page
    event = AuditEvent.objects.get(verb="created")
    assert (event.actor, event.object_type, event.object_id) == (
        coordinator_lom, "volunteers.volunteernote", str(note.pk),
    )  # fmt: skip
    assert "Ringte" not in event.message + str(
        event.params
    )  # the log names the data, never its content


def test_notes_are_shown_newest_first(client_of, volunteer_contact_lom, astrid):
    link_to_contacts_unit(astrid, volunteer_contact_lom)  # a contact sees their units' volunteers
    now = timezone.now()
    for days, text in [(3, "Eldst"), (1, "Nyest"), (2, "Midt imellom")]:
        VolunteerNote.objects.create(
            volunteer=astrid, text=text, written_at=now - timedelta(days=days)
        )
    response = client_of(volunteer_contact_lom).get(_urls(astrid)[0])
    assert [n.text for n in response.context["notes"]] == ["Nyest", "Midt imellom", "Eldst"]
    assert "en som ikke lenger er i Samspill" in response.content.decode()  # no author left


def test_a_volunteer_contact_may_write_notes_too(client_of, volunteer_contact_lom, astrid):
    link_to_contacts_unit(astrid, volunteer_contact_lom)
    client_of(volunteer_contact_lom).post(_urls(astrid)[1], {"text": "Møtte på dagsenteret."})
    assert VolunteerNote.objects.get().written_by == volunteer_contact_lom


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "Skriv notatet først."),
        ("   ", "Skriv notatet først."),
        ("x" * 2001, "Et notat kan ha høyst 2000 tegn; dette har 2001."),
    ],
)
def test_an_empty_or_too_long_note_is_explained_and_not_saved(
    client_of, coordinator_lom, astrid, text, message
):
    response = client_of(coordinator_lom).post(_urls(astrid)[1], {"text": text})
    assert response.status_code == 200
    assert response.context["form"].errors["text"] == [message]
    assert message in response.content.decode()
    assert not VolunteerNote.objects.exists()
    assert not AuditEvent.objects.filter(verb="created").exists()


def test_a_note_of_exactly_2000_characters_is_saved(client_of, coordinator_lom, astrid):
    client_of(coordinator_lom).post(_urls(astrid)[1], {"text": "x" * 2000})
    assert len(VolunteerNote.objects.get().text) == 2000


def test_others_cannot_read_or_write_notes(
    client_of, coordinator_drammen, volunteer, officer, astrid
):
    VolunteerNote.objects.create(volunteer=astrid, text="Hemmelig")
    detail, notes = _urls(astrid)
    for person in (coordinator_drammen, volunteer, officer):
        client = client_of(person)
        assert client.get(detail).status_code == 404
        assert client.post(notes, {"text": "Fra feil sted"}).status_code == 404
    # Not through another municipality's address either.
    drammen_notes = _urls(astrid, number="3301")[1]
    assert client_of(coordinator_drammen).post(drammen_notes, {"text": "x"}).status_code == 404
    assert list(VolunteerNote.objects.values_list("text", flat=True)) == ["Hemmelig"]


def test_notes_cannot_be_opened_with_get(client_of, coordinator_lom, astrid):
    assert client_of(coordinator_lom).get(_urls(astrid)[1]).status_code == 405


def test_the_detail_page_shows_the_50_newest_notes_in_a_fixed_number_of_queries(
    client_of, coordinator_lom, astrid, django_assert_max_num_queries
):
    writers = UserFactory.create_batch(3)
    now = timezone.now()
    VolunteerNote.objects.bulk_create(
        VolunteerNote(
            volunteer=astrid,
            municipality_id="3434",
            text=f"Notat {n}",
            written_by=writers[n % 3],
            written_at=now - timedelta(minutes=n),
        )
        for n in range(60)
    )
    client = client_of(coordinator_lom)
    client.get(_urls(astrid)[0])  # warm the session and permission caches
    with django_assert_max_num_queries(25):
        response = client.get(_urls(astrid)[0])
    assert len(response.context["notes"]) == 50
    assert response.context["notes"][0].text == "Notat 0"
    assert "Bare de 50 nyeste notatene vises." in response.content.decode()


def test_markup_in_a_note_is_shown_only_as_text(client_of, coordinator_lom, astrid):
    detail, notes = _urls(astrid)
    client = client_of(coordinator_lom)
    client.post(notes, {"text": "<script>alert(1)</script>"})
    page = client.get(detail).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_the_volunteer_finds_the_notes_about_them_in_their_data_download(
    client_of, coordinator_lom, volunteer
):
    own = VolunteerFactory(user=volunteer)
    VolunteerNote.objects.create(volunteer=own, text="Ringte 3. mars.", written_by=coordinator_lom)
    data = client_of(volunteer).get(reverse("coordination:my_data_download")).json()
    notes = data["volunteer"][0]["notes_about_you"]
    assert [note["text"] for note in notes] == ["Ringte 3. mars."]
    assert "Ingrid Bakken" not in str(notes)
