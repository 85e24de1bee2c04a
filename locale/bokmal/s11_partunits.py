# ruff: noqa: E501  (one translation a line reads best)
"""Bokmål for what issue 11 added to partners and units (the reasons a permission check gives)."""

NB = {
    "%(name)s was registered by another municipality, so its name and details are not changed here.": "%(name)s ble registrert av en annen kommune, så navnet og opplysningene endres ikke her.",
}
