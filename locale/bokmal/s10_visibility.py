# ruff: noqa: E501 (one translation a line reads best)
# Bokmål for issue 10, "What each role can see": the units where a volunteer helps (whose
# volunteer contacts see the volunteer), and volunteers reading the binder and the wheel.
NB = {
    # models (volunteers/models/profile.py)
    "unit of a volunteer": "virksomhet for en frivillig",
    "units of volunteers": "virksomheter for frivillige",
    # the person's own data (volunteers/apps.py)
    "Units where you help": "Virksomheter der du hjelper",
    # services (volunteers/services/units.py)
    "Choose units of the volunteer's own municipality only.": "Velg bare virksomheter i den frivilliges egen kommune.",
    # forms and views (volunteers/forms/registry.py, volunteers/views/units.py)
    "Units where the volunteer helps": "Virksomheter der den frivillige hjelper",
    "Choose the units": "Velg virksomhetene",
    "The volunteer contacts of these units see the volunteer and follow them up. Tick none if the volunteer does not help at a unit.": "Frivillighetskontaktene i disse virksomhetene ser den frivillige og følger dem opp. Ikke kryss av noen hvis den frivillige ikke hjelper i en virksomhet.",
    "The volunteer's units are saved.": "Virksomhetene til den frivillige er lagret.",
    # templates (volunteers/volunteer_units_form.html, partials/_detail_units.html)
    "Units where %(name)s helps": "Virksomheter der %(name)s hjelper",
    "Save the units": "Lagre virksomhetene",
    "The municipality has no units yet. Add units first; then you can link volunteers to them.": "Kommunen har ingen virksomheter ennå. Legg til virksomheter først; så kan du knytte frivillige til dem.",
    "You see the volunteers who help at the units where you are the volunteer contact: %(units)s.": "Du ser de frivillige som hjelper i virksomhetene der du er frivillighetskontakt: %(units)s.",
    "You are not the volunteer contact of a unit yet, so you see no volunteers here. Ask the coordinator.": "Du er ikke frivillighetskontakt i en virksomhet ennå, så du ser ingen frivillige her. Spør frivillighetskoordinatoren.",
    "Not linked to a unit. Only coordinators see this volunteer.": "Ikke knyttet til en virksomhet. Bare frivillighetskoordinatorer ser denne frivillige.",
}
