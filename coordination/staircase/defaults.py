"""The default involvement staircase: the five levels and the indicators, grouped by the 8 steps
(DOMAIN.md: the level table, the 8 steps, the success criteria from the research report).
They are data: a national administrator changes the wording in the admin afterwards, not here.

Loaded by migration 0008_staircase_data, and again by the tests' reference-data fixture when a
transactional test has emptied the tables (``add_defaults`` takes an app registry, so it works
with the migration's historical models and with the real ones)."""

LEVELS = [
    (
        1,
        "Informere",
        "Inform",
        "Kommunen og frivilligheten kjenner til hverandre. Aktiviteter og kontaktpersoner er "
        "gjort kjent.",
        "The municipality and the voluntary sector know of each other. Activities and contact "
        "persons are published.",
    ),
    (
        2,
        "Dialog",
        "Dialogue",
        "Kommunen har en navngitt kontaktperson for frivillighet. Kommunen og frivilligheten "
        "møtes jevnlig, og behov og ressurser er kartlagt.",
        "The municipality has a named contact for volunteering. The municipality and the "
        "voluntary sector meet regularly, and needs and resources are mapped.",
    ),
    (
        3,
        "Samordne",
        "Coordinate",
        "Kommunen har en frivillighetskoordinator. Frivillige er registrert og har skrevet under "
        "taushetserklæring. Det finnes rutiner og et felles årshjul.",
        "The municipality has a volunteer coordinator. Volunteers are registered and have signed "
        "the confidentiality declaration. There are routines and a shared annual wheel.",
    ),
    (
        4,
        "Samarbeid",
        "Partnership",
        "Det finnes skriftlige samarbeidsavtaler og et ansvarskart. Virksomhetene har "
        "frivillighetskontakter, det holdes introduksjonskurs, og det er et felles forum.",
        "There are written cooperation agreements and a responsibility map. The units have "
        "volunteer contacts, introductory courses are held, and there is a joint forum.",
    ),
    (
        5,
        "Tett koordinert innsats",
        "Coordinated effort",
        "Kommunen planlegger sammen med frivilligheten og de eldre selv. Innsatsen for sårbare "
        "grupper, som hjemmeboende skrøpelige eldre og personer med demens, er tett koordinert. "
        "Arbeidet evalueres og forbedres, og det har flerårig finansiering.",
        "The municipality plans together with the voluntary sector and the elderly themselves. "
        "The effort for vulnerable groups, such as frail home-dwelling elderly and people with "
        "dementia, is tightly coordinated. The work is evaluated and improved, and it has "
        "funding for several years.",
    ),
]

# (step, level, evidence key, text nb, text en, next step nb, next step en)
INDICATORS = [
    # 1 Anchor
    (
        1,
        1,
        "",
        "Kommunens ledelse kjenner til hva frivilligheten i kommunen gjør, og ønsker samarbeid.",
        "The municipality's management knows what the voluntary sector in the municipality does "
        "and wants to cooperate.",
        "Inviter frivilligsentralen og lag og foreninger til et møte med kommunens ledelse.",
        "Invite the volunteer centre and the associations to a meeting with the municipality's "
        "management.",
    ),
    (
        1,
        2,
        "named_coordinator",
        "Kommunen har en navngitt kontaktperson for frivillighet.",
        "The municipality has a named contact person for volunteering.",
        "Utpek en kontaktperson for frivillighet og gi personen rollen som "
        "frivillighetskoordinator i Samspill.",
        "Appoint a contact person for volunteering and give them the coordinator role in Samspill.",
    ),
    (
        1,
        3,
        "",  # holding the coordinator role does not show that time is set aside (issue 10)
        "Kommunen har en frivillighetskoordinator med avsatt tid til arbeidet.",
        "The municipality has a volunteer coordinator with time set aside for the work.",
        "Sett av tid i en stilling til frivillighetskoordinering, og skriv det inn i "
        "stillingsbeskrivelsen.",
        "Set aside time in a position for coordinating volunteers, and write it into the job "
        "description.",
    ),
    (
        1,
        4,
        "",
        "Kommunen har en lokal frivillighetspolitikk med retningslinjer for samarbeid, vedtatt "
        "politisk.",
        "The municipality has a local volunteering policy with guidelines for cooperation, "
        "adopted by the council.",
        "Lag et utkast til frivillighetspolitikk sammen med frivilligheten, og legg det fram for "
        "politisk behandling.",
        "Draft a volunteering policy together with the voluntary sector, and put it before the "
        "council.",
    ),
    (
        1,
        5,
        "",
        "Frivillighet er en del av kommunens planer (kommuneplanen og planen for eldre) og har "
        "flerårig finansiering.",
        "Volunteering is part of the municipality's plans (the master plan and the plan for the "
        "elderly) and has funding for several years.",
        "Skriv samarbeidet med frivilligheten inn i kommuneplanen og planen for eldre, med "
        "penger i økonomiplanen for flere år.",
        "Write the cooperation with the voluntary sector into the master plan and the plan for "
        "the elderly, with money in the budget for several years.",
    ),
    # 2 Map
    (
        2,
        1,
        "partners_mapped",
        "Kommunen har oversikt over frivilligsentral, lag og foreninger og andre "
        "samarbeidspartnere i kommunen.",
        "The municipality has an overview of the volunteer centre, associations and other "
        "partners in the municipality.",
        "Registrer frivilligsentralen, lag og foreninger og andre samarbeidspartnere i Samspill.",
        "Register the volunteer centre, associations and other partners in Samspill.",
    ),
    (
        2,
        2,
        "",  # the portal cannot show this: needs for help reported one by one are no mapping
        "De eldres behov for aktiviteter og møteplasser er kartlagt.",
        "The elderly's needs for activities and meeting places are mapped.",
        "Kartlegg behovene for aktiviteter og møteplasser, for eksempel med et åpent møte eller "
        "en spørreundersøkelse blant eldre.",
        "Map the needs for activities and meeting places, for example with an open meeting or a "
        "survey among the elderly.",
    ),
    (
        2,
        3,
        "volunteers_registered",
        "Frivillige som vil bidra er registrert, med hva de ønsker å gjøre og når de kan.",
        "Volunteers who want to help are registered, with what they want to do and when they can.",
        "Be de frivillige registrere seg i Samspill, eller hent inn listen dere har fra før.",
        "Ask the volunteers to register in Samspill, or bring in the list you already have.",
    ),
    (
        2,
        5,
        "",
        "Behovene til hjemmeboende skrøpelige eldre, også personer med demens, er kartlagt "
        "sammen med dem og de pårørende.",
        "The needs of frail home-dwelling elderly, including people with dementia, are mapped "
        "together with them and their families.",
        "Kartlegg sammen med hjemmetjenesten og pårørende hva hjemmeboende skrøpelige eldre og "
        "personer med demens savner.",
        "Map, together with home care and families, what frail home-dwelling elderly and people "
        "with dementia miss.",
    ),
    # 3 Establish cooperation
    (
        3,
        1,
        "",
        "Aktiviteter og kontaktpersoner i kommunen og frivilligheten er gjort kjent der folk "
        "finner dem.",
        "Activities and contact persons in the municipality and the voluntary sector are "
        "published where people find them.",
        "Legg ut aktivitetene og hvem man kan kontakte på kommunens nettsider og i lokalavisen.",
        "Publish the activities and whom to contact on the municipality's web pages and in the "
        "local paper.",
    ),
    (
        3,
        2,
        "",
        "Henvendelser fra frivillige og organisasjoner blir besvart raskt, innen en uke.",
        "Enquiries from volunteers and organisations are answered quickly, within a week.",
        "Avtal hvem som svarer på henvendelser fra frivillige, og at alle får svar innen en uke.",
        "Agree who answers enquiries from volunteers, and that everyone gets an answer within a "
        "week.",
    ),
    (
        3,
        4,
        "active_agreement",
        "Kommunen har en skriftlig samarbeidsavtale med minst én samarbeidspartner.",
        "The municipality has a written cooperation agreement with at least one partner.",
        "Skriv en samarbeidsavtale med frivilligsentralen eller en annen fast "
        "samarbeidspartner, med forventninger til begge parter.",
        "Write a cooperation agreement with the volunteer centre or another regular partner, "
        "with what each side can expect.",
    ),
    (
        3,
        5,
        "agreements_with_partners",
        "Det finnes skriftlige samarbeidsavtaler med alle partene kommunen samarbeider fast med.",
        "There are written cooperation agreements with all the parties the municipality "
        "regularly works with.",
        "Gå gjennom listen over samarbeidspartnere og skriv avtale med dem som ikke har det.",
        "Go through the list of partners and write an agreement with those who have none.",
    ),
    # 4 Involve
    (
        4,
        2,
        "",
        "Kommunen og frivilligheten møtes jevnlig, minst to ganger i året.",
        "The municipality and the voluntary sector meet regularly, at least twice a year.",
        "Sett opp faste møter med frivilligheten, for eksempel vår og høst, og legg dem i "
        "årshjulet.",
        "Set up regular meetings with the voluntary sector, for example in spring and autumn, "
        "and put them in the annual wheel.",
    ),
    (
        4,
        3,
        "",
        "Ansatte i virksomhetene er med når arbeidet med frivillige planlegges.",
        "Staff in the units take part when the work with volunteers is planned.",
        "Ta med ansatte fra sykehjem og hjemmetjeneste i planleggingen, og spør hva de trenger "
        "for å ta imot frivillige.",
        "Include staff from the nursing home and home care in the planning, and ask what they "
        "need to welcome volunteers.",
    ),
    (
        4,
        4,
        "unit_contacts",
        "Hver virksomhet (sykehjem, hjemmetjeneste, dagsenter) har en frivillighetskontakt.",
        "Each unit (nursing home, home care, day centre) has a volunteer contact.",
        "Utpek en frivillighetskontakt i hver virksomhet og gi dem rollen i Samspill.",
        "Appoint a volunteer contact in each unit and give them the role in Samspill.",
    ),
    (
        4,
        4,
        "forum_meetings",
        "Et felles forum for frivillighetskontakter og samarbeidspartnere møtes jevnlig.",
        "A joint forum for volunteer contacts and partners meets regularly.",
        "Start et forum for frivillighetskontaktene og samarbeidspartnerne, med faste møter.",
        "Start a forum for the volunteer contacts and partners, with regular meetings.",
    ),
    (
        4,
        5,
        "",
        "De eldre selv og frivilligheten planlegger nye tiltak sammen med kommunen.",
        "The elderly themselves and the voluntary sector plan new measures together with the "
        "municipality.",
        "Inviter eldrerådet, pensjonistlaget og frivilligsentralen til å planlegge neste års "
        "tiltak sammen med kommunen.",
        "Invite the council for the elderly, the pensioners' association and the volunteer "
        "centre to plan next year's measures together with the municipality.",
    ),
    # 5 Prioritise competence
    (
        5,
        3,
        "declarations_signed",
        "De aktive frivillige har skrevet under taushetserklæringen.",
        "The active volunteers have signed the confidentiality declaration.",
        "Publiser en taushetserklæring i Samspill og be de frivillige som mangler, om å skrive "
        "under.",
        "Publish a confidentiality declaration in Samspill and ask the volunteers who have not "
        "signed to do so.",
    ),
    (
        5,
        4,
        "intro_course_this_year",
        "Det holdes introduksjonskurs for frivillige hvert år.",
        "An introductory course for volunteers is held every year.",
        "Sett opp et introduksjonskurs for nye frivillige i år, om rolle, taushetsplikt og hvem "
        "de kan spørre.",
        "Hold an introductory course for new volunteers this year, about their role, "
        "confidentiality and whom to ask.",
    ),
    (
        5,
        4,
        "",
        "Ansatte får opplæring i samarbeid med frivillige og i hvor grensen for frivilliges "
        "oppgaver går.",
        "Staff are trained in working with volunteers and in where a volunteer's tasks end.",
        "Ta opp samarbeid med frivillige og rolleavklaring på et personalmøte i hver virksomhet.",
        "Take up working with volunteers and role clarity at a staff meeting in each unit.",
    ),
    (
        5,
        5,
        "",
        "Ansatte og frivillige møtes til etisk refleksjon om samarbeidet.",
        "Staff and volunteers meet for ethical reflection on the cooperation.",
        "Sett av tid til etisk refleksjon for ansatte og frivillige sammen, for eksempel to "
        "ganger i året.",
        "Set aside time for ethical reflection with staff and volunteers together, for example "
        "twice a year.",
    ),
    # 6 Develop routines
    (
        6,
        3,
        "routines_exist",
        "Det finnes skriftlige rutiner for hvordan samarbeid med frivillige startes og følges opp.",
        "There are written routines for how cooperation with volunteers is started and followed "
        "up.",
        "Skriv de første rutinene, for eksempel for hvordan en ny frivillig tas imot.",
        "Write the first routines, for example for how a new volunteer is welcomed.",
    ),
    (
        6,
        3,
        "",
        "Rutinene er samlet i en rutineperm som ansatte og frivillige lett finner fram i.",
        "The routines are collected in a routine binder that staff and volunteers can easily "
        "reach.",
        "Samle rutinene i en rutineperm og gjør den kjent for ansatte og frivillige.",
        "Collect the routines in a routine binder and tell staff and volunteers where it is.",
    ),
    (
        6,
        4,
        "routines_reviewed",
        "Rutinene er gått gjennom de siste 12 månedene, sammen med frivillige.",
        "The routines were reviewed in the last 12 months, together with volunteers.",
        "Gå gjennom rutinene sammen med noen av de frivillige, og skriv inn datoen.",
        "Review the routines together with some of the volunteers, and note the date.",
    ),
    # 7 Systematise
    (
        7,
        3,
        "wheel_most_months",
        "Et årshjul viser aktiviteter og frivillighet gjennom hele året.",
        "An annual wheel shows activities and volunteering through the whole year.",
        "Lag et årshjul med faste aktiviteter, møter og kurs, og fyll ut de månedene som er tomme.",
        "Make an annual wheel with regular activities, meetings and courses, and fill the empty "
        "months.",
    ),
    (
        7,
        4,
        "responsibility_map",
        "Et ansvarskart viser hvem som har ansvar for hva i samarbeidet med frivillige.",
        "A responsibility map shows who is responsible for what in the cooperation with "
        "volunteers.",
        "Lag et ansvarskart som viser hvem som har ansvar for hva, og del det med "
        "samarbeidspartnerne.",
        "Make a responsibility map showing who is responsible for what, and share it with the "
        "partners.",
    ),
    (
        7,
        5,
        "",
        "Samarbeidet evalueres hvert år, og det man lærer, endrer neste års planer.",
        "The cooperation is evaluated every year, and what is learned changes next year's plans.",
        "Evaluer samarbeidet sammen med frivilligheten ved årsslutt, og skriv ned hva dere endrer.",
        "Evaluate the cooperation together with the voluntary sector at the end of the year, and "
        "write down what you change.",
    ),
    (
        7,
        5,
        "",
        "Hjemmeboende skrøpelige eldre og personer med demens får et tett koordinert tilbud fra "
        "kommunen og frivillige sammen.",
        "Frail home-dwelling elderly and people with dementia get a tightly coordinated offer "
        "from the municipality and volunteers together.",
        "Lag en felles plan med hjemmetjenesten og frivilligheten for hvordan skrøpelige eldre "
        "og personer med demens får besøk, skyss og følge.",
        "Make a joint plan with home care and the voluntary sector for how frail elderly and "
        "people with dementia get visits, transport and escort.",
    ),
    # 8 Put volunteering on the agenda
    (
        8,
        1,
        "",
        "Frivillighet er synlig på kommunens nettsider, med hvem man kan kontakte.",
        "Volunteering is visible on the municipality's web pages, with whom to contact.",
        "Lag en side om frivillighet på kommunens nettsider, med kontaktperson og telefon.",
        "Make a page about volunteering on the municipality's web pages, with a contact person "
        "and phone number.",
    ),
    (
        8,
        2,
        "",
        "Frivillighet blir tatt opp på ledermøter nå og da.",
        "Volunteering is discussed at management meetings now and then.",
        "Be om å få frivillighet opp på neste ledermøte.",
        "Ask to have volunteering on the agenda of the next management meeting.",
    ),
    (
        8,
        3,
        "",
        "Frivillighet er et fast punkt på ledermøtene.",
        "Volunteering is a fixed item at management meetings.",
        "Avtal med ledelsen at frivillighet blir et fast punkt på ledermøtene.",
        "Agree with the management that volunteering becomes a fixed item at management meetings.",
    ),
    (
        8,
        4,
        "",
        "Kommunestyret får en årlig orientering om samarbeidet med frivilligheten.",
        "The municipal council gets a yearly report on the cooperation with the voluntary sector.",
        "Legg fram en kort årsrapport om samarbeidet med frivilligheten for kommunestyret.",
        "Give the municipal council a short yearly report on the cooperation with the voluntary "
        "sector.",
    ),
]


def add_defaults(apps, schema_editor):
    StaircaseLevel = apps.get_model("coordination", "StaircaseLevel")
    Indicator = apps.get_model("coordination", "Indicator")
    levels = {}
    for number, name_nb, name_en, description_nb, description_en in LEVELS:
        levels[number], _ = StaircaseLevel.objects.get_or_create(
            number=number,
            defaults={
                "name_nb": name_nb,
                "name_en": name_en,
                "description_nb": description_nb,
                "description_en": description_en,
            },
        )
    if Indicator.objects.exists():
        return
    for order, (step, level, key, text_nb, text_en, next_nb, next_en) in enumerate(INDICATORS):
        Indicator.objects.create(
            step=step,
            level=levels[level],
            evidence_key=key,
            text_nb=text_nb,
            text_en=text_en,
            next_step_nb=next_nb,
            next_step_en=next_en,
            order=order,
        )


def remove_defaults(apps, schema_editor):
    apps.get_model("coordination", "Indicator").objects.all().delete()
    apps.get_model("coordination", "StaircaseLevel").objects.all().delete()
