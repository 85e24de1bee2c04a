"""Destructive actions ask first (issue 10): a button that removes, deletes, ends, withdraws,
archives or takes away is only ever on a page that asks "are you sure" and says what happens
(a confirm page), never one click from a list or a detail page, and never styled as the
primary button."""

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
FORM = re.compile(r"<form\b[^>]*method=\"post\"[^>]*>(.*?)</form>", re.S | re.I)
BUTTON = re.compile(r"<button\b([^>]*)>(.*?)</button>", re.S | re.I)
DESTRUCTIVE = re.compile(
    r"\b(Remove|Delete|End the|Withdraw|Archive|Take (it|the|away)|stop|Yes, (remove|delete|end|"
    r"withdraw|archive|take|the volunteer has stopped|I want to stop))",
    re.I,
)
# Pages that exist to ask first: each says what happens and offers a way back.
CONFIRM_PAGES = {
    "coordination/account_confirm_delete.html",
    "coordination/membership_confirm_remove.html",
    "coordination/partners/agreement_confirm_end.html",
    "volunteers/leave_confirm.html",
    "partials/confirm_page.html",  # kernel.ui.confirm_page: every other confirm page
}
# A form that asks for more than a click (a reason to choose) before it ends something.
DELIBERATE_FORMS = {"volunteers/assignment_detail.html"}


def _destructive_buttons():
    for path in sorted(TEMPLATES.rglob("*.html")):
        name = path.relative_to(TEMPLATES).as_posix()
        for form in FORM.finditer(path.read_text(encoding="utf-8")):
            for attrs, text in BUTTON.findall(form.group(1)):
                label = re.sub(r"<[^>]+>|\{%.*?%\}", " ", text)
                words = " ".join(re.findall(r'translate "([^"]+)"', text)) or label
                if DESTRUCTIVE.search(words):
                    yield name, attrs, words.strip()


def test_the_check_finds_the_destructive_buttons():
    found = {name for name, _, _ in _destructive_buttons()}
    assert "coordination/partners/agreement_confirm_end.html" in found
    assert "coordination/membership_confirm_remove.html" in found


def test_destructive_buttons_are_only_on_confirm_pages_and_never_primary():
    problems = []
    for name, attrs, words in _destructive_buttons():
        if name not in CONFIRM_PAGES | DELIBERATE_FORMS:
            problems.append(f"{name}: «{words}» is one click; ask first on a confirm page")
        if "btn-primary" in attrs:
            problems.append(f"{name}: «{words}» is a primary button; use a danger style")
    assert not problems, "\n".join(problems)
