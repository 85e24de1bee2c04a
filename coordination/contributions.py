"""Registries that feature apps feed, so that coordination shows what they hold without
importing them (dependencies point one way: coordination <- volunteers <- activities <- grants).
Apps register in ``AppConfig.ready()``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest


@dataclass(frozen=True)
class Panel:
    template: str
    context: dict


# Each returns a Panel for My page, or None when it has nothing for this person.
MY_PAGE_PANELS: list[Callable[[HttpRequest], Panel | None]] = []


def my_page_panels(request: HttpRequest) -> list[Panel]:
    return [panel for build in MY_PAGE_PANELS if (panel := build(request)) is not None]


# Each returns (url, label) pairs for the coordination overview of a municipality, only those
# this person may follow.
OVERVIEW_LINKS: list[Callable[[HttpRequest, object], list[tuple[str, str]]]] = []


def overview_links(request: HttpRequest, municipality) -> list[tuple[str, str]]:
    return [link for build in OVERVIEW_LINKS for link in build(request, municipality)]
