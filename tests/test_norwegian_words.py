"""Plain, consistent Norwegian, by the glossary (locale/GLOSSARY.md): one word per concept,
«…» quotes, "valgfritt" for optional fields (frivillig means volunteer here), ngettext for
counts, and Django's own messages in bokmål; then the same for nynorsk, with no bokmål left in
it."""

import re
from pathlib import Path

import polib
import pytest
from django.db.models.fields import BLANK_CHOICE_LABEL
from django.urls import reverse
from django.utils import translation

ROOT = Path(__file__).resolve().parents[1]
NB_PO = ROOT / "locale" / "nb" / "LC_MESSAGES" / "django.po"

# concept → (the word we use, patterns of the synonyms we do not use)
CONCEPTS = {
    "unit": ("virksomhet", [r"\benhet(?:en|er|ene)?\b", r"\bavdeling\w*"]),
    "sign": ("skrive under", [r"\bsigner\w*", r"\bundertegn\w*"]),
    "audit log": ("tilgangslogg", [r"revisjonslogg\w*", r"hendelseslogg\w*"]),
    "two-factor login": ("totrinnsbekreftelse", [r"to-?faktor\w*", r"\b2FA\b", r"tostegs\w*"]),
    "routine binder": ("rutinepermen", [r"rutineperma\b"]),
    "volunteer hours": ("frivillighetstimer", [r"\bfrivillige timer\b"]),
}


def _bokmal_texts() -> list[tuple[str, str]]:
    """(msgid, msgstr) for every bokmål message, plural forms included."""
    texts = []
    for entry in polib.pofile(str(NB_PO)):
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            if text:
                texts.append((entry.msgid, text))
    return texts


# Bokmål that ships as data: the starter texts, the default staircase, the demo.
DATA_FILES = ["coordination/staircase/defaults.py",
              *(str(p.relative_to(ROOT)) for p in sorted(ROOT.glob("*/*/starters/nb/*.md"))),
              *(str(p.relative_to(ROOT)) for p in ROOT.glob("*/*/demo.py"))]  # fmt: skip


def _data_texts() -> list[tuple[str, str]]:
    return [(name, (ROOT / name).read_text(encoding="utf-8")) for name in DATA_FILES]


@pytest.mark.parametrize("concept", CONCEPTS)
def test_one_bokmal_word_per_concept(concept):
    word, synonyms = CONCEPTS[concept]
    found = [
        (msgid, text)
        for msgid, text in [*_bokmal_texts(), *_data_texts()]
        for pattern in synonyms
        if re.search(pattern, text, re.IGNORECASE)
    ]
    assert found == [], f"say «{word}» for {concept}"
    assert any(word in text.lower() for _, text in _bokmal_texts())


def test_optional_is_valgfritt_never_frivillig():
    optional = [(i, t) for i, t in _bokmal_texts() if re.search(r"\boptional\b", i, re.I)]
    assert optional, "no optional fields found: the test is out of date"
    wrong = [(i, t) for i, t in optional if "valgfri" not in t.lower()]
    assert wrong == []
    assert all("(frivillig)" not in t for _, t in _bokmal_texts())


def test_norwegian_quotation_marks_in_norwegian_text():
    wrong = []
    for msgid, text in _bokmal_texts():
        words = re.sub(r"<[^>]+>", "", text)  # an attribute's quotes are HTML, not text
        if re.search(r'["“”]', words):
            wrong.append((msgid, text))
    assert wrong == []


def test_counts_use_plural_forms_not_brackets():
    bracketed = r"\w\((?:s|er|r|e|ne|en)\)"
    entries = polib.pofile(str(NB_PO))
    ours = [e for e in entries if any(not o[0].startswith(".venv") for o in e.occurrences)]
    assert [e.msgid for e in ours if re.search(bracketed, e.msgid)] == []
    assert [t for _, t in _bokmal_texts() if re.search(bracketed, t)] == []


def test_djangos_new_messages_are_in_bokmal():
    with translation.override("nb"):
        assert str(BLANK_CHOICE_LABEL) == "– Velg –"


@pytest.mark.django_db
def test_password_rules_are_said_in_bokmal_on_sign_up(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "ny@example.no", "full_name": "Ny Person", "password1": "123",
         "password2": "123"},
        HTTP_ACCEPT_LANGUAGE="nb",
    )  # fmt: skip
    html = response.content.decode()
    assert "Passordet er for kort. Det må ha minst 8 tegn." in html
    assert "This password" not in html and "too short" not in html


@pytest.mark.django_db
def test_the_staircase_already_stored_gets_the_one_word_unless_someone_changed_it():
    import importlib

    from django.apps import apps

    from coordination.models import Indicator

    migration = importlib.import_module("coordination.migrations.0010_audit_codes")
    default = Indicator.objects.get(evidence_key="unit_contacts")
    default.text_nb = (
        "Hver enhet (sykehjem, hjemmetjeneste, dagsenter) har en frivillighetskontakt."
    )
    default.save()
    own = Indicator.objects.exclude(pk=default.pk).first()
    own.text_nb = "Vår egen tekst om hver enhet."
    own.save()
    migration.staircase_in_one_word(apps, None)
    default.refresh_from_db()
    own.refresh_from_db()
    assert default.text_nb.startswith("Hver virksomhet (sykehjem,")
    assert own.text_nb == "Vår egen tekst om hver enhet."


# --- nynorsk ----------------------------------------------------------------------------------

NN_PO = [ROOT / "locale" / "nn" / "LC_MESSAGES" / "django.po",
         ROOT / "locale" / "allauth" / "nn" / "LC_MESSAGES" / "django.po"]  # fmt: skip
NN_FILES = sorted(ROOT.glob("*/*/starters/nn/*.md"))

# The glossary's nynorsk (locale/GLOSSARY.md): concept -> (our word, patterns we do not use)
NN_CONCEPTS = {
    "coordinator": ("frivilligkoordinator", [r"frivillighe(?:i)?tskoordinator"]),
    "volunteer contact": ("frivilligkontakt", [r"frivillighe(?:i)?tskontakt"]),
    "unit": ("verksemd", [r"\bvirksomhet\w*", r"\benhet\w*"]),
    "confidentiality": ("teieerklæring", [r"taushets\w*"]),
    "home-care service": ("heimetenesta", [r"hjemmetjenest\w*", r"heimetjenest\w*"]),
    "nursing home": ("sjukeheim", [r"sykehjem\w*"]),
    "two-factor login": ("totrinnsstadfesting", [r"totrinnsbekreft\w*", r"to-?faktor\w*"]),
    "optional": ("valfritt", [r"\bvalgfri\w*"]),
    "grant": ("tilskot", [r"\btilskudd\w*"]),
    "grant officer": ("sakshandsamar", [r"\bsaksbehandler\w*"]),
}
# Bokmål words a nynorsk text never has (a word-by-word conversion leaves them behind).
BOKMAL_ONLY = [r"\bikke\b", r"\bhva\b", r"\bhvem\b", r"\bhvordan\b", r"\bhvor\b", r"\bhvis\b",
               r"\bfra\b", r"\bnoen\b", r"\bmye\b", r"\ballerede\b", r"\bfortsatt\b", r"\buke\b",
               r"\bmåned(?:en|er)?\b", r"\bvelg\b", r"\bjeg\b", r"\bdere\b", r"\bderes\b",
               r"\bhjem\b", r"\bbare\b", r"\bble\b", r"\bmeg selv\b", r"\bsiden\b"]  # fmt: skip


def _nynorsk_texts() -> list[tuple[str, str]]:
    texts = []
    for path in NN_PO:
        for entry in polib.pofile(str(path)):
            for text in [entry.msgstr, *entry.msgstr_plural.values()]:
                if text:
                    texts.append((entry.msgid, text))
    texts += [(str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")) for path in NN_FILES]
    from coordination.staircase.defaults import INDICATORS, LEVELS

    for row in [*LEVELS.values(), *INDICATORS]:
        texts += [
            (texts_["nb"], texts_["nn"]) for texts_ in row.values() if isinstance(texts_, dict)
        ]
    return texts


def test_nynorsk_texts_exist_beside_every_bokmal_file():
    bokmal = {
        p.relative_to(ROOT).as_posix().replace("/nb/", "/")
        for p in ROOT.glob("*/*/starters/nb/*.md")
    }
    nynorsk = {p.relative_to(ROOT).as_posix().replace("/nn/", "/") for p in NN_FILES}
    assert len(bokmal) > 10 and nynorsk == bokmal


@pytest.mark.parametrize("concept", NN_CONCEPTS)
def test_one_nynorsk_word_per_concept(concept):
    word, synonyms = NN_CONCEPTS[concept]
    found = [
        (source, text)
        for source, text in _nynorsk_texts()
        for pattern in synonyms
        if re.search(pattern, text, re.IGNORECASE)
    ]
    assert found == [], f"say «{word}» for {concept} in nynorsk"
    assert any(word in text.lower() for _, text in _nynorsk_texts())


def test_nynorsk_has_no_bokmal_words_left():
    found = [
        (source[:60], re.search(pattern, text, re.IGNORECASE).group(0))
        for source, text in _nynorsk_texts()
        for pattern in BOKMAL_ONLY
        if re.search(pattern, re.sub(r"<[^>]+>|%\(\w+\)\w|\{\w+\}", "", text), re.IGNORECASE)
    ]
    assert found == []


def test_nynorsk_uses_norwegian_quotation_marks_and_plural_forms():
    wrong = [
        (source, text)
        for source, text in _nynorsk_texts()
        if re.search(r'["“”]', re.sub(r"<[^>]+>", "", text))
        or re.search(r"\w\((?:ar|er|r|e|ne|a)\)", text)
    ]
    assert wrong == []
