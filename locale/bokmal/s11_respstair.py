# ruff: noqa: E501 (one translation a line reads best)
# Bokmål for issue 11, helper "respstair": the routines' object-level rule (routines/permissions.py).
NB = {
    "Only coordinators and the routine's co-authors write new versions.": "Bare frivillighetskoordinatorer og medforfatterne av rutinen skriver nye versjoner.",
}
