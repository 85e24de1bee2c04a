"""The printed handbooks (issue 14): the volunteer handbook for the introductory course (the
ground rules, confidentiality and the declaration itself, every role, what to do when worried
about someone with the numbers, insurance, police certificates, contacts, the routines that
concern volunteers), its large-print variant (same content, bigger type, more pages), and the
volunteer contacts' handbook (each unit's ready volunteers with phone numbers, never anyone
else's). Lom reads them in nynorsk, Drammen in bokmål, with no English left; a volunteer named
with markup is printed as text.

The PDFs are typeset once for the module (each costs a second or two) and read back with
pypdf."""

from __future__ import annotations

import io
import re
import statistics

import pytest
from django.db import transaction
from django.utils import timezone
from pypdf import PdfReader

from coordination.kernel import contributions, languages
from coordination.kernel.contact import PublicContact
from coordination.kernel.documents import typeset
from coordination.kernel.models import Membership, Role
from coordination.kernel.permissions import can
from coordination.units.models import Unit, UnitContact
from tests.conftest import ensure_reference_data, make_persona
from tests.factories import RoutineFactory, VolunteerFactory, municipality
from volunteers.handbook.exports import CONTACT_HANDBOOK, LARGE_PRINT, VOLUNTEER_HANDBOOK
from volunteers.models import (
    CertificateKind,
    DeclarationText,
    InsuranceInfo,
    RoleHolder,
    Signature,
    VolunteerRole,
    VolunteerUnit,
)

pytestmark = pytest.mark.django_db  # the test database (the module's data is made once)

LOM, DRAMMEN = "3434", "3301"
HOSTILE_NAME = (
    '<img src="file:///etc/passwd"> Ola <link rel="attachment" href="file:///etc/passwd">'
)
DECLARATION = "Eg lovar å ikkje fortelje vidare det eg får vite om dei eg hjelper."
VISITING = {
    "what_you_do": "Besøkjer personen fast, til dømes ein gong i veka\nPratar og drikk kaffi saman",
    "what_you_do_not_do": "Gir medisinar eller anna helsehjelp\nTek imot pengar eller nøklar",
}
DRIVER = {
    "what_you_do": "Køyrer personen til avtalar og aktivitetar\nFølgjer personen til døra",
    "what_you_do_not_do": "Løftar eller ber personen\nKøyrer utan gyldig førarkort",
}
# Words that only an English text has (user data here is all Norwegian).
ENGLISH = re.compile(
    r"\b(the|and|you|your|what|when|with|handbook|volunteers?|page|printed|police|fire|"
    r"contents|routines?|insurance|welcome)\b",
    re.IGNORECASE,
)


def _reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def _pages(reader: PdfReader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


def _flat(text: str) -> str:
    """Text without line breaks, spaces and hyphens: a sentence may wrap or hyphenate."""
    return re.sub(r"[\s‐\-­]+", "", text)


def _signed(volunteer, declaration):
    Signature.objects.create(volunteer=volunteer, text=declaration)
    return volunteer


def _lom_world():
    lom = municipality(LOM)
    coordinator = make_persona("coordinator_lom")
    contact = make_persona("volunteer_contact_lom")
    contact.phone = "917 00 111"
    contact.save()
    PublicContact.objects.create(
        municipality=lom,
        coordinator=coordinator,
        show_name=True,
        phone="61 21 99 00",
        when_to_call="Kvardagar 9–15",
    )
    declaration = DeclarationText.objects.create(municipality=lom, version=1, body=DECLARATION)
    visiting = VolunteerRole.objects.create(
        municipality=lom,
        name="Besøksven",
        interest="visiting_friend",
        requires_certificate=True,
        certificate_kinds=[CertificateKind.LIMITED],
        certificate_legal_basis="Besøksvener er åleine heime hos sårbare eldre.",
        **VISITING,
    )
    driver = VolunteerRole.objects.create(
        municipality=lom, name="Sjåfør", interest="transport", **DRIVER
    )
    InsuranceInfo.objects.create(
        municipality=lom,
        insured_by="Lom kommune, kollektiv ulykkesforsikring",
        covers="Personskade medan du gjer eit oppdrag.",
    )
    home_care = Unit.objects.create(
        municipality=lom, name="Heimetenesta i Lom", kind="home_care", phone="61 21 30 00"
    )
    nursing_home = Unit.objects.create(municipality=lom, name="Lom sjukeheim", kind="nursing_home")
    UnitContact.objects.create(
        unit=nursing_home,
        membership=Membership.objects.get(user=contact, role=Role.VOLUNTEER_CONTACT),
    )

    def volunteer(name, unit, *, phone="", signed=True, role=None, left=False):
        person = VolunteerFactory(user=None, municipality=lom, name=name, phone=phone)
        if signed:
            _signed(person, declaration)
        if role is not None:
            RoleHolder.objects.create(volunteer=person, role=role)
        if left:
            person.left_at = timezone.now()
            person.save()
        VolunteerUnit.objects.create(volunteer=person, unit=unit)
        return person

    volunteer("Randi Bakkom", nursing_home, phone="912 34 567", role=driver)
    volunteer(HOSTILE_NAME, nursing_home, phone="913 00 000")
    volunteer("Ola Sulheim", home_care, phone="915 55 555", role=driver)
    volunteer("Tor Vole", nursing_home, phone="916 66 666", signed=False)  # not signed
    volunteer("Nils Brimi", nursing_home, phone="918 88 888", left=True)  # has stopped
    volunteer("Astrid Rustad", nursing_home, phone="919 99 999", role=visiting)  # no certificate
    # Another municipality's volunteer, wrongly linked to a unit in Lom: never printed there.
    stranger = VolunteerFactory(
        user=None, municipality=municipality(DRAMMEN), name="Aud Drammensen", phone="920 00 000"
    )
    VolunteerUnit.objects.create(volunteer=stranger, unit=nursing_home)
    _signed(stranger, declaration)  # ready in every other respect

    owner = coordinator
    RoutineFactory(
        municipality=lom, title="Når ein frivillig er uroleg", topic="worried", owner=owner,
        approved=True,
    )  # fmt: skip
    RoutineFactory(
        municipality=lom, title="Samarbeidsavtale med eit lag", topic="partners", step=3,
        owner=owner, approved=True,
    )  # fmt: skip
    RoutineFactory(municipality=lom, title="Utkast om velkomst", topic="welcoming", owner=owner)
    return lom, coordinator, contact


@pytest.fixture(scope="module")
def handbooks(django_db_setup, django_db_blocker):
    """Lom's and Drammen's handbooks, typeset once; the data is rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        ensure_reference_data()
        lom, coordinator, contact = _lom_world()
        drammen = municipality(DRAMMEN)
        make_persona("coordinator_drammen")
        documents = contributions.DOCUMENTS  # as registered: what the print pages make
        pdfs = {
            "lom": typeset(documents[VOLUNTEER_HANDBOOK].make(lom, "nn")),
            "lom_large": typeset(documents[LARGE_PRINT].make(lom, "nn")),
            "lom_contacts": typeset(documents[CONTACT_HANDBOOK].make(lom, "nn")),
            "drammen": typeset(
                documents[VOLUNTEER_HANDBOOK].make(
                    drammen, languages.language_of_municipality(drammen)
                )
            ),
        }
        readers = {key: _reader(pdf) for key, pdf in pdfs.items()}
        rights = {
            "coordinator": can(coordinator, contributions.DOCUMENTS[CONTACT_HANDBOOK].action, lom),
            "contact": can(contact, contributions.DOCUMENTS[CONTACT_HANDBOOK].action, lom),
        }
        yield pdfs, readers, rights
        transaction.set_rollback(True)


def test_the_ground_rules_and_the_emergency_numbers_are_in_the_volunteer_handbook(handbooks):
    _pdfs, readers, _rights = handbooks
    text = "\n".join(_pages(readers["lom"]))
    for rule in (
        "Du får ikkje betalt.",
        "Du hjelper av fri vilje.",
        "Du erstattar aldri tilsette.",
        "Du får aldri ei oppgåve du ikkje vil ha.",
    ):
        assert _flat(rule) in _flat(text)
    for number in ("113", "116 117", "112", "110"):
        assert number in text
    assert "61 21 30 00" in text and "Heimetenesta i Lom" in text  # the home-care service


def test_the_coordinators_name_and_phone_welcome_the_volunteer(handbooks):
    _pdfs, readers, _rights = handbooks
    welcome = _pages(readers["lom"])[1]
    assert "Velkomen" in welcome
    assert "Ingrid Bakken" in welcome and "61 21 99 00" in welcome and "Kvardagar 9–15" in welcome


def test_every_role_is_described_with_what_you_do_and_do_not_do(handbooks):
    _pdfs, readers, _rights = handbooks
    text = _flat("\n".join(_pages(readers["lom"])))
    for description in (VISITING, DRIVER):
        for lines in description.values():
            for line in lines.splitlines():
                assert _flat(line) in text
    assert _flat("Dette gjer du ikkje") in text
    assert _flat("Rolla krev politiattest: avgrensa politiattest.") in text


def test_the_declaration_is_printed_as_the_municipality_has_it_beside_the_staffs_duty(handbooks):
    _pdfs, readers, _rights = handbooks
    text = _flat("\n".join(_pages(readers["lom"])))
    assert _flat(DECLARATION) in text
    assert _flat("Teieplikta til dei tilsette") in text and _flat("Teieerklæringa di") in text


def test_only_the_approved_routines_that_concern_volunteers_are_printed(handbooks):
    _pdfs, readers, _rights = handbooks
    volunteers = "\n".join(_pages(readers["lom"]))
    assert "Når ein frivillig er uroleg" in volunteers
    # ... and the chapter on being worried points to it
    worried = next(page for page in _pages(readers["lom"]) if page.startswith("Når du er uroleg"))
    assert _flat("«Når ein frivillig er uroleg», bak i handboka") in _flat(worried)
    assert "Samarbeidsavtale med eit lag" not in volunteers  # for coordinators
    assert "Utkast om velkomst" not in volunteers  # a draft
    contacts = "\n".join(_pages(readers["lom_contacts"]))
    assert "Samarbeidsavtale med eit lag" in contacts  # listed among the binder's others
    assert "Utkast om velkomst" not in contacts


def test_the_table_of_contents_gives_each_chapters_page(handbooks):
    _pdfs, readers, _rights = handbooks
    for key in ("lom", "lom_large", "lom_contacts"):
        pages = _pages(readers[key])
        contents = "\n".join(pages[:2])
        # "Velkomen . . . . . 2": the title, the leader's dots, the page number
        entries = re.findall(r"^(\S.*?)(?: \.)+ (\d+)$", contents, re.MULTILINE)
        entries = [(title, int(number)) for title, number in entries]
        assert len(entries) >= 6, contents
        for title, number in entries:
            # the chapter starts that page (a long title may wrap)
            assert _flat(pages[number - 1]).startswith(_flat(title)), (key, title, number)


def _body_size(reader: PdfReader, page: int) -> float:
    """The most common type size on a page, weighted by characters."""
    sizes: list[float] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
            sizes.extend([round(size * scale, 1)] * len(text.strip()))

    reader.pages[page].extract_text(visitor_text=visit)
    return statistics.mode(sizes)


def test_large_print_has_the_same_content_in_bigger_type_on_more_pages(handbooks):
    _pdfs, readers, _rights = handbooks
    normal, large = readers["lom"], readers["lom_large"]
    assert len(large.pages) > len(normal.pages)
    assert _body_size(normal, 1) <= 11.5 and _body_size(large, 2) >= 18
    for text in ("Du hjelper av fri vilje.", "116 117", "Ingrid Bakken", DECLARATION):
        assert _flat(text) in _flat("\n".join(_pages(large)))
    assert large.metadata.title == "Handbok for frivillige, stor skrift – Lom"


def test_the_contact_handbook_lists_only_active_ready_volunteers_of_each_unit(handbooks):
    _pdfs, readers, _rights = handbooks
    pages = _pages(readers["lom_contacts"])
    nursing_home = next(p for p in pages if p.startswith("Lom sjukeheim\n"))
    home_care = next(p for p in pages if p.startswith("Heimetenesta i Lom\n"))
    assert "Randi Bakkom" in nursing_home and "912 34 567" in nursing_home
    assert "Ola Sulheim" in home_care and "Ola Sulheim" not in nursing_home
    assert "Randi Bakkom" not in home_care
    everything = "\n".join(pages)
    for absent in ("Tor Vole", "Nils Brimi", "Astrid Rustad", "Aud Drammensen", "920 00 000"):
        assert absent not in everything
    # the two not ready (not signed; no police certificate) are counted, not named
    assert _flat("2 frivillige til er knytte til verksemda") in _flat(nursing_home)
    assert "Kari Sletten" in nursing_home and "917 00 111" in nursing_home


def test_the_contact_handbook_is_for_coordinators_only_and_never_published(handbooks):
    _pdfs, _readers, rights = handbooks
    assert rights == {"coordinator": True, "contact": False}
    assert not contributions.DOCUMENTS[CONTACT_HANDBOOK].publishable
    assert contributions.DOCUMENTS[VOLUNTEER_HANDBOOK].publishable
    assert contributions.DOCUMENTS[LARGE_PRINT].publishable


def test_lom_reads_nynorsk_and_drammen_bokmal_with_no_english_left(handbooks):
    _pdfs, readers, _rights = handbooks
    lom = readers["lom"]
    assert lom.metadata.title == "Handbok for frivillige – Lom"
    assert lom.trailer["/Root"]["/Lang"] == "nn"
    for key in ("lom", "lom_large", "lom_contacts"):
        text = "\n".join(_pages(readers[key]))
        assert "ikkje" in text and "teieerklæring" in text.lower()
        assert not re.search(r"\b(ikke|hva|hvem|hvis|taushets\w*|hjemmetjenest\w*)\b", text, re.I)
        assert not ENGLISH.findall(text), (key, ENGLISH.findall(text))
    drammen = readers["drammen"]
    assert drammen.metadata.title == "Håndbok for frivillige – Drammen"
    assert drammen.trailer["/Root"]["/Lang"] == "nb"
    text = "\n".join(_pages(drammen))
    assert "Taushetsplikt og taushetserklæring" in text and "ikke" in text
    assert not re.search(r"\b(ikkje|kva|kven|teie\w*)\b", text, re.I)
    assert not ENGLISH.findall(text), ENGLISH.findall(text)


def test_markup_in_a_volunteers_name_is_printed_as_text_and_reads_nothing(handbooks):
    pdfs, readers, _rights = handbooks
    reader = readers["lom_contacts"]
    text = "\n".join(_pages(reader))
    assert _flat("file:///etc/passwd") in _flat(text) and "<img" in text
    assert reader.attachments == {}
    assert "/EmbeddedFiles" not in reader.trailer["/Root"].get("/Names", {})
    assert b"root:x:0:0" not in pdfs["lom_contacts"] and "root:x:0:0" not in text


def test_a_municipality_without_a_public_contact_says_whom_to_ask(handbooks):
    _pdfs, readers, _rights = handbooks
    welcome = _pages(readers["drammen"])[1]
    assert "Hassan Ali" not in welcome  # he has not chosen to be named in public
    assert _flat("ring kommunens sentralbord") in _flat(welcome)


def test_the_footer_says_page_of_pages_and_the_cover_has_no_running_header(handbooks):
    _pdfs, readers, _rights = handbooks
    pages = _pages(readers["lom"])
    assert f"Side 1 av {len(pages)}" in pages[0]
    assert f"Side {len(pages)} av {len(pages)}" in pages[-1]
    assert "Lom" in pages[1].splitlines() and "Lom" not in pages[0].splitlines()
