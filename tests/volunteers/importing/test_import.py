"""Import of an existing volunteer list: preview with row-level errors, all or nothing."""

import csv
import io
from datetime import date, datetime, timedelta

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.contrib.messages import get_messages
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import Workbook

from coordination.kernel import retention
from coordination.models import AuditEvent, GeneratedFile, Membership, User
from tests.factories import UserFactory, VolunteerFactory
from volunteers.importing import rows as importing
from volunteers.importing.services import IMPORT_TASK
from volunteers.importing.tasks import import_volunteer_list
from volunteers.models import Consent, Signature, Volunteer, VolunteerInterest
from volunteers.profile.services import publish_declaration

pytestmark = pytest.mark.django_db

URL = reverse("volunteers:volunteer_import", args=["3434"])
CONFIRM = reverse("volunteers:volunteer_import_confirm", args=["3434"])
HEADER = ["Navn", "E-post", "Telefon", "Område", "Interesser", "Ferdigheter", "Språk",
          "Kan kjøre", "Bil", "Frivillig siden"]  # fmt: skip
GOOD = [
    ["Åse Ødegård", "ase@lom.example", "912 34 567", "Bøverdalen",
     "Besøksvenn, Turer og friluftsliv", "strikking", "norsk, engelsk", "ja", "x", "01.03.2024"],
    ["Nils Brimi", "NILS@Lom.example", "", "Lom sentrum", "transport", "", "", "nei", "",
     "2025-09-15"],
    ["Kari Vole", "kari@lom.example", "+47 900 11 222", "", "", "", "", "", "", ""],
]  # fmt: skip
DECLARATION = "Jeg lover å ikke fortelle andre det jeg får vite om dem jeg hjelper, heller ikke."


def csv_file(rows, *, header=HEADER, delimiter=";", encoding="utf-8-sig", name="liste.csv"):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows([header, *rows])
    return SimpleUploadedFile(name, buffer.getvalue().encode(encoding), "text/csv")


def xlsx_file(rows, *, header=HEADER, name="liste.xlsx"):
    workbook = Workbook()
    workbook.active.append(header)
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), "application/octet-stream")


def upload(client, file, url=URL):
    return client.post(url, {"file": file})


def confirm(client, record, url=CONFIRM):
    return client.post(url, {"upload": record.pk})


def problems(response) -> list[tuple[int, str, str]]:
    return [
        (row.number, column, message)
        for row in response.context["preview"].rows
        for column, message in row.errors
    ]


def nothing_written():
    return not (
        Volunteer.objects.exists() or VolunteerInterest.objects.exists() or Consent.objects.exists()
    )


def test_a_valid_csv_is_previewed_then_imported_completely(
    client_of, coordinator_lom, django_capture_on_commit_callbacks
):
    client = client_of(coordinator_lom)
    accounts = User.objects.count()
    preview = upload(client, csv_file(GOOD))
    assert preview.status_code == 200
    assert preview.context["preview"].valid
    html = preview.content.decode()
    assert "Åse Ødegård" in html and "Besøksvenn, Turer og friluftsliv" in html
    assert "Importer 3 frivillige" in html
    # Nothing is written before the coordinator confirms.
    assert nothing_written() and User.objects.count() == accounts
    record = GeneratedFile.objects.get(action="import_volunteers")
    assert record.parameters["awaiting_confirmation"] is True
    stored = record.file.name
    assert record.file.storage.exists(stored)
    files_page = client.get(reverse("coordination:file_list", args=["3434"])).content.decode()
    assert "Venter på at du bekrefter" in files_page

    with django_capture_on_commit_callbacks(execute=True):
        started = confirm(client, record)
    assert started.url == reverse("coordination:file_list", args=["3434"])
    message = str(next(iter(get_messages(started.wsgi_request))))
    assert message == "Importen har startet. Resultatet kommer her når den er ferdig."

    ase = Volunteer.objects.select_related("user").get(user__email="ase@lom.example")
    assert (ase.user.full_name, ase.user.phone, ase.area) == (
        "Åse Ødegård",
        "912 34 567",
        "Bøverdalen",
    )
    assert ase.interest_codes == ["visiting_friend", "walks"]
    assert (ase.skills, ase.languages, ase.can_drive, ase.has_car) == (
        "strikking", "norsk, engelsk", True, True,
    )  # fmt: skip
    assert ase.active_since == date(2024, 3, 1)
    assert ase.contact_by == "email"  # a login: email, although the list has a phone
    nils = Volunteer.objects.get(user__email="nils@lom.example")  # lower-cased, as allauth does
    assert (nils.active_since, nils.can_drive, nils.contact_by) == (
        date(2025, 9, 15),
        False,
        "email",
    )
    kari = Volunteer.objects.get(user__email="kari@lom.example")
    assert (kari.languages, kari.active_since, kari.interest_codes) == (
        "norsk", timezone.localdate(), [],
    )  # fmt: skip
    assert kari.sort_name == "kari vole"
    for volunteer in Volunteer.objects.select_related("user"):
        assert volunteer.municipality_id == "3434"
        assert not volunteer.user.has_usable_password()
        address = EmailAddress.objects.get(user=volunteer.user)
        assert (address.email, address.verified, address.primary) == (
            volunteer.user.email, False, True,
        )  # fmt: skip
    assert not Consent.objects.exists() and not Signature.objects.exists()

    event = AuditEvent.objects.get(verb="created")
    with translation.override("en"):
        assert (event.actor, event.municipality_id, event.message) == (
            coordinator_lom, "3434", "3 volunteers imported from a file",
        )  # fmt: skip
    record.refresh_from_db()
    assert (record.status, record.rows, bool(record.file)) == ("done", 3, False)
    assert not record.file.storage.exists(stored)  # the uploaded list is not kept
    files_page = client.get(reverse("coordination:file_list", args=["3434"]))
    assert list(files_page.context["records"]) == [record]
    html = files_page.content.decode()
    assert "Import av frivillig-listen liste.csv" in html and "<td>Klar</td>" in html
    assert reverse("coordination:file_download", args=["3434", record.pk]) not in html
    download = reverse("coordination:file_download", args=["3434", record.pk])
    assert client.get(download).status_code == 404  # nothing to download: the list is gone


@pytest.mark.django_db(transaction=True)
def test_without_a_broker_the_coordinator_sees_how_many_were_imported_at_once(
    client_of, coordinator_lom
):
    client = client_of(coordinator_lom)
    upload(client, csv_file(GOOD))
    done = confirm(client, GeneratedFile.objects.get())
    assert done.url == reverse("volunteers:registry", args=["3434"])
    message = str(next(iter(get_messages(done.wsgi_request))))
    assert message.startswith("3 frivillige ble importert. De logger inn første gang")
    assert Volunteer.objects.count() == 3


def test_broken_rows_are_each_explained_with_row_and_column_and_nothing_is_written(
    client_of, coordinator_lom
):
    rows = [
        GOOD[0],
        ["", "uten-navn@lom.example", "", "", "", "", "", "", "", ""],
        ["Feil E-post", "ikke-en-adresse", "", "", "", "", "", "", "", ""],
        ["Feil Telefon", "tlf@lom.example", "12-34", "", "", "", "", "", "", ""],
        ["Ukjent Interesse", "int@lom.example", "", "", "besøksvenn, sjakk", "", "", "", "", ""],
        ["Feil Dato", "dato@lom.example", "", "", "", "", "", "", "", "31.02.2024"],
        ["Feil Ja", "ja@lom.example", "", "", "", "", "", "kanskje", "", ""],
        ["Fremtid", "frem@lom.example", "", "", "", "", "", "", "", "01.01.2999"],
    ]
    accounts = User.objects.count()
    response = upload(client_of(coordinator_lom), csv_file(rows))
    assert response.status_code == 200
    found = problems(response)
    assert [(row, column) for row, column, _message in found] == [
        (3, "Navn"), (4, "E-post"), (5, "Telefon"), (6, "Interesser"), (7, "Frivillig siden"),
        (8, "Kan kjøre"), (9, "Frivillig siden"),
    ]  # fmt: skip
    messages = {(row, column): message for row, column, message in found}
    assert messages[(3, "Navn")] == "Dette mangler, og det trengs."
    assert messages[(4, "E-post")] == "Dette er ikke en gyldig e-postadresse."
    assert "sjakk" in messages[(6, "Interesser")]
    assert messages[(9, "Frivillig siden")] == "Datoen er fram i tid."
    html = response.content.decode()
    assert "Ingenting er importert. Listen har 7 problemer" in html
    assert "Rad 4, kolonne <strong>E-post</strong>: Dette er ikke en gyldig e-postadresse." in html
    assert "volunteer_import_confirm" not in html and 'name="upload"' not in html
    assert nothing_written() and User.objects.count() == accounts
    assert not GeneratedFile.objects.exists()  # a list with errors is not kept


def test_an_excel_file_is_imported_with_its_dates_numbers_and_yes_no(
    client_of, coordinator_lom, django_capture_on_commit_callbacks
):
    rows = [
        ["Ola Nordmann", "ola@lom.example", 91234567, "Garmo", "Digital hjelp", None, None,
         True, "Ja", datetime(2023, 5, 17)],  # noqa: DTZ001 (an Excel date has no zone)
        ["Kari Nordmann", "kari@lom.example", None, None, "digital_help", None, None, False, None,
         date(2020, 1, 2)],
        [None] * 10,  # Excel keeps empty rows at the end
    ]  # fmt: skip
    client = client_of(coordinator_lom)
    response = upload(client, xlsx_file(rows))
    assert response.context["preview"].valid, problems(response)
    assert [row.number for row in response.context["preview"].rows] == [2, 3]
    with django_capture_on_commit_callbacks(execute=True):
        confirm(client, GeneratedFile.objects.get())
    ola = Volunteer.objects.select_related("user").get(user__email="ola@lom.example")
    assert (ola.user.phone, ola.can_drive, ola.has_car) == ("91234567", True, True)
    assert (ola.active_since, ola.interest_codes) == (date(2023, 5, 17), ["digital_help"])
    assert Volunteer.objects.get(user__email="kari@lom.example").active_since == date(2020, 1, 2)


def test_a_windows_1252_file_separated_by_commas_with_english_headers_is_read(
    client_of, coordinator_lom, django_capture_on_commit_callbacks
):
    header = ["NAME", "Email", "phone", "Area", "interests", "can drive", "Volunteer since",
              "Fødselsdato"]  # fmt: skip
    rows = [
        ["Åse Ødegård", "ase@lom.example", "", "Bøverdalen", "Visiting friend, Digital help",
         "yes", "2024-03-01", "01.01.1950"],
        ["Bjørn Æsø", "bjorn@lom.example", "", "Lom", "walks", "no", "", ""],
    ]  # fmt: skip
    client = client_of(coordinator_lom)
    response = upload(client, csv_file(rows, header=header, delimiter=",", encoding="cp1252"))
    preview = response.context["preview"]
    assert preview.valid, problems(response)
    assert preview.ignored == ["Fødselsdato"]  # shown as not imported, never stored
    assert "Disse kolonnene blir ikke importert: Fødselsdato" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        confirm(client, GeneratedFile.objects.get())
    ase = Volunteer.objects.select_related("user").get(user__email="ase@lom.example")
    assert (ase.user.full_name, ase.area, ase.can_drive) == ("Åse Ødegård", "Bøverdalen", True)
    assert ase.interest_codes == ["digital_help", "visiting_friend"]
    assert Volunteer.objects.get(user__email="bjorn@lom.example").user.full_name == "Bjørn Æsø"


def test_an_email_address_twice_in_the_file_is_an_error_on_the_second_row(
    client_of, coordinator_lom
):
    rows = [GOOD[0], GOOD[1], ["Åse Igjen", "ASE@lom.example", "", "", "", "", "", "", "", ""]]
    response = upload(client_of(coordinator_lom), csv_file(rows))
    assert problems(response) == [
        (4, "E-post", "Samme e-postadresse som rad 2. Hver person bare én gang.")
    ]
    assert nothing_written()


def test_people_who_already_are_volunteers_or_have_an_account_are_errors(
    client_of, coordinator_lom
):
    VolunteerFactory(user=UserFactory(email="her@lom.example"))
    VolunteerFactory(user=UserFactory(email="drammen@lom.example"), municipality_id="3301")
    UserFactory(email="konto@lom.example")
    both = UserFactory(email="begge@lom.example")  # issue 13: helps in Drammen and Lom
    VolunteerFactory(user=both, municipality_id="3301")
    VolunteerFactory(user=both)
    rows = [
        ["Her", "HER@lom.example", "", "", "", "", "", "", "", ""],
        ["Drammen", "drammen@lom.example", "", "", "", "", "", "", "", ""],
        ["Konto", "konto@lom.example", "", "", "", "", "", "", "", ""],
        ["Begge", "begge@lom.example", "", "", "", "", "", "", "", ""],
    ]
    response = upload(client_of(coordinator_lom), csv_file(rows))
    messages = [message for _row, _column, message in problems(response)]
    assert messages == [
        "her@lom.example er allerede frivillig i denne kommunen.",
        # Issue 10: a volunteer in another municipality is told exactly as any account, so
        # the preview never reveals that (or where) someone volunteers elsewhere.
        "drammen@lom.example har allerede en konto i Samspill. Be personen registrere seg som "
        "frivillig selv.",
        "konto@lom.example har allerede en konto i Samspill. Be personen registrere seg som "
        "frivillig selv.",
        "begge@lom.example er allerede frivillig i denne kommunen.",
    ]
    assert not any("annen kommune" in message for message in messages)
    assert Volunteer.objects.count() == 4


def test_a_phone_number_twice_in_the_file_is_an_error_on_the_later_row(client_of, coordinator_lom):
    """The same number written two ways (Åse's mobile, and a landline) is found: each person
    once, as for an email address; the rows without the number are fine."""
    rows = [
        GOOD[0],  # 912 34 567
        ["Olav Sulheim", "", "612 11 222", "", "", "", "", "", "", ""],
        ["Åse Igjen", "", "+47 91234567", "", "", "", "", "", "", ""],
        ["Olav Igjen", "", "0047 61 21 12 22", "", "", "", "", "", "", ""],
        GOOD[1],
    ]
    response = upload(client_of(coordinator_lom, language="en"), csv_file(rows))
    assert problems(response) == [
        (4, "Telefon", "The same phone number as row 2. Each person once."),
        (5, "Telefon", "The same phone number as row 3. Each person once."),
    ]
    # The preview shows the number as written in the file, marked as the cell with a problem.
    html = response.content.decode()
    assert "+47 91234567" in html and "0047 61 21 12 22" in html
    assert nothing_written() and not GeneratedFile.objects.exists()


def test_a_phone_number_an_active_volunteer_has_is_an_error(client_of, coordinator_lom):
    """As registering a volunteer by phone: the same number as a volunteer in this
    municipality (with or without a login) is the same person; other municipalities' and
    stopped volunteers' numbers are not looked at."""
    VolunteerFactory(user=UserFactory(phone="+47 912 34 567"))
    VolunteerFactory(user=None, name="Olav Sulheim", phone="61211222")
    VolunteerFactory(user=UserFactory(phone="900 11 222"), municipality_id="3301")
    VolunteerFactory(user=UserFactory(phone="41 00 00 01"), left_at=timezone.now())
    rows = [
        ["Åse Ødegård", "", "912 34 567", "", "", "", "", "", "", ""],
        ["Olav Sulheim", "", "612 11 222", "", "", "", "", "", "", ""],
        ["Kari Vole", "", "900 11 222", "", "", "", "", "", "", ""],
        ["Tor Lien", "", "410 00 001", "", "", "", "", "", "", ""],
    ]
    response = upload(client_of(coordinator_lom, language="en"), csv_file(rows))
    already = (
        "A volunteer with this phone number is already in the registry. Search for the number "
        "there."
    )
    assert problems(response) == [(2, "Telefon", already), (3, "Telefon", already)]
    assert Volunteer.objects.count() == 4 and not GeneratedFile.objects.exists()


def test_a_list_checked_again_by_the_job_refuses_a_number_registered_meanwhile(
    client_of, coordinator_lom, django_capture_on_commit_callbacks
):
    client = client_of(coordinator_lom)
    upload(client, csv_file([["Olav Sulheim", "", "612 11 222", "", "", "", "", "", "", ""]]))
    record = GeneratedFile.objects.get()
    VolunteerFactory(user=None, name="Olav S.", phone="+4761211222")  # by phone, meanwhile
    with django_capture_on_commit_callbacks(execute=True):
        confirm(client, record)
    record.refresh_from_db()
    assert record.status == GeneratedFile.Status.FAILED
    assert list(Volunteer.objects.values_list("name", flat=True)) == ["Olav S."]


def test_a_file_with_more_than_5000_volunteers_is_refused(client_of, coordinator_lom):
    rows = [[f"Person {n}", f"p{n}@lom.example"] for n in range(importing.MAX_ROWS + 1)]
    response = upload(client_of(coordinator_lom), csv_file(rows, header=["navn", "e-post"]))
    preview = response.context["preview"]
    assert preview.problems == [
        "Filen har mer enn 5\u00a0000 frivillige. Del den opp i filer med høyst 5\u00a0000 rader "
        "og importer dem én etter én."
    ]
    assert nothing_written() and not GeneratedFile.objects.exists()


def test_exactly_5000_volunteers_are_accepted_with_a_fixed_number_of_queries(
    client_of, coordinator_lom, django_assert_max_num_queries
):
    rows = [[f"Person {n}", f"p{n}@lom.example"] for n in range(importing.MAX_ROWS)]
    client = client_of(coordinator_lom)
    with django_assert_max_num_queries(40):
        response = upload(client, csv_file(rows, header=["navn", "e-post"]))
    assert response.context["preview"].valid


@pytest.mark.parametrize(
    "name, content",
    [
        ("liste.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"),
        ("liste.csv", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
        ("liste.csv", b"<html><body>navn;e-post</body></html>"),
        ("liste.xlsx", b"PK\x03\x04 not really a workbook"),
    ],
)
def test_a_file_that_is_not_csv_or_excel_is_refused(client_of, coordinator_lom, name, content):
    response = upload(client_of(coordinator_lom), SimpleUploadedFile(name, content))
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        "Denne filen er ikke en CSV / Excel-fil. Velg en annen fil."
    ]
    assert not GeneratedFile.objects.exists()


def test_a_file_without_the_needed_columns_is_explained(client_of, coordinator_lom):
    response = upload(client_of(coordinator_lom), csv_file([["Åse"]], header=["Fornavn"]))
    first, second = response.context["preview"].problems
    assert first == (
        "Filen har ingen kolonne «navn / name». Den første raden må gi navn til kolonnene."
    )
    # Neither way to reach people: an email column or a phone column is needed.
    assert "e-post / email" in second and "telefon / phone" in second


def test_rows_without_email_are_imported_as_volunteers_without_a_login(
    client_of, coordinator_lom, django_capture_on_commit_callbacks
):
    rows = [
        GOOD[0],
        ["Olav Sulheim", "", "612 11 222", "Bøverdalen", "Besøksvenn", "", "", "", "", ""],
    ]
    client = client_of(coordinator_lom)
    accounts = User.objects.count()
    preview = upload(client, csv_file(rows))
    assert preview.context["preview"].valid
    with django_capture_on_commit_callbacks(execute=True):
        confirm(client, GeneratedFile.objects.get())
    assert User.objects.count() == accounts + 1  # only Åse gets an account
    olav = Volunteer.objects.get(name="Olav Sulheim")
    assert olav.user is None
    assert (olav.contact_phone, olav.contact_email, olav.contact_by) == ("612 11 222", "", "phone")
    assert olav.interest_codes == ["visiting_friend"]
    assert olav.sort_name == "olav sulheim"
    assert Volunteer.objects.search("sulheim").get() == olav
    # Rows with an email address are imported as before.
    assert Volunteer.objects.get(user__email="ase@lom.example").name == ""


def test_a_list_of_names_and_phone_numbers_only_is_enough(client_of, coordinator_lom):
    rows = [["Olav Sulheim", "612 11 222"], ["Berit Lien", ""]]
    response = upload(client_of(coordinator_lom), csv_file(rows, header=["Navn", "Telefon"]))
    # Berit has no phone and the file no email: her row says so, nothing is written.
    assert [(row, column) for row, column, _message in problems(response)] == [(3, "Telefon")]
    assert nothing_written()
    response = upload(client_of(coordinator_lom), csv_file(rows[:1], header=["Navn", "Telefon"]))
    assert response.context["preview"].valid


def test_a_forged_confirm_for_another_municipality_is_refused(
    client_of, coordinator_lom, coordinator_drammen, django_capture_on_commit_callbacks
):
    upload(client_of(coordinator_lom), csv_file(GOOD))
    record = GeneratedFile.objects.get()
    drammen = client_of(coordinator_drammen)
    with django_capture_on_commit_callbacks(execute=True):
        assert confirm(drammen, record).status_code == 404  # Lom's address
        other = reverse("volunteers:volunteer_import_confirm", args=["3301"])
        assert confirm(drammen, record, url=other).status_code == 404  # Lom's list in Drammen
    # A coordinator of both municipalities cannot move Lom's list to Drammen either.
    Membership.objects.create(user=coordinator_lom, municipality_id="3301", role="coordinator")
    with django_capture_on_commit_callbacks(execute=True):
        assert confirm(client_of(coordinator_lom), record, url=other).status_code == 404
    assert nothing_written()
    record.refresh_from_db()
    assert record.parameters["awaiting_confirmation"] is True


def test_a_colleague_cannot_confirm_someone_elses_list(
    client_of, coordinator_lom, django_capture_on_commit_callbacks
):
    upload(client_of(coordinator_lom), csv_file(GOOD))
    colleague = UserFactory()
    Membership.objects.create(user=colleague, municipality_id="3434", role="coordinator")
    with django_capture_on_commit_callbacks(execute=True):
        assert confirm(client_of(colleague), GeneratedFile.objects.get()).status_code == 404
    assert nothing_written()


def test_volunteer_contacts_cannot_import(client_of, volunteer_contact_lom):
    client = client_of(volunteer_contact_lom)
    assert client.get(URL).status_code == 404
    assert upload(client, csv_file(GOOD)).status_code == 404
    assert not GeneratedFile.objects.exists()


def test_the_job_is_refused_in_the_worker_for_someone_who_lost_the_role(
    client_of, coordinator_lom, django_capture_on_commit_callbacks
):
    client = client_of(coordinator_lom)
    upload(client, csv_file(GOOD))
    with django_capture_on_commit_callbacks(execute=False) as jobs:
        confirm(client, GeneratedFile.objects.get())
    assert len(jobs) == 1
    Membership.objects.filter(user=coordinator_lom).update(role="volunteer_contact")
    with pytest.raises(PermissionDenied):
        jobs[0]()
    assert nothing_written()
    refused = AuditEvent.objects.get(verb="refused")
    with translation.override("en"):
        assert refused.message.startswith("A background job was stopped")
    assert refused.params == {"action": "import_volunteers"}


def test_the_list_is_checked_again_when_the_job_runs(
    client_of, coordinator_lom, django_capture_on_commit_callbacks
):
    client = client_of(coordinator_lom)
    upload(client, csv_file(GOOD))
    record = GeneratedFile.objects.get()
    stored = record.file.name
    VolunteerFactory(user=UserFactory(email="kari@lom.example"))  # registered meanwhile
    with django_capture_on_commit_callbacks(execute=True):
        response = confirm(client, record)
    assert response.url == reverse("coordination:file_list", args=["3434"])
    assert Volunteer.objects.count() == 1  # none of the list: all or nothing
    record.refresh_from_db()
    assert record.status == "failed"
    assert "ble ikke importert" in record.title
    assert not record.file.storage.exists(stored)


def test_confirming_twice_or_a_job_delivered_twice_imports_once(
    client_of, coordinator_lom, django_capture_on_commit_callbacks
):
    client = client_of(coordinator_lom)
    upload(client, csv_file(GOOD))
    record = GeneratedFile.objects.get()
    with django_capture_on_commit_callbacks(execute=False) as jobs:
        confirm(client, record)
        again = confirm(client, record)
    assert len(jobs) == 1
    said = [str(message) for message in get_messages(again.wsgi_request)]
    assert said[-1] == "Denne listen blir allerede importert."
    jobs[0]()
    jobs[0]()  # acks_late: a worker may get the same message again
    assert Volunteer.objects.count() == 3
    assert confirm(client, record).status_code == 404  # done: no longer waiting


def test_a_new_upload_replaces_a_list_that_was_never_confirmed(client_of, coordinator_lom):
    client = client_of(coordinator_lom)
    upload(client, csv_file(GOOD))
    first = GeneratedFile.objects.get()
    upload(client, csv_file(GOOD[:1]))
    assert list(GeneratedFile.objects.values_list("parameters__awaiting_confirmation")) == [(True,)]
    assert not GeneratedFile.objects.filter(pk=first.pk).exists()
    assert not first.file.storage.exists(first.file.name)


def test_a_list_never_confirmed_is_deleted_with_its_file_after_a_week(client_of, coordinator_lom):
    upload(client_of(coordinator_lom), csv_file(GOOD))
    record = GeneratedFile.objects.get()
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        retention.apply_rules()
    assert not GeneratedFile.objects.exists()
    assert not record.file.storage.exists(record.file.name)


def test_imported_volunteers_are_kept_although_their_email_is_not_confirmed(
    client_of, coordinator_lom, django_capture_on_commit_callbacks
):
    client = client_of(coordinator_lom)
    upload(client, csv_file(GOOD))
    with django_capture_on_commit_callbacks(execute=True):
        confirm(client, GeneratedFile.objects.get())
    abandoned = UserFactory(verified=False)  # a sign-up never confirmed: still removed
    with time_machine.travel(timezone.now() + timedelta(days=40)):
        retention.apply_rules()
    assert Volunteer.objects.filter(user__isnull=False).count() == 3
    assert not User.objects.filter(pk=abandoned.pk).exists()


def test_an_imported_volunteer_sets_a_password_then_gives_consent_and_signs(
    client, client_of, coordinator_lom, lom, django_capture_on_commit_callbacks
):
    publish_declaration(municipality=lom, body=DECLARATION, by=coordinator_lom)
    coordinator = client_of(coordinator_lom)
    upload(coordinator, csv_file(GOOD[:1]))
    with django_capture_on_commit_callbacks(execute=True):
        confirm(coordinator, GeneratedFile.objects.get())
    coordinator.logout()
    client.post(reverse("account_reset_password"), {"email": "ASE@lom.example"})
    assert [m.to for m in mail.outbox] == [["ase@lom.example"]]
    assert "/accounts/password/reset/key/" in mail.outbox[0].body  # a link to set a password

    ase = User.objects.get(email="ase@lom.example")
    volunteer = client_of(ase)
    # My page is the volunteer's page (issue 10: one home), which asks for the consent
    home = volunteer.get(reverse("coordination:my_page"), follow=True)
    assert "Les og gi samtykke" in home.content.decode()
    page = volunteer.get(reverse("volunteers:own_page")).content.decode()
    assert "Lom har lagt deg til som frivillig" in page
    refused = volunteer.post(reverse("volunteers:consent"), {"consent": ""})
    assert refused.context["form"].errors["consent"]
    assert not Consent.objects.exists()
    given = volunteer.post(reverse("volunteers:consent"), {"consent": "on"})
    assert given.url == reverse("volunteers:declaration")  # next: the declaration
    consent = Consent.objects.get(volunteer__user=ase)
    assert consent.purpose_version and consent.purpose_text
    assert volunteer.get(reverse("volunteers:consent")).url == reverse("volunteers:own_page")
    assert (
        "Lom har lagt deg til" not in volunteer.get(reverse("volunteers:own_page")).content.decode()
    )


def test_the_registry_offers_the_import_to_coordinators_only(
    client_of, coordinator_lom, volunteer_contact_lom
):
    registry = reverse("volunteers:registry", args=["3434"])
    assert URL in client_of(coordinator_lom).get(registry).content.decode()
    assert URL not in client_of(volunteer_contact_lom).get(registry).content.decode()
    page = client_of(coordinator_lom).get(URL).content.decode()
    assert "frivillig siden" in page and "Høyst 5000 frivillige i én fil." in page


def test_sending_no_file_is_explained(client_of, coordinator_lom):
    response = client_of(coordinator_lom).post(URL, {})
    assert response.context["form"].errors["file"] == ["Velg filen med listen."]
    assert "Velg filen med listen." in response.content.decode()


def test_headers_may_be_written_in_any_case_with_underscores_or_a_colon(client_of, coordinator_lom):
    header = ["NAVN:", "E_Post", "Kan_Kjøre", "  Frivillig   Siden "]
    response = upload(
        client_of(coordinator_lom), csv_file([GOOD[0][:2] + ["x", ""]], header=header)
    )
    preview = response.context["preview"]
    assert preview.valid, problems(response)
    assert preview.rows[0].values["can_drive"] is True
    assert [column.key for column in preview.columns] == [
        "name", "email", "can_drive", "active_since",
    ]  # fmt: skip


def test_a_nynorsk_list_is_read_headers_and_interests(client_of, coordinator_lom):
    header = ["Namn", "E-post", "Interesser", "Kan køyre", "Frivillig sidan"]
    row = [*GOOD[0][:2], "Besøksven, Turar og friluftsliv", "ja", "01.03.2024"]
    response = upload(client_of(coordinator_lom), csv_file([row], header=header))
    preview = response.context["preview"]
    assert preview.valid, problems(response)
    assert preview.rows[0].values["interests"] == ["visiting_friend", "walks"]
    assert preview.rows[0].values["can_drive"] is True


def test_the_import_job_writes_in_batches_whatever_the_size(
    client_of, coordinator_lom, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    rows = [
        [f"Person {n}", f"p{n}@lom.example", "", "", "Besøksvenn, Digital hjelp"]
        for n in range(2500)
    ]
    client = client_of(coordinator_lom)
    upload(client, csv_file(rows, header=HEADER[:5]))
    with django_capture_on_commit_callbacks(execute=False) as jobs:
        confirm(client, GeneratedFile.objects.get())
    with django_assert_max_num_queries(60):
        jobs[0]()
    assert Volunteer.objects.count() == 2500
    assert VolunteerInterest.objects.count() == 5000


def test_the_import_service_names_its_task_rightly():
    assert import_volunteer_list.name == IMPORT_TASK
