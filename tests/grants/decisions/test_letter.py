"""The decision letter: made in a worker after the decision commits, stored as the decision's
file, in the applicant municipality's written standard (Lom nynorsk, Drammen bokmål), and read
back with pypdf; the applicant is told by email; who may download it."""

import io

import pytest
from django.urls import reverse
from django.utils import formats, translation
from pypdf import PdfReader

from coordination.models import GeneratedFile
from grants.decisions import services
from grants.decisions.models import Outcome
from tests.factories import municipality
from tests.grants.decisions.conftest import NEXT, ready_application

pytestmark = pytest.mark.django_db


def pdf_text(decision) -> str:
    decision.refresh_from_db()
    record = decision.letter
    assert record.status == GeneratedFile.Status.DONE
    with record.file.open("rb") as stored:
        reader = PdfReader(io.BytesIO(stored.read()))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return " ".join(text.replace("\xa0", " ").split())


def decided(officer, application, django_capture_on_commit_callbacks, outcome, amounts):
    with django_capture_on_commit_callbacks(execute=True):
        return services.decide_application(
            by=officer,
            application=application,
            outcome=outcome,
            amounts_by_year=amounts,
            grounds="Tiltaket når dei som sit mest åleine.",
            conditions="Skyss skal vere gratis.",
        )


def test_nynorsk_letter_for_lom_with_amounts_and_appeal_deadline(
    officer, application, applicant, django_capture_on_commit_callbacks, mailoutbox
):
    decision = decided(
        officer,
        application,
        django_capture_on_commit_callbacks,
        Outcome.PARTLY_GRANTED,
        {NEXT: 80_000, NEXT + 1: 120_000},
    )
    text = pdf_text(decision)
    digits = text.replace(" ", "")
    assert "80000" in digits and "120000" in digits and "200000" in digits
    with translation.override("nn"):
        deadline = formats.date_format(decision.appeal_deadline, "j. F Y")
    assert deadline in text
    assert "Venleg helsing" in text and "Skriven ut" in text  # nynorsk, not bokmål
    assert "Vennlig hilsen" not in text
    assert "Sigrid Lien" in text  # the officer signs
    assert "Helsedirektoratet" in text and application.reference in text
    assert "§ 18" in text and "28–29" in text
    assert "Tiltaket når dei som sit mest åleine." in text
    assert "Skyss skal vere gratis." in text
    # The applicant is told, with the link to the letter.
    assert [message.to for message in mailoutbox] == [[applicant.email]]
    assert reverse("grants:decision_letter", args=[decision.pk]) in mailoutbox[0].body


def test_bokmal_letter_for_drammen(officer, organisation, django_capture_on_commit_callbacks):
    application = ready_application(organisation, municipality=municipality("3301"))
    decision = decided(
        officer,
        application,
        django_capture_on_commit_callbacks,
        Outcome.GRANTED,
        {NEXT: 100_000, NEXT + 1: 150_000},
    )
    text = pdf_text(decision)
    assert "250000" in text.replace(" ", "")
    with translation.override("nb"):
        deadline = formats.date_format(decision.appeal_deadline, "j. F Y")
    assert deadline in text
    assert "Vennlig hilsen" in text and "Skrevet ut" in text
    assert "Venleg helsing" not in text


def test_making_the_letter_twice_makes_one_file(officer, application):
    from grants.decisions.tasks import make_decision_letter

    decision = services.decide_application(
        by=officer,
        application=application,
        outcome=Outcome.REJECTED,
        amounts_by_year={},
        grounds="Utanfor målgruppa.",
    )
    make_decision_letter(decision.pk)
    decision.refresh_from_db()
    first = decision.letter
    assert first.status == GeneratedFile.Status.DONE
    make_decision_letter(decision.pk)
    decision.refresh_from_db()
    assert decision.letter == first
    assert GeneratedFile.objects.count() == 1


def test_download_for_the_applicant_and_the_officer_only(
    officer, applicant, coordinator_drammen, reviewer, application, client_of
):
    from grants.decisions.tasks import make_decision_letter

    decision = services.decide_application(
        by=officer,
        application=application,
        outcome=Outcome.REJECTED,
        amounts_by_year={},
        grounds="Utanfor målgruppa.",
    )
    url = reverse("grants:decision_letter", args=[decision.pk])
    pending = client_of(applicant, language="en").get(url)
    assert pending.status_code == 200
    assert b"being made" in pending.content
    make_decision_letter(decision.pk)
    for person in (applicant, officer):
        response = client_of(person).get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
    for person in (coordinator_drammen, reviewer):
        assert client_of(person).get(url).status_code == 404


def test_a_letter_removed_with_old_generated_files_is_made_again(
    officer, applicant, application, client_of
):
    from coordination.kernel.files import delete_with_files

    decision = services.decide_application(
        by=officer,
        application=application,
        outcome=Outcome.REJECTED,
        amounts_by_year={},
        grounds="Utanfor målgruppa.",
    )
    delete_with_files(GeneratedFile.objects.all())  # the retention rule for generated files
    decision.refresh_from_db()
    assert decision.letter is None
    url = reverse("grants:decision_letter", args=[decision.pk])
    assert b"being made" in client_of(applicant, language="en").get(url).content
    decision.refresh_from_db()
    assert decision.letter.status == GeneratedFile.Status.PENDING
    assert decision.letter.requested_by == officer
