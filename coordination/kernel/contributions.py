"""Registries that feature apps feed, so that coordination shows what they hold without
importing them (dependencies point one way: coordination <- volunteers <- activities <- grants).
Apps register in ``AppConfig.ready()``."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from django.http import HttpRequest
from django.template.loader import render_to_string


@dataclass(frozen=True)
class Panel:
    template: str
    context: dict


# Each returns a Panel for My page, or None when it has nothing for this person.
MY_PAGE_PANELS: list[Callable[[HttpRequest], Panel | None]] = []


def my_page_panels(request: HttpRequest) -> list[Panel]:
    return [panel for build in MY_PAGE_PANELS if (panel := build(request)) is not None]


# Each returns the URL of a page that is this person's home instead of My page (a volunteer's
# page, which shows My page's parts too), or None. My page redirects to the first one found.
HOME_PAGES: list[Callable[[HttpRequest], str | None]] = []


def home_page_for(request: HttpRequest) -> str | None:
    return next((url for find in HOME_PAGES if (url := find(request))), None)


# Each returns (url, label) pairs for the coordination overview of a municipality, only those
# this person may follow.
OVERVIEW_LINKS: list[Callable[[HttpRequest, object], list[tuple[str, str]]]] = []


def overview_links(request: HttpRequest, municipality) -> list[tuple[str, str]]:
    return [link for build in OVERVIEW_LINKS for link in build(request, municipality)]


# --- The coordinator's dashboard -----------------------------------------------------------


@dataclass(frozen=True)
class DashboardPanel:
    """One block of the dashboard. ``order`` places it (lower first); ``template`` renders
    ``context``. Every number in it links to the list behind it."""

    order: int
    template: str
    context: dict


# Each returns a DashboardPanel for this municipality, or None when this person may not see it
# (check with ``permissions.can``) or there is nothing to show.
DASHBOARD_PANELS: list[Callable[[HttpRequest, object], DashboardPanel | None]] = []


def dashboard_panels(request: HttpRequest, municipality) -> list[DashboardPanel]:
    found = [panel for build in DASHBOARD_PANELS if (panel := build(request, municipality))]
    return sorted(found, key=lambda panel: panel.order)


def render_dashboard(request: HttpRequest, municipality) -> list[str]:
    """Each panel rendered with its own context (its keys are the template's variables)."""
    return [
        render_to_string(panel.template, panel.context, request=request)
        for panel in dashboard_panels(request, municipality)
    ]


# --- The annual wheel (årshjul) ------------------------------------------------------------


@dataclass(frozen=True)
class WheelEntry:
    """Something on the annual wheel that another part of the portal knows about (an agreement
    review, a routine review, an activity, a grant deadline). ``category`` is a key of
    ``WHEEL_CATEGORIES``; ``url`` leads to the thing itself ("" when there is no page), and
    ``action`` is the permission (on the municipality) a person needs to open it: the wheel
    shows the link only to those who may follow it, the title to everyone."""

    date: date
    title: str
    category: str
    url: str = ""
    action: str = ""


# category key -> label shown in the wheel's legend. Apps add theirs with
# ``register_wheel_category`` in ``AppConfig.ready()``.
WHEEL_CATEGORIES: dict[str, str] = {}


def register_wheel_category(key: str, label) -> None:
    WHEEL_CATEGORIES.setdefault(key, label)


# Each takes (municipality, year) and returns the WheelEntry items of that year it knows of.
WHEEL_SOURCES: list[Callable[[object, int], Iterable[WheelEntry]]] = []


def wheel_entries(municipality, year: int) -> list[WheelEntry]:
    """Every contributed entry of ``year``, by date (the wheel's own events are added by the
    annual wheel itself)."""
    found = [entry for source in WHEEL_SOURCES for entry in source(municipality, year)]
    return sorted(found, key=lambda entry: (entry.date, entry.title))


# --- Evidence for the involvement staircase -------------------------------------------------


@dataclass(frozen=True)
class Evidence:
    """What the portal's own data says about one staircase indicator: ``met`` or not, a plain
    sentence (``summary``, e.g. "3 active agreements") and the page that shows it."""

    met: bool
    summary: str
    url: str = ""


# evidence key -> provider taking a municipality. An indicator names its key (``evidence_key``).
EVIDENCE: dict[str, Callable[[object], Evidence]] = {}


def register_evidence(key: str, provider: Callable[[object], Evidence]) -> None:
    if EVIDENCE.get(key, provider) is not provider:
        raise ValueError(f"Staircase evidence {key!r} is already registered.")
    EVIDENCE[key] = provider


def evidence_for(municipality, key: str) -> Evidence | None:
    """The evidence for ``key``, or None when no part of the portal provides it (yet)."""
    provider = EVIDENCE.get(key)
    return provider(municipality) if provider else None
