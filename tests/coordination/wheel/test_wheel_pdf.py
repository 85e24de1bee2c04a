"""The annual wheel printed (issue 14): the wheel as vector drawing (no picture in the PDF, the
month names and the categories are text a reader can select and search), its legend, and every
entry under its month in the list; «this season», one page of the coming three months' public
events; the wheel as a section of the routine binder; all in the municipality's written
standard, and markup in an entry's title is printed as text."""

import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.template.loader import render_to_string
from django.utils import timezone, translation
from pypdf import PdfReader

from coordination.kernel import contributions
from coordination.kernel.contact import PublicContact
from coordination.kernel.contributions import WheelEntry
from coordination.kernel.documents import typeset
from coordination.wheel import exports
from tests.factories import WheelEventFactory, municipality

pytestmark = pytest.mark.django_db

YEAR = 2027
HOSTILE = '<img src="file:///etc/passwd"> <link rel="attachment" href="file:///etc/passwd">'


def _reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def _flat(text: str) -> str:
    """Without spaces, line breaks and hyphens: a long title wraps in a narrow column."""
    return re.sub(r"[\s‐-]+", "", text)


def _has_raster_image(reader: PdfReader) -> bool:
    for page in reader.pages:
        objects = page.get("/Resources", {}).get("/XObject", {})
        for ref in objects.values():
            if ref.get_object().get("/Subtype") == "/Image":
                return True
    return False


@pytest.fixture
def internal_source(monkeypatch):
    """What another part of the portal puts on the wheel (here: an agreement review)."""

    def reviews(place, year, months):
        return [
            WheelEntry(datetime.date(year, 12, 10), "Gjennomgang: Avtale med laget", "agreement")
        ]

    monkeypatch.setattr(contributions, "WHEEL_SOURCES", [*contributions.WHEEL_SOURCES, reviews])
    monkeypatch.setitem(contributions.WHEEL_CATEGORIES, "agreement", "Agreements")


def test_lom_gets_a_vector_wheel_in_nynorsk_with_every_entry_under_its_month(coordinator_lom):
    lom = municipality("3434")
    WheelEventFactory(title="Introduksjonskurs for nye", category="course", month=3, day=12)
    WheelEventFactory(title="Julebord for frivillige", category="recognition", month=12, day=5)
    WheelEventFactory(title="Vervekampanje på marknaden", category="campaign", month=9)
    WheelEventFactory(title=HOSTILE, category="meeting", month=6, day=1)
    pdf = typeset(exports.compose_wheel(lom, "nn", today=datetime.date(YEAR, 1, 10)))
    reader = _reader(pdf)
    pages = [page.extract_text() for page in reader.pages]
    assert reader.metadata.title == f"Årshjul {YEAR} – Lom"
    assert reader.trailer["/Root"]["/Lang"] == "nn"
    # The wheel is drawn, not a picture: its month names, year and legend are text.
    assert not _has_raster_image(reader)
    first = pages[0]
    for word in ("Januar", "Mars", "Desember", str(YEAR), "Kategoriar"):
        assert word in first
    for label in ("Introduksjonskurs", "Frivilligfest eller påskjøning", "Kampanje eller verving"):
        assert label in first  # the legend's category labels
    # The list by month, after the wheel: each entry between its month and the next.
    listing = _flat("\n".join(pages[1:]))
    assert "Permånad" in listing and "Ingentingdennemånaden." in listing  # nynorsk
    order = [listing.index(_flat(word)) for word in
             ("Mars", "12.Introduksjonskursfornye", "April", "Juni", "1.<imgsrc=", "Juli",
              "September", "Vervekampanjepåmarknaden", "Oktober", "Desember",
              "5.Julebordforfrivillige")]  # fmt: skip
    assert order == sorted(order)
    # Markup in a title is printed as text and reads nothing.
    assert _flat(HOSTILE) in listing
    assert reader.attachments == {}
    assert b"root:x:0:0" not in pdf


def test_drammen_gets_its_wheel_in_bokmal_from_the_command(coordinator_drammen, tmp_path):
    WheelEventFactory(municipality=municipality("3301"), title="Sommerfest", category="recognition",
                      month=6, day=12)  # fmt: skip
    out = tmp_path / "wheel.pdf"
    call_command("render_document", "annual-wheel", municipality="3301", out=out)
    reader = _reader(out.read_bytes())
    text = "\n".join(page.extract_text() for page in reader.pages)
    year = timezone.localdate().year
    assert reader.metadata.title == f"Årshjul {year} – Drammen"
    assert reader.trailer["/Root"]["/Lang"] == "nb"
    assert "Per måned" in text and "Per månad" not in text and "12. Sommerfest" in text
    assert "Frivilligfest eller påskjønnelse" in text


def test_this_season_is_one_page_of_the_coming_months_public_events(
    coordinator_lom, internal_source
):
    lom = municipality("3434")
    today = datetime.date(YEAR, 11, 20)
    for title, month, day, *year in [
        ("Haustmøte som er over", 11, 10),
        ("Adventsstund på sjukeheimen", 11, 28),
        ("Strikkekafé kvar veke", 11, None),
        ("Julebord for frivillige", 12, 5),
        ("Nyttårskonsert", 1, 15),
        ("Skirenn for seniorar", 1, 20, YEAR + 1),
        ("Skirenn som var i fjor", 1, 21, YEAR),
        ("Vinterfest i februar", 2, 1),
    ]:
        WheelEventFactory(title=title, month=month, day=day, recurring=not year,
                          year=year[0] if year else None)  # fmt: skip
    WheelEventFactory(title="I Drammen", municipality=municipality("3301"), month=12, day=1)
    composed = exports.compose_season(lom, "nn", today=today)
    reader = _reader(typeset(composed))
    assert len(reader.pages) == 1
    assert reader.trailer["/Root"]["/Lang"] == "nn"
    text = reader.pages[0].extract_text()
    # by date, across the new year; an event without a day first in its month
    shown = ["Strikkekafé kvar veke", "Adventsstund på sjukeheimen", "Julebord for frivillige",
             "Nyttårskonsert", "Skirenn for seniorar"]  # fmt: skip
    for title in shown:
        assert title in text
    positions = [text.index(title) for title in shown]
    assert positions == sorted(positions)
    for title in ("Haustmøte som er over", "Skirenn som var i fjor", "Vinterfest i februar",
                  "I Drammen", "Gjennomgang: Avtale med laget"):  # fmt: skip
        assert title not in text  # past, outside the window, another's, internal
    assert "November 2027" in text and "januar 2028" in text


def test_this_season_stays_on_one_page_however_much_is_planned(coordinator_lom):
    lom = municipality("3434")
    for n in range(30):
        WheelEventFactory(title=f"Arrangement {n:02} " + "LANG TITTEL " * 15, month=4 + n % 3,
                          day=1 + n % 28, description="Skildring " * 199)  # fmt: skip
    coordinator_lom.full_name = "Ingrid " + "Bakken-Haugen " * 10
    coordinator_lom.save()
    PublicContact.objects.create(
        municipality=lom, coordinator=coordinator_lom, show_name=True, phone="+47 61 21 99 00",
        email="frivilligkoordinator.med.langt.namn@lom.kommune.example",
        when_to_call="Kvardagar " * 20,
    )  # fmt: skip
    pdf = typeset(exports.compose_season(lom, "nb", today=datetime.date(YEAR, 4, 1)))
    reader = _reader(pdf)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Arrangement 00" in text and "Arrangement 29" not in text
    assert "til denne måneden: spør oss" in text and "Bakken-Haugen" in text


def test_the_binder_gets_the_wheel_as_a_section_that_renders_inside_its_body(coordinator_lom):
    lom = municipality("3434")
    WheelEventFactory(title="Introduksjonskurs for nye", category="course", month=3, day=12)
    with translation.override("nn"):  # the binder asks in its language
        sections = [s for s in contributions.binder_sections(lom) if s.key == "annual-wheel"]
        assert len(sections) == 1
        section = sections[0]
        html = render_to_string(section.template, section.context)
    assert section.step is None and section.title == "Årshjulet"
    assert "Introduksjonskurs" in section.index_terms  # its category, in nynorsk
    assert "<html" not in html and "<body" not in html and "<svg" in html
    assert "Introduksjonskurs for nye" in html and "<h3" in html and "<h4>Mars</h4>" in html


def test_the_wheels_documents_are_registered_with_the_wheels_permission():
    wheel, season = contributions.document("annual-wheel"), contributions.document("this-season")
    assert wheel.action == season.action == "view_wheel"
    assert season.publishable and not wheel.publishable
    names = list(contributions.DOCUMENTS)
    assert names.index("annual-wheel") < names.index("this-season")
