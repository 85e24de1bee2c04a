"""Bokmål for issue 10, daily use: landing after login, the volunteer's one home, the
staircase's next steps from today's data and the opt-in comparison."""

NB = {
    # the volunteer's one home (My page)
    "Your other roles in the municipality": "Dine andre roller i kommunen",
    "Back to My page": "Tilbake til Min side",
    "Go to My page": "Gå til Min side",
    "My page:": "Min side:",
    # next steps from today's data
    "Worked out today from the portal's data as it is now, and from your assessment of %(day)s where the portal cannot show it.": "Regnet ut i dag fra dataene i portalen slik de er nå, og fra vurderingen deres %(day)s der portalen ikke kan vise det.",
    "Worked out today from the portal's data as it is now.": "Regnet ut i dag fra dataene i portalen slik de er nå.",
    (
        "and %(counter)s more on the staircase page.",
        "and %(counter)s more on the staircase page.",
    ): (
        "og %(counter)s til på siden om involveringstrappen.",
        "og %(counter)s til på siden om involveringstrappen.",
    ),
    "Every level is met as things stand today.": "Alle nivåene er nådd slik det står i dag.",
    "The next steps are not stored: each time, they are worked out from the portal's data as it is that day, and from the latest assessment where the portal cannot show something.": "Neste steg blir ikke lagret: de regnes ut hver gang fra dataene i portalen slik de er den dagen, og fra den siste vurderingen der portalen ikke kan vise noe.",
    "“%(text)s” – the portal's data today: %(summary)s": "«%(text)s» – dataene i portalen i dag: %(summary)s",
    "“%(text)s” – not answered yet.": "«%(text)s» – ikke besvart ennå.",
    # the comparison: opt-in, a distribution
    "takes part in comparisons": "med i sammenligninger",
    "Do we take part in the comparison with other municipalities?": "Vil vi være med i sammenligningen med andre kommuner?",
    "Yes: we see how many municipalities are at each level, and are counted": "Ja: vi ser hvor mange kommuner som er på hvert nivå, og blir selv talt med",
    "No: we neither see the comparison nor are counted in it": "Nei: vi ser ikke sammenligningen og blir ikke talt med",
    "Only municipalities that take part are counted. There is no ranking.": "Bare kommuner som er med, blir talt med. Det er ingen rangering.",
    "If we take part: may other municipalities see our name at our level?": "Hvis vi er med: kan andre kommuner se navnet vårt ved nivået vårt?",
    "Yes, show our name at our level": "Ja, vis navnet vårt ved nivået vårt",
    "No, count us without a name": "Nei, tell oss med uten navn",
    "Our score, answers and comments are never shown to other municipalities.": "Poengsummen, svarene og kommentarene våre blir aldri vist til andre kommuner.",
    "The staircase is the municipality's own tool for development, not a contest: the goal is not one model for everyone. Comparing with others is optional.": "Involveringstrappen er kommunens eget verktøy for utvikling, ikke en konkurranse: målet er ikke én modell for alle. Det er valgfritt å sammenligne seg med andre.",
    "We do not take part in the comparison. We do not see it, and we are not counted in it.": "Vi er ikke med i sammenligningen. Vi ser den ikke, og vi blir ikke talt med i den.",
    "Choose whether to take part": "Velg om dere vil være med",
    "The coordinator chooses whether the municipality takes part.": "Frivillighetskoordinatoren velger om kommunen skal være med.",
    "How many of the municipalities that take part are at each level, by their latest completed assessment. It is not a ranking: nobody's score, answers or comments are shown, and a municipality is named only if it has agreed to it.": "Hvor mange av kommunene som er med, som er på hvert nivå, etter den siste fullførte vurderingen deres. Det er ingen rangering: ingen poengsum, svar eller kommentarer blir vist, og en kommune blir bare navngitt hvis den har sagt ja til det.",
    "(assessed %(day)s). Our level is marked in the tables.": "(vurdert %(day)s). Nivået vårt er merket i tabellene.",
    (
        "%(counter)s municipality of this size takes part.",
        "%(counter)s municipalities of this size take part.",
    ): (
        "%(counter)s kommune av denne størrelsen er med.",
        "%(counter)s kommuner av denne størrelsen er med.",
    ),
    "Who to talk to": "Hvem dere kan snakke med",
    "Municipalities of our size that take part and agreed to be named, by level and in alphabetical order. Others may have tried what you are planning.": "Kommuner av vår størrelse som er med og har sagt ja til å bli navngitt, etter nivå og i alfabetisk rekkefølge. Andre kan ha prøvd det dere planlegger.",
    "No municipality of this size takes part yet.": "Ingen kommune av denne størrelsen er med ennå.",
    (
        "%(counter)s municipality in Norway takes part.",
        "%(counter)s municipalities in Norway take part.",
    ): (
        "%(counter)s kommune i Norge er med.",
        "%(counter)s kommuner i Norge er med.",
    ),
    "Levels in all municipalities that take part": "Nivåene i alle kommunene som er med",
    "No municipality takes part yet.": "Ingen kommune er med ennå.",
    "Comparison with other municipalities (optional)": "Sammenligning med andre kommuner (valgfritt)",
    "We take part in the comparison: we see how many municipalities are at each level, and others see our name at our level.": "Vi er med i sammenligningen: vi ser hvor mange kommuner som er på hvert nivå, og andre ser navnet vårt ved nivået vårt.",
    "We take part in the comparison: we see how many municipalities are at each level, and we are counted without our name.": "Vi er med i sammenligningen: vi ser hvor mange kommuner som er på hvert nivå, og vi blir talt med uten navn.",
    "Comparison with other municipalities – %(name)s": "Sammenligning med andre kommuner – %(name)s",
    "Municipalities that take part see how many municipalities of their size, and in the whole country, are at each level. Nobody sees a ranking or another municipality's score.": "Kommuner som er med, ser hvor mange kommuner av samme størrelse, og i hele landet, som er på hvert nivå. Ingen ser en rangering eller poengsummen til en annen kommune.",
}
