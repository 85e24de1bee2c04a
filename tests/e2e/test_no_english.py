"""No English on a Norwegian page, and no bokmål on a nynorsk municipality's page in nynorsk: a
browser reads every page each demo persona reaches, in bokmål and in nynorsk, the way a reader
sees it (the text on screen, plus what a screen reader says: option labels, placeholders,
aria-labels, titles and button values), and fails on words that are never Norwegian (or, for
Lom's personas in nynorsk, never nynorsk), and on a page not marked as the chosen language.

Real Chromium through Playwright, on the demo data (``seed_demo``), so that lists, statuses,
dates and counts are filled in as a user sees them. Each view is read once per persona (one
volunteer's page stands for all), found by following the site's own links from the landing
pages, plus pages no link may lead to (account settings)."""

import functools
import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from playwright.sync_api import Error as PlaywrightError

from coordination.management.commands.seed_demo import DEMO_PASSWORD
from coordination.models import User
from tests.crawl import Crawl, links_in_browser, route
from tests.e2e.conftest import LANGUAGES, speak
from tests.test_norwegian_words import BOKMAL_ONLY

pytestmark = pytest.mark.django_db(transaction=True)

# Words and shapes that are never Norwegian. Function words are matched in any case; a few
# that are Norwegian words too ("to", "is", "for", "and", "April", "August") are left out.
ENGLISH = [
    *(rf"\b{w}\b" for w in ("the", "your", "you", "this", "please", "with", "from", "which",
                            "have", "been", "will", "would", "should", "there", "their", "about",
                            "what", "when", "who", "why", "how", "where", "of", "on", "it",
                            "are", "was", "were", "not", "but", "can", "must", "may", "yet",
                            "new", "name", "phone", "address", "language", "preferred",
                            "joined", "login", "logged", "account", "settings", "details",
                            "show", "hide", "open", "closed", "ended", "required", "optional",
                            "role", "roles", "assignment", "invitation", "hours", "course",
                            "police", "certificate", "declaration", "agreement", "unit",
                            "routine", "staircase", "wheel", "level", "score", "grant",
                            "reviewer", "application", "weekdays", "evenings", "weekends",
                            "daytime", "volunteer", "volunteers", "municipality",
                            "need", "needs", "help", "visiting", "friend", "driver")),
    *(rf"\b{w}\b" for w in ("Select", "Save", "Cancel", "Delete", "Edit", "Submit", "Yes", "No",
                            "Search", "Back", "Next", "Previous", "Choose", "Add", "Remove",
                            "Download", "Password", "Email", "Welcome", "Coordinator",
                            "Municipalities", "January", "February", "March", "June", "July",
                            "October", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
                            "Friday", "Saturday", "Sunday", "None", "True", "False", "pending",
                            "draft", "approved", "declined")),
]  # fmt: skip
CASE_INSENSITIVE = {"the", "your", "you", "this", "please", "with", "from", "which", "what",
                    "when", "who", "why", "how", "where", "volunteer", "volunteers",
                    "municipality", "need", "needs", "hours", "role", "roles", "course",
                    "police", "certificate", "declaration", "agreement", "unit", "routine",
                    "staircase", "wheel", "level", "score", "grant", "reviewer",
                    "application", "assignment", "invitation", "help", "name", "phone",
                    "address", "language", "account", "settings", "details"}  # fmt: skip
# Words on the list above that are Norwegian in one written standard: nynorsk "no" is "now",
# "open" is "åpen"; bokmål "driver" is "runs" (who runs the project).
NORWEGIAN_TOO = {"nb": {"driver"}, "nn": {"No", "open"}}
# The portal's Norwegian languages: every language but the one the texts are written in.
NORWEGIAN = [code for code in LANGUAGES if code != "en"]
# Personas whose pages hold only what a nynorsk municipality wrote (Lom), so that bokmål words on
# them in nynorsk are the portal's own: Drammen's content is bokmål by right (shown as written).
# The national grant-maker's people (grant-officer, grant-reviewer) read Helsedirektoratet's
# schemes and applications from all over the country: bokmål by right, not Lom's nynorsk.
NYNORSK_MUNICIPALITY_PERSONAS = {"anonymous", "coordinator-lom", "contact-lom", "partner-lom",
                                 "volunteer-lom", "volunteer-lom-2"}  # fmt: skip
# Codes and defaults that leak: snake_case values, Django's empty choice, ISO dates in text.
LEAKS = [r"\b[a-z]+_[a-z_]+\b", r"- Select an option -", r"-{5,}", r"\b\d{4}-\d{2}-\d{2}\b"]

PERSONAS = {
    "anonymous": None,
    "coordinator-lom": "koordinator.lom@samspill.example",
    "contact-lom": "kontakt.sjukeheim.lom@samspill.example",
    "grant-officer": "saksbehandlar.helsedir@samspill.example",
    "grant-reviewer": "fagvurderar.helsedir@samspill.example",
    "partner-lom": "frivilligsentral.lom@samspill.example",
    "volunteer-lom": "frivillig.astrid@samspill.example",
    "volunteer-lom-2": "frivillig.nils@samspill.example",
    "coordinator-drammen": "koordinator.drammen@samspill.example",
}
LANDING = ["/", "/my/"]
# Checked for every logged-in persona, whether or not a link leads there.
ALWAYS = ["/my/profile/", "/my/data/page/", "/accounts/email/", "/accounts/password/change/",
          "/accounts/2fa/", "/privacy/", "/accessibility/"]  # fmt: skip
PUBLIC = ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/", "/municipalities/"]
MAX_PAGES = 150
# Never followed: logging out, anything that changes data, files, other languages.
SKIP = re.compile(
    r"^/accounts/logout/|remove|delete|deactivate|anonymise|^/i18n/|^/static/|^/media/|"
    r"^/admin/|download|export|\.(csv|xlsx|pdf|json|ics)$"
)

# Text marked as another language (lang="en", e.g. the English column names of the import
# file, or the language switch) is in that language by right: a screen reader reads it so.
# Hide it first.
TEXT_AS_READ = """(language) => {
    for (const el of document.querySelectorAll(`body [lang]:not([lang|=${language}])`)) {
        el.style.display = "none";
    }
    const parts = [document.title, document.body.innerText];
    for (const el of document.querySelectorAll(
            "[placeholder], [aria-label], [title], option, input[type=submit], input[type=button]"
            )) {
        for (const name of ["placeholder", "aria-label", "title"]) {
            if (el.hasAttribute(name)) parts.push(el.getAttribute(name));
        }
        if (el.tagName === "OPTION") parts.push(el.textContent);
        if (el.tagName === "INPUT") parts.push(el.value);
    }
    return parts.join("\\n");
}"""


@functools.cache
def _english_patterns(language: str) -> tuple[re.Pattern, ...]:
    """ENGLISH and LEAKS as three compiled patterns (words in any case, words as written,
    leaks) for ``language``: one pass over a page's text each, rather than one per word; the
    crawl reads some 500 pages per language."""
    words = [p[2:-2] for p in ENGLISH if p[2:-2] not in NORWEGIAN_TOO.get(language, ())]
    any_case = [w for w in words if w in CASE_INSENSITIVE]
    as_written = [w for w in words if w not in CASE_INSENSITIVE]
    return (
        re.compile(rf"\b(?:{'|'.join(any_case)})\b", re.IGNORECASE),
        re.compile(rf"\b(?:{'|'.join(as_written)})\b"),
        re.compile("|".join(LEAKS)),
    )


def english_in(text: str, language: str = "nb") -> list[str]:
    """The English words and leaked codes in ``text``, written in ``language``, each once."""
    return sorted({m.group(0) for p in _english_patterns(language) for m in p.finditer(text)})


def test_the_word_list_finds_english_and_passes_norwegian():
    assert english_in("Select the date of your visit. Save") == [
        "Save", "Select", "of", "the", "your"]  # fmt: skip
    assert english_in("status: pending_approval 2026-12-04") == ["2026-12-04", "pending_approval"]
    assert english_in("Velg en dato for besøket. Lagre. Ja, nei. 4. desember 2026") == []
    assert english_in("To frivillige i Lom, for eldre. Is og and i april og august.") == []
    assert english_in("Frivillighetstimer: godkjenning, summer og kilometersats") == []
    assert english_in("No er skjemaet sendt. Vel ein dato for besøket. Lagre.", "nn") == []
    assert english_in("No er skjemaet sendt.", "nb") == ["No"]  # not bokmål
    assert english_in("Select the date. No", "nn") == ["Select", "the"]
    assert english_in("Runden er open. Lag som driver prosjektet.", "nn") == ["driver"]
    assert english_in("Runden er åpen. Laget som driver prosjektet.", "nb") == []


BOKMAL = re.compile("|".join(BOKMAL_ONLY), re.IGNORECASE)


def bokmal_in(text: str) -> list[str]:
    """Bokmål words that nynorsk never has (tests/test_norwegian_words.BOKMAL_ONLY)."""
    return sorted({m.group(0) for m in BOKMAL.finditer(text)})


def test_the_word_list_finds_bokmal_and_passes_nynorsk():
    assert bokmal_in("Du har ikke skrevet under. Hva vil du?") == ["Hva", "ikke"]
    assert bokmal_in("Du har ikkje skrive under. Kva vil du gjere no?") == []


def _read_pages(
    page, base_url: str, starts: list[str], language: str, *, no_bokmal: bool = False
) -> tuple[dict[str, list[str]], int]:
    """Breadth-first through the site's own links, in ``language``; what is wrong (English
    found, or the page marked as another language), by page, and pages read."""
    found: dict[str, list[str]] = {}
    read = 0
    for visit in Crawl(starts, key=route):
        if read >= MAX_PAGES:
            break
        try:
            response = page.goto(base_url + visit.path)
        except PlaywrightError as error:
            if "Download is starting" in error.message:
                continue
            raise
        if response is None or response.status >= 400:
            continue  # dead links are another test's business (tests/trust)
        read += 1
        text = page.evaluate(TEXT_AS_READ, language)
        words = english_in(text, language) + (bokmal_in(text) if no_bokmal else [])
        lang = page.locator("html").get_attribute("lang")
        if lang != language:
            words.append(f"<html lang={lang!r}>")
        if words:
            found[urlsplit(page.url).path] = words
        visit.follow(links_in_browser(page, base_url, SKIP))
    return found, read


@pytest.mark.parametrize("language", NORWEGIAN)
def test_every_page_of_every_persona_is_in_norwegian(live_server, browser, language):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    name = dict(settings.LANGUAGES)[language]
    report = []
    for persona, email in PERSONAS.items():
        cache.clear()  # allauth's login rate limit counts per address
        context = browser.new_context(locale="nb-NO")
        page = context.new_page()
        speak(page, live_server.url, language, *([User.objects.get(email=email)] if email else []))
        if email:
            page.goto(live_server.url + "/accounts/login/")
            page.locator("input[name=login]").fill(email)
            page.locator("input[name=password]").fill(DEMO_PASSWORD)
            page.locator("input[name=password]").press("Enter")
            page.wait_for_url(re.compile(r"/(my|volunteer)/$|/coordination/|/grants/makers/\d+/$"))
        starts = LANDING + (ALWAYS if email else PUBLIC)
        no_bokmal = language == "nn" and persona in NYNORSK_MUNICIPALITY_PERSONAS
        found, read = _read_pages(page, live_server.url, starts, language, no_bokmal=no_bokmal)
        context.close()
        print(f"{persona}: {read} pages read in {name}")
        assert read >= len(starts) - 1, f"{persona} could not read its own pages"
        report += [f"{persona} {path}: {', '.join(words)}" for path, words in found.items()]
    assert report == [], f"English, bokmål in nynorsk, or a page not in {name}:\n" + "\n".join(
        report
    )


def test_the_reader_finds_english_on_an_english_page(live_server, page):
    """The control: the same reading of the same pages in English does find English."""
    speak(page, live_server.url, "en")
    found, read = _read_pages(page, live_server.url, ["/", "/accounts/signup/"], "en")
    assert read >= 2 and found["/"] and "the" in found["/"]
