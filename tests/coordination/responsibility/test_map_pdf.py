"""The responsibility map printed (issue 14): the task × party grid as an A4 landscape PDF in
the municipality's written standard (or the language the coordinator picks), wide maps split
into tables that each repeat the task column. Markup in a task's or party's name is printed as
text and reads nothing. (Printing it from the portal: tests/coordination/printing/.)"""

import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from pypdf import PdfReader

from coordination.responsibility import services
from coordination.responsibility.exports import PARTIES_PER_TABLE, responsibility_map_pdf
from coordination.responsibility.models import ResponsibilityRole

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
