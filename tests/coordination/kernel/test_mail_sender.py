"""The portal's emails come from Samspill, signed by the municipality's coordinator, with
replies going to them; no name can add a header (issue 13)."""

import pytest
from django.core import mail

from coordination.kernel.contact import reply_to_header
from coordination.kernel.mail import send_email
from coordination.kernel.services import update_public_contact
from tests.factories import UserFactory, municipality

pytestmark = pytest.mark.django_db


def _send(to, where="3434"):
    send_email(
        to=to,
        template="coordination/routines/email/review_reminder",
        context={"routines": [], "url": "https://example.test/"},
        municipality=where,
    )
    return mail.outbox[-1]


def test_email_is_signed_by_the_coordinator_and_replies_go_to_them(coordinator_lom, volunteer):
    volunteer.preferred_language = "en"
    volunteer.save()
    message = _send(volunteer)
    assert message.from_email == "Samspill <ikke-svar@samspill.no>"
    assert message.reply_to == [f"Ingrid Bakken <{coordinator_lom.email}>"]
    assert "Ingrid Bakken\nVolunteer coordinator, Lom\nSent with Samspill" in message.body


def test_the_public_email_and_the_chosen_coordinator_sign(coordinator_lom, volunteer):
    other = UserFactory(full_name="Per Holen")
    from tests.factories import MembershipFactory

    MembershipFactory(user=other, municipality=municipality("3434"), role="coordinator")
    update_public_contact(
        municipality=municipality("3434"),
        by=coordinator_lom,
        coordinator=other,
        email="frivillig@lom.kommune.no",
    )
    volunteer.preferred_language = "en"
    volunteer.save()
    message = _send(volunteer)
    assert message.reply_to == ["Per Holen <frivillig@lom.kommune.no>"]
    assert "Per Holen\nVolunteer coordinator, Lom" in message.body


def test_without_a_coordinator_the_email_is_signed_samspill(volunteer):
    volunteer.preferred_language = "en"
    volunteer.save()
    message = _send(volunteer, where="3301")
    assert message.reply_to == []
    assert message.body.rstrip().endswith("Best regards,\nSamspill")


def test_a_name_with_line_breaks_adds_no_header(coordinator_lom, volunteer):
    coordinator_lom.full_name = "Ingrid\r\nBcc: victim@example.test\nX-Evil: 1"
    coordinator_lom.save()
    message = _send(volunteer)
    raw = message.message().as_string()
    header_names = [line.split(":", 1)[0].lower() for line in raw.split("\n\n", 1)[0].splitlines()]
    assert "bcc" not in header_names
    assert "x-evil" not in header_names
    assert message.recipients() == [volunteer.email]
    (reply_to,) = message.reply_to
    assert "\n" not in reply_to and "\r" not in reply_to
    assert reply_to.endswith(f"<{coordinator_lom.email}>")


def test_reply_to_header_quotes_what_could_be_read_as_addresses():
    header = reply_to_header('Eve, "x" <evil@example.test>', "ingrid@lom.kommune.no")
    assert header.endswith("<ingrid@lom.kommune.no>")
    assert header.startswith('"')  # the whole name is one quoted display name
    assert reply_to_header("Ingrid", "bad address\n@x") == ""
