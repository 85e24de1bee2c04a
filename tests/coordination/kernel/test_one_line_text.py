"""Issue 10, security (low): a line break in a name or an area (possible anonymously through the
public help form) made the mail library refuse every email whose subject names it; and subjects
came out HTML-escaped («O&#x27;Brien»). One-line fields are cleaned on input, and subjects are
rendered as plain text on one line."""

import pytest
from django.core import mail
from django.urls import reverse

from coordination.kernel.text import one_line, render_subject
from tests.factories import InvitationFactory, UserFactory, VolunteerFactory
from tests.volunteers.needs.test_public import FORM, HELP
from volunteers.models import InvitationStatus, Need
from volunteers.needs.tasks import notify_invitation_answered, send_invitation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "value, expected",
    [
        ("Lom\r\nsentrum", "Lom sentrum"),
        ("Lom\nsentrum\n", "Lom sentrum"),
        ("Lom\tsentrum\x0b\x1b", "Lom sentrum"),
        ("Lom\u2028sentrum", "Lom sentrum"),
        ("  Bøverdalen  ", "Bøverdalen"),
        ("O'Brien & «Lom»", "O'Brien & «Lom»"),
        ("", ""),
    ],
)
def test_one_line_turns_breaks_and_control_characters_into_spaces(value, expected):
    assert one_line(value) == expected


def test_a_line_break_from_the_help_form_no_longer_stops_the_invitation_email(
    client, coordinator_lom, django_capture_on_commit_callbacks
):
    data = {**FORM, "area": "Lom\r\nsentrum", "person_name": "Olga\nHaugen", "address": "A\rB"}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(HELP, data).status_code == 302
    need = Need.objects.get()
    assert (need.area, need.person_name, need.address) == ("Lom sentrum", "Olga Haugen", "A B")
    assert len(mail.outbox) == 1  # the coordinator is told
    invitation = InvitationFactory(need=need, volunteer=VolunteerFactory())
    send_invitation(requested_by=coordinator_lom.pk, municipality="3434", invitation=invitation.pk)
    assert len(mail.outbox) == 2
    assert "Lom sentrum" in mail.outbox[-1].subject
    assert "\n" not in mail.outbox[-1].subject


def test_a_line_break_in_a_name_is_cleaned_on_sign_up(client):
    client.post(
        reverse("account_signup"),
        {
            "full_name": "Siobhan\r\nO'Brien",
            "email": "siobhan@samspill.example",
            "password1": "Fjellvann-2026!",
            "password2": "Fjellvann-2026!",
        },
    )
    from coordination.models import User

    assert User.objects.get(email="siobhan@samspill.example").full_name == "Siobhan O'Brien"


def test_a_line_break_in_the_volunteer_area_is_cleaned(client_of, lom):
    volunteer = VolunteerFactory()
    data = {
        "area": "Bøverdalen\nog Lom",
        "interests": ["walks"],
        "languages": "norsk",
        "frequency": "weekly",
        "contact_by": "email",
    }
    assert client_of(volunteer.user).post(reverse("volunteers:profile_edit"), data).status_code
    volunteer.refresh_from_db()
    assert volunteer.area == "Bøverdalen og Lom"


def test_email_subjects_are_plain_text_not_html(coordinator_lom):
    volunteer = VolunteerFactory(user=UserFactory(full_name="Siobhan O'Brien"))
    invitation = InvitationFactory(volunteer=volunteer, status=InvitationStatus.ACCEPTED)
    notify_invitation_answered(invitation=invitation.pk)
    [sent] = mail.outbox
    assert "O'Brien" in sent.subject
    assert "&#x27;" not in sent.subject and "&#39;" not in sent.subject


def test_render_subject_keeps_one_line_and_does_not_escape():
    need = Need(area="O'Brien\n& sønner", kind="walks")
    subject = render_subject("volunteers/email/invitation_subject.txt", {"need": need})
    assert "O'Brien & sønner" in subject
    assert "\n" not in subject


def test_a_line_break_in_an_imported_name_or_area_is_cleaned(client_of, coordinator_lom):
    from tests.volunteers.importing.test_import import csv_file, upload

    row = ["Åse\nHansen", "ase@lom.example", "", "Lom\r\nsentrum", "", "", "", "", "", ""]
    preview = upload(client_of(coordinator_lom), csv_file([row])).context["preview"]
    assert preview.valid
    [checked] = preview.rows
    assert (checked.values["name"], checked.values["area"]) == ("Åse Hansen", "Lom sentrum")
