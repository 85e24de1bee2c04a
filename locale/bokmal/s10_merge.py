"""Bokmål for strings that came with merging the safety issue's branches (audit codes)."""

NB = {
    "Does not take part in staircase comparisons": "Er ikke med i sammenligninger i involveringstrappen",
    "Names on the needs list": "Navn på listen over behov",
    "Clarified with the municipal service": "Avklart med kommunens tjeneste",
    "Extra check before inviting confirmed": "Ekstra kontroll før invitasjon bekreftet",
    "Units of the volunteer: %(units)s": "Virksomhetene den frivillige hjelper i: %(units)s",
    "Insurance information for volunteers": "Forsikringsinformasjon for frivillige",
    "Partner %(name)s linked by %(by)s": "Samarbeidspartneren %(name)s ble koblet til av %(by)s",
    "Partner: %(name)s (changed by %(by)s)": "Samarbeidspartner: %(name)s (endret av %(by)s)",
    "Agreement reopened: %(title)s": "Avtalen gjelder igjen: %(title)s",
}
