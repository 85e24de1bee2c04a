"""The URL converter every municipality's page uses, and the prefixes built on it. Importing
this module registers ``<municipality:…>`` (each area's urls.py imports a prefix from here)."""

from django.urls import register_converter


class MunicipalityNumberConverter:
    """Four digits, or the URL does not match (404): nothing else reaches a query."""

    regex = "[0-9]{4}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value) -> str:
        return str(value)


register_converter(MunicipalityNumberConverter, "municipality")

# A municipality's coordination pages, and its partner register within them.
COORDINATION = "coordination/<municipality:municipality>/"
PARTNERS = f"{COORDINATION}partners/"
