"""Fill locale/*/django.po after `make messages`: English gets msgstr = msgid; bokmål takes the
translations in NB below, or django-allauth's own bokmål for msgids copied from its templates.
Run: .venv/bin/python locale/translate.py   (then `make messages` compiles). Prints what is left."""

from pathlib import Path

import polib

HERE = Path(__file__).resolve().parent
ALLAUTH_NB = next(
    HERE.parent.glob(".venv/lib/python*/site-packages/allauth/locale/nb/LC_MESSAGES/django.po")
)

NB = {
    # apps and admin
    "Activities": "Aktiviteter",
    "Volunteers": "Frivillige",
    "Grants": "Tilskudd",
    "Coordination": "Koordinering",
    "Personal info": "Personopplysninger",
    "Permissions": "Tillatelser",
    "Important dates": "Viktige datoer",
    # navigation and layout
    "My page": "Min side",
    "Municipalities": "Kommuner",
    "Skip to main content": "Hopp til hovedinnholdet",
    "Main menu": "Hovedmeny",
    "Menu": "Meny",
    "Log out": "Logg ut",
    "Log in": "Logg inn",
    "Register": "Registrer deg",
    "volunteers, municipalities and partners working together for the elderly.": "frivillige, kommuner og samarbeidspartnere som jobber sammen for eldre.",
    "Find your municipality": "Finn kommunen din",
    "Norwegian Bokmål": "Norsk bokmål",
    "English": "Engelsk",
    # forms
    "Full name": "Fullt navn",
    "Optional. Norwegian numbers need no country code.": "Frivillig. Norske nummer trenger ikke landskode.",
    "The portal and our emails to you use this language.": "Portalen og e-postene vi sender deg bruker dette språket.",
    "Their email address": "E-postadressen til personen",
    "The person must already have registered in Samspill.": "Personen må allerede ha registrert seg i Samspill.",
    "Role": "Rolle",
    "Organisation (for partner representatives)": "Organisasjon (for representanter for samarbeidspartnere)",
    "Search by name, number or county": "Søk på navn, nummer eller fylke",
    "Choose a role": "Velg en rolle",
    "You have a role in a municipality. Ask your coordinator to remove the role first, then delete your account.": "Du har en rolle i en kommune. Be frivillighetskoordinatoren din fjerne rollen først, og slett deretter kontoen din.",
    "No organisation": "Ingen organisasjon",
    # models
    "email address": "e-postadresse",
    "full name": "fullt navn",
    "phone": "telefon",
    "Enter a phone number, e.g. 912 34 567.": "Skriv inn et telefonnummer, for eksempel 912 34 567.",
    "preferred language": "foretrukket språk",
    "staff status": "teknisk administrator",
    "Can log in to the technical administration pages.": "Kan logge inn på de tekniske administrasjonssidene.",
    "active": "aktiv",
    "date joined": "registrert",
    "user": "bruker",
    "users": "brukere",
    "Bokmål": "Bokmål",
    "Nynorsk": "Nynorsk",
    "Neutral": "Nøytral",
    "municipality number": "kommunenummer",
    "A municipality number has four digits.": "Et kommunenummer har fire sifre.",
    "name": "navn",
    "official name": "offisielt navn",
    "county": "fylke",
    "county number": "fylkesnummer",
    "population": "innbyggertall",
    "official written standard": "målform",
    "municipality": "kommune",
    "municipalities": "kommuner",
    "Coordinator": "Frivillighetskoordinator",
    "Volunteer contact": "Frivillighetskontakt",
    "Grant officer": "Saksbehandler",
    "Reviewer": "Fagvurderer",
    "Partner representative": "Representant for samarbeidspartner",
    "person": "person",
    "role": "rolle",
    "roles": "roller",
    "organisation": "organisasjon",
    "For partner representatives: the organisation they speak for.": "For representanter for samarbeidspartnere: organisasjonen de representerer.",
    "added": "lagt til",
    "added by": "lagt til av",
    "%(value)s is not a valid organisation number (9 digits).": "%(value)s er ikke et gyldig organisasjonsnummer (9 sifre).",
    "Volunteer centre": "Frivilligsentral",
    "Association": "Lag eller forening",
    "Business": "Næringsliv",
    "Museum": "Museum",
    "Church or faith community": "Kirke eller trossamfunn",
    "Other municipality": "Annen kommune",
    "Other": "Annet",
    "type": "type",
    "organisation number": "organisasjonsnummer",
    "email": "e-post",
    "created": "opprettet",
    "partner organisation": "samarbeidspartner",
    "partner organisations": "samarbeidspartnere",
    # permissions, services, views
    "Your role gives access to personal data. Please turn on two-factor authentication first.": "Rollen din gir tilgang til personopplysninger. Slå på totrinnsbekreftelse først.",
    "Nobody with this email address has an account yet. Ask them to register first, then add the role.": "Ingen med denne e-postadressen har konto ennå. Be personen registrere seg først, og legg så til rollen.",
    "Choose the organisation they represent.": "Velg organisasjonen personen representerer.",
    "%(name)s already has this role.": "%(name)s har allerede denne rollen.",
    "The municipality must have at least one coordinator. Add another first.": "Kommunen må ha minst én frivillighetskoordinator. Legg til en annen først.",
    "Your details have been saved.": "Opplysningene dine er lagret.",
    "%(name)s is now %(role)s.": "%(name)s er nå %(role)s.",
    "%(name)s no longer has the role %(role)s.": "%(name)s har ikke lenger rollen %(role)s.",
    # error pages
    "Something was wrong with the request": "Noe var galt med forespørselen",
    "The page could not understand what was sent. Go back and try again.": "Siden forsto ikke det som ble sendt. Gå tilbake og prøv igjen.",
    "Go to the front page": "Gå til forsiden",
    "You do not have access to this page": "Du har ikke tilgang til denne siden",
    "Your account does not give access to this page. If you think it should, ask the coordinator in your municipality.": "Kontoen din gir ikke tilgang til denne siden. Mener du at den burde det, kan du spørre frivillighetskoordinatoren i kommunen din.",
    "We could not find the page": "Vi fant ikke siden",
    "The page does not exist, or you do not have access to it. Check the address, or start again from the front page.": "Siden finnes ikke, eller du har ikke tilgang til den. Sjekk adressen, eller begynn på nytt fra forsiden.",
    # home
    "Welcome": "Velkommen",
    "Samspill – together for a good old age": "Samspill – sammen for en god alderdom",
    "Samspill helps municipalities, volunteers, volunteer centres, associations and local businesses work together so that older people get company, help and good activities – also in the evenings, at weekends and in outlying villages.": "Samspill hjelper kommuner, frivillige, frivilligsentraler, lag og foreninger og lokalt næringsliv å jobbe sammen, slik at eldre får selskap, hjelp og gode aktiviteter – også på kvelder, i helger og i grendene.",
    "What do you want to do?": "Hva vil du gjøre?",
    "I want to help as a volunteer": "Jeg vil hjelpe som frivillig",
    "Register, tell us what you like doing and when you have time. The coordinator in your municipality suggests tasks, and you decide yes or no yourself.": "Registrer deg og fortell hva du liker å gjøre og når du har tid. Frivillighetskoordinatoren i kommunen foreslår oppgaver, og du bestemmer selv om du sier ja eller nei.",
    "Register as a volunteer": "Registrer deg som frivillig",
    "I am looking for activities or help": "Jeg ser etter aktiviteter eller hjelp",
    "Find your municipality to see what it offers older people through Samspill and how to get in touch – for yourself or for someone you care about.": "Finn kommunen din for å se hva den tilbyr eldre gjennom Samspill, og hvordan du tar kontakt – for deg selv eller for noen du bryr deg om.",
    "I coordinate volunteering in a municipality": "Jeg koordinerer frivillighet i en kommune",
    "Coordinators and volunteer contacts keep track of volunteers, partners, routines, the responsibility map and the annual wheel – and see how far the municipality has come on the involvement staircase.": "Frivillighetskoordinatorer og frivillighetskontakter holder oversikt over frivillige, samarbeidspartnere, rutiner, ansvarskart og årshjul – og ser hvor langt kommunen har kommet på involveringstrappen.",
    "Go to my page": "Gå til min side",
    "Log in to coordinate": "Logg inn for å koordinere",
    "Grants for activities for the elderly": "Tilskudd til aktiviteter for eldre",
    "Grant officers and reviewers handle the grant scheme for activity measures for the elderly: applications, assessment against the criteria, decisions and reports.": "Saksbehandlere og fagvurderere håndterer tilskuddsordningen for aktivitetstiltak for eldre: søknader, vurdering etter kriteriene, vedtak og rapporter.",
    "Log in for grant work": "Logg inn for tilskuddsarbeid",
    "How it works": "Slik fungerer det",
    "A person, a relative or a care worker tells the municipality what is needed.": "En eldre, en pårørende eller en ansatt forteller kommunen hva som trengs.",
    "The coordinator talks with them and finds volunteers who fit – nearby, with the right time and interests.": "Frivillighetskoordinatoren snakker med dem og finner frivillige som passer – i nærheten, med riktig tid og interesser.",
    "Volunteers are asked, and say yes or no themselves. Nobody is given a task they do not want.": "De frivillige blir spurt, og svarer ja eller nei selv. Ingen får en oppgave de ikke vil ha.",
    "The coordinator follows up, and the municipality learns and gets better year by year.": "Frivillighetskoordinatoren følger opp, og kommunen lærer og blir bedre år for år.",
    "Volunteers never replace staff or give health care. Everyone who helps signs a confidentiality declaration, and personal information is only shared with those who need it.": "Frivillige erstatter aldri ansatte og gir aldri helsehjelp. Alle som hjelper skriver under på en taushetserklæring, og personopplysninger deles bare med dem som trenger dem.",
    # roles
    "Remove role": "Fjern rolle",
    "Do you want to remove the role %(role)s in %(municipality)s from %(name)s? Their account is kept.": "Vil du fjerne rollen %(role)s i %(municipality)s fra %(name)s? Kontoen til personen blir ikke slettet.",
    "Yes, remove the role": "Ja, fjern rollen",
    "No, go back": "Nei, gå tilbake",
    "Add a person to a role": "Gi en person en rolle",
    "The person gets the role in %(name)s and sees what the role gives access to the next time they open a page.": "Personen får rollen i %(name)s og ser det rollen gir tilgang til neste gang de åpner en side.",
    "Add role": "Legg til rolle",
    "Cancel": "Avbryt",
    # municipality pages
    "Municipality number": "Kommunenummer",
    "County": "Fylke",
    "Population": "Innbyggere",
    "Official written standard": "Målform",
    "%(name)s coordinates volunteering for the elderly in Samspill.": "%(name)s koordinerer frivillighet for eldre i Samspill.",
    "Want to help? Register as a volunteer and choose this municipality in your profile.": "Vil du hjelpe? Registrer deg som frivillig og velg denne kommunen i profilen din.",
    "%(name)s does not use Samspill yet.": "%(name)s bruker ikke Samspill ennå.",
    "The first coordinator of a municipality is given the role by a Samspill administrator. After that, coordinators add their colleagues themselves.": "Den første frivillighetskoordinatoren i en kommune får rollen av en administrator i Samspill. Deretter legger koordinatorene selv til kollegene sine.",
    "Go to coordination for this municipality": "Gå til koordinering for denne kommunen",
    "Back to all municipalities": "Tilbake til alle kommuner",
    "All 357 municipalities in Norway. Choose yours to see what it offers through Samspill.": "Alle de 357 kommunene i Norge. Velg din for å se hva den tilbyr gjennom Samspill.",
    "Search": "Søk",
    ("%(counter)s municipality found.", "%(counter)s municipalities found."): (
        "%(counter)s kommune funnet.",
        "%(counter)s kommuner funnet.",
    ),
    "Municipality": "Kommune",
    "Number": "Nummer",
    "Uses Samspill": "Bruker Samspill",
    "Yes": "Ja",
    "Not yet": "Ikke ennå",
    # my page
    "Hello, %(name)s": "Hei, %(name)s",
    "Your roles": "Rollene dine",
    "Open coordination for %(name)s": "Åpne koordinering for %(name)s",
    "You have no role in a municipality yet. If you work for a municipality or a partner organisation, ask your coordinator to add you.": "Du har ingen rolle i en kommune ennå. Jobber du i en kommune eller hos en samarbeidspartner, kan du be frivillighetskoordinatoren legge deg til.",
    "Your account": "Kontoen din",
    "Name": "Navn",
    "Email": "E-post",
    "Phone": "Telefon",
    "Not given": "Ikke oppgitt",
    "Language": "Språk",
    "Change your details": "Endre opplysningene dine",
    "Email addresses": "E-postadresser",
    "Change password": "Endre passord",
    "Two-factor authentication": "Totrinnsbekreftelse",
    "Save": "Lagre",
    # overview
    "Coordination – %(name)s": "Koordinering – %(name)s",
    "%(population)s inhabitants, %(county)s.": "%(population)s innbyggere, %(county)s.",
    "People with a role": "Personer med en rolle",
    "Coordinators, volunteer contacts in the units, grant officers, reviewers and partner representatives.": "Frivillighetskoordinatorer, frivillighetskontakter i virksomhetene, saksbehandlere, fagvurderere og representanter for samarbeidspartnere.",
    "Organisation": "Organisasjon",
    "Actions": "Handlinger",
    "Partner organisations": "Samarbeidspartnere",
    "No partner organisations are registered yet.": "Ingen samarbeidspartnere er registrert ennå.",
    # pagination
    "Pages": "Sider",
    "Previous": "Forrige",
    "Page %(number)s of %(total)s": "Side %(number)s av %(total)s",
    "Next": "Neste",
    # account pages (own wording, beside allauth's)
    "Please correct the following:": "Rett opp dette:",
    "Account settings": "Kontoinnstillinger",
    "Current email": "Nåværende e-post",
    "Changing to": "Endres til",
    "Your email address is still pending verification.": "E-postadressen din venter fortsatt på bekreftelse.",
    "Cancel Change": "Avbryt endringen",
    "Change to": "Endre til",
    "Unused codes": "Ubrukte koder",
    "I have saved my recovery codes": "Jeg har tatt vare på gjenopprettingskodene mine",
    "Too many attempts": "For mange forsøk",
    "For your safety we stop many attempts in a short time. Wait a few minutes, then try again.": "Av hensyn til sikkerheten stanser vi mange forsøk på kort tid. Vent noen minutter og prøv igjen.",
    # uploads
    "{kinds}, at most {size}.": "{kinds}, høyst {size}.",
    "The file is %(size)s. It can be at most %(limit)s.": "Filen er %(size)s. Den kan være høyst %(limit)s.",
    "This file is not a %(kinds)s file. Choose another file.": "Denne filen er ikke en %(kinds)s-fil. Velg en annen fil.",
    # audit log and retention
    "viewed": "så på",
    "changed": "endret",
    "deleted": "slettet",
    "exported": "eksporterte",
    "refused": "avvist",
    "when": "når",
    "who": "hvem",
    "who (name at the time)": "hvem (navn da det skjedde)",
    "what": "hva",
    "kind of data": "type opplysninger",
    "record": "oppføring",
    "details": "detaljer",
    "audit event": "logghendelse",
    "audit log": "tilgangslogg",
    "rule": "regel",
    "ran at": "kjørt",
    "records affected": "antall berørt",
    "statistics kept": "statistikk som er tatt vare på",
    "retention run": "sletting etter lagringsregel",
    "retention runs": "slettinger etter lagringsregler",
    "Accounts whose email address was never confirmed": "Kontoer der e-postadressen aldri ble bekreftet",
    "deleted after {days} days": "slettes etter {days} dager",
    "The audit log of who viewed or changed sensitive information": "Tilgangsloggen over hvem som så på eller endret sensitive opplysninger",
    "deleted after {years} years": "slettes etter {years} år",
    "Audit log – %(name)s": "Tilgangslogg – %(name)s",
    "Who has looked at or changed sensitive information in the municipality, and when. Entries cannot be changed.": "Hvem som har sett på eller endret sensitive opplysninger i kommunen, og når. Oppføringene kan ikke endres.",
    "Show": "Vis",
    "Everything": "Alt",
    "Audit log": "Tilgangslogg",
    "When": "Når",
    "Who": "Hvem",
    "What": "Hva",
    "Kind of data": "Type opplysninger",
    "Details": "Detaljer",
    "the system": "systemet",
    "Nothing has been recorded yet.": "Ingenting er registrert ennå.",
    "See who has viewed or changed sensitive information (audit log)": "Se hvem som har sett på eller endret sensitive opplysninger (tilgangslogg)",
    # role email
    "Hello %(name)s,": "Hei %(name)s,",
    '%(giver)s has given you the role "%(role)s" in %(municipality)s in Samspill.': "%(giver)s har gitt deg rollen «%(role)s» i %(municipality)s i Samspill.",
    "Log in to see what the role gives access to:": "Logg inn for å se hva rollen gir tilgang til:",
    "If you think this is a mistake, reply to your coordinator or ignore this email.": "Tror du dette er en feil, kan du svare frivillighetskoordinatoren din eller se bort fra denne e-posten.",
    "Best regards,": "Vennlig hilsen",
    "[Samspill] You have a new role in %(municipality)s": "[Samspill] Du har fått en ny rolle i %(municipality)s",
    # my data, deletion
    "Your data": "Dine opplysninger",
    'Read what we store about you and why on the <a href="%(url)s">privacy page</a>.': 'Les hva vi lagrer om deg og hvorfor på <a href="%(url)s">personvernsiden</a>.',
    "Download your data": "Last ned opplysningene dine",
    "Delete your account": "Slett kontoen din",
    "When you delete your account, your name, email address, phone number and settings are deleted at once. This cannot be undone.": "Når du sletter kontoen din, blir navn, e-postadresse, telefonnummer og innstillinger slettet med en gang. Dette kan ikke angres.",
    'Want to keep a copy first? <a href="%(url)s">Download your data</a>.': 'Vil du ta vare på en kopi først? <a href="%(url)s">Last ned opplysningene dine</a>.',
    "Yes, delete my account": "Ja, slett kontoen min",
    "Your account and your details have been deleted.": "Kontoen din og opplysningene dine er slettet.",
    # accessibility statement
    "Privacy": "Personvern",
    "Accessibility statement": "Tilgjengelighetserklæring",
    "Samspill is made to be used by everyone, including people who see, hear or move less well, and people who are not used to computers.": "Samspill er laget for at alle skal kunne bruke det, også de som ser, hører eller beveger seg dårligere, og de som ikke er vant med datamaskiner.",
    "How accessible Samspill is": "Hvor tilgjengelig Samspill er",
    "Samspill aims to meet the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA, which Norwegian law requires of public websites. We believe the pages that exist today meet that level.": "Samspill skal oppfylle retningslinjene for tilgjengelig webinnhold (WCAG) 2.1 på nivå AA, som norsk lov krever av offentlige nettsteder. Vi mener sidene som finnes i dag, oppfyller dette nivået.",
    "How we check it": "Slik sjekker vi det",
    "Every change to the portal is tested automatically in a real browser: every main page, for every kind of user, in Norwegian and English, is checked against the WCAG 2.1 A and AA rules that can be tested by machine.": "Hver endring i portalen testes automatisk i en ekte nettleser: alle hovedsider, for alle typer brukere, på norsk og engelsk, sjekkes mot de WCAG 2.1 A- og AA-kravene som kan testes maskinelt.",
    "We test that signing up, logging in and resetting a password can be done with the keyboard alone, with the focus always visible.": "Vi tester at du kan registrere deg, logge inn og lage nytt passord bare med tastaturet, og at du alltid ser hvor du er på siden.",
    "We test that pages can be enlarged to twice their size (200 percent) without losing content or having to scroll sideways.": "Vi tester at sidene kan forstørres til dobbel størrelse (200 prosent) uten at innhold forsvinner eller du må rulle sidelengs.",
    "Every form field has a label, and error messages are read out and linked to the field they belong to.": "Alle skjemafelt har en ledetekst, og feilmeldinger blir lest opp og knyttet til feltet de gjelder.",
    "What you can do": "Dette kan du gjøre",
    "Make the text larger with Ctrl and + (Cmd and + on a Mac). The pages adjust.": "Gjør teksten større med Ctrl og + (Cmd og + på Mac). Sidene tilpasser seg.",
    "Use the Tab key to move between links and buttons, and Enter to choose. The first Tab takes you to a link that skips straight to the main content.": "Bruk Tab-tasten for å flytte mellom lenker og knapper, og Enter for å velge. Første trykk på Tab gir deg en lenke som hopper rett til hovedinnholdet.",
    "Choose Norwegian or English with the button at the top of every page.": "Velg norsk eller engelsk med knappen øverst på hver side.",
    "Known limitations": "Kjente begrensninger",
    "Turning on two-factor authentication shows a QR code to scan with a phone. The same secret is also shown as text, so it can be typed into the app instead.": "Når du slår på totrinnsbekreftelse, vises en QR-kode som skannes med telefonen. Den samme koden vises også som tekst, slik at den kan skrives inn i appen i stedet.",
    "Report a problem": "Meld fra om et problem",
    'If something on Samspill is hard or impossible for you to use, tell us by email at <a href="mailto:%(email)s">%(email)s</a>. Say which page it was and what happened. We answer within two weeks.': 'Er noe i Samspill vanskelig eller umulig for deg å bruke, kan du si fra på e-post til <a href="mailto:%(email)s">%(email)s</a>. Skriv hvilken side det gjaldt og hva som skjedde. Vi svarer innen to uker.',
    "If you are not satisfied with our answer, you can complain to the Authority for Universal Design of ICT (Tilsynet for universell utforming av ikt) at uutilsynet.no.": "Er du ikke fornøyd med svaret, kan du klage til Tilsynet for universell utforming av ikt på uutilsynet.no.",
    "Last reviewed: 23 November 2026.": "Sist gjennomgått: 23. november 2026.",
    # privacy page
    "Privacy: what we store about you": "Personvern: hva vi lagrer om deg",
    "Samspill stores only what is needed to connect volunteers, municipalities and partners, and keeps it only as long as it is needed.": "Samspill lagrer bare det som trengs for å koble frivillige, kommuner og samarbeidspartnere, og bare så lenge det trengs.",
    "Who is responsible": "Hvem som har ansvaret",
    "The municipality you volunteer for or work with is responsible for the information about you that it registers in Samspill (it is the data controller). Samspill processes the information on the municipality's behalf.": "Kommunen du er frivillig for eller jobber med, har ansvaret for opplysningene om deg som den registrerer i Samspill (den er behandlingsansvarlig). Samspill behandler opplysningene på vegne av kommunen.",
    "What we store, and why": "Hva vi lagrer, og hvorfor",
    "Your name, email address, phone number (if you give it) and preferred language, so that you can log in and we can reach you. Your password is stored only in a form that cannot be read back.": "Navn, e-postadresse, telefonnummer (hvis du oppgir det) og språk, slik at du kan logge inn og vi kan nå deg. Passordet lagres bare i en form som ikke kan leses tilbake.",
    "If you turn it on: the secret your authenticator app uses, stored encrypted, and your recovery codes.": "Hvis du slår det på: hemmeligheten autentiseringsappen din bruker, lagret kryptert, og gjenopprettingskodene dine.",
    "Which municipality you have a role in (for example coordinator or volunteer contact), who gave it to you and when, so that you see what the role needs and nothing more.": "Hvilken kommune du har en rolle i (for eksempel frivillighetskoordinator eller frivillighetskontakt), hvem som ga deg den og når, slik at du ser det rollen trenger og ikke mer.",
    "The audit log": "Tilgangsloggen",
    "When someone looks at or changes sensitive information, we record who, when and what kind of information (never the information itself). The coordinators of the municipality can read this log. It protects you: it shows who has seen your information.": "Når noen ser på eller endrer sensitive opplysninger, registrerer vi hvem, når og hva slags opplysninger (aldri selve opplysningene). Frivillighetskoordinatorene i kommunen kan lese denne loggen. Den beskytter deg: den viser hvem som har sett opplysningene dine.",
    "Cookies": "Informasjonskapsler",
    "Only the cookies the portal needs to work: one that keeps you logged in, one that protects forms against misuse, and one that remembers your language. We use no cookies for statistics or advertising.": "Bare informasjonskapslene portalen trenger for å virke: én som holder deg innlogget, én som beskytter skjemaer mot misbruk, og én som husker språket ditt. Vi bruker ingen informasjonskapsler til statistikk eller reklame.",
    "How long we keep it": "Hvor lenge vi tar vare på det",
    "Information": "Opplysninger",
    "How long": "Hvor lenge",
    "Your account and your roles": "Kontoen din og rollene dine",
    "until you delete your account, or your coordinator removes your role": "til du sletter kontoen din, eller frivillighetskoordinatoren fjerner rollen din",
    "Information that is due is deleted automatically every night.": "Opplysninger som skal slettes, slettes automatisk hver natt.",
    "Your rights": "Dine rettigheter",
    'See and correct your details on <a href="%(url)s">My page</a>.': 'Se og rett opplysningene dine på <a href="%(url)s">Min side</a>.',
    '<a href="%(url)s">Download everything we store about you</a> as a file (you must be logged in).': '<a href="%(url)s">Last ned alt vi lagrer om deg</a> som en fil (du må være logget inn).',
    "Delete your account from My page. If you have a role in a municipality, your coordinator removes the role first. Entries in the audit log about what you did are kept for the time stated above, with your name.": "Slett kontoen din fra Min side. Har du en rolle i en kommune, fjerner frivillighetskoordinatoren rollen først. Oppføringer i tilgangsloggen om hva du gjorde, blir tatt vare på så lenge det står over, med navnet ditt.",
    'Ask us anything, or complain, at <a href="mailto:%(email)s">%(email)s</a>. You can also complain to the Norwegian Data Protection Authority (Datatilsynet).': 'Spør oss om hva som helst, eller klag, på <a href="mailto:%(email)s">%(email)s</a>. Du kan også klage til Datatilsynet.',
}


def _key(entry):
    return (entry.msgid, entry.msgid_plural) if entry.msgid_plural else entry.msgid


def main() -> None:
    allauth = {_key(e): e for e in polib.pofile(str(ALLAUTH_NB)) if e.translated()}
    nb = polib.pofile(str(HERE / "nb/LC_MESSAGES/django.po"))
    missing = []
    for entry in nb:
        key = _key(entry)
        entry.flags = [f for f in entry.flags if f != "fuzzy"]
        entry.previous_msgid = entry.previous_msgid_plural = None
        if key in NB:
            value = NB[key]
            if entry.msgid_plural:
                entry.msgstr_plural = {0: value[0], 1: value[1]}
            else:
                entry.msgstr = value
        elif key in allauth:
            entry.msgstr = allauth[key].msgstr
            entry.msgstr_plural = dict(allauth[key].msgstr_plural)
        else:
            missing.append(key)
    nb.metadata["Language"] = "nb"
    nb.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    nb.save()

    en = polib.pofile(str(HERE / "en/LC_MESSAGES/django.po"))
    for entry in en:
        entry.flags = [f for f in entry.flags if f != "fuzzy"]
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
    en.metadata["Language"] = "en"
    en.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    en.save()
    for key in missing:
        print("untranslated (nb):", key)


if __name__ == "__main__":
    main()
