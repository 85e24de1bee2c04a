"""The case dossier: a ZIP with the application as PDF, the attachments under safe names, the
reviews with the impartiality declarations, the decision and its letter, the appeal, the
reports and the case events — opened and read back."""

import csv
import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from pypdf import PdfReader

from coordination.kernel import files
from coordination.kernel.models import GeneratedFile
from grants.applications.models import Answer, ApplicationEvent
from grants.decisions.models import Appeal
from grants.reports.services import request_case_dossier, save_report, submit_report
from grants.review.models import Score
from tests.factories import PartnerOrganisationFactory, UserFactory
from tests.grants.factories import (
    ApplicationPartnerFactory,
    AttachmentFactory,
    CriterionFactory,
    QuestionFactory,
    ReportFactory,
    ReviewAssignmentFactory,
    store_score,
)
from tests.grants.reports.conftest import complete

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(grant, officer, applicant, lom):
    """The granted application with everything a case can hold."""
    ApplicationPartnerFactory(
        application=grant,
        municipality=None,
        organisation=PartnerOrganisationFactory(name="Lom pensjonistlag"),
        contribution="Stiller med turleiarar.",
        confirmed_at=timezone.now(),
    )
    question = QuestionFactory(round=grant.round, text="Korleis når de dei som sit mest åleine?")
    Answer.objects.create(application=grant, question=question, text="Heimetenesta spør dei.")
    AttachmentFactory(application=grant, original_name="Plan for 2027.pdf")
    AttachmentFactory(application=grant, original_name="../../etc/passwd", title="Lure")
    criterion = CriterionFactory(round=grant.round, name="Partnarskap", weight=2)
    scored = ReviewAssignmentFactory(
        application=grant, reviewer=UserFactory(full_name="Olav Moen"), impartial=True,
        declared_at=timezone.now(), recommendation="grant", comment="Godt forankra.",
        submitted_at=timezone.now(),
    )  # fmt: skip
    Score.objects.create(assignment=scored, criterion=criterion, value=4, comment="Sterkt lag.")
    store_score(scored)
    ReviewAssignmentFactory(
        application=grant, reviewer=UserFactory(full_name="Kari Inhabil"), impartial=False,
        conflict="Styremedlem i laget", declared_at=timezone.now(),
    )  # fmt: skip
    decision = grant.decisions.get()
    letter = GeneratedFile.objects.create(
        municipality=lom, requested_by=officer, action="run_grants", title="Vedtaksbrev"
    )
    files.finish(letter, extension="pdf", content=b"%PDF-1.4 the letter", rows=1)
    decision.letter = letter
    decision.save()
    Appeal.objects.create(
        grant_maker=grant.grant_maker, application=grant, decision=decision,
        reason="Vi ba om meir til skyss.", lodged_by=applicant,
        handling=Appeal.Handling.UPHELD, handled_at=timezone.now(),
    )  # fmt: skip
    report = ReportFactory(application=grant)
    save_report(by=applicant, report=report, **complete())
    submit_report(by=applicant, report=report)
    ApplicationEvent.objects.create(
        application=grant, actor=officer, actor_name=officer.full_name, transition="grant",
        from_status="ready_for_decision", to_status="granted", note="=cmd|' /C calc'!A0",
    )  # fmt: skip
    officer.preferred_language = "en"
    officer.save(update_fields=["preferred_language"])
    return grant


def _dossier(officer, application, capture) -> zipfile.ZipFile:
    with capture(execute=True):
        record = request_case_dossier(by=officer, application=application)
    record.refresh_from_db()
    assert record.status == GeneratedFile.Status.DONE
    assert record.parameters == {
        "grant_maker": application.grant_maker_id, "application": application.pk,
    }  # fmt: skip
    return zipfile.ZipFile(io.BytesIO(record.file.read()))


def _csv(archive: zipfile.ZipFile, name: str) -> list[list[str]]:
    text = archive.read(name).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_the_dossier_holds_the_whole_case(officer, case, django_capture_on_commit_callbacks):
    archive = _dossier(officer, case, django_capture_on_commit_callbacks)
    year = timezone.localdate().year
    assert sorted(archive.namelist()) == sorted(
        [
            "application.pdf",
            "appeals/01 appeal.txt",
            "attachments/01 Plan for 2027.pdf",
            "attachments/02 passwd",
            "case events.csv",
            "decisions/01 decision letter.pdf",
            "decisions/01 decision.txt",
            f"reports/{year} Final report.txt",
            "reviews.csv",
        ]
    )
    assert archive.read("attachments/01 Plan for 2027.pdf").startswith(b"%PDF-1.4")
    assert archive.read("decisions/01 decision letter.pdf") == b"%PDF-1.4 the letter"
    decision = archive.read("decisions/01 decision.txt").decode()
    assert "Amount granted (NOK, all years): 200000" in decision
    assert "Søknaden oppfyller kriteriene godt." in decision
    assert "Vi ba om meir til skyss." in archive.read("appeals/01 appeal.txt").decode()
    report = archive.read(next(n for n in archive.namelist() if n.startswith("reports/")))
    assert "Frivilligsentralen held fram med turane." in report.decode()


def test_the_application_pdf_says_what_the_applicant_wrote(
    officer, case, django_capture_on_commit_callbacks
):
    archive = _dossier(officer, case, django_capture_on_commit_callbacks)
    pdf = PdfReader(io.BytesIO(archive.read("application.pdf")))
    text = " ".join(page.extract_text() for page in pdf.pages)
    text = " ".join(text.split())
    for expected in (
        "Application 2027-0002".replace("2027", case.round.name),
        "Turgruppe med følge",
        "Vi vil samle eldre i grendene hver fredag",
        "Lom pensjonistlag",
        "Stiller med turleiarar.",
        "Heimetenesta spør dei.",
        "Skyss",
        "150000",
        "Plan for 2027.pdf",
    ):
        assert expected in text, expected
    assert pdf.metadata.title.startswith("Application")


def test_the_reviews_show_each_declaration_and_score(
    officer, case, django_capture_on_commit_callbacks
):
    rows = _csv(_dossier(officer, case, django_capture_on_commit_callbacks), "reviews.csv")
    assert rows[0][:4] == ["Reviewer", "Impartial", "The tie to the application", "Declared"]
    by_reviewer = {(row[0], row[4]): row for row in rows[1:]}
    assert by_reviewer[("Olav Moen", "Overall")][7:9] == ["Godt forankra.", "Grant"]
    assert by_reviewer[("Olav Moen", "Partnarskap")][5:8] == ["2", "4", "Sterkt lag."]
    assert by_reviewer[("Kari Inhabil", "Overall")][1:3] == ["No", "Styremedlem i laget"]


def test_the_case_events_are_listed_and_never_formulas(
    officer, case, django_capture_on_commit_callbacks
):
    rows = _csv(_dossier(officer, case, django_capture_on_commit_callbacks), "case events.csv")
    assert rows[0] == ["When", "Who", "Step", "From", "To", "Note"]
    assert rows[1][1:] == [
        "Sigrid Lien", "grant", "Ready for decision", "Granted", "'=cmd|' /C calc'!A0",
    ]  # fmt: skip


def test_only_an_officer_who_may_handle_it_asks_for_the_dossier(reviewer, applicant, case):
    for person in (reviewer, applicant):
        with pytest.raises(PermissionDenied):
            request_case_dossier(by=person, application=case)


def test_the_dossier_page_starts_the_job_and_the_officer_downloads_it(
    officer, case, client_of, django_capture_on_commit_callbacks
):
    client = client_of(officer, language="en")
    url = f"/grants/makers/{case.grant_maker_id}/applications/{case.pk}/dossier/"
    assert "the attachments, under their own names" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    record = GeneratedFile.objects.get(requested_by=officer, municipality=None)
    download = f"/grants/makers/{case.grant_maker_id}/exports/{record.pk}/"
    assert download in client.get(url).content.decode()
    response = client.get(download)
    assert response.status_code == 200
    assert zipfile.is_zipfile(io.BytesIO(b"".join(response.streaming_content)))
