"""Bokmål for what the re-cut of the volunteers' profile, screening and insurance added."""

NB = {
    "Someone saved the insurance at the same moment. Open the page again and look.": "Noen lagret forsikringen i samme øyeblikk. Åpne siden på nytt og se.",
}
