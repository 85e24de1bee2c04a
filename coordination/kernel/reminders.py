"""Remind only once: a daily job finds what is due and sends each reminder once, however often
it runs, and tries again the next day when a send fails.

    remind_once(record=lambda: Ledger.objects.get_or_create(key=key)[1], send=email_them)

``record`` notes that the reminder went out and says whether it was new; ``send`` sends it.
Both run in one transaction, so an email that fails takes its note back with it. Each area
keeps its note where it already is (a table of reminders sent, a date on the row reminded
about) and finds what is due with a query that leaves out what is noted there."""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction


def remind_once(*, record: Callable[[], bool], send: Callable[[], object]) -> bool:
    """Note the reminder and send it, in one transaction; nothing is sent when ``record()``
    says it was noted before (it must then write nothing). An exception from ``send()`` rolls
    the note back and goes on up. Returns whether the reminder went out now."""
    with transaction.atomic():
        if not record():
            return False
        send()
    return True
