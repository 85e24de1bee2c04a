# ruff: noqa: E501 (one translation a line reads best)
"""Bokmål for the volunteers app's models, matching and readiness (shared by every area)."""

NB = {
    "About you": "Om deg",
    "kilometre rate (NOK)": "kilometersats (kr)",
    "Paid per kilometre driven in one's own car.": "Betales per kilometer kjørt med egen bil.",
    "volunteer settings": "innstillinger for frivillige",
    "Waiting for approval": "Venter på godkjenning",
    "Approved": "Godkjent",
    "Not approved": "Ikke godkjent",
    "date": "dato",
    "hours": "timer",
    "kilometres driven": "kjørte kilometer",
    "kilometre rate": "kilometersats",
    "what you did": "hva du gjorde",
    "logged by": "ført av",
    "logged": "ført",
    "approved by": "godkjent av",
    "decided": "avgjort",
    "Prefer not to say": "Vil ikke si",
    "Woman": "Kvinne",
    "Man": "Mann",
    "I can help in other parts of the municipality too": "Jeg kan hjelpe i andre deler av kommunen også",
    "gender": "kjønn",
    "Optional. Some people prefer a visiting friend of their own gender.": "Valgfritt. Noen ønsker seg en besøksvenn av samme kjønn.",
    "Anonymised volunteer": "Anonymisert frivillig",
}
