"""The routine binder printed (issue 14): a cover, contents with page numbers, the 8 steps each
on a new page with every approved routine in its approved version (owner, version, review
date), the appendices other areas contribute (the responsibility map, the contact list, the
partners, the confidentiality declaration) and an index with page numbers; in the
municipality's written standard. Markup in a routine's title or a partner's name is printed as
text and reads nothing.

The PDFs are typeset once for the module (each takes seconds) and read back with pypdf."""

import io
import re

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from pypdf import PdfReader

from coordination.kernel import contributions
from coordination.kernel.documents import typeset
from coordination.models import Role, Routine, RoutineVersion, Unit, UnitContact
from coordination.partners.models import PartnerContact
from coordination.responsibility import services as responsibility
from coordination.routines import services as routine_services
from coordination.routines.exports import compose_binder, sort_key, text_blocks
from tests.conftest import ensure_reference_data
from tests.factories import (
    MembershipFactory,
    PartnerOrganisationFactory,
    RoutineFactory,
    UserFactory,
    municipality,
)
from volunteers.models import DeclarationText

LOM, DRAMMEN = "3434", "3301"
HOSTILE_TITLE = '<img src="file:///etc/passwd"> Rutine & «sitat»'
HOSTILE_PARTNER = '<link rel="attachment" href="file:///etc/passwd">Lag'
STEPS = "\n".join(f"{n}. Dette steget er skildra her, og det er viktig." for n in range(1, 9))
NYNORSK_BODY = f"Føremål: Alle veit kva dei skal gjere.\n\n{STEPS}\n\nSpør koordinatoren."
LONG_BODY = "\n".join(
    f"{n}. Ein lang rutine har mange steg som kvar er skildra med ei heil setning om kva "
    "den frivillige og dei tilsette gjer."
    for n in range(1, 31)
)
APPROVED = {  # title -> step
    "Politiattest for besøksvener": 1,
    "Kartlegging av behov": 2,
    HOSTILE_TITLE: 3,
    "Teieerklæring": 5,
    "Velkomst av nye frivillige": 6,
    "Skyss og følgje": 6,
    "Øving på brann": 6,
    "Årleg gjennomgang": 7,
}
DECLARATION = (
    "Som frivillig lovar eg:\n\n1. Ikkje å fortelje vidare det eg får vite.\n"
    "2. Å seie frå når eg er uroleg.\n\nLovnaden gjeld òg etter at eg har slutta."
)
PARTNERS = 45  # enough for the partners' table to run onto a second page


def _pages(pdf: bytes) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, [page.extract_text() for page in reader.pages]


def _flat(text: str) -> str:
    return re.sub(r"[\s‐-]+", "", text)


def _build_lom() -> dict:
    lom = municipality(LOM)
    coordinator = MembershipFactory(
        user=UserFactory(full_name="Ingrid Bakken", phone="61 21 99 00"), role=Role.COORDINATOR
    ).user
    routines = {}
    for title, step in APPROVED.items():
        routine = RoutineFactory(owner=coordinator, approved=True, title=title, step=step)
        body = LONG_BODY if title.startswith("Velkomst") else NYNORSK_BODY
        RoutineVersion.objects.filter(routine=routine).update(body=body)
        routines[title] = routine
    # An approved routine with a newer draft is printed in its approved version.
    routine_services.edit_routine(
        routine=routines["Skyss og følgje"], by=coordinator, title="Skyss (nytt utkast)",
        body="Eit hemmeleg utkast.", note="Utkast",
    )  # fmt: skip
    RoutineFactory(owner=coordinator, title="Berre eit utkast", step=4)
    archived = RoutineFactory(owner=coordinator, approved=True, title="Arkivert rutine", step=8)
    Routine.objects.filter(pk=archived.pk).update(status=Routine.Status.ARCHIVED)

    contact = MembershipFactory(
        user=UserFactory(full_name="Kari Sletten", phone="912 34 567"),
        role=Role.VOLUNTEER_CONTACT,
    )
    for name in ("Lom sjukeheim", "Heimetenesta i Lom"):
        unit = Unit.objects.create(municipality=lom, name=name, kind="nursing_home")
        UnitContact.objects.create(unit=unit, membership=contact)
    partners = [PartnerOrganisationFactory(name=HOSTILE_PARTNER, phone="61 21 10 50")]
    partners += [PartnerOrganisationFactory(name=f"Lag nummer {n:02}") for n in range(PARTNERS)]
    for partner in partners:
        PartnerContact.objects.create(
            organisation=partner, municipality=lom, name="Marit Nordheim", role="Leiar",
            phone="917 44 120", email="leiar@lag.example",
        )  # fmt: skip
    DeclarationText.objects.create(
        municipality=lom, version=3, body=DECLARATION, published_by=coordinator
    )
    responsibility.map_for(lom)
    return {"lom": lom}


pytestmark = pytest.mark.django_db  # the test database (the module's data is made once)


@pytest.fixture(scope="module")
def binders(django_db_setup, django_db_blocker, tmp_path_factory):
    """Lom's binder in nynorsk (its written standard) and Drammen's in bokmål, typeset once;
    the data is rolled back after the module."""
    media = tmp_path_factory.mktemp("binder-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        ensure_reference_data()
        _build_lom()
        drammen = municipality(DRAMMEN)
        owner = MembershipFactory(municipality=drammen, role=Role.COORDINATOR).user
        RoutineFactory(municipality=drammen, owner=owner, approved=True, title="Velkommen", step=6)
        lom_pdf = typeset(compose_binder(municipality(LOM), "nn"))
        drammen_pdf = typeset(compose_binder(drammen, "nb"))
        transaction.set_rollback(True)
    return {"nn": _pages(lom_pdf), "nb": _pages(drammen_pdf), "lom_pdf": lom_pdf}


@pytest.fixture
def lom(binders):
    return binders["nn"]


def _contents(pages: list[str]) -> list[tuple[str, int]]:
    """(entry, page number) from the table of contents (the pages that start «Innhald»)."""
    entries = []
    for text in pages[1:4]:
        for line in text.splitlines():
            found = re.match(r"^(.*?)\s*\.{3,}\s*(\d+)$", line)
            if found:
                entries.append((found.group(1).strip(), int(found.group(2))))
    return entries


def _index(pages: list[str]) -> list[tuple[str, list[int]]]:
    """(term, page numbers) from the index pages, a term wrapped on two lines joined."""
    start = next(i for i, text in enumerate(pages) if text.startswith("Stikkordregister"))
    entries, pending = [], ""
    for text in pages[start:]:
        for line in text.splitlines():
            if line in ("Stikkordregister", "Lom Stikkordregister") or len(line) == 1:
                continue  # the heading, the running header, a letter
            if line.startswith(("Skriven ut", "Printed")):
                continue  # the footer
            found = re.match(r"^(.*?)\s+(\d+(?:, \d+)*)$", line)
            if found:
                term = f"{pending} {found.group(1)}".strip()
                entries.append((term, [int(n) for n in found.group(2).split(", ")]))
                pending = ""
            else:
                pending = f"{pending} {line}".strip()
    return entries


def test_every_approved_routine_is_printed_in_its_approved_version_drafts_and_archived_not(lom):
    _reader, pages = lom
    text = "\n".join(pages)
    for title in APPROVED:
        assert _flat(title) in _flat(text), title
    assert "Berre eit utkast" not in text  # never approved
    assert "Arkivert rutine" not in text  # archived
    assert "nytt utkast" not in text and "hemmeleg utkast" not in text  # the newer draft
    assert "Eigar: Ingrid Bakken" in text and "Versjon: 1" in text
    review = timezone.localdate().replace(year=timezone.localdate().year + 1)
    assert "Neste gjennomgang:" in text and str(review.year) in text


def test_the_contents_give_the_page_each_section_starts_on(lom):
    _reader, pages = lom
    entries = _contents(pages)
    titles = [title for title, _page in entries]
    assert titles[:2] == ["Steg 1: Forankre", "Politiattest for besøksvener"]
    appendices = ("Ansvarskart", "Årshjulet", "Kontaktliste", "Samarbeidspartnarar")
    for expected in [*appendices, "Stikkordregister"]:
        assert expected in titles
    assert sum(1 for title in titles if title.startswith("Steg ")) == 8
    assert all(title in titles for title in APPROVED)
    numbers = [page for _title, page in entries]
    assert numbers == sorted(numbers) and numbers[-1] <= len(pages)
    first_step = numbers[0]  # the pages before it are the cover and the contents
    for title, page in entries:
        text = pages[page - 1]
        if title.startswith("Steg "):
            number, name = re.match(r"Steg (\d): (.*)", title).groups()
            assert text.startswith(f"STEG {number}\n{name}"), title
        elif title in (*appendices, "Stikkordregister"):
            assert text.startswith(title), title
        else:  # a routine: its heading is on that page, not yet on the one before
            assert _flat(title) in _flat(text), title
            if page - 1 > first_step:
                assert _flat(title) not in _flat(pages[page - 2]), title
    # Within a step in Norwegian order; the long routine runs onto the next page.
    found = dict(entries)
    skyss, velkomst, oving = (
        found[title]
        for title in ("Skyss og følgje", "Velkomst av nye frivillige", "Øving på brann")
    )
    assert titles.index("Skyss og følgje") < titles.index("Velkomst av nye frivillige")
    assert titles.index("Velkomst av nye frivillige") < titles.index("Øving på brann")
    assert skyss <= velkomst < oving


def test_each_of_the_8_steps_starts_on_a_new_page_and_says_when_it_has_no_routine(lom):
    _reader, pages = lom
    starts = [i for i, text in enumerate(pages) if re.match(r"STEG \d\n", text)]
    assert [pages[i][5] for i in starts] == list("12345678")
    for number in (4, 8):  # only a draft, only an archived routine
        assert (
            "Kommunen har ingen godkjend rutine for dette steget enno." in pages[starts[number - 1]]
        )
    assert "ingen godkjend rutine" not in pages[starts[0]]
    assert "Steg 6: Utvikle rutinar" in pages[starts[5] + 1]  # the running header of the step


def test_the_index_lists_terms_in_norwegian_order_with_the_page_they_are_on(lom):
    _reader, pages = lom
    entries = _index(pages)
    terms = [term for term, _numbers in entries]
    for term in ["Lom sjukeheim", "Heimetenesta i Lom", "Lag nummer 00", "Teieerklæring",
                 "Frivilligkoordinator", "Frivilligkontakt", "Øving på brann",
                 "Årleg gjennomgang"]:  # fmt: skip
        assert term in terms, term
    assert terms == sorted(terms, key=sort_key)
    assert terms.index("Øving på brann") < terms.index("Årleg gjennomgang")
    assert terms.index("Velkomst av nye frivillige") < terms.index("Øving på brann")
    for term, numbers in entries:
        for number in numbers:
            assert _flat(term) in _flat(pages[number - 1]), (term, number)
    numbers = dict(entries)
    contacts = next(i for i, text in enumerate(pages) if text.startswith("Kontaktliste")) + 1
    assert numbers["Lom sjukeheim"] == [contacts]
    # The partner far down the list is on the partners' second page, not their first.
    first = next(i for i, text in enumerate(pages) if text.startswith("Samarbeidspartnarar")) + 1
    assert numbers[f"Lag nummer {PARTNERS - 1:02}"][0] > first
    assert len(numbers["Teieerklæring"]) == 2  # the routine and the declaration


def test_a_long_table_repeats_its_header_row_and_the_map_is_on_landscape_pages(lom):
    reader, pages = lom
    first = next(i for i, text in enumerate(pages) if text.startswith("Samarbeidspartnarar"))
    assert "Samarbeidspartnar Kontaktpersonar" in pages[first]
    assert pages[first + 1].startswith("Samarbeidspartnar Kontaktpersonar")  # repeated header
    grid = next(i for i, text in enumerate(pages) if text.startswith("Ansvarskart"))
    box = reader.pages[grid].mediabox
    assert box.width > box.height
    box = reader.pages[grid + 1].mediabox
    assert box.width < box.height


def test_lom_gets_its_binder_in_nynorsk_with_no_english(lom):
    reader, pages = lom
    text = "\n".join(pages)
    assert reader.metadata.title == "Rutineperm – Lom"
    assert reader.trailer["/Root"]["/Lang"] == "nn"
    assert pages[0].startswith("RUTINEPERM\nLom")
    assert "Innhald" in pages[1] and "Vedlegg" in pages[1]
    for words in ["Stikkordregister", "Kontaktliste", "Verksemder og frivilligkontaktar",
                  "Teieerklæringa dei frivillige skriv under", "Versjon 3, publisert",
                  "Ikkje å fortelje vidare", f"Side 1 av {len(pages)}", "Skriven ut"]:  # fmt: skip
        assert words in text, words
    for english in ["Contents", "Index", "Step ", "Page ", "Printed", "Owner", "Version",
                    "Appendices", "Contact list", "Phone", "Responsibility", "Partners",
                    "routine", "volunteer"]:  # fmt: skip
        assert english not in text, english
    for bokmal in ["Innhold", "ikke ", "Eier", "godkjent rutine", "Virksomhet", "Skrevet ut"]:
        assert bokmal not in text, bokmal
    assert re.search(r"^Lom Steg 4: Involvere$", pages[5], re.MULTILINE)  # the running header


def test_drammen_gets_its_binder_in_bokmal(binders):
    reader, pages = binders["nb"]
    text = "\n".join(pages)
    assert reader.metadata.title == "Rutineperm – Drammen"
    assert reader.trailer["/Root"]["/Lang"] == "nb"
    empty = "Kommunen har ingen godkjent rutine for dette steget ennå."
    for words in ["Innhold", "Stikkordregister", "Velkommen", "Eier", "Kontaktliste", empty,
                  "Skrevet ut"]:  # fmt: skip
        assert words in text, words
    assert "Innhald" not in text and "ikkje" not in text


def test_markup_in_a_routine_title_or_partner_name_is_printed_as_text_and_reads_nothing(binders):
    reader, pages = binders["nn"]
    text = "\n".join(pages)
    assert _flat(HOSTILE_TITLE) in _flat(text)
    assert _flat(HOSTILE_PARTNER) in _flat(text)
    assert reader.attachments == {}
    assert "/EmbeddedFiles" not in reader.trailer["/Root"].get("/Names", {})
    assert b"root:x:0:0" not in binders["lom_pdf"] and "root:x:0:0" not in text


@pytest.mark.django_db
def test_the_binder_is_a_publishable_document_for_those_who_read_the_routines():
    document = contributions.document("binder")
    assert document is not None
    assert document.publishable and document.action == "view_routines"
    assert str(document.title) == "Rutineperm"


def test_a_routine_text_keeps_its_numbered_steps_and_paragraphs():
    blocks = text_blocks("Føremål: dette.\nAndre linja.\n\n1. Først\n2. Så\n\n- ein\n- to\n")
    assert blocks == [
        {"kind": "p", "lines": ["Føremål: dette.", "Andre linja."]},
        {"kind": "ol", "items": [(1, "Først"), (2, "Så")]},
        {"kind": "ul", "items": ["ein", "to"]},
    ]
    assert text_blocks("1. Først\nikkje nummerert") == [
        {"kind": "p", "lines": ["1. Først", "ikkje nummerert"]}
    ]


def test_norwegian_alphabetical_order_puts_ae_oe_aa_last():
    words = ["Årleg", "Zebra", "Øving", "Ærend", "Ekstra", "Élan", "alpha"]
    assert sorted(words, key=sort_key) == [
        "alpha",
        "Ekstra",
        "Élan",
        "Zebra",
        "Ærend",
        "Øving",
        "Årleg",
    ]


@pytest.mark.django_db
def test_a_routine_section_names_its_step_and_owner(coordinator_lom):
    routine = RoutineFactory(owner=coordinator_lom, approved=True, title="Ein rutine", step=2)
    section = next(
        section
        for section in contributions.binder_sections(municipality(LOM))
        if section.key == f"routine-{routine.pk}"
    )
    assert (section.step, section.title, section.index_terms) == (2, "Ein rutine", ("Ein rutine",))
    assert section.context["owner"] == coordinator_lom.full_name
