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


def _starter_routines() -> str:
    return (ROOT / "coordination" / "starter_routines.py").read_text(encoding="utf-8")


@pytest.mark.parametrize("concept", CONCEPTS)
def test_one_bokmal_word_per_concept(concept):
    word, synonyms = CONCEPTS[concept]
    found = [
        (msgid, text)
        for msgid, text in [*_bokmal_texts(), ("starter routines", _starter_routines())]
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
