"""Remind only once: a daily job finds what is due and sends each reminder once, however often
it runs, and tries again the next day when a send fails.

    remind_once(record=lambda: Ledger.objects.get_or_create(key=key)[1], send=email_them)

``record`` notes that the reminder went out and says whether it was new; ``send`` sends it.
Both run in one transaction, so an email that fails takes its note back with it. Each area
keeps its note where it already is (a table of reminders sent, a date on the row reminded
about) and finds what is due with a query that leaves out what is noted there."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Collection, Iterable

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


def remind_each_once[T](
    due: Iterable[T],
    *,
    key: Callable[[T], str],
    record: Callable[[list[str]], Collection[str]],
    send: Callable[[list[T]], object],
    batch_size: int = 500,
) -> int:
    """``remind_once`` for a job that reminds many: ``due`` (a query that already leaves out
    what is noted) is taken ``batch_size`` at a time; per batch, one transaction notes all the
    keys at once (``record`` returns the keys that were not noted before, which a run at the
    same time cannot also get) and ``send``s the reminders for those only, together. An
    exception from ``send`` rolls back the batch's notes. Returns how many went out."""
    sent = 0
    for batch in itertools.batched(due, batch_size):
        with transaction.atomic():
            new = set(record([key(item) for item in batch]))
            fresh = [item for item in batch if key(item) in new]
            if fresh:
                send(fresh)
        sent += len(fresh)
    return sent
