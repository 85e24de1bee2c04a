"""Bokmål is the default and English is complete beside it."""

import re
from pathlib import Path

import polib
import pytest
from django.urls import reverse

LOCALE = Path(__file__).resolve().parents[1] / "locale"


@pytest.mark.parametrize("language", ["nb", "en"])
def test_every_message_is_translated_and_compiled(language):
    po_path = LOCALE / language / "LC_MESSAGES" / "django.po"
    catalog = polib.pofile(str(po_path))
    assert len(catalog) > 150
    untranslated = [e.msgid for e in catalog if not e.translated()]
    assert untranslated == []
    compiled = polib.mofile(str(po_path.with_suffix(".mo")))
    assert {e.msgid for e in compiled} >= {e.msgid for e in catalog}


@pytest.mark.django_db
def test_site_speaks_bokmal_by_default_and_english_on_request(client):
    assert "Hopp til hovedinnholdet" in client.get("/").content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get("/").content.decode()
    assert "Skip to main content" in html
    assert '<html lang="en">' in html


@pytest.mark.django_db
def test_language_choice_is_remembered_on_the_account(client, volunteer):
    client.force_login(volunteer)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    volunteer.refresh_from_db()
    assert volunteer.preferred_language == "en"
    client.cookies.clear()  # a new browser: the account's choice still holds
    client.force_login(volunteer)
    assert "My page" in client.get(reverse("coordination:my_page")).content.decode()


@pytest.mark.django_db
def test_an_english_browser_still_gets_bokmal_until_english_is_chosen(client):
    html = client.get("/", headers={"Accept-Language": "en-US,en;q=0.9"}).content.decode()
    assert '<html lang="nb">' in html


ROOT = LOCALE.parent
# Simple one-line literals: {% translate "…" %} in templates, _("…") / gettext_lazy("…") in code.
TEMPLATE_LITERAL = re.compile(r'\{% (?:translate|trans) "((?:[^"\\]|\\.)+)"')
CODE_LITERAL = re.compile(r'\b_\(\s*"((?:[^"\\]|\\.)+)"\s*\)')


def _project_files(pattern: str):
    for folder in ("coordination", "volunteers", "activities", "grants", "templates"):
        for path in (ROOT / folder).rglob(pattern):
            if "migrations" not in path.parts:
                yield path


def test_the_catalogue_holds_every_message_in_the_code():
    """A string shown to people but missing from the catalogue stays English in bokmål: the
    catalogues must be regenerated (`make messages`) after any change to the texts."""
    msgids = {e.msgid for e in polib.pofile(str(LOCALE / "nb" / "LC_MESSAGES" / "django.po"))}
    found = {m for p in _project_files("*.html") for m in TEMPLATE_LITERAL.findall(p.read_text())}
    found |= {
        m.replace('\\"', '"')
        for p in _project_files("*.py")
        for m in CODE_LITERAL.findall(p.read_text())
    }
    assert len(found) > 500
    assert sorted(found - msgids) == []
