"""The hostile-input guarantees of test_hostile_input.py for the import of volunteer lists, the
Excel export choice, notes and consent: never a 500, a refused file or form explained and
nothing stored, stored text shown only as text, and a spreadsheet formula never run."""

import csv
import io
import zipfile

import pytest
from allauth.account.models import EmailAddress
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import example, given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from coordination.models import GeneratedFile, User
from tests.factories import VolunteerFactory
from tests.trust.hostile import (
    MARKUP,
    SQL,
    assert_explained,
    assert_shown_only_as_text,
    checked,
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
from volunteers.models import Consent, Volunteer, VolunteerInterest, VolunteerNote

pytestmark = pytest.mark.django_db

URL = reverse("volunteers:volunteer_import", args=["3434"])
CONFIRM = reverse("volunteers:volunteer_import_confirm", args=["3434"])
PEOPLE_TABLES = (
    User.objects.all(),
    EmailAddress.objects.all(),
    Volunteer.objects.all(),
    VolunteerInterest.objects.all(),
    Consent.objects.all(),
)
HEADERS = ["navn", "e-post", "telefon", "område", "interesser", "kan kjøre", "frivillig siden"]


def as_csv(table: list[list[str]], delimiter: str) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(table)
    # Any text a file can hold, lone surrogates too: they become bytes that are not UTF-8.
    return buffer.getvalue().encode("utf-8", "surrogatepass")


def as_xlsx(table: list[list]) -> bytes:
    workbook = Workbook()
    for row in table:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def send(client, content: bytes, name: str = "liste.csv"):
    return checked(client.post(URL, {"file": SimpleUploadedFile(name, content)}))


def assert_refused_or_previewed(response, content_text: str) -> None:
    """A refused file is explained on the upload form; a read one gets its preview, which
    shows every problem; either way the people tables are untouched (checked by the caller)."""
    assert response.status_code == 200
    html = response.content.decode()
    preview = response.context.get("preview")
    if preview is None:
        assert_explained(response)
    elif preview.valid:
        assert GeneratedFile.objects.filter(action="import_volunteers").count() == 1
        assert 'name="upload"' in html
    else:
        assert 'role="alert"' in html
        assert not GeneratedFile.objects.exists()
    assert_shown_only_as_text(html, content_text, on_page=False)


cell_text = sometimes_valid("Åse Ødegård", "ase@lom.example", "912 34 567", "ja", "01.03.2024")
csv_tables = st.lists(st.lists(cell_text, min_size=1, max_size=len(HEADERS)), max_size=4)


@hostile
@given(
    header=st.one_of(st.just(HEADERS), st.lists(sometimes_valid(*HEADERS), max_size=8)),
    table=csv_tables,
    delimiter=st.sampled_from([";", ",", "\t", "|"]),
)
@example(header=HEADERS, table=[["<script>alert(1)</script>", "a@lom.example"]], delimiter=";")
@example(
    header=HEADERS, table=[['=HYPERLINK("http://evil.example")', "b@lom.example"]], delimiter=","
)
@example(header=HEADERS, table=[["Per", "'; DROP TABLE coordination_user; --"]], delimiter=";")
@example(header=HEADERS, table=[["Per", "per@lom.example", "\x00\x01"]], delimiter=";")
@example(header=["navn", "navn", "e-post"], table=[["a", "b", "c@lom.example"]], delimiter=";")
@example(header=HEADERS, table=[["A" * 100_000, "a@lom.example"]], delimiter=";")
@example(header=HEADERS, table=[["Per", "per@lom.example", "", "", "x" * 5_000]], delimiter=";")
@example(header=HEADERS, table=[["\ud800", "a@lom.example"]], delimiter=";")
def test_any_csv_is_previewed_or_explained_and_nothing_is_written(
    coordinator_lom, header, table, delimiter
):
    with rolled_back():
        client = client_for(coordinator_lom)
        before = rows(*PEOPLE_TABLES)
        content = as_csv([header, *table], delimiter)
        response = send(client, content)
        assert_refused_or_previewed(response, content.decode("utf-8", "replace"))
        assert rows(*PEOPLE_TABLES) == before


@few
@given(
    table=st.lists(
        st.lists(
            st.one_of(
                cell_text.filter(lambda t: t < "\ud800" or t > "\udfff"),
                st.integers(-(10**12), 10**12),
                st.floats(allow_nan=False, allow_infinity=False),
                st.booleans(),
                st.datetimes(),
                st.dates(),
                st.none(),
            ),
            max_size=len(HEADERS),
        ),
        max_size=4,
    )
)
def test_any_excel_cells_are_previewed_or_explained_and_nothing_is_written(coordinator_lom, table):
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    clean = [
        [ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row]
        for row in table
    ]
    with rolled_back():
        client = client_for(coordinator_lom)
        before = rows(*PEOPLE_TABLES)
        response = send(client, as_xlsx([HEADERS, *clean]), "liste.xlsx")
        assert_refused_or_previewed(response, str(clean))
        assert rows(*PEOPLE_TABLES) == before


@few
@given(content=st.binary(max_size=2_000))
@example(content=b"")
@example(content=b"\xff\xfe\x00n\x00a\x00v\x00n")  # UTF-16, which Excel can also save
@example(content=b"navn;e-post\n\x81\x8d;\x8f\x90@x.example\n")  # not even Windows-1252
@example(content=b'navn;e-post\n"Per;per@lom.example\n')  # a quote never closed
def test_any_bytes_are_refused_or_explained(coordinator_lom, content):
    with rolled_back():
        client = client_for(coordinator_lom)
        before = rows(*PEOPLE_TABLES)
        response = send(client, content)
        assert_refused_or_previewed(response, content.decode("utf-8", "replace"))
        assert rows(*PEOPLE_TABLES) == before


def _workbook_with_sheet(sheet_xml: bytes) -> bytes:
    """A real workbook whose first sheet is replaced by ``sheet_xml``."""
    source = zipfile.ZipFile(io.BytesIO(as_xlsx([HEADERS])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = sheet_xml
            target.writestr(item, data)
    return out.getvalue()


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>navn</t></is></c>
<c r="B1" t="inlineStr"><is><t>e-post</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>&secret;</t></is></c>
<c r="B2" t="inlineStr"><is><t>a@lom.example</t></is></c></row></sheetData></worksheet>"""


@pytest.mark.parametrize("sheet", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["laughs", "xxe"])
def test_hostile_xml_in_a_workbook_is_refused_and_leaks_nothing(coordinator_lom, sheet):
    response = send(client_for(coordinator_lom), _workbook_with_sheet(sheet), "liste.xlsx")
    html = response.content.decode()
    assert "root:" not in html  # no file of the server ever reaches the page
    assert "lollollol" not in html
    preview = response.context["preview"]
    assert not preview.valid
    assert not Volunteer.objects.exists()


def test_a_zip_bomb_is_refused_before_it_is_unpacked(coordinator_lom):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("xl/workbook.xml", b"<workbook/>")
        bomb.writestr("xl/worksheets/sheet1.xml", b"\x00" * (80 * 1024 * 1024))
    response = send(client_for(coordinator_lom), out.getvalue(), "liste.xlsx")
    problems = response.context["preview"].problems
    assert problems == ["Excel-filen er for stor når den pakkes ut (80,0\xa0MB)."]


def test_a_file_over_the_size_limit_is_refused(coordinator_lom):
    content = b"navn;e-post\n" + b"Per Olsen;per@lom.example\n" * 250_000
    response = send(client_for(coordinator_lom), content)
    assert response.context["form"].errors["file"][0].startswith("Filen er 6,2")
    assert not GeneratedFile.objects.exists()


@pytest.mark.parametrize(
    "payload",
    [payload for payload, _live in MARKUP] + ['=cmd|" /C calc"!A0', "@SUM(1+1)*cmd|' /C calc'!A0"],
)
def test_an_imported_name_is_shown_as_text_and_never_runs_in_an_export(
    coordinator_lom, payload, django_capture_on_commit_callbacks
):
    client = client_for(coordinator_lom)
    content = as_csv([["navn", "e-post"], [payload, "farlig@lom.example"]], ";")
    preview = send(client, content)
    assert_shown_only_as_text(preview.content.decode(), payload)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(CONFIRM, {"upload": GeneratedFile.objects.get().pk})
    imported = Volunteer.objects.get(user__email="farlig@lom.example")
    assert imported.user.full_name == payload
    for page in (
        reverse("volunteers:registry", args=["3434"]),
        reverse("volunteers:volunteer_detail", args=["3434", imported.pk]),
    ):
        assert_shown_only_as_text(client.get(page).content.decode(), payload)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("volunteers:registry_export", args=["3434"]), {"format": "xlsx"})
    export = GeneratedFile.objects.get(action="export_volunteers")
    with export.file.open("rb") as handle:
        cell = load_workbook(io.BytesIO(handle.read())).worksheets[0]["A2"]
    assert cell.data_type == "s"
    assert cell.value == (("'" + payload) if payload[0] in "=+-@" else payload)


@hostile
@given(data=form_data(upload=sometimes_valid("OWN", "1", "0", "-1", "99999999999999999999999")))
@example(data={"upload": "OWN", "municipality": "3301"})
@example(data={"upload": ["OWN", "OWN"]})
@example(data={"upload": SQL[0]})
def test_a_forged_confirmation_never_fails_and_imports_only_the_own_list(
    coordinator_lom, coordinator_drammen, data
):
    with rolled_back():
        client_for(coordinator_drammen).post(
            reverse("volunteers:volunteer_import", args=["3301"]),
            {"file": SimpleUploadedFile("l.csv", b"navn;e-post\nPer;per@drammen.example\n")},
        )
        drammen_list = GeneratedFile.objects.get()
        client = client_for(coordinator_lom)
        before = rows(*PEOPLE_TABLES)
        fields = {
            k: ([str(drammen_list.pk) if x == "OWN" else x for x in v] if isinstance(v, list)
                else (str(drammen_list.pk) if v == "OWN" else v))
            for k, v in data.items()
        }  # fmt: skip
        response = post(client, CONFIRM, fields)
        assert response.status_code in (302, 404)
        assert rows(*PEOPLE_TABLES) == before  # never Drammen's list, never in Lom


@hostile
@given(data=form_data(text=nasty_text))
@example(data={"text": "x" * 2_001})
@example(data={"text": "Ringte\x00 i dag"})
@example(data={"text": ["en", "to"]})
def test_notes_never_fail_and_store_only_what_they_accept(coordinator_lom, data):
    with rolled_back():
        volunteer = VolunteerFactory()
        url = reverse("volunteers:volunteer_notes", args=["3434", volunteer.pk])
        client = client_for(coordinator_lom)
        response = post(client, url, data)
        note = VolunteerNote.objects.filter(volunteer=volunteer).first()
        if response.status_code == 302:
            assert note is not None and 0 < len(note.text) <= 2000
            detail = client.get(reverse("volunteers:volunteer_detail", args=["3434", volunteer.pk]))
            assert_shown_only_as_text(detail.content.decode(), note.text, on_page=False)
        else:
            assert note is None
            assert_explained(response)


@few
@given(data=form_data(consent=sometimes_valid("on")))
def test_consent_never_fails_and_is_recorded_only_when_ticked(volunteer, data):
    with rolled_back():
        VolunteerFactory(user=volunteer)
        response = post(client_for(volunteer), reverse("volunteers:consent"), data)
        recorded = Consent.objects.filter(volunteer__user=volunteer).exists()
        if response.status_code == 302:
            assert recorded
        else:
            assert not recorded
            assert_explained(response)


@few
@given(data=form_data(format=sometimes_valid("xlsx", "csv"), q=nasty_text))
def test_the_export_choice_never_fails_and_makes_csv_or_excel(
    coordinator_lom, data, django_capture_on_commit_callbacks
):
    with rolled_back():
        VolunteerFactory()
        with django_capture_on_commit_callbacks(execute=True):
            response = post(
                client_for(coordinator_lom),
                reverse("volunteers:registry_export", args=["3434"]),
                data,
            )
        assert response.status_code == 302
        made = GeneratedFile.objects.get(action="export_volunteers")
        assert made.status == "done"
        assert made.file.name.rsplit(".", 1)[-1] in ("csv", "xlsx")
