"""Plain, consistent bokmål: one word per concept, «…» quotes, "valgfritt" for optional fields
(frivillig means volunteer here), ngettext for counts, and Django's own messages in bokmål."""

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


# Bokmål that ships as data: starter routines, the default staircase, the demo.
DATA_FILES = ["coordination/routines/starters.py", "coordination/staircase/defaults.py",
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
