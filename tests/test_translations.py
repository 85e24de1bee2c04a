"""Three languages, complete: the catalogues (the source translators edit), which language a
person sees, and texts kept as files per language. English is the language of the msgids, so
it needs no catalogue of its own."""

import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from coordination.kernel import languages
from coordination.kernel.mail import send_email
from coordination.staircase.models import Indicator, StaircaseLevel
from tests.factories import UserFactory, VolunteerFactory, municipality

LOCALE = Path(__file__).resolve().parents[1] / "locale"
ROOT = LOCALE.parent
# Where the texts are: what makemessages reads.
SOURCE_FOLDERS = ("coordination", "volunteers", "activities", "grants", "templates")
CATALOGUES = {
    "nb": LOCALE / "nb" / "LC_MESSAGES" / "django.po",
    "nn": LOCALE / "nn" / "LC_MESSAGES" / "django.po",
    "nn (django-allauth)": LOCALE / "allauth" / "nn" / "LC_MESSAGES" / "django.po",
}


@pytest.mark.parametrize("name", CATALOGUES)
def test_every_message_is_translated_checked_and_compiled(name):
    path = CATALOGUES[name]
    catalogue = polib.pofile(str(path))
    assert len(catalogue) > 250
    assert [e.msgid for e in catalogue if not e.translated()] == []  # fuzzy counts as not
    assert [e.msgid for e in catalogue if e.obsolete] == []
    # msgfmt's own check: every %(name)s / %d of the msgid is in each msgstr, and the header.
    checked = subprocess.run(
        ["msgfmt", "--check-format", "--check-header", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stderr
    compiled = {(e.msgctxt, e.msgid): e for e in polib.mofile(str(path.with_suffix(".mo")))}
    stale = [
        e.msgid
        for e in catalogue
        if (e.msgctxt, e.msgid) not in compiled
        or (compiled[(e.msgctxt, e.msgid)].msgstr or None) != (e.msgstr or None)
    ]
    assert stale == [], "run `make messages` to compile the catalogue"


def test_the_languages_are_bokmal_nynorsk_and_english_named_in_their_own_words():
    assert settings.LANGUAGES == [("nb", "Bokmål"), ("nn", "Nynorsk"), ("en", "English")]
    assert languages.language_codes() == ["nb", "nn", "en"]
    assert not (LOCALE / "en").exists()  # English is the msgids' language


def test_a_translators_edit_survives_make_messages(tmp_path, settings, monkeypatch):
    """`make messages` extracts and merges: it never overwrites a msgstr (the old pipeline
    rewrote the catalogues from Python dicts and lost every edit made in the .po). Run on a copy
    of the project (its folders linked, its catalogue copied), so that the real one is untouched.
    """
    for folder in SOURCE_FOLDERS:
        (tmp_path / folder).symlink_to(ROOT / folder)
    shutil.copytree(LOCALE / "nb", tmp_path / "locale" / "nb")
    path = tmp_path / "locale" / "nb" / "LC_MESSAGES" / "django.po"
    catalogue = polib.pofile(str(path))
    catalogue.find("Skip to main content").msgstr = "Gå rett til innholdet"
    catalogue.remove(catalogue.find("Log out"))  # extracting finds it again, to be translated
    catalogue.save(str(path))
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    monkeypatch.chdir(tmp_path)
    before = CATALOGUES["nb"].read_bytes()
    call_command("makemessages", locale=["nb"], no_obsolete=True, symlinks=True, verbosity=0)
    after = polib.pofile(str(path))
    assert after.find("Skip to main content").msgstr == "Gå rett til innholdet"
    found_again = after.find("Log out")  # untranslated, or a fuzzy guess the tests refuse
    assert found_again.msgstr == "" or "fuzzy" in found_again.flags
    assert {e.msgid for e in after} == {e.msgid for e in catalogue} | {"Log out"}
    assert CATALOGUES["nb"].read_bytes() == before


# Simple one-line literals: {% translate "…" %} in templates, _("…") / gettext_lazy("…") in code.
TEMPLATE_LITERAL = re.compile(r'\{% (?:translate|trans) "((?:[^"\\]|\\.)+)"')
CODE_LITERAL = re.compile(r'\b_\(\s*"((?:[^"\\]|\\.)+)"\s*\)')


def _project_files(pattern: str):
    for folder in SOURCE_FOLDERS:
        for path in (ROOT / folder).rglob(pattern):
            if "migrations" not in path.parts:
                yield path


def test_the_catalogue_holds_every_message_in_the_code():
    """A string shown to people but missing from the catalogue stays English in Norwegian: the
    catalogues must be regenerated (`make messages`) after any change to the texts."""
    for language in ("nb", "nn"):
        msgids = {e.msgid for e in polib.pofile(str(CATALOGUES[language]))}
        found = {
            m for p in _project_files("*.html") for m in TEMPLATE_LITERAL.findall(p.read_text())
        }
        found |= {
            m.replace('\\"', '"')
            for p in _project_files("*.py")
            for m in CODE_LITERAL.findall(p.read_text())
        }
        assert len(found) > 500
        assert sorted(found - msgids) == []


def test_no_literal_language_sets_outside_the_settings():
    """Every list of languages comes from settings.LANGUAGES (kernel.languages)."""
    literal = re.compile(r"""[\[{(]\s*["'](?:nb|nn|en)["']\s*,\s*["'](?:nb|nn|en)["']""")
    found = [
        str(path.relative_to(ROOT))
        for folder in ("coordination", "volunteers", "activities", "grants")
        for path in (ROOT / folder).rglob("*.py")
        if "migrations" not in path.parts
        and path.name != "settings.py"
        and literal.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []


# --- which language a person sees ----------------------------------------------------------


def _lang(response) -> str:
    return re.search(r'<html lang="([a-z]+)"', response.content.decode()).group(1)


@pytest.mark.django_db
def test_a_visitor_sees_bokmal_and_the_municipalitys_written_standard_on_its_pages(client):
    lom = reverse("coordination:municipality_detail", args=["3434"])
    drammen = reverse("coordination:municipality_detail", args=["3301"])
    assert _lang(client.get("/")) == "nb"
    response = client.get(lom)
    assert _lang(response) == "nn"
    assert "Hopp til hovudinnhaldet" in response.content.decode()
    assert _lang(client.get(drammen)) == "nb"


@pytest.mark.django_db
def test_an_english_browser_still_gets_the_municipalitys_language(client):
    headers = {"Accept-Language": "en-US,en;q=0.9"}
    assert _lang(client.get("/", headers=headers)) == "nb"
    lom = reverse("coordination:municipality_detail", args=["3434"])
    assert _lang(client.get(lom, headers=headers)) == "nn"


@pytest.mark.django_db
def test_the_switchers_choice_beats_the_municipalitys(client):
    client.post(reverse("set_language"), {"language": "nb", "next": "/"})
    lom = reverse("coordination:municipality_detail", args=["3434"])
    assert _lang(client.get(lom)) == "nb"
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(lom).content.decode()
    assert '<html lang="en">' in html and "Skip to main content" in html


def _switcher(response) -> list[str]:
    form = response.content.decode().split('class="language-switch"')[1].split("</form>")[0]
    return re.findall(r'value="([a-z]+)" lang="\1" class="btn[^"]*">([^<]+)<', form)


@pytest.mark.django_db
def test_the_switcher_offers_the_other_two_languages_each_in_its_own_words(client):
    assert _switcher(client.get("/")) == [("nn", "Nynorsk"), ("en", "English")]
    lom = reverse("coordination:municipality_detail", args=["3434"])
    assert _switcher(client.get(lom)) == [("nb", "Bokmål"), ("en", "English")]


@pytest.mark.django_db
def test_a_lom_volunteer_who_has_not_chosen_reads_nynorsk_everywhere(client):
    volunteer = VolunteerFactory(
        municipality=municipality("3434"), user=UserFactory(preferred_language="")
    )
    client.force_login(volunteer.user)
    response = client.get(reverse("volunteers:own_page"))
    assert _lang(response) == "nn"
    assert "Mi side" in response.content.decode()


@pytest.mark.django_db
def test_a_persons_own_choice_beats_cookie_and_municipality(client):
    volunteer = VolunteerFactory(
        municipality=municipality("3434"), user=UserFactory(preferred_language="en")
    )
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nb"
    client.force_login(volunteer.user)
    assert _lang(client.get(reverse("volunteers:own_page"))) == "en"


@pytest.mark.django_db
def test_the_choice_is_remembered_on_the_account(client, volunteer):
    client.force_login(volunteer)
    client.post(reverse("set_language"), {"language": "nn", "next": "/"})
    volunteer.refresh_from_db()
    assert volunteer.preferred_language == "nn"
    client.cookies.clear()  # a new browser: the account's choice still holds
    client.force_login(volunteer)
    assert "Mi side" in client.get(reverse("coordination:my_page")).content.decode()


@pytest.mark.django_db
def test_the_profile_can_go_back_to_the_municipalitys_language(client, volunteer):
    client.force_login(volunteer)
    client.post(
        reverse("coordination:profile_edit"),
        {"full_name": volunteer.full_name, "phone": "", "preferred_language": ""},
    )
    volunteer.refresh_from_db()
    assert volunteer.preferred_language == ""


@pytest.mark.django_db
def test_emails_are_in_the_persons_language_else_their_municipalitys():
    lom = municipality("3434")
    unchosen = VolunteerFactory(municipality=lom, user=UserFactory(preferred_language=""))
    english = VolunteerFactory(municipality=lom, user=UserFactory(preferred_language="en"))
    nobody = UserFactory(preferred_language="")  # no municipality of their own yet
    context = {"municipality": lom, "url": "https://samspill.example/"}
    for user in (unchosen.user, english.user):
        send_email(to=user, template="volunteers/email/declaration_reminder", context=context)
    send_email(to=nobody, template="volunteers/email/declaration_reminder",
               context={**context, "municipality": municipality("3301")})  # fmt: skip
    assert [message.subject for message in mail.outbox] == [
        "[Samspill] Skriv under teieerklæringa for Lom",
        "[Samspill] Please sign the confidentiality declaration for Lom",
        "[Samspill] Skriv under taushetserklæringen for Drammen",
    ]


# --- translated data and texts as files --------------------------------------------------


@pytest.mark.django_db
def test_the_staircase_is_in_every_language_with_bokmal_behind_it():
    levels = list(StaircaseLevel.objects.all())
    indicators = list(Indicator.objects.all())
    assert len(levels) == 5 and len(indicators) > 30
    for code in languages.language_codes():
        for row in levels:
            assert getattr(row, f"name_{code}") and getattr(row, f"description_{code}")
        for row in indicators:
            assert getattr(row, f"text_{code}") and getattr(row, f"next_step_{code}")
    first = levels[0]
    with translation.override("nn"):
        assert first.description.startswith("Kommunen og frivilligheita")
    first.description_nn = None  # an administrator's new text, not yet in nynorsk
    with translation.override("nn"):
        assert first.description == first.description_nb


def test_every_language_can_be_named_in_a_sentence():
    assert set(languages.NAME_IN_A_SENTENCE) == set(languages.language_codes())
    with translation.override("nn"):
        assert str(languages.NAME_IN_A_SENTENCE["en"]) == "engelsk"
