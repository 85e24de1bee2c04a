"""Bokmål for issue 10's resilience work: the outbox's admin labels and jobs started again."""

NB = {
    # the outbox (coordination.models.PendingTask), seen in the admin
    "task": "oppgave",
    "arguments": "argumenter",
    "created": "opprettet",
    "attempts": "forsøk",
    "sent to the queue": "sendt til køen",
    "done": "utført",
    "last error": "siste feil",
    "pending task": "ventende oppgave",
    "pending tasks": "ventende oppgaver",
    # generated files: a stuck or failed job started again
    "sent to a worker": "sendt til behandling",
    "What you can do": "Hva du kan gjøre",
    "Start again": "Start på nytt",
    "It did not work. You can start it again.": "Det virket ikke. Du kan starte den på nytt.",
    "This is taking much longer than it should. You can start it again.": (
        "Dette tar mye lenger tid enn det skal. Du kan starte den på nytt."
    ),
    "Started again: %(title)s. Refresh the page in a minute.": (
        "Startet på nytt: %(title)s. Last inn siden på nytt om et minutt."
    ),
    "This file is ready already.": "Denne filen er klar allerede.",
    "This list cannot be imported again. Upload it again.": (
        "Denne listen kan ikke importeres på nytt. Last den opp igjen."
    ),
    "This job is still being made. Wait a little, then refresh the page.": (
        "Denne jobben blir fortsatt laget. Vent litt, og last inn siden på nytt."
    ),
    # the retention rule for the outbox (the privacy page)
    "Records of background tasks the portal ran (emails, exports); they hold no personal "
    "information": "Oversikter over bakgrunnsoppgaver portalen har utført (e-poster, "
    "eksporter); de inneholder ingen personopplysninger",
}
