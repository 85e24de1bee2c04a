"""Bokmål for the coordinator's dashboard and what the volunteers app contributes to it, to the
annual wheel and to the involvement staircase."""

NB = {
    "Where the municipality stands": "Hvor kommunen står",
    "Everything for coordination": "Alt for koordineringen",
    "active volunteers": "aktive frivillige",
    "ready for all their roles": "klare for alle rollene sine",
    "missing something for a role (declaration, police certificate or course)": "mangler noe for en rolle (taushetserklæring, politiattest eller kurs)",
    "have not signed the current confidentiality declaration": "har ikke skrevet under gjeldende taushetserklæring",
    "hours entries waiting for approval": "timeføringer som venter på godkjenning",
    "Open needs, by step": "Åpne behov, etter trinn",
    "No open needs.": "Ingen åpne behov.",
    "Courses for volunteers": "Kurs for frivillige",
    ("%(count)d active volunteer is registered.", "%(count)d active volunteers are registered."): (
        "%(count)d aktiv frivillig er registrert.",
        "%(count)d aktive frivillige er registrert.",
    ),
    "No confidentiality declaration is published yet.": "Ingen taushetserklæring er publisert ennå.",
    "No active volunteers are registered yet.": "Ingen aktive frivillige er registrert ennå.",
    "%(signed)d of %(total)d active volunteers (%(percent)d %%) have signed the current confidentiality declaration.": "%(signed)d av %(total)d aktive frivillige (%(percent)d %%) har skrevet under gjeldende taushetserklæring.",
    "An introductory course was held on %(date)s.": "Et introduksjonskurs ble holdt %(date)s.",
    "An introductory course is planned for %(date)s.": "Et introduksjonskurs er planlagt %(date)s.",
    "No introductory course has been held this year.": "Ingen introduksjonskurs er holdt i år.",
    "%(reported)d needs reported in the last 12 months, %(mapped)d of them mapped in a conversation.": "%(reported)d behov meldt de siste 12 månedene, %(mapped)d av dem kartlagt i en samtale.",
}
