# ruff: noqa: E501  (the routines' text reads best one paragraph a line)
"""Samspill's starter routines: a set a municipality copies into its own binder and adapts.

Written for this product, in bokmål and English. Not gettext: once copied, the text is the
municipality's own and is edited there. Plain text (numbered steps, blank lines between
paragraphs), so that a printed routine binder can use it as it is. They keep to the ground
rules: volunteers never give health care or replace staff, and only the fact that a police
certificate was seen is recorded, never the certificate itself."""

from __future__ import annotations

STARTER_ROUTINES: list[dict] = [
    {
        "key": "welcome",
        "step": 6,
        "topic": "welcoming",
        "title_nb": "Velkomst og introduksjon av en ny frivillig",
        "title_en": "Welcoming and introducing a new volunteer",
        "body_nb": """Formål: Den nye frivillige skal føle seg velkommen, vite hva rollen går ut på og hvem de kan spørre.

1. Frivillighetskoordinatoren tar kontakt innen en uke etter at den frivillige har meldt seg, og avtaler en første samtale.
2. I samtalen snakker dere om hva den frivillige har lyst til å gjøre, når de kan, og hva de ikke ønsker. Ingen skal få oppgaver de ikke vil ha.
3. Den frivillige får en beskrivelse av rollen: hva frivillige gjør, og hva de ikke gjør (frivillige gir aldri helsehjelp og erstatter ikke ansatte).
4. Den frivillige skriver under taushetserklæringen før første oppdrag. Krever rollen politiattest, følges rutinen for politiattest.
5. Den frivillige blir presentert for frivillighetskontakten på stedet (sykehjem, hjemmetjeneste eller dagsenter) og får en omvisning.
6. Den frivillige får tilbud om introduksjonskurset, og får vite når neste kurs er.
7. Første oppdrag gjøres gjerne sammen med en erfaren frivillig eller en ansatt.
8. Etter omtrent en måned har koordinatoren en kort oppfølgingssamtale: Hvordan går det? Er det noe som bør endres?""",
        "body_en": """Purpose: The new volunteer feels welcome, knows what the role involves and whom to ask.

1. The volunteer coordinator gets in touch within a week of the volunteer signing up and arranges a first conversation.
2. In the conversation you talk about what the volunteer would like to do, when they can, and what they do not want. Nobody is given tasks they do not want.
3. The volunteer gets a description of the role: what volunteers do and what they do not do (volunteers never give health care and do not replace staff).
4. The volunteer signs the confidentiality declaration before the first task. If the role requires a police certificate, the police certificate routine is followed.
5. The volunteer meets the volunteer contact at the place (nursing home, home care or day centre) and is shown around.
6. The volunteer is offered the introductory course and told when the next one is.
7. The first task is preferably done together with an experienced volunteer or a member of staff.
8. After about a month the coordinator has a short follow-up conversation: How is it going? Should anything change?""",
    },
    {
        "key": "confidentiality",
        "step": 5,
        "topic": "confidentiality",
        "title_nb": "Taushetserklæring",
        "title_en": "The confidentiality declaration",
        "body_nb": """Formål: Alle frivillige vet hva taushetsplikt betyr, og har skrevet under før de møter beboere eller brukere.

1. Alle frivillige skriver under kommunens taushetserklæring i Samspill før første oppdrag.
2. Koordinatoren går gjennom erklæringen muntlig: Det du får vite om personene du hjelper, deres helse og familie, skal du ikke fortelle videre. Det gjelder også etter at du har sluttet.
3. Frivillige får bare vite det de trenger for oppdraget, og bare når personen har sagt ja til det.
4. Frivillige skriver ikke ned opplysninger om personene de hjelper, og tar ikke bilder av dem uten samtykke.
5. Er du usikker på om du kan si noe, spør frivillighetskontakten eller koordinatoren først.
6. Når kommunen endrer taushetserklæringen, blir alle frivillige bedt om å skrive under den nye.
7. Brudd på taushetsplikten tas opp med den frivillige straks, og kan føre til at oppdraget avsluttes.""",
        "body_en": """Purpose: Every volunteer knows what confidentiality means and has signed before meeting residents or users.

1. Every volunteer signs the municipality's confidentiality declaration in Samspill before the first task.
2. The coordinator goes through the declaration in person: what you learn about the people you help, their health and their family, you do not pass on. This also applies after you have stopped.
3. Volunteers are told only what they need for the task, and only when the person has agreed to it.
4. Volunteers do not write down information about the people they help, and do not take pictures of them without consent.
5. If you are unsure whether you may say something, ask the volunteer contact or the coordinator first.
6. When the municipality changes the declaration, every volunteer is asked to sign the new one.
7. A breach of confidentiality is raised with the volunteer at once, and may lead to the task being ended.""",
    },
    {
        "key": "police_certificate",
        "step": 1,
        "topic": "police_certificate",
        "title_nb": "Kontroll av politiattest",
        "title_en": "Checking a police certificate",
        "body_nb": """Formål: Politiattest kreves der loven eller rollen tilsier det, og kommunen lagrer bare at attesten er sett.

1. For hver frivilligrolle står det om politiattest kreves, og hvilken type (begrenset eller ordinær). Frivillige i sosiale aktiviteter trenger vanligvis ikke attest.
2. Koordinatoren gir den frivillige en bekreftelse på formålet, som den frivillige bruker når attesten søkes på politiet.no.
3. Den frivillige viser fram attesten for koordinatoren, på papir eller digitalt.
4. Koordinatoren registrerer i Samspill bare at attesten ble vist, dato, type, og om den var i orden for rollen.
5. Attesten kopieres aldri, skannes aldri og lagres aldri. Det som står i den, skrives ikke ned.
6. Er attesten ikke i orden for rollen, får den frivillige en annen rolle eller avslutter. Dette tas i en rolig samtale, og det som ble sagt, deles ikke med andre.
7. Skal attesten fornyes, får den frivillige en påminnelse i god tid.""",
        "body_en": """Purpose: A police certificate is required where the law or the role calls for it, and the municipality records only that it was seen.

1. For every volunteer role it says whether a police certificate is required, and which kind (limited or ordinary). Volunteers in social activities usually need none.
2. The coordinator gives the volunteer a confirmation of the purpose, which the volunteer uses to apply for the certificate at politiet.no.
3. The volunteer shows the certificate to the coordinator, on paper or on screen.
4. The coordinator records in Samspill only that it was shown, the date, the kind, and whether it was OK for the role.
5. The certificate is never copied, scanned or stored. What it says is not written down.
6. If the certificate is not OK for the role, the volunteer is offered another role or stops. This is done in a calm conversation, and what was said is not shared with others.
7. If the certificate must be renewed, the volunteer is reminded in good time.""",
    },
    {
        "key": "worried",
        "step": 6,
        "topic": "worried",
        "title_nb": "Hvis en frivillig er bekymret for en beboer eller bruker",
        "title_en": "If a volunteer is worried about a resident or user",
        "body_nb": """Formål: Frivillige vet hva de skal gjøre når de blir bekymret, og bekymringen når fram til de ansatte som har ansvaret.

1. Er det akutt fare for liv eller helse, ring 113. Brann: 110. Politi: 112.
2. Ellers: si fra samme dag til frivillighetskontakten på stedet eller til koordinatoren. Ring heller enn å sende melding.
3. Fortell kort hva du så eller hørte, og når. Du skal ikke undersøke saken selv, gi råd om medisiner eller behandling, eller love personen å holde det hemmelig.
4. Frivillighetskontakten gir beskjed til ansvarlig ansatt i tjenesten, som vurderer hva som skal gjøres.
5. Frivillighetskontakten gir den frivillige en kort tilbakemelding om at beskjeden er mottatt og fulgt opp. Detaljer deles bare hvis personen har samtykket.
6. Har det vært en tung opplevelse, får den frivillige tilbud om en samtale.
7. Den frivillige skriver ikke ned opplysninger om personen og deler dem ikke med andre.""",
        "body_en": """Purpose: Volunteers know what to do when they are worried, and the worry reaches the staff who are responsible.

1. If life or health is in immediate danger, call 113. Fire: 110. Police: 112.
2. Otherwise: tell the volunteer contact at the place or the coordinator the same day. Call rather than send a message.
3. Say briefly what you saw or heard, and when. You do not investigate yourself, give advice about medicines or treatment, or promise the person to keep it secret.
4. The volunteer contact passes it on to the responsible member of staff in the service, who decides what to do.
5. The volunteer contact tells the volunteer briefly that the message was received and followed up. Details are shared only if the person has consented.
6. If it was a hard experience, the volunteer is offered a conversation.
7. The volunteer does not write down information about the person and does not share it with others.""",
    },
    {
        "key": "ending",
        "step": 6,
        "topic": "ending",
        "title_nb": "Avslutning av et oppdrag",
        "title_en": "Ending an assignment",
        "body_nb": """Formål: Et oppdrag avsluttes på en god måte, både for den frivillige og for personen som har fått hjelp.

1. Både den frivillige og personen som får hjelp, kan når som helst avslutte et oppdrag. Ingen trenger å forklare seg.
2. Den som vil avslutte, gir beskjed til koordinatoren. Koordinatoren sier fra til den andre parten på en vennlig måte.
3. Har dere møttes lenge, avtaler dere gjerne et siste besøk eller en fin avslutning.
4. Koordinatoren spør om personen fortsatt ønsker hjelp, og ser etter en ny frivillig.
5. Koordinatoren har en kort samtale med den frivillige: Hvordan har det vært? Vil du fortsette med noe annet?
6. Oppdraget avsluttes i Samspill. Taushetsplikten gjelder fortsatt.
7. Frivillige som slutter helt, får en takk og et bevis på frivillig innsats hvis de ønsker det.""",
        "body_en": """Purpose: An assignment ends well, both for the volunteer and for the person who was helped.

1. Both the volunteer and the person being helped may end an assignment at any time. Nobody has to explain why.
2. Whoever wants to end it tells the coordinator. The coordinator tells the other side kindly.
3. If you have met for a long time, you may agree on a last visit or a good goodbye.
4. The coordinator asks whether the person still wants help, and looks for a new volunteer.
5. The coordinator has a short conversation with the volunteer: How has it been? Would you like to go on with something else?
6. The assignment is ended in Samspill. Confidentiality still applies.
7. Volunteers who stop altogether are thanked, and get a certificate of their volunteering if they want one.""",
    },
    {
        "key": "follow_up",
        "step": 4,
        "topic": "follow_up",
        "title_nb": "Oppfølgingssamtaler med frivillige",
        "title_en": "Follow-up conversations with volunteers",
        "body_nb": """Formål: Frivillige blir sett, får si hva de mener, og blir værende.

1. Koordinatoren eller frivillighetskontakten har en oppfølgingssamtale med hver frivillig etter første måned, og deretter minst én gang i året.
2. Samtalen tar 15–30 minutter, på telefon eller ved et møte. Den frivillige velger.
3. Spørsmål: Hvordan går oppdraget? Er oppgavene slik du ønsker? Har du for mye eller for lite å gjøre? Er det noe du trenger å lære mer om? Har du forslag til hvordan vi kan gjøre ting bedre?
4. Forslag fra frivillige tas med i arbeidet med rutinene og i planleggingen av året.
5. Koordinatoren noterer bare avtaler som er gjort, for eksempel et nytt kurs eller færre oppdrag, ikke vurderinger av personen.
6. Frivillige som har hatt en vanskelig opplevelse, får tilbud om samtale straks, ikke først ved neste faste samtale.""",
        "body_en": """Purpose: Volunteers are seen, have their say, and stay.

1. The coordinator or the volunteer contact has a follow-up conversation with every volunteer after the first month, and then at least once a year.
2. The conversation takes 15–30 minutes, on the phone or in person. The volunteer chooses.
3. Questions: How is the task going? Are the tasks as you want them? Do you have too much or too little to do? Is there anything you would like to learn more about? Do you have ideas for how we could do things better?
4. Volunteers' suggestions are taken into the work on the routines and into the planning of the year.
5. The coordinator notes only what was agreed, for example a new course or fewer tasks, not judgements about the person.
6. Volunteers who have had a hard experience are offered a conversation at once, not only at the next regular one.""",
    },
    {
        "key": "transport",
        "step": 6,
        "topic": "transport",
        "title_nb": "Skyss og følge",
        "title_en": "Transport and escort",
        "body_nb": """Formål: Eldre kommer seg trygt til aktiviteter og avtaler, og frivillige sjåfører vet hva som gjelder.

1. Frivillige som kjører, har gyldig førerkort og bruker egen bil med gyldig forsikring. Koordinatoren ser førerkortet før første tur.
2. Turen avtales gjennom koordinatoren eller aktiviteten: hvem som hentes, hvor, når og tilbake.
3. Den frivillige hjelper personen inn og ut av bilen og følger til døra, men løfter ikke og gir ikke pleie. Trenger personen mer hjelp, må det avtales med tjenesten.
4. Alle bruker bilbelte. Den frivillige kjører ikke hvis hen er syk, trøtt eller føret er farlig. Si fra i god tid.
5. Blir noen syke underveis: stopp trygt og ring 113 ved fare.
6. Kjøregodtgjørelse føres i Samspill etter kommunens sats. Den frivillige tar ikke imot betaling fra personen.
7. Ved uhell med bilen følges rutinen for ulykke eller skade, og den frivilliges forsikring brukes.""",
        "body_en": """Purpose: Older people get safely to activities and appointments, and volunteer drivers know what applies.

1. Volunteers who drive have a valid driving licence and use their own car with valid insurance. The coordinator sees the licence before the first trip.
2. The trip is arranged through the coordinator or the activity: who is picked up, where, when and back.
3. The volunteer helps the person in and out of the car and walks them to the door, but does not lift and does not give care. If the person needs more help, it must be arranged with the service.
4. Everyone wears a seat belt. The volunteer does not drive when ill, tired or when the roads are dangerous. Say so in good time.
5. If someone falls ill on the way: stop safely and call 113 if there is danger.
6. Mileage is logged in Samspill at the municipality's rate. The volunteer does not accept payment from the person.
7. If there is an accident with the car, the accident and injury routine is followed and the volunteer's insurance is used.""",
    },
    {
        "key": "partner_agreement",
        "step": 3,
        "topic": "partners",
        "title_nb": "Samarbeidsavtale med en partner",
        "title_en": "A cooperation agreement with a partner",
        "body_nb": """Formål: Samarbeid med frivilligsentraler, lag og foreninger og næringsliv bygger på klare, skriftlige avtaler.

1. Koordinatoren svarer en partner som tar kontakt, innen en uke.
2. I et første møte avklarer dere hva partneren ønsker å bidra med, hva kommunen ønsker, og hva som ikke er frivilliges oppgave.
3. Avtalen skrives i Samspill: formål, hva hver part gjør, kontaktpersoner, taushetsplikt og politiattest der det trengs, varighet og når avtalen skal gjennomgås.
4. Begge parter godkjenner avtalen før samarbeidet starter.
5. Avtalen gjennomgås minst én gang i året, og datoen står i årshjulet.
6. Problemer tas opp tidlig, med kontaktpersonen hos partneren.
7. Avsluttes samarbeidet, gjøres det skriftlig, og frivillige som berøres, får beskjed.""",
        "body_en": """Purpose: Cooperation with volunteer centres, associations and businesses rests on clear, written agreements.

1. The coordinator answers a partner who gets in touch within a week.
2. In a first meeting you clarify what the partner wants to contribute, what the municipality wants, and what is not a volunteer's task.
3. The agreement is written in Samspill: purpose, what each side does, contact persons, confidentiality and police certificates where needed, duration, and when the agreement is reviewed.
4. Both sides approve the agreement before the cooperation starts.
5. The agreement is reviewed at least once a year, and the date is on the annual wheel.
6. Problems are raised early, with the partner's contact person.
7. If the cooperation ends, it is done in writing, and the volunteers concerned are told.""",
    },
    {
        "key": "complaint",
        "step": 7,
        "topic": "other",
        "title_nb": "Behandling av en klage",
        "title_en": "Handling a complaint",
        "body_nb": """Formål: En klage fra en bruker, en pårørende, en frivillig eller en ansatt blir tatt på alvor og fulgt opp.

1. Den som får en klage, takker for beskjeden og gir den videre til koordinatoren samme dag.
2. Koordinatoren tar kontakt med den som klaget innen tre virkedager, og lytter til hva som har skjedd.
3. Koordinatoren snakker med de som er berørt, hver for seg, før noe avgjøres.
4. Klager om helse- og omsorgstjenesten sendes til tjenesten, som har sine egne rutiner.
5. Koordinatoren svarer den som klaget: hva som er gjort, og hva som endres.
6. Det noteres kort hva klagen gjaldt og hva som ble gjort, uten flere personopplysninger enn nødvendig.
7. Én gang i året ser koordinatoren på klagene samlet: Viser de at en rutine bør endres?""",
        "body_en": """Purpose: A complaint from a user, a relative, a volunteer or a member of staff is taken seriously and followed up.

1. Whoever receives a complaint thanks the person and passes it to the coordinator the same day.
2. The coordinator contacts the person who complained within three working days and listens to what happened.
3. The coordinator talks to those involved, one at a time, before anything is decided.
4. Complaints about the health and care service go to the service, which has its own routines.
5. The coordinator answers the person who complained: what has been done and what will change.
6. A short note is kept of what the complaint was about and what was done, with no more personal data than needed.
7. Once a year the coordinator looks at the complaints together: do they show that a routine should change?""",
    },
    {
        "key": "infection",
        "step": 5,
        "topic": "other",
        "title_nb": "Smittevern og sykdom hos frivillige",
        "title_en": "Infection control and illness among volunteers",
        "body_nb": """Formål: Frivillige bringer ikke smitte til eldre, som ofte tåler sykdom dårlig.

1. Frivillige som har feber, oppkast, diaré eller luftveisinfeksjon, kommer ikke. Vent til du har vært frisk i minst ett døgn (to døgn etter oppkast og diaré).
2. Gi beskjed så tidlig som mulig til frivillighetskontakten eller personen du skulle besøke.
3. Vask eller sprit hendene når du kommer og når du går.
4. Følg smittevernrådene på stedet, for eksempel ved utbrudd på sykehjemmet. Frivillighetskontakten gir beskjed om hva som gjelder.
5. Frivillige gjør ikke stell eller andre oppgaver der smitte lett overføres.
6. Ved utbrudd kan besøk og aktiviteter bli stanset en periode. Koordinatoren gir beskjed til de frivillige.""",
        "body_en": """Purpose: Volunteers do not bring infection to older people, who often cope badly with illness.

1. Volunteers with a fever, vomiting, diarrhoea or a respiratory infection stay away. Wait until you have been well for at least a day (two days after vomiting and diarrhoea).
2. Tell the volunteer contact or the person you were to visit as early as you can.
3. Wash or disinfect your hands when you arrive and when you leave.
4. Follow the infection control advice at the place, for example during an outbreak at the nursing home. The volunteer contact tells you what applies.
5. Volunteers do not give personal care or other tasks where infection passes easily.
6. During an outbreak, visits and activities may be paused for a while. The coordinator tells the volunteers.""",
    },
    {
        "key": "accident",
        "step": 7,
        "topic": "other",
        "title_nb": "Ulykke eller skade under en aktivitet",
        "title_en": "An accident or injury during an activity",
        "body_nb": """Formål: Alle vet hva de skal gjøre hvis noen skader seg, og hendelsen følges opp.

1. Sørg for at ingen andre kommer til skade. Ved alvorlig skade: ring 113.
2. Gi førstehjelp så godt du kan, og bli hos personen til hjelpen kommer.
3. Varsle den ansvarlige for aktiviteten og koordinatoren samme dag. Er personen beboer eller bruker av en tjeneste, varsles også tjenesten.
4. Koordinatoren registrerer kort hva som skjedde, når og hvor, og hva som ble gjort.
5. Koordinatoren sjekker forsikring: kommunens forsikring for frivillige, eller partnerens.
6. Den frivillige får tilbud om en samtale etterpå.
7. Koordinatoren vurderer om aktiviteten eller en rutine bør endres, så det ikke skjer igjen.""",
        "body_en": """Purpose: Everyone knows what to do if someone is hurt, and the incident is followed up.

1. Make sure nobody else gets hurt. In case of serious injury: call 113.
2. Give first aid as well as you can, and stay with the person until help arrives.
3. Tell the person responsible for the activity and the coordinator the same day. If the person is a resident or user of a service, tell the service too.
4. The coordinator records briefly what happened, when and where, and what was done.
5. The coordinator checks the insurance: the municipality's insurance for volunteers, or the partner's.
6. The volunteer is offered a conversation afterwards.
7. The coordinator considers whether the activity or a routine should change, so that it does not happen again.""",
    },
    {
        "key": "mapping",
        "step": 2,
        "topic": "other",
        "title_nb": "Kartlegging av behov for aktivitet og møteplasser",
        "title_en": "Mapping needs for activities and meeting places",
        "body_nb": """Formål: Kommunen vet hvilke behov eldre har, og hvor tilbudene mangler.

1. Én gang i året samler koordinatoren det tjenestene, frivilligsentralen, eldrerådet og lag og foreninger vet om behov.
2. Spør de eldre selv, for eksempel på et åpent møte eller gjennom en kort spørreundersøkelse. Husk dem som bor utenfor sentrum.
3. Se særlig etter ensomhet på kvelder, i helger og om vinteren, og etter behov for skyss.
4. Sammenlign med tilbudene som finnes: hva mangler, og hvor?
5. Resultatet legges fram i ledermøtet og brukes i planleggingen av neste år.""",
        "body_en": """Purpose: The municipality knows what older people need, and where offers are missing.

1. Once a year the coordinator gathers what the services, the volunteer centre, the council for the elderly and the associations know about needs.
2. Ask older people themselves, for example at an open meeting or in a short survey. Remember those who live outside the centre.
3. Look especially for loneliness in the evenings, at weekends and in winter, and for the need for transport.
4. Compare with the offers there are: what is missing, and where?
5. The result is presented in the management meeting and used to plan the next year.""",
    },
    {
        "key": "agenda",
        "step": 8,
        "topic": "other",
        "title_nb": "Frivillighet som fast sak i ledermøtet",
        "title_en": "Volunteering as a fixed item in the management meeting",
        "body_nb": """Formål: Frivillighet er forankret i ledelsen og blir synlig.

1. Frivillighet står som fast sak på ledermøtet i helse og omsorg minst fire ganger i året.
2. Koordinatoren forbereder en kort status: antall frivillige, nye samarbeid, det som går bra, og det som trenger en avgjørelse.
3. Ledermøtet tar stilling til det som trenger en avgjørelse, og hvem som følger opp.
4. Nyheter og tilbud legges ut på kommunens nettsider og i lokalavisen, så flere vet om dem.
5. Én gang i året går ledermøtet gjennom årshjulet og rutinene for frivillighet.""",
        "body_en": """Purpose: Volunteering is anchored with management and made visible.

1. Volunteering is a fixed item at the health and care management meeting at least four times a year.
2. The coordinator prepares a short status: the number of volunteers, new cooperation, what is going well, and what needs a decision.
3. The management meeting decides what needs a decision, and who follows up.
4. News and offers are published on the municipality's web pages and in the local paper, so that more people know of them.
5. Once a year the management meeting goes through the annual wheel and the routines for volunteering.""",
    },
]


def starter_by_key(key: str) -> dict | None:
    return next((starter for starter in STARTER_ROUTINES if starter["key"] == key), None)
