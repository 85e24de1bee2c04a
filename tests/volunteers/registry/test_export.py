import csv
import io
from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from coordination.kernel import retention
from coordination.models import AuditEvent, GeneratedFile
from tests.factories import UserFactory
from volunteers.models import Volunteer, VolunteerInterest
from volunteers.registry.tasks import export_volunteers

pytestmark = pytest.mark.django_db


@pytest.fixture
def lom_volunteers(lom):
    people = [
        ("Nils Brimi", "Bøverdalen", ["transport"], True),
        ("Astrid Rustad", "Lom sentrum", ["visiting_friend"], False),
        ('=HYPERLINK("http://evil.example")', "-Garmo", ["walks"], True),
    ]
    for name, area, interests, drives in people:
        volunteer = Volunteer.objects.create(
            user=UserFactory(full_name=name), municipality=lom, area=area, can_drive=drives
        )
        for interest in interests:
            VolunteerInterest.objects.create(volunteer=volunteer, interest=interest)


def _export(client, **filters):
    return client.post(reverse("volunteers:registry_export", args=["3434"]), filters)


def _rows(record) -> list[list[str]]:
    with record.file.open("rb") as handle:
        text = handle.read().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_export_makes_a_filtered_csv_only_the_asker_downloads(
    client_of, coordinator_lom, lom_volunteers, django_capture_on_commit_callbacks
):
    client = client_of(coordinator_lom)
    with django_capture_on_commit_callbacks(execute=True):
        response = _export(client, can_drive="on", sort="name")
    assert response.url == reverse("coordination:file_list", args=["3434"])
    record = GeneratedFile.objects.get()
    assert (record.status, record.rows, record.requested_by) == ("done", 2, coordinator_lom)
    rows = _rows(record)
    assert rows[0][:3] == ["Navn", "E-post", "Telefon"]
    assert [r[0] for r in rows[1:]] == ['\'=HYPERLINK("http://evil.example")', "Nils Brimi"]
    assert rows[1][3] == "'-Garmo"  # never a formula in a spreadsheet
    download = client.get(reverse("coordination:file_download", args=["3434", record.pk]))
    assert download["Content-Type"] == "text/csv"
    assert download["Content-Disposition"].startswith("attachment;")
    verbs = list(AuditEvent.objects.order_by("pk").values_list("verb", flat=True))
    assert verbs == ["exported", "exported"]  # made, then downloaded


def test_nobody_else_downloads_it_not_even_a_colleague(
    client_of, coordinator_lom, lom_volunteers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _export(client_of(coordinator_lom))
    record = GeneratedFile.objects.get()
    colleague = UserFactory()
    from coordination.models import Membership

    Membership.objects.create(user=colleague, municipality_id="3434", role="coordinator")
    url = reverse("coordination:file_download", args=["3434", record.pk])
    assert client_of(colleague).get(url).status_code == 404


def test_a_coordinator_who_lost_the_role_cannot_download(
    client_of, coordinator_lom, lom_volunteers, django_capture_on_commit_callbacks
):
    client = client_of(coordinator_lom)
    with django_capture_on_commit_callbacks(execute=True):
        _export(client)
    record = GeneratedFile.objects.get()
    from coordination.models import Membership

    Membership.objects.filter(user=coordinator_lom).update(role="volunteer_contact")
    url = reverse("coordination:file_download", args=["3434", record.pk])
    assert client_of(coordinator_lom).get(url).status_code == 404


def test_volunteer_contacts_cannot_export(client_of, volunteer_contact_lom, lom_volunteers):
    assert _export(client_of(volunteer_contact_lom)).status_code == 404
    assert not GeneratedFile.objects.exists()


def test_a_forged_export_job_is_refused(coordinator_lom, coordinator_drammen, lom_volunteers):
    record = GeneratedFile.objects.create(
        municipality_id="3434", requested_by=coordinator_lom, action="export_volunteers", title="x"
    )
    with pytest.raises(PermissionDenied):
        export_volunteers.delay(
            requested_by=coordinator_drammen.pk, municipality="3434", generated_file=record.pk
        )
    record.refresh_from_db()
    assert (record.status, bool(record.file)) == ("pending", False)


def test_exports_are_deleted_with_their_file_after_a_week(
    client_of, coordinator_lom, lom_volunteers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _export(client_of(coordinator_lom))
    record = GeneratedFile.objects.get()
    storage, name = record.file.storage, record.file.name
    assert storage.exists(name)
    with time_machine.travel(timezone.now() + timedelta(days=6)):
        retention.apply_rules()
    assert GeneratedFile.objects.exists()
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        retention.apply_rules()
    assert not GeneratedFile.objects.exists()
    assert not storage.exists(name)


# --- Excel -------------------------------------------------------------------------------


def _sheet(record):
    with record.file.open("rb") as handle:
        workbook = load_workbook(io.BytesIO(handle.read()))
    return workbook.worksheets[0]


def test_the_coordinator_can_choose_excel_and_reads_it_back_as_cells(
    client_of, coordinator_lom, lom_volunteers, django_capture_on_commit_callbacks
):
    Volunteer.objects.filter(user__full_name="Nils Brimi").update(active_since=date(2024, 3, 1))
    client = client_of(coordinator_lom)
    registry = client.get(reverse("volunteers:registry", args=["3434"])).content.decode()
    assert 'name="format" id="export-format-xlsx" value="xlsx"' in registry
    with django_capture_on_commit_callbacks(execute=True):
        _export(client, can_drive="on", format="xlsx")
    record = GeneratedFile.objects.get()
    assert (record.status, record.rows, record.file.name.endswith(".xlsx")) == ("done", 2, True)
    sheet = _sheet(record)
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == [
        "Navn", "E-post", "Telefon", "Område", "Vil gjøre", "hverdager på dagtid", "kvelder",
        "helger", "Kan kjøre", "Frivillig siden", "Taushetserklæring",
    ]  # fmt: skip
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"  # the header stays in view
    assert sheet.column_dimensions["A"].width == 28 and sheet.column_dimensions["E"].width == 40
    assert [r[0] for r in rows[1:]] == ['\'=HYPERLINK("http://evil.example")', "Nils Brimi"]
    evil = sheet["A2"]
    assert evil.data_type == "s"  # text, never a formula
    assert sheet["D2"].value == "'-Garmo"
    assert rows[2][3:5] == ["Bøverdalen", "Skyss og følge"]
    assert rows[2][8] == "Ja"
    assert sheet["J3"].value == datetime(2024, 3, 1)  # a real date Excel can sort  # noqa: DTZ001
    assert sheet["J3"].number_format == "DD.MM.YYYY"
    download = client.get(reverse("coordination:file_download", args=["3434", record.pk]))
    assert download["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert AuditEvent.objects.filter(
        code="volunteers.exported", params={"count": 2, "format": "Excel"}
    ).exists()


def test_the_excel_header_is_in_the_language_of_the_person_who_asked(
    client_of, coordinator_lom, lom_volunteers, django_capture_on_commit_callbacks
):
    coordinator_lom.preferred_language = "en"
    coordinator_lom.save()
    with django_capture_on_commit_callbacks(execute=True):
        _export(client_of(coordinator_lom), format="xlsx")
    sheet = _sheet(GeneratedFile.objects.get())
    assert [cell.value for cell in sheet[1]][:3] == ["Name", "Email", "Phone"]
    assert sheet.title == "Volunteers"


def test_control_characters_do_not_break_the_workbook(
    client_of, coordinator_lom, lom, django_capture_on_commit_callbacks
):
    Volunteer.objects.create(user=UserFactory(full_name="Per\x01 Vole"), municipality=lom)
    with django_capture_on_commit_callbacks(execute=True):
        _export(client_of(coordinator_lom), format="xlsx")
    assert _sheet(GeneratedFile.objects.get())["A2"].value == "Per Vole"


def test_an_unknown_format_gives_the_csv(
    client_of, coordinator_lom, lom_volunteers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _export(client_of(coordinator_lom), format="exe")
    record = GeneratedFile.objects.get()
    assert record.file.name.endswith(".csv")
    assert _rows(record)[0][0] == "Navn"


def test_a_large_excel_export_makes_a_fixed_number_of_queries(
    client_of,
    coordinator_lom,
    lom,
    django_capture_on_commit_callbacks,
    django_assert_max_num_queries,
):
    users = UserFactory.create_batch(120)
    for user in users:
        volunteer = Volunteer.objects.create(user=user, municipality=lom)
        VolunteerInterest.objects.create(volunteer=volunteer, interest="walks")
    client = client_of(coordinator_lom)
    with django_assert_max_num_queries(25), django_capture_on_commit_callbacks(execute=True):
        _export(client, format="xlsx")
    assert GeneratedFile.objects.get().rows == 120


def test_anonymised_volunteers_are_exported_without_a_name(
    client_of, coordinator_lom, lom_volunteers, django_capture_on_commit_callbacks
):
    from volunteers.leaving.services import anonymise_volunteer

    anonymise_volunteer(volunteer=Volunteer.objects.get(user__full_name="Nils Brimi"))
    with django_capture_on_commit_callbacks(execute=True):
        _export(client_of(coordinator_lom), status="all", sort="name")
    rows = _rows(GeneratedFile.objects.get())
    assert "Nils Brimi" not in str(rows)
    assert ["Anonymisert frivillig", "", "", ""] in [r[:4] for r in rows]
