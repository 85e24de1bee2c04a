"""Bokmål for issue 10's security fixes: the volunteer's municipality, rate limits behind a
proxy, two-factor login for volunteer contacts, one-line text, double submits."""

NB = {
    "You cannot move your volunteer details to another municipality yourself. Ask the "
    "coordinator in your municipality. Nothing was saved.": "Du kan ikke flytte opplysningene dine til en annen kommune selv. Spør koordinatoren i kommunen din. Ingenting ble lagret.",
    "Municipality:": "Kommune:",
    "To move to another municipality, ask your coordinator.": "Hvis du vil flytte til en annen kommune, spør koordinatoren.",
    "The municipality where you would like to help. If you move later, tell the coordinator.": "Kommunen der du vil hjelpe til. Hvis du flytter senere, si ifra til koordinatoren.",
}
NB.update(
    {
        "This text is already published as version %(version)s. Nothing new was published.": "Denne teksten er allerede publisert som versjon %(version)s. Ingenting nytt ble publisert.",
        "Someone published a version at the same moment. Open the page again and look.": "Noen publiserte en versjon i samme øyeblikk. Åpne siden på nytt og se.",
    }
)
