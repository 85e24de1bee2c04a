"""Messages of Django itself that its bokmål and nynorsk catalogues lack (new in Django 6.1),
listed here so that ``makemessages`` copies them into ours, where they are translated like our
own. Nothing calls this; a test renders the pages that show them (tests/test_norwegian_words.py).
"""

from django.utils.translation import gettext_noop, ngettext


def _django_messages() -> None:  # pragma: no cover - read by makemessages, never run
    gettext_noop("- Select an option -")
    ngettext(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        0,
    )
