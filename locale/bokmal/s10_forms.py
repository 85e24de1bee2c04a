# ruff: noqa: E501 (one translation a line reads best)
# Bokmål for issue 10, stream "forms": the error summary, confirm pages for destructive actions,
# the responsibility map's stale-save message and shared partners.
NB = {
    # templates/partials/_error_summary.html
    ("The form has %(counter)s error", "The form has %(counter)s errors"): (
        "Skjemaet har %(counter)s feil",
        "Skjemaet har %(counter)s feil",
    ),
    "Correct what is marked below, then send the form again. Nothing has been saved yet.": "Rett det som er merket nedenfor, og send skjemaet på nytt. Ingenting er lagret ennå.",
    # responsibility map (coordination/services/responsibility.py)
    "Someone else saved the responsibility map after you opened it. Your changes were not saved, so that theirs are not lost. The map below is as it is now: make your changes again and save.": "Noen andre lagret ansvarskartet etter at du åpnet det. Endringene dine ble ikke lagret, slik at deres ikke går tapt. Kartet nedenfor er slik det er nå: gjør endringene dine på nytt og lagre.",
    # shared partners
    "registered by": "registrert av",
    "%(name)s was registered by another municipality, so its name and details are not changed here. Nothing was saved.": "%(name)s ble registrert av en annen kommune, så navnet og opplysningene endres ikke her. Ingenting ble lagret.",
    "%(name)s was registered in Samspill by %(keeper)s. Its name, type, organisation number, email and phone are shared by every municipality that works with it, so only %(keeper)s or the organisation itself can change them.": "%(name)s ble registrert i Samspill av %(keeper)s. Navn, type, organisasjonsnummer, e-post og telefon deles av alle kommunene som samarbeider med den, så bare %(keeper)s eller organisasjonen selv kan endre dem.",
    "%(name)s was registered in Samspill by another municipality. Its shared details can only be changed by that municipality or the organisation itself.": "%(name)s ble registrert i Samspill av en annen kommune. De felles opplysningene kan bare endres av den kommunen eller av organisasjonen selv.",
    "What belongs to your municipality alone — your contact persons at the partner and what it offers you — you change on the partner's page.": "Det som bare hører til din kommune – kontaktpersonene deres hos samarbeidspartneren og det den tilbyr dere – endrer du på siden til samarbeidspartneren.",
    "Your contacts and offers for this partner": "Deres kontaktpersoner og tilbud fra denne samarbeidspartneren",
    "Who keeps the shared details": "Hvem som har ansvar for de felles opplysningene",
    # agreements: ending and reopening
    "The new end date cannot be in the past.": "Den nye sluttdatoen kan ikke være tilbake i tid.",
    "New end date (optional)": "Ny sluttdato (valgfritt)",
    "Leave it empty if the agreement is in force until it is ended.": "La feltet stå tomt hvis avtalen gjelder til den blir avsluttet.",
    "Only an agreement in force can be ended.": "Bare en avtale som gjelder, kan avsluttes.",
    "The agreement %(title)s is ended. A coordinator can reopen it.": "Avtalen %(title)s er avsluttet. En frivillighetskoordinator kan gjenåpne den.",
    "Only an ended agreement can be reopened.": "Bare en avsluttet avtale kan gjenåpnes.",
    "The agreement %(title)s is in force again.": "Avtalen %(title)s gjelder igjen.",
    "Reopen the agreement": "Gjenåpne avtalen",
    "End the agreement …": "Avslutt avtalen …",
    "End the agreement %(title)s?": "Avslutte avtalen %(title)s?",
    "End the agreement «%(title)s»?": "Avslutte avtalen «%(title)s»?",
    "Back to the agreement": "Tilbake til avtalen",
    "If you end the agreement:": "Hvis du avslutter avtalen:",
    "it is no longer in force from today, %(date)s, and its end date becomes today if it had none or a later one;": "gjelder den ikke lenger fra i dag, %(date)s, og sluttdatoen blir i dag hvis den ikke hadde noen eller hadde en senere;",
    "it moves to the list of expired or ended agreements, and the portal sends no more reminders about reviewing it;": "flyttes den til listen over utløpte eller avsluttede avtaler, og portalen sender ikke flere påminnelser om å gå gjennom den;",
    "nothing is deleted: the text, the parties and the signed document are kept, and the audit log records who ended it;": "slettes ingenting: teksten, partene og den signerte avtalen beholdes, og revisjonsloggen viser hvem som avsluttet den;",
    "a coordinator can reopen it later.": "kan en frivillighetskoordinator gjenåpne den senere.",
    "Tell the parties yourself that the agreement has ended:": "Si selv fra til partene at avtalen er avsluttet:",
    "No, keep it in force": "Nei, la den gjelde",
    "Yes, end the agreement": "Ja, avslutt avtalen",
    "Reopen the agreement %(title)s?": "Gjenåpne avtalen %(title)s?",
    "Reopen the agreement «%(title)s»?": "Gjenåpne avtalen «%(title)s»?",
    "The agreement will be in force again, with the same text, parties and signed document. The portal reminds you again before its review date. The audit log records who reopened it.": "Avtalen gjelder igjen, med samme tekst, parter og signerte avtale. Portalen minner deg igjen på den før datoen for gjennomgang. Revisjonsloggen viser hvem som gjenåpnet den.",
    "Yes, reopen the agreement": "Ja, gjenåpne avtalen",
}
