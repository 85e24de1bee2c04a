"""A round's export: made by a job for the officer who asked, read back as CSV (semicolons,
UTF-8 with a byte order mark) and as Excel; text that looks like a formula stays text."""

import csv
import io

import pytest
from django.core.exceptions import PermissionDenied
from openpyxl import load_workbook

from coordination.kernel.models import GeneratedFile
from grants.reports.services import request_round_export
from grants.review.models import Score
from tests.factories import GrantMakerRoleFactory, PartnerOrganisationFactory, municipality
from tests.grants.factories import (
    ApplicationFactory,
    BudgetLineFactory,
    CriterionFactory,
    DecisionFactory,
    ReviewAssignmentFactory,
    RoundFactory,
    oslo,
    store_score,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def round_(officer):
    """Two applications in a round (and a draft, not exported): one from an organisation in
    Lom whose title starts like a formula, one from Drammen municipality, granted and scored."""
    round_ = RoundFactory(name="2027")
    partner = PartnerOrganisationFactory(name="@Lom pensjonistlag", organisation_number="974760673")
    lom = ApplicationFactory(
        round=round_, organisation=partner, number=1, status="in_review",
        title='=HYPERLINK("http://evil.example","Klikk")',
        submitted_at=oslo(2027, 1, 15, 23, 30), proposed_amount=80_000,
    )  # fmt: skip
    BudgetLineFactory(application=lom, amount=100_000)
    BudgetLineFactory(application=lom, amount=50_000, source="own")
    drammen = ApplicationFactory(
        round=round_, organisation=None, municipality=municipality("3301"), number=2,
        status="granted", title="Seniorkafé", submitted_at=oslo(2027, 7, 1, 9, 5),
    )  # fmt: skip
    BudgetLineFactory(application=drammen, amount=300_000)
    DecisionFactory(application=drammen, amount=250_000, made_by=officer)
    ApplicationFactory(round=round_, title="Utkast")  # a draft: not exported
    weighty = CriterionFactory(round=round_, weight=2)
    light = CriterionFactory(round=round_, weight=1)
    for values, submitted in (((4, 1), True), ((5, None), True), ((0, 0), False)):
        assignment = ReviewAssignmentFactory(
            application=drammen,
            impartial=True,
            submitted_at=oslo(2027, 8, 1) if submitted else None,
        )
        for criterion, value in zip((weighty, light), values, strict=True):
            Score.objects.create(assignment=assignment, criterion=criterion, value=value)
        if submitted:
            store_score(assignment)
    return round_


def _export(officer, round_, format, capture):
    """The file as the officer asked for it (in English: the file is in their language)."""
    officer.preferred_language = "en"
    officer.save(update_fields=["preferred_language"])
    with capture(execute=True):
        record = request_round_export(by=officer, round=round_, format=format)
    record.refresh_from_db()
    assert (record.status, record.municipality_id) == (GeneratedFile.Status.DONE, None)
    assert record.parameters["grant_maker"] == round_.grant_maker_id
    return record


def test_the_csv_holds_every_submitted_application(
    officer, round_, django_capture_on_commit_callbacks
):
    record = _export(officer, round_, "csv", django_capture_on_commit_callbacks)
    content = record.file.read()
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "Reference", "Project", "Applicant", "Organisation number", "Municipality", "County",
        "Size class", "Status", "Requested (NOK)", "Proposed (NOK)", "Decided amount (NOK)",
        "Outcome", "Score (0–100)", "Submitted (Norwegian time)",
    ]  # fmt: skip
    assert record.rows == 2 and len(rows) == 3
    lom, drammen = rows[1], rows[2]
    assert lom == [
        "2027-0001", "'=HYPERLINK(\"http://evil.example\",\"Klikk\")", "'@Lom pensjonistlag",
        "974760673", "Lom", lom[5], "small", "In review", "100000", "80000", "", "", "",
        "2027-01-15 23:30",
    ]  # fmt: skip
    assert drammen[:4] == ["2027-0002", "Seniorkafé", drammen[2], ""]
    assert drammen[2].startswith("Drammen")
    assert drammen[6:] == [
        "large", "Granted", "300000", "", "250000", "Granted", "80", "2027-07-01 09:05",
    ]  # fmt: skip


def test_the_excel_file_opens_with_numbers_and_text_that_never_runs(
    officer, round_, django_capture_on_commit_callbacks
):
    record = _export(officer, round_, "xlsx", django_capture_on_commit_callbacks)
    assert record.file.name.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(record.file.read())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Reference" and len(rows) == 3
    assert rows[1][1] == '\'=HYPERLINK("http://evil.example","Klikk")'
    assert sheet.cell(row=2, column=2).data_type == "s"
    assert rows[1][8] == 100_000  # a number Excel can add up
    assert rows[2][12] == 80


def test_only_an_officer_asks_for_the_export(reviewer, applicant, round_):
    for person in (reviewer, applicant):
        with pytest.raises(PermissionDenied):
            request_round_export(by=person, round=round_, format="csv")


def test_only_the_officer_who_asked_downloads_the_file(
    officer, round_, client_of, django_capture_on_commit_callbacks
):
    record = _export(officer, round_, "csv", django_capture_on_commit_callbacks)
    url = f"/grants/makers/{round_.grant_maker_id}/exports/{record.pk}/"
    response = client_of(officer).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\xef\xbb\xbf")
    assert "attachment" in response["Content-Disposition"]
    colleague = GrantMakerRoleFactory(grant_maker=round_.grant_maker).user
    assert client_of(colleague).get(url).status_code == 404


def test_the_export_page_starts_the_job_and_lists_the_file(
    officer, round_, client_of, django_capture_on_commit_callbacks
):
    client = client_of(officer, language="en")
    url = f"/grants/makers/{round_.grant_maker_id}/rounds/{round_.pk}/export/"
    assert "CSV (opens in Excel and other programs)" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"format": "xlsx"}).status_code == 302
    record = GeneratedFile.objects.get(requested_by=officer)
    assert record.parameters == {
        "grant_maker": round_.grant_maker_id, "round": round_.pk, "format": "xlsx",
    }  # fmt: skip
    assert f"/exports/{record.pk}/" in client.get(url).content.decode()
