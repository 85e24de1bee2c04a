"""The responsibility map printed (issue 14): the task × party grid as an A4 landscape PDF in
the municipality's written standard (or the language the coordinator picks), wide maps split
into tables that each repeat the task column; a coordinator starts it from the map's page, sees
it being made and downloads it; nobody else can. Markup in a task's or party's name is printed
as text and reads nothing."""

import io
import re

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from pypdf import PdfReader

from coordination.kernel.models import GeneratedFile, Membership, Role
from coordination.responsibility import services
from coordination.responsibility.exports import PARTIES_PER_TABLE, responsibility_map_pdf
from coordination.responsibility.models import ResponsibilityRole
from coordination.responsibility.tasks import render_responsibility_map

pytestmark = pytest.mark.django_db

LOM, DRAMMEN = "3434", "3301"
HOSTILE_TASK = '<img src="file:///etc/passwd" alt="">'
HOSTILE_PARTY = '<link rel="attachment" href="file:///etc/passwd">'


def url(name, *args, municipality=LOM):
    return reverse(f"coordination:{name}", args=[municipality, *args])


def _reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def _text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def _flat(text: str) -> str:
    """Text without line breaks and hyphens: a name may wrap in a narrow column."""
    return re.sub(r"[\s‐-]+", "", text)


@pytest.fixture
def lom_map(lom, coordinator_lom):
    map_ = services.map_for(lom)
    task, party = map_.tasks.first(), map_.parties.first()
    services.save_grid(
        map_=map_,
        by=coordinator_lom,
        cells={(task.pk, party.pk): ResponsibilityRole.RESPONSIBLE},
        version=services.grid_version(map_),
    )
    return map_


def test_lom_gets_its_map_in_nynorsk_with_title_language_and_page_of_pages(lom_map, lom):
    title, pdf = responsibility_map_pdf(municipality=lom, language="nn")
    reader = _reader(pdf)
    text = _text(reader)
    assert title == "Ansvarskart – Lom" == reader.metadata.title
    assert reader.trailer["/Root"]["/Lang"] == "nn"
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert width > height  # landscape
    assert len(reader.pages) == 1
    assert "Oppgåve" in text and "Teieerklæringar" in text  # nynorsk
    assert "Taushetserklæringer" not in text
    for task in lom_map.tasks.all():
        with translation.override("nn"):
            assert _flat(task.display_name) in _flat(text)
    with translation.override("nn"):
        footer = gettext("Page %(page)s of %(pages)s") % {"page": 1, "pages": 1}
        parties = [party.display_name for party in lom_map.parties.all()]
    assert footer in text
    for party in parties:
        assert _flat(party) in _flat(text)
    assert "Lom" in text.splitlines()  # the running header: the municipality's name alone


def test_drammen_gets_its_map_in_bokmal_and_the_command_writes_it(drammen, tmp_path):
    services.map_for(drammen)
    out = tmp_path / "drammen.pdf"
    call_command("render_document", "responsibility-map", municipality=DRAMMEN, out=out)
    reader = _reader(out.read_bytes())
    text = _text(reader)
    assert reader.metadata.title == "Ansvarskart – Drammen"
    assert reader.trailer["/Root"]["/Lang"] == "nb"
    assert "Taushetserklæringer" in text and "Oppgave" in text and "Oppgåve" not in text


def test_the_command_renders_in_english_when_asked_and_refuses_an_unknown_municipality(
    lom_map, tmp_path
):
    out = tmp_path / "lom.pdf"
    call_command("render_document", "responsibility-map", municipality=LOM, language="en", out=out)
    reader = _reader(out.read_bytes())
    assert reader.metadata.title == "Responsibility map – Lom"
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert "Page 1 of 1" in _text(reader) and "Recruiting volunteers" in _text(reader)
    with pytest.raises(CommandError):
        call_command("render_document", "responsibility-map", municipality="9999", out=out)


def test_a_wide_map_is_split_into_tables_that_each_repeat_the_task_column(
    lom_map, lom, coordinator_lom
):
    for number in range(1, 9):
        services.create_party(map_=lom_map, by=coordinator_lom, name=f"Lag nummer {number}")
    count = lom_map.parties.count()
    assert count > PARTIES_PER_TABLE
    _title, pdf = responsibility_map_pdf(municipality=lom, language="en")
    reader = _reader(pdf)
    pages = [page.extract_text() for page in reader.pages]
    first = [i for i, text in enumerate(pages) if f"Parties 1–{PARTIES_PER_TABLE} of" in text]
    second = [i for i, text in enumerate(pages) if f"Parties {PARTIES_PER_TABLE + 1}–" in text]
    assert first == [0] and len(second) == 1 and second[0] > 0  # the second on a new page
    assert "Recruiting volunteers" in pages[second[0]]  # the task column again
    assert "Lag nummer 8" in pages[second[0]] and "Lag nummer 8" not in pages[0]
    assert f"Page 1 of {len(pages)}" in pages[0]
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]


def test_markup_in_a_task_or_party_name_is_printed_as_text_and_reads_nothing(
    lom_map, lom, coordinator_lom
):
    services.create_task(map_=lom_map, by=coordinator_lom, name=HOSTILE_TASK)
    services.create_party(map_=lom_map, by=coordinator_lom, name=HOSTILE_PARTY)
    _title, pdf = responsibility_map_pdf(municipality=lom, language="nn")
    reader = _reader(pdf)
    text = _text(reader)
    assert _flat("file:///etc/passwd") in _flat(text)  # shown, as the coordinator typed it
    assert reader.attachments == {}
    assert "/EmbeddedFiles" not in reader.trailer["/Root"].get("/Names", {})
    assert b"root:x:0:0" not in pdf and "root:x:0:0" not in text


def test_a_coordinator_starts_the_pdf_sees_it_ready_and_downloads_it(
    client_of, coordinator_lom, lom_map, django_capture_on_commit_callbacks
):
    client = client_of(coordinator_lom)
    page = client.get(url("responsibility_map_detail")).content.decode()
    assert 'value="nn" lang="nn" selected' in page  # Lom's own written standard first
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("responsibility_map_print"), {"language": "en"})
    assert response.url == url("responsibility_map_detail")
    record = GeneratedFile.objects.get()
    assert (record.status, record.rows, record.parameters) == ("done", 12, {"language": "en"})
    page = client.get(url("responsibility_map_detail")).content.decode()
    download = url("file_download", record.pk)
    assert f'href="{download}"' in page
    response = client.get(download)
    assert response["Content-Type"] == "application/pdf"
    reader = _reader(b"".join(response.streaming_content))
    assert reader.metadata.title == "Responsibility map – Lom"


def test_the_page_polls_while_the_pdf_is_being_made_and_stops_when_it_is_ready(
    client_of, coordinator_lom, lom_map
):
    client = client_of(coordinator_lom)
    # htmx asks for the status partial; the job is not sent until the request commits
    response = client.post(
        url("responsibility_map_print"), {"language": "nn"}, HTTP_HX_REQUEST="true"
    )
    record = GeneratedFile.objects.get()
    assert record.status == "pending"
    partial = response.content.decode()
    status_url = url("responsibility_map_print_status", record.pk)
    assert f'data-hx-get="{status_url}"' in partial and "every 2s" in partial
    assert "<html" not in partial
    render_responsibility_map(
        requested_by=coordinator_lom.pk, municipality=LOM, generated_file=record.pk
    )
    partial = client.get(status_url).content.decode()
    assert "data-hx-get" not in partial  # ready: no more polling
    assert url("file_download", record.pk) in partial


def test_a_failed_render_is_shown_as_failed(client_of, coordinator_lom, lom_map, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("out of paper")

    monkeypatch.setattr(
        "coordination.responsibility.services.document.responsibility_map_pdf", broken
    )
    client = client_of(coordinator_lom)
    client.post(url("responsibility_map_print"), {"language": "nn"})
    record = GeneratedFile.objects.get()
    with pytest.raises(RuntimeError):
        render_responsibility_map(
            requested_by=coordinator_lom.pk, municipality=LOM, generated_file=record.pk
        )
    record.refresh_from_db()
    assert record.status == "failed"
    partial = client.get(url("responsibility_map_print_status", record.pk)).content.decode()
    assert url("file_list") in partial and "data-hx-get" not in partial


@pytest.mark.parametrize("persona", ["volunteer", "volunteer_contact_lom", "coordinator_drammen"])
def test_others_can_neither_start_nor_see_nor_download_the_pdf(
    request, client_of, coordinator_lom, lom_map, persona, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_of(coordinator_lom).post(url("responsibility_map_print"), {"language": "nn"})
    record = GeneratedFile.objects.get()
    other = client_of(request.getfixturevalue(persona))
    assert other.post(url("responsibility_map_print")).status_code == 404
    assert GeneratedFile.objects.count() == 1
    assert other.get(url("responsibility_map_print_status", record.pk)).status_code == 404
    assert other.get(url("file_download", record.pk)).status_code == 404
    page = other.get(url("responsibility_map_detail")).content.decode()
    assert "Make a PDF" not in page and "Lag ein PDF" not in page


def test_another_coordinator_of_lom_cannot_see_or_download_a_colleagues_pdf(
    client_of, coordinator_lom, lom_map, django_capture_on_commit_callbacks, django_user_model
):
    with django_capture_on_commit_callbacks(execute=True):
        client_of(coordinator_lom).post(url("responsibility_map_print"), {"language": "nn"})
    record = GeneratedFile.objects.get()
    colleague = django_user_model.objects.create_user(email="kollega@lom.example")
    Membership.objects.create(user=colleague, municipality_id=LOM, role=Role.COORDINATOR)
    client = client_of(colleague)
    assert client.get(url("responsibility_map_print_status", record.pk)).status_code == 404
    assert client.get(url("file_download", record.pk)).status_code == 404
    assert (
        url("file_download", record.pk)
        not in client.get(url("responsibility_map_detail")).content.decode()
    )


def test_the_job_refuses_a_coordinator_who_lost_the_role(coordinator_lom, lom_map, client_of):
    client_of(coordinator_lom).post(url("responsibility_map_print"), {"language": "nn"})
    record = GeneratedFile.objects.get()
    Membership.objects.filter(user=coordinator_lom).delete()
    with pytest.raises(PermissionDenied):
        render_responsibility_map(
            requested_by=coordinator_lom.pk, municipality=LOM, generated_file=record.pk
        )
    record.refresh_from_db()
    assert record.status == "pending" and not record.file
