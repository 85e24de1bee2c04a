"""Bokmål for issue 10's plain-bokmål work: the audit log's sentences (made when the log is read),
the volunteer's own data page, and the terms that replace Django's and allauth's defaults."""

NB = {
    # the audit log
    "event code": "hendelseskode",
    "event details": "detaljer om hendelsen",
    "an anonymised person": "en anonymisert person",
    "Partner linked from another municipality: %(name)s": "Samarbeidspartner koblet fra en annen kommune: %(name)s",
    "Partner: %(name)s": "Samarbeidspartner: %(name)s",
    "Contact person at %(partner)s": "Kontaktperson hos %(partner)s",
    "Offer from %(partner)s": "Tilbud fra %(partner)s",
    "Agreement: %(title)s": "Avtale: %(title)s",
    "Agreement %(status)s: %(title)s": "Avtale %(status)s: %(title)s",
    "Signed agreement downloaded": "Underskrevet avtale lastet ned",
    "Unit: %(name)s": "Virksomhet: %(name)s",
    "%(unit)s: %(name)s": "%(unit)s: %(name)s",
    "Forum meeting": "Forummøte",
    "Minutes of a forum meeting": "Referat fra et forummøte",
    "%(role)s: %(name)s": "%(role)s: %(name)s",
    "Annual wheel event": "Hendelse i årshjulet",
    "%(name)s": "%(name)s",
    "Staircase assessment completed: level %(level)s, score %(score)s": "Vurdering i involveringstrappen fullført: nivå %(level)s, poeng %(score)s",
    "Named in staircase comparisons": "Vises med navn i sammenligninger i involveringstrappen",
    "Anonymous in staircase comparisons": "Anonym i sammenligninger i involveringstrappen",
    "Routine, version %(number)s": "Rutine, versjon %(number)s",
    "Routine approved, version %(number)s": "Rutine godkjent, versjon %(number)s",
    "Routine archived": "Rutine arkivert",
    "Routine owner and co-authors": "Eier og medforfattere av rutine",
    "A background job was stopped: the person who started it may no longer do this": "En bakgrunnsjobb ble stoppet: personen som startet den, har ikke lenger lov til dette",
    "%(title)s": "%(title)s",
    "Profile of %(name)s": "Profilen til %(name)s",
    "Note about the volunteer": "Notat om den frivillige",
    "Left as a volunteer": "Sluttet som frivillig",
    "Personal data anonymised": "Personopplysninger anonymisert",
    "Role given: %(role)s": "Fikk rollen: %(role)s",
    "Role taken away: %(role)s": "Rollen tatt fra: %(role)s",
    "Police certificate check recorded: %(role)s": "Kontroll av politiattest registrert: %(role)s",
    ("%(count)s volunteer imported from a file", "%(count)s volunteers imported from a file"): (
        "%(count)s frivillig hentet inn fra en fil",
        "%(count)s frivillige hentet inn fra en fil",
    ),
    ("%(count)s volunteer (%(format)s)", "%(count)s volunteers (%(format)s)"): (
        "%(count)s frivillig (%(format)s)",
        "%(count)s frivillige (%(format)s)",
    ),
    "Confidentiality declaration, version %(version)s": "Taushetserklæring, versjon %(version)s",
    "Details of the person who needs help": "Opplysninger om personen som trenger hjelp",
    "Need reported by: %(source)s": "Behov meldt av: %(source)s",
    "Changed: %(fields)s": "Endret: %(fields)s",
    "Step: %(step)s": "Steg: %(step)s",
    ("%(count)s volunteer invited", "%(count)s volunteers invited"): (
        "%(count)s frivillig invitert",
        "%(count)s frivillige invitert",
    ),
    ("%(count)s follow-up conversation planned", "%(count)s follow-up conversations planned"): (
        "%(count)s oppfølgingssamtale planlagt",
        "%(count)s oppfølgingssamtaler planlagt",
    ),
    "Invitation withdrawn": "Invitasjonen trukket tilbake",
    "Invitation accepted": "Invitasjonen takket ja til",
    "Invitation declined": "Invitasjonen takket nei til",
    "Trial meeting and frequency recorded": "Prøvemøte og hvor ofte registrert",
    "Assignment paused": "Oppdraget satt på pause",
    "Assignment resumed": "Oppdraget startet igjen",
    "Ended: %(reason)s": "Avsluttet: %(reason)s",
    "Follow-up conversation held": "Oppfølgingssamtale holdt",
    "Hours logged and approved": "Timer ført og godkjent",
    "Hours approved": "Timer godkjent",
    "Hours not approved": "Timer ikke godkjent",
    "Kilometre rate changed from %(before)s to %(after)s": "Kilometersats endret fra %(before)s til %(after)s",
}
NB.update(
    {
        # the volunteer's own data page
        "Code from an authenticator app": "Kode fra en autentiseringsapp",
        "Recovery codes": "Gjenopprettingskoder",
        "Security key or passkey": "Sikkerhetsnøkkel eller passnøkkel",
        "Registered": "Registrert",
        "Last logged in": "Sist logget inn",
        "Confirmed": "Bekreftet",
        "Main address": "Hovedadresse",
        "Ways you confirm your login in two steps": "Slik bekrefter du innloggingen med totrinnsbekreftelse",
        "Since": "Siden",
        "Volunteer contact for": "Frivillighetskontakt for",
        "Forum meetings you attended": "Forummøter du var på",
        "Minutes you wrote": "Referater du skrev",
    }
)
NB.update(
    {
        "Languages you speak": "Språk du snakker",
        "When you can help": "Når du kan hjelpe",
        "Weekdays, daytime": "Hverdager på dagtid",
        "Evenings": "Kvelder",
        "Weekends": "Helger",
        "In summer": "Om sommeren",
        "In winter": "Om vinteren",
        "Driving licence": "Førerkort",
        "Has a car": "Har bil",
        "How often": "Hvor ofte",
        "How we contact you": "Slik kontakter vi deg",
        "Consents you have given": "Samtykker du har gitt",
        "Text": "Tekst",
        "Given": "Gitt",
        "Notes about you": "Notater om deg",
        "Confidentiality declarations you have signed": "Taushetserklæringer du har skrevet under",
        "Kilometre rate (NOK)": "Kilometersats (kroner)",
        "Mileage allowance (NOK)": "Kjøregodtgjørelse (kroner)",
        "Assignment": "Oppdrag",
        "Logged": "Ført",
        "Decided": "Avgjort",
        "Roles": "Roller",
        "Shown on": "Vist fram",
        "Answered": "Svart",
        "Your reason for saying no": "Grunnen din til å si nei",
        "How often you agreed": "Hvor ofte dere ble enige om",
        "Why it ended": "Hvorfor det ble avsluttet",
    }
)
NB.update(
    {
        # Django 6.1's own messages that its bokmål catalogue lacks
        "- Select an option -": "– Velg –",
        (
            "This password is too short. It must contain at least %d character.",
            "This password is too short. It must contain at least %d characters.",
        ): (
            "Passordet er for kort. Det må ha minst %d tegn.",
            "Passordet er for kort. Det må ha minst %d tegn.",
        ),
    }
)
NB.update(
    {
        # allauth's bokmål, in the portal's one word for each concept
        "Two-Factor Authentication": "Totrinnsbekreftelse",
    }
)
NB.update({"background job": "bakgrunnsjobb"})
