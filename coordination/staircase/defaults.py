# ruff: noqa: E501  (each text reads best on one line)
"""The default involvement staircase: the five levels and the indicators, grouped by the 8 steps
(DOMAIN.md: the level table, the 8 steps, the success criteria from the research report).
They are data: a national administrator changes the wording in the admin afterwards, not here.

Loaded by migration 0008_staircase_data, and again by the tests' reference-data fixture when a
transactional test has emptied the tables (``add_defaults`` takes an app registry, so it works
with the migration's historical models and with the real ones).

Each text is given per language code of ``settings.LANGUAGES``; the staircase models keep
one column per language (django-modeltranslation), and a language without a text falls back
to bokmål."""

# level number -> {field: {language: text}}
LEVELS = {
    1: {
        "name": {"nb": "Informere", "nn": "Informere", "en": "Inform"},
        "description": {
            "nb": "Kommunen og frivilligheten kjenner til hverandre. Aktiviteter og kontaktpersoner er gjort kjent.",
            "nn": "Kommunen og frivilligheita kjenner til kvarandre. Kommunen har gjort kjent kva aktivitetar som finst, og kven som er kontaktpersonar.",
            "en": "The municipality and the voluntary sector know of each other. Activities and contact persons are published.",
        },
    },
    2: {
        "name": {"nb": "Dialog", "nn": "Dialog", "en": "Dialogue"},
        "description": {
            "nb": "Kommunen har en navngitt kontaktperson for frivillighet. Kommunen og frivilligheten møtes jevnlig, og behov og ressurser er kartlagt.",
            "nn": "Kommunen har ein namngitt kontaktperson for frivilligheit. Kommunen og frivilligheita møtest jamleg, og behov og ressursar er kartlagde.",
            "en": "The municipality has a named contact for volunteering. The municipality and the voluntary sector meet regularly, and needs and resources are mapped.",
        },
    },
    3: {
        "name": {"nb": "Samordne", "nn": "Samordne", "en": "Coordinate"},
        "description": {
            "nb": "Kommunen har en frivillighetskoordinator. Frivillige er registrert og har skrevet under taushetserklæring. Det finnes rutiner og et felles årshjul.",
            "nn": "Kommunen har ein frivilligkoordinator. Dei frivillige er registrerte og har skrive under teieerklæringa. Det finst rutinar og eit felles årshjul.",
            "en": "The municipality has a volunteer coordinator. Volunteers are registered and have signed the confidentiality declaration. There are routines and a shared annual wheel.",
        },
    },
    4: {
        "name": {"nb": "Samarbeid", "nn": "Samarbeid", "en": "Partnership"},
        "description": {
            "nb": "Det finnes skriftlige samarbeidsavtaler og et ansvarskart. Virksomhetene har frivillighetskontakter, det holdes introduksjonskurs, og det er et felles forum.",
            "nn": "Det finst skriftlege samarbeidsavtalar og eit ansvarskart. Verksemdene har frivilligkontaktar, det blir halde introduksjonskurs, og det finst eit felles forum.",
            "en": "There are written cooperation agreements and a responsibility map. The units have volunteer contacts, introductory courses are held, and there is a joint forum.",
        },
    },
    5: {
        "name": {
            "nb": "Tett koordinert innsats",
            "nn": "Tett koordinert innsats",
            "en": "Coordinated effort",
        },
        "description": {
            "nb": "Kommunen planlegger sammen med frivilligheten og de eldre selv. Innsatsen for sårbare grupper, som hjemmeboende skrøpelige eldre og personer med demens, er tett koordinert. Arbeidet evalueres og forbedres, og det har flerårig finansiering.",
            "nn": "Kommunen planlegg saman med frivilligheita og dei eldre sjølve. Innsatsen for sårbare grupper, som heimebuande skrøpelege eldre og personar med demens, er tett koordinert. Arbeidet blir evaluert og gjort betre, og det har fleirårig finansiering.",
            "en": "The municipality plans together with the voluntary sector and the elderly themselves. The effort for vulnerable groups, such as frail home-dwelling elderly and people with dementia, is tightly coordinated. The work is evaluated and improved, and it has funding for several years.",
        },
    },
}

# in the order they are asked, grouped by the 8 steps
INDICATORS = [
    {
        "step": 1,
        "level": 1,
        "evidence_key": "",
        "text": {
            "nb": "Kommunens ledelse kjenner til hva frivilligheten i kommunen gjør, og ønsker samarbeid.",
            "nn": "Leiinga i kommunen kjenner til kva frivilligheita i kommunen gjer, og ønskjer samarbeid.",
            "en": "The municipality's management knows what the voluntary sector in the municipality does and wants to cooperate.",
        },
        "next_step": {
            "nb": "Inviter frivilligsentralen og lag og foreninger til et møte med kommunens ledelse.",
            "nn": "Inviter frivilligsentralen og lag og foreiningar til eit møte med leiinga i kommunen.",
            "en": "Invite the volunteer centre and the associations to a meeting with the municipality's management.",
        },
    },
    {
        "step": 1,
        "level": 2,
        "evidence_key": "named_coordinator",
        "text": {
            "nb": "Kommunen har en navngitt kontaktperson for frivillighet.",
            "nn": "Kommunen har ein namngitt kontaktperson for frivilligheit.",
            "en": "The municipality has a named contact person for volunteering.",
        },
        "next_step": {
            "nb": "Utpek en kontaktperson for frivillighet og gi personen rollen som frivillighetskoordinator i Samspill.",
            "nn": "Peik ut ein kontaktperson for frivilligheit, og gi personen rolla som frivilligkoordinator i Samspill.",
            "en": "Appoint a contact person for volunteering and give them the coordinator role in Samspill.",
        },
    },
    {
        "step": 1,
        "level": 3,
        "evidence_key": "",
        "text": {
            "nb": "Kommunen har en frivillighetskoordinator med avsatt tid til arbeidet.",
            "nn": "Kommunen har ein frivilligkoordinator med avsett tid til arbeidet.",
            "en": "The municipality has a volunteer coordinator with time set aside for the work.",
        },
        "next_step": {
            "nb": "Sett av tid i en stilling til frivillighetskoordinering, og skriv det inn i stillingsbeskrivelsen.",
            "nn": "Set av tid i ei stilling til frivilligkoordinering, og skriv det inn i stillingsskildringa.",
            "en": "Set aside time in a position for coordinating volunteers, and write it into the job description.",
        },
    },
    {
        "step": 1,
        "level": 4,
        "evidence_key": "",
        "text": {
            "nb": "Kommunen har en lokal frivillighetspolitikk med retningslinjer for samarbeid, vedtatt politisk.",
            "nn": "Kommunen har ein politisk vedteken, lokal frivilligpolitikk med retningsliner for samarbeid.",
            "en": "The municipality has a local volunteering policy with guidelines for cooperation, adopted by the council.",
        },
        "next_step": {
            "nb": "Lag et utkast til frivillighetspolitikk sammen med frivilligheten, og legg det fram for politisk behandling.",
            "nn": "Lag eit utkast til frivilligpolitikk saman med frivilligheita, og legg det fram til politisk handsaming.",
            "en": "Draft a volunteering policy together with the voluntary sector, and put it before the council.",
        },
    },
    {
        "step": 1,
        "level": 5,
        "evidence_key": "",
        "text": {
            "nb": "Frivillighet er en del av kommunens planer (kommuneplanen og planen for eldre) og har flerårig finansiering.",
            "nn": "Frivilligheit er ein del av planane til kommunen (kommuneplanen og planen for eldre) og har fleirårig finansiering.",
            "en": "Volunteering is part of the municipality's plans (the master plan and the plan for the elderly) and has funding for several years.",
        },
        "next_step": {
            "nb": "Skriv samarbeidet med frivilligheten inn i kommuneplanen og planen for eldre, med penger i økonomiplanen for flere år.",
            "nn": "Skriv samarbeidet med frivilligheita inn i kommuneplanen og planen for eldre, med pengar i økonomiplanen for fleire år.",
            "en": "Write the cooperation with the voluntary sector into the master plan and the plan for the elderly, with money in the budget for several years.",
        },
    },
    {
        "step": 2,
        "level": 1,
        "evidence_key": "partners_mapped",
        "text": {
            "nb": "Kommunen har oversikt over frivilligsentral, lag og foreninger og andre samarbeidspartnere i kommunen.",
            "nn": "Kommunen har oversikt over frivilligsentral, lag og foreiningar og andre samarbeidspartnarar i kommunen.",
            "en": "The municipality has an overview of the volunteer centre, associations and other partners in the municipality.",
        },
        "next_step": {
            "nb": "Registrer frivilligsentralen, lag og foreninger og andre samarbeidspartnere i Samspill.",
            "nn": "Registrer frivilligsentralen, lag og foreiningar og andre samarbeidspartnarar i Samspill.",
            "en": "Register the volunteer centre, associations and other partners in Samspill.",
        },
    },
    {
        "step": 2,
        "level": 2,
        "evidence_key": "",
        "text": {
            "nb": "De eldres behov for aktiviteter og møteplasser er kartlagt.",
            "nn": "Behova dei eldre har for aktivitetar og møteplassar, er kartlagde.",
            "en": "The elderly's needs for activities and meeting places are mapped.",
        },
        "next_step": {
            "nb": "Kartlegg behovene for aktiviteter og møteplasser, for eksempel med et åpent møte eller en spørreundersøkelse blant eldre.",
            "nn": "Kartlegg behova for aktivitetar og møteplassar, til dømes med eit ope møte eller ei spørjeundersøking blant eldre.",
            "en": "Map the needs for activities and meeting places, for example with an open meeting or a survey among the elderly.",
        },
    },
    {
        "step": 2,
        "level": 3,
        "evidence_key": "volunteers_registered",
        "text": {
            "nb": "Frivillige som vil bidra er registrert, med hva de ønsker å gjøre og når de kan.",
            "nn": "Frivillige som vil hjelpe til, er registrerte, med kva dei vil gjere og når dei kan.",
            "en": "Volunteers who want to help are registered, with what they want to do and when they can.",
        },
        "next_step": {
            "nb": "Be de frivillige registrere seg i Samspill, eller hent inn listen dere har fra før.",
            "nn": "Be dei frivillige registrere seg i Samspill, eller hent inn lista de har frå før.",
            "en": "Ask the volunteers to register in Samspill, or bring in the list you already have.",
        },
    },
    {
        "step": 2,
        "level": 5,
        "evidence_key": "",
        "text": {
            "nb": "Behovene til hjemmeboende skrøpelige eldre, også personer med demens, er kartlagt sammen med dem og de pårørende.",
            "nn": "Behova til heimebuande skrøpelege eldre, også personar med demens, er kartlagde saman med dei og dei pårørande.",
            "en": "The needs of frail home-dwelling elderly, including people with dementia, are mapped together with them and their families.",
        },
        "next_step": {
            "nb": "Kartlegg sammen med hjemmetjenesten og pårørende hva hjemmeboende skrøpelige eldre og personer med demens savner.",
            "nn": "Kartlegg saman med heimetenesta og pårørande kva heimebuande skrøpelege eldre og personar med demens saknar.",
            "en": "Map, together with home care and families, what frail home-dwelling elderly and people with dementia miss.",
        },
    },
    {
        "step": 3,
        "level": 1,
        "evidence_key": "activities_published",
        "text": {
            "nb": "Aktiviteter og kontaktpersoner i kommunen og frivilligheten er gjort kjent der folk finner dem.",
            "nn": "Aktivitetar og kontaktpersonar i kommunen og frivilligheita er gjorde kjende der folk finn dei.",
            "en": "Activities and contact persons in the municipality and the voluntary sector are published where people find them.",
        },
        "next_step": {
            "nb": "Legg ut aktivitetene og hvem man kan kontakte på kommunens nettsider og i lokalavisen.",
            "nn": "Legg ut aktivitetane og kven ein kan kontakte, på nettsidene til kommunen og i lokalavisa.",
            "en": "Publish the activities and whom to contact on the municipality's web pages and in the local paper.",
        },
    },
    {
        "step": 3,
        "level": 2,
        "evidence_key": "",
        "text": {
            "nb": "Henvendelser fra frivillige og organisasjoner blir besvart raskt, innen en uke.",
            "nn": "Frivillige og organisasjonar som tek kontakt, får svar raskt, innan ei veke.",
            "en": "Enquiries from volunteers and organisations are answered quickly, within a week.",
        },
        "next_step": {
            "nb": "Avtal hvem som svarer på henvendelser fra frivillige, og at alle får svar innen en uke.",
            "nn": "Avtal kven som svarar på førespurnader frå frivillige, og at alle får svar innan ei veke.",
            "en": "Agree who answers enquiries from volunteers, and that everyone gets an answer within a week.",
        },
    },
    {
        "step": 3,
        "level": 4,
        "evidence_key": "active_agreement",
        "text": {
            "nb": "Kommunen har en skriftlig samarbeidsavtale med minst én samarbeidspartner.",
            "nn": "Kommunen har ein skriftleg samarbeidsavtale med minst éin samarbeidspartnar.",
            "en": "The municipality has a written cooperation agreement with at least one partner.",
        },
        "next_step": {
            "nb": "Skriv en samarbeidsavtale med frivilligsentralen eller en annen fast samarbeidspartner, med forventninger til begge parter.",
            "nn": "Skriv ein samarbeidsavtale med frivilligsentralen eller ein annan fast samarbeidspartnar, med forventningar til begge partar.",
            "en": "Write a cooperation agreement with the volunteer centre or another regular partner, with what each side can expect.",
        },
    },
    {
        "step": 3,
        "level": 5,
        "evidence_key": "agreements_with_partners",
        "text": {
            "nb": "Det finnes skriftlige samarbeidsavtaler med alle partene kommunen samarbeider fast med.",
            "nn": "Det finst skriftlege samarbeidsavtalar med alle partane kommunen samarbeider fast med.",
            "en": "There are written cooperation agreements with all the parties the municipality regularly works with.",
        },
        "next_step": {
            "nb": "Gå gjennom listen over samarbeidspartnere og skriv avtale med dem som ikke har det.",
            "nn": "Gå gjennom lista over samarbeidspartnarar, og skriv avtale med dei som ikkje har det.",
            "en": "Go through the list of partners and write an agreement with those who have none.",
        },
    },
    {
        "step": 4,
        "level": 2,
        "evidence_key": "",
        "text": {
            "nb": "Kommunen og frivilligheten møtes jevnlig, minst to ganger i året.",
            "nn": "Kommunen og frivilligheita møtest jamleg, minst to gonger i året.",
            "en": "The municipality and the voluntary sector meet regularly, at least twice a year.",
        },
        "next_step": {
            "nb": "Sett opp faste møter med frivilligheten, for eksempel vår og høst, og legg dem i årshjulet.",
            "nn": "Set opp faste møte med frivilligheita, til dømes vår og haust, og legg dei inn i årshjulet.",
            "en": "Set up regular meetings with the voluntary sector, for example in spring and autumn, and put them in the annual wheel.",
        },
    },
    {
        "step": 4,
        "level": 3,
        "evidence_key": "",
        "text": {
            "nb": "Ansatte i virksomhetene er med når arbeidet med frivillige planlegges.",
            "nn": "Tilsette i verksemdene er med når arbeidet med frivillige blir planlagt.",
            "en": "Staff in the units take part when the work with volunteers is planned.",
        },
        "next_step": {
            "nb": "Ta med ansatte fra sykehjem og hjemmetjeneste i planleggingen, og spør hva de trenger for å ta imot frivillige.",
            "nn": "Ta med tilsette frå sjukeheim og heimeteneste i planlegginga, og spør kva dei treng for å ta imot frivillige.",
            "en": "Include staff from the nursing home and home care in the planning, and ask what they need to welcome volunteers.",
        },
    },
    {
        "step": 4,
        "level": 4,
        "evidence_key": "unit_contacts",
        "text": {
            "nb": "Hver virksomhet (sykehjem, hjemmetjeneste, dagsenter) har en frivillighetskontakt.",
            "nn": "Kvar verksemd (sjukeheim, heimeteneste, dagsenter) har ein frivilligkontakt.",
            "en": "Each unit (nursing home, home care, day centre) has a volunteer contact.",
        },
        "next_step": {
            "nb": "Utpek en frivillighetskontakt i hver virksomhet og gi dem rollen i Samspill.",
            "nn": "Peik ut ein frivilligkontakt i kvar verksemd, og gi dei rolla i Samspill.",
            "en": "Appoint a volunteer contact in each unit and give them the role in Samspill.",
        },
    },
    {
        "step": 4,
        "level": 4,
        "evidence_key": "forum_meetings",
        "text": {
            "nb": "Et felles forum for frivillighetskontakter og samarbeidspartnere møtes jevnlig.",
            "nn": "Eit felles forum for frivilligkontaktar og samarbeidspartnarar møtest jamleg.",
            "en": "A joint forum for volunteer contacts and partners meets regularly.",
        },
        "next_step": {
            "nb": "Start et forum for frivillighetskontaktene og samarbeidspartnerne, med faste møter.",
            "nn": "Start eit forum for frivilligkontaktane og samarbeidspartnarane, med faste møte.",
            "en": "Start a forum for the volunteer contacts and partners, with regular meetings.",
        },
    },
    {
        "step": 4,
        "level": 5,
        "evidence_key": "",
        "text": {
            "nb": "De eldre selv og frivilligheten planlegger nye tiltak sammen med kommunen.",
            "nn": "Dei eldre sjølve og frivilligheita planlegg nye tiltak saman med kommunen.",
            "en": "The elderly themselves and the voluntary sector plan new measures together with the municipality.",
        },
        "next_step": {
            "nb": "Inviter eldrerådet, pensjonistlaget og frivilligsentralen til å planlegge neste års tiltak sammen med kommunen.",
            "nn": "Inviter eldrerådet, pensjonistlaget og frivilligsentralen til å planleggje tiltaka for neste år saman med kommunen.",
            "en": "Invite the council for the elderly, the pensioners' association and the volunteer centre to plan next year's measures together with the municipality.",
        },
    },
    {
        "step": 5,
        "level": 3,
        "evidence_key": "declarations_signed",
        "text": {
            "nb": "De aktive frivillige har skrevet under taushetserklæringen.",
            "nn": "Dei aktive frivillige har skrive under teieerklæringa.",
            "en": "The active volunteers have signed the confidentiality declaration.",
        },
        "next_step": {
            "nb": "Publiser en taushetserklæring i Samspill og be de frivillige som mangler, om å skrive under.",
            "nn": "Publiser ei teieerklæring i Samspill, og be dei frivillige som manglar underskrift, om å skrive under.",
            "en": "Publish a confidentiality declaration in Samspill and ask the volunteers who have not signed to do so.",
        },
    },
    {
        "step": 5,
        "level": 4,
        "evidence_key": "intro_course_this_year",
        "text": {
            "nb": "Det holdes introduksjonskurs for frivillige hvert år.",
            "nn": "Det blir halde introduksjonskurs for frivillige kvart år.",
            "en": "An introductory course for volunteers is held every year.",
        },
        "next_step": {
            "nb": "Sett opp et introduksjonskurs for nye frivillige i år, om rolle, taushetsplikt og hvem de kan spørre.",
            "nn": "Set opp eit introduksjonskurs for nye frivillige i år, om rolla deira, teieplikt og kven dei kan spørje.",
            "en": "Hold an introductory course for new volunteers this year, about their role, confidentiality and whom to ask.",
        },
    },
    {
        "step": 5,
        "level": 4,
        "evidence_key": "",
        "text": {
            "nb": "Ansatte får opplæring i samarbeid med frivillige og i hvor grensen for frivilliges oppgaver går.",
            "nn": "Tilsette får opplæring i samarbeid med frivillige og i kvar grensa for oppgåvene til frivillige går.",
            "en": "Staff are trained in working with volunteers and in where a volunteer's tasks end.",
        },
        "next_step": {
            "nb": "Ta opp samarbeid med frivillige og rolleavklaring på et personalmøte i hver virksomhet.",
            "nn": "Ta opp samarbeid med frivillige og rolleavklaring på eit personalmøte i kvar verksemd.",
            "en": "Take up working with volunteers and role clarity at a staff meeting in each unit.",
        },
    },
    {
        "step": 5,
        "level": 5,
        "evidence_key": "",
        "text": {
            "nb": "Ansatte og frivillige møtes til etisk refleksjon om samarbeidet.",
            "nn": "Tilsette og frivillige møtest til etisk refleksjon om samarbeidet.",
            "en": "Staff and volunteers meet for ethical reflection on the cooperation.",
        },
        "next_step": {
            "nb": "Sett av tid til etisk refleksjon for ansatte og frivillige sammen, for eksempel to ganger i året.",
            "nn": "Set av tid til etisk refleksjon for tilsette og frivillige saman, til dømes to gonger i året.",
            "en": "Set aside time for ethical reflection with staff and volunteers together, for example twice a year.",
        },
    },
    {
        "step": 6,
        "level": 3,
        "evidence_key": "routines_exist",
        "text": {
            "nb": "Det finnes skriftlige rutiner for hvordan samarbeid med frivillige startes og følges opp.",
            "nn": "Det finst skriftlege rutinar for korleis samarbeid med frivillige blir starta og følgt opp.",
            "en": "There are written routines for how cooperation with volunteers is started and followed up.",
        },
        "next_step": {
            "nb": "Skriv de første rutinene, for eksempel for hvordan en ny frivillig tas imot.",
            "nn": "Skriv dei første rutinane, til dømes for korleis ein ny frivillig blir teken imot.",
            "en": "Write the first routines, for example for how a new volunteer is welcomed.",
        },
    },
    {
        "step": 6,
        "level": 3,
        "evidence_key": "",
        "text": {
            "nb": "Rutinene er samlet i en rutineperm som ansatte og frivillige lett finner fram i.",
            "nn": "Rutinane er samla i ein rutineperm som tilsette og frivillige lett finn fram i.",
            "en": "The routines are collected in a routine binder that staff and volunteers can easily reach.",
        },
        "next_step": {
            "nb": "Samle rutinene i en rutineperm og gjør den kjent for ansatte og frivillige.",
            "nn": "Samle rutinane i ein rutineperm, og gjer han kjend for tilsette og frivillige.",
            "en": "Collect the routines in a routine binder and tell staff and volunteers where it is.",
        },
    },
    {
        "step": 6,
        "level": 4,
        "evidence_key": "routines_reviewed",
        "text": {
            "nb": "Rutinene er gått gjennom de siste 12 månedene, sammen med frivillige.",
            "nn": "Rutinane er gjennomgått saman med frivillige i løpet av dei siste 12 månadene.",
            "en": "The routines were reviewed in the last 12 months, together with volunteers.",
        },
        "next_step": {
            "nb": "Gå gjennom rutinene sammen med noen av de frivillige, og skriv inn datoen.",
            "nn": "Gå gjennom rutinane saman med nokre av dei frivillige, og skriv inn datoen.",
            "en": "Review the routines together with some of the volunteers, and note the date.",
        },
    },
    {
        "step": 7,
        "level": 3,
        "evidence_key": "wheel_most_months",
        "text": {
            "nb": "Et årshjul viser aktiviteter og frivillighet gjennom hele året.",
            "nn": "Eit årshjul viser aktivitetar og frivilligheit gjennom heile året.",
            "en": "An annual wheel shows activities and volunteering through the whole year.",
        },
        "next_step": {
            "nb": "Lag et årshjul med faste aktiviteter, møter og kurs, og fyll ut de månedene som er tomme.",
            "nn": "Lag eit årshjul med faste aktivitetar, møte og kurs, og fyll ut dei månadene som er tomme.",
            "en": "Make an annual wheel with regular activities, meetings and courses, and fill the empty months.",
        },
    },
    {
        "step": 7,
        "level": 4,
        "evidence_key": "responsibility_map",
        "text": {
            "nb": "Et ansvarskart viser hvem som har ansvar for hva i samarbeidet med frivillige.",
            "nn": "Eit ansvarskart viser kven som har ansvar for kva i samarbeidet med frivillige.",
            "en": "A responsibility map shows who is responsible for what in the cooperation with volunteers.",
        },
        "next_step": {
            "nb": "Lag et ansvarskart som viser hvem som har ansvar for hva, og del det med samarbeidspartnerne.",
            "nn": "Lag eit ansvarskart som viser kven som har ansvar for kva, og del det med samarbeidspartnarane.",
            "en": "Make a responsibility map showing who is responsible for what, and share it with the partners.",
        },
    },
    {
        "step": 7,
        "level": 5,
        "evidence_key": "activities_evaluated",
        "text": {
            "nb": "Samarbeidet evalueres hvert år, og det man lærer, endrer neste års planer.",
            "nn": "Samarbeidet blir evaluert kvart år, og det ein lærer, endrar planane for neste år.",
            "en": "The cooperation is evaluated every year, and what is learned changes next year's plans.",
        },
        "next_step": {
            "nb": "Evaluer samarbeidet sammen med frivilligheten ved årsslutt, og skriv ned hva dere endrer.",
            "nn": "Evaluer samarbeidet saman med frivilligheita ved årsslutt, og skriv ned kva de endrar.",
            "en": "Evaluate the cooperation together with the voluntary sector at the end of the year, and write down what you change.",
        },
    },
    {
        "step": 7,
        "level": 5,
        "evidence_key": "",
        "text": {
            "nb": "Hjemmeboende skrøpelige eldre og personer med demens får et tett koordinert tilbud fra kommunen og frivillige sammen.",
            "nn": "Heimebuande skrøpelege eldre og personar med demens får eit tett koordinert tilbod frå kommunen og frivillige saman.",
            "en": "Frail home-dwelling elderly and people with dementia get a tightly coordinated offer from the municipality and volunteers together.",
        },
        "next_step": {
            "nb": "Lag en felles plan med hjemmetjenesten og frivilligheten for hvordan skrøpelige eldre og personer med demens får besøk, skyss og følge.",
            "nn": "Lag ein felles plan med heimetenesta og frivilligheita for korleis skrøpelege eldre og personar med demens får besøk, skyss og følgje.",
            "en": "Make a joint plan with home care and the voluntary sector for how frail elderly and people with dementia get visits, transport and escort.",
        },
    },
    {
        "step": 8,
        "level": 1,
        "evidence_key": "",
        "text": {
            "nb": "Frivillighet er synlig på kommunens nettsider, med hvem man kan kontakte.",
            "nn": "Frivilligheit er synleg på nettsidene til kommunen, med kven ein kan kontakte.",
            "en": "Volunteering is visible on the municipality's web pages, with whom to contact.",
        },
        "next_step": {
            "nb": "Lag en side om frivillighet på kommunens nettsider, med kontaktperson og telefon.",
            "nn": "Lag ei side om frivilligheit på nettsidene til kommunen, med kontaktperson og telefonnummer.",
            "en": "Make a page about volunteering on the municipality's web pages, with a contact person and phone number.",
        },
    },
    {
        "step": 8,
        "level": 2,
        "evidence_key": "",
        "text": {
            "nb": "Frivillighet blir tatt opp på ledermøter nå og da.",
            "nn": "Frivilligheit blir teken opp på leiarmøte no og då.",
            "en": "Volunteering is discussed at management meetings now and then.",
        },
        "next_step": {
            "nb": "Be om å få frivillighet opp på neste ledermøte.",
            "nn": "Be om å få frivilligheit opp på neste leiarmøte.",
            "en": "Ask to have volunteering on the agenda of the next management meeting.",
        },
    },
    {
        "step": 8,
        "level": 3,
        "evidence_key": "",
        "text": {
            "nb": "Frivillighet er et fast punkt på ledermøtene.",
            "nn": "Frivilligheit er eit fast punkt på leiarmøta.",
            "en": "Volunteering is a fixed item at management meetings.",
        },
        "next_step": {
            "nb": "Avtal med ledelsen at frivillighet blir et fast punkt på ledermøtene.",
            "nn": "Avtal med leiinga at frivilligheit blir eit fast punkt på leiarmøta.",
            "en": "Agree with the management that volunteering becomes a fixed item at management meetings.",
        },
    },
    {
        "step": 8,
        "level": 4,
        "evidence_key": "",
        "text": {
            "nb": "Kommunestyret får en årlig orientering om samarbeidet med frivilligheten.",
            "nn": "Kommunestyret får ei årleg orientering om samarbeidet med frivilligheita.",
            "en": "The municipal council gets a yearly report on the cooperation with the voluntary sector.",
        },
        "next_step": {
            "nb": "Legg fram en kort årsrapport om samarbeidet med frivilligheten for kommunestyret.",
            "nn": "Legg fram ein kort årsrapport om samarbeidet med frivilligheita for kommunestyret.",
            "en": "Give the municipal council a short yearly report on the cooperation with the voluntary sector.",
        },
    },
]


def _columns(model, field: str, texts: dict[str, str]) -> dict[str, str]:
    """``{field}_{language}`` for each text the model has a column for, and ``field`` itself
    in bokmål (modeltranslation's original column). The migration that first loaded these
    (0008) ran before the nynorsk columns existed, so a column the model lacks is skipped."""
    columns = {f.name for f in model._meta.get_fields()}
    values = {
        f"{field}_{code}": text for code, text in texts.items() if f"{field}_{code}" in columns
    }
    if field in columns:
        values[field] = texts["nb"]
    return values


def add_defaults(apps, schema_editor):
    StaircaseLevel = apps.get_model("coordination", "StaircaseLevel")
    Indicator = apps.get_model("coordination", "Indicator")
    levels = {}
    for number, texts in LEVELS.items():
        levels[number], _ = StaircaseLevel.objects.get_or_create(
            number=number,
            defaults={
                **_columns(StaircaseLevel, "name", texts["name"]),
                **_columns(StaircaseLevel, "description", texts["description"]),
            },
        )
    if Indicator.objects.exists():
        return
    for order, indicator in enumerate(INDICATORS):
        Indicator.objects.create(
            step=indicator["step"],
            level=levels[indicator["level"]],
            evidence_key=indicator["evidence_key"],
            order=order,
            **_columns(Indicator, "text", indicator["text"]),
            **_columns(Indicator, "next_step", indicator["next_step"]),
        )


def remove_defaults(apps, schema_editor):
    apps.get_model("coordination", "Indicator").objects.all().delete()
    apps.get_model("coordination", "StaircaseLevel").objects.all().delete()
