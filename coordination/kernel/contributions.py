"""The extension points of the portal: where a page shows what other parts hold (the dashboard,
My page, the coordination overview, the annual wheel, the staircase's evidence, a person's data
export, the permission rules, retention, the audit log's sentences, the demo), the kernel
defines the point here and each app or area registers at the definition, in its own
``contributions.py``::

    @contribute.dashboard_panel(order=20)
    def volunteers_panel(request, municipality) -> Panel | None: ...

``CoordinationConfig.ready()`` imports every app's and area's ``contributions.py``; dependencies
point one way (coordination <- volunteers <- activities <- grants), so coordination shows what
the others hold without importing them. ``python manage.py contributions`` prints the wiring.

Registering the same thing twice is fine (a module may be imported again); a different thing
under a key that is taken raises ``ValueError``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import wraps
from typing import Any, overload

from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.functional import Promise
from django.utils.safestring import SafeString

from coordination.kernel import account_data, audit, permissions, retention
from coordination.kernel.permissions import Rule
from coordination.kernel.retention import RetentionRule

# --- What the points hold -------------------------------------------------------------------


@dataclass(frozen=True)
class Panel:
    """One block on My page or the coordinator's dashboard: ``template`` rendered with
    ``context`` (its keys are the template's variables). On the dashboard ``order`` is the
    place it was registered with (lower first); every number in it links to the list behind
    it. ``may_be_old``: its numbers came from ``kernel.figures_cache`` (the page says they may
    be up to a minute old)."""

    template: str
    context: dict = field(default_factory=dict)
    order: int = 0
    may_be_old: bool = False

    def render(self, request: HttpRequest) -> SafeString:
        return render_to_string(self.template, self.context, request=request)


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


@dataclass(frozen=True)
class Evidence:
    """What the portal's own data says about one staircase indicator: ``met`` or not, a plain
    sentence (``summary``, e.g. "3 active agreements") and the page that shows it."""

    met: bool
    summary: str
    url: str = ""


@dataclass(frozen=True)
class GettingStarted:
    """One step of a new coordinator's "getting started" list, ticked by the data:
    ``is_done(municipality)`` and ``url(municipality)`` (where to do it)."""

    key: str
    label: str | Promise
    is_done: Callable[[Any], bool] = field(compare=False)
    url: Callable[[Any], str] = field(compare=False)


@dataclass(frozen=True)
class Document:
    """A printed document (PDF) by its ``name`` (``binder``, ``volunteer-handbook``):
    ``make(municipality, language)`` composes it (``kernel.documents.compose``), the printing
    area typesets it in a worker and keeps each version. ``action`` is the permission on the
    municipality to print and download it; a ``publishable`` one may be shared at a public
    link by those who may ``publish_documents``."""

    name: str
    title: str | Promise
    description: str | Promise
    action: str
    make: Callable[[Any, str], Any] = field(compare=False)
    publishable: bool = False


@dataclass(frozen=True)
class BinderSection:
    """A part of the routine binder: ``template`` (a print partial) rendered with
    ``context``. ``step`` is the number (1–8) of the step of the 8 it belongs under; None puts
    it among the appendices (the responsibility map, the annual wheel, the contact list). The
    binder gives it an anchor ``key``, lists ``title`` in the table of contents and
    ``index_terms`` in the index, each with its page number."""

    key: str
    title: str
    template: str
    context: dict = field(default_factory=dict)
    step: int | None = None
    index_terms: tuple[str, ...] = ()


MyPagePanel = Callable[[HttpRequest], Panel | None]
HomePage = Callable[[HttpRequest], str | None]
OverviewLinks = Callable[[HttpRequest, Any], list[tuple[str, str]]]
DashboardPanel = Callable[[HttpRequest, Any], Panel | None]
WheelSource = Callable[[Any, int, range], Iterable[WheelEntry]]
EvidenceProvider = Callable[[Any], Evidence]
VolunteerPlaces = Callable[[Any], Iterable[str]]
ExportSection = Callable[[Any], object]
DemoStep = Callable[[Any], None]
KeepUsers = Callable[[QuerySet], QuerySet]
DocumentMaker = Callable[[Any, str], Any]  # (municipality, language) -> documents.Composed
BinderSections = Callable[[Any], list[BinderSection]]  # called in the binder's language

# Where a contribution goes when it names no ``order`` (after those that do, as registered).
DEFAULT_ORDER = 100

# --- The registries (read by the functions below; tests may swap them) ----------------------

# Each returns a Panel for My page, or None when it has nothing for this person.
MY_PAGE_PANELS: list[MyPagePanel] = []
# Each returns the URL of a page that is this person's home instead of My page (a volunteer's
# page, which shows My page's parts too), or None. My page redirects to the first one found.
HOME_PAGES: list[HomePage] = []
# Each returns (url, label) pairs for the coordination overview of a municipality, only those
# this person may follow.
OVERVIEW_LINKS: list[OverviewLinks] = []
# Each returns a Panel for this municipality's dashboard, or None when this person may not see
# it (check with ``permissions.can``) or there is nothing to show.
DASHBOARD_PANELS: list[DashboardPanel] = []
# category key -> label shown in the wheel's legend (its place gives its colour and shape).
WHEEL_CATEGORIES: dict[str, str | Promise] = {}
# Each takes (municipality, year, months) and returns the WheelEntry items of those months of
# that year it knows of (a source with few entries may return the whole year: they are sorted
# out by ``wheel_entries``).
WHEEL_SOURCES: list[WheelSource] = []
# evidence key -> provider taking a municipality. An indicator names its key (``evidence_key``).
EVIDENCE: dict[str, EvidenceProvider] = {}
# figures key -> provider taking a municipality and returning named numbers and links that
# another area's panel shows (the units panel shows the responsibility map's warnings).
FIGURES: dict[str, Callable[[Any], dict[str, Any]]] = {}
# key -> a step of the coordinator's getting-started list (issue 13), in its ``order``.
GETTING_STARTED: dict[str, GettingStarted] = {}
# document name (``render_document`` takes it) -> the Document, in the order they are listed.
DOCUMENTS: dict[str, Document] = {}
# Each takes a municipality and returns its sections of the routine binder (in the active
# language), in their ``order``.
BINDER_SECTIONS: list[BinderSections] = []
# Each takes the ``seed_demo`` command and adds its part of the demo (idempotently).
DEMO_STEPS: list[DemoStep] = []
SCALE_STEPS: list[DemoStep] = []  # each takes a kernel.scale.Scale

# audit code -> its sentence as registered (``audit.MESSAGES`` holds the formatters).
AUDIT_TEXTS: dict[str, object] = {}

# point -> the place of each registered function (by name) or key (`manage.py contributions`).
ORDERS: dict[str, dict[str, int]] = {}
# point -> key -> the module that registered it (for the points that take data, not functions).
REGISTERED_BY: dict[str, dict[str, str]] = {}


def name_of(thing: Callable[..., Any]) -> str:
    """``module.function``: how the wiring names a registered function. A module imported
    again makes new function objects of the same names: they are the same contribution."""
    return f"{thing.__module__}.{getattr(thing, '__qualname__', repr(thing))}"


def _same(one: object, other: object) -> bool:
    if one is other or one == other:
        return True
    return callable(one) and callable(other) and name_of(one) == name_of(other)


def _caller() -> str:
    """The module that called the ``contribute`` method calling this."""
    return str(sys._getframe(2).f_globals.get("__name__", "?"))


def _add[F: Callable[..., Any]](point: str, registry: list, function: F, order: int) -> F:
    """Put ``function`` in ``registry`` at its ``order`` (equal orders: as registered)."""
    orders = ORDERS.setdefault(point, {})
    name = name_of(function)
    if orders.get(name, order) != order:
        raise ValueError(f"{name} is already registered as a {point} with another order.")
    orders[name] = order
    found = [index for index, known in enumerate(registry) if name_of(known) == name]
    if found:
        registry[found[0]] = function
    else:
        registry.append(function)
    registry.sort(key=lambda known: orders.get(name_of(known), order))
    return function


def _check(point: str, registry: Mapping[str, object], key: str, value: object) -> None:
    if key in registry and not _same(registry[key], value):
        raise ValueError(f"{point} {key!r} is already registered differently.")


def _put(point: str, registry: dict, key: str, value: object, by: str, order: int) -> None:
    """Put ``value`` under ``key`` in ``registry``, the keys kept in their ``order``."""
    _check(point, registry, key, value)
    registry[key] = value
    REGISTERED_BY.setdefault(point, {})[key] = by
    _keep_in_order(point, registry, key, order)


def _keep_in_order(point: str, registry: dict, key: str, order: int) -> None:
    orders = ORDERS.setdefault(point, {})
    orders[key] = order
    ordered = sorted(registry.items(), key=lambda item: orders.get(item[0], 0))
    registry.clear()
    registry.update(ordered)


def _sentence(code: str, text: object) -> str | Promise | audit.Message:
    if isinstance(text, str | Promise) or callable(text):
        return text
    raise TypeError(f"The sentence of audit code {code!r} is neither text nor a function.")


class Contribute:
    """The one way to contribute to another part's page. Each method registers at the
    definition (decorators) or with the declared data; see the module's docstring."""

    # -- Pages: My page, the overview and its dashboard ---------------------------------------

    def dashboard_panel(self, *, order: int) -> Callable[[DashboardPanel], DashboardPanel]:
        """A panel on the coordinator's dashboard; ``order`` places it (lower first). The
        registered function returns its Panel with that ``order``."""

        def register(build: DashboardPanel) -> DashboardPanel:
            @wraps(build)
            def placed(request: HttpRequest, municipality: Any) -> Panel | None:
                panel = build(request, municipality)
                return replace(panel, order=order) if panel is not None else None

            return _add("dashboard_panel", DASHBOARD_PANELS, placed, order)

        return register

    @overload
    def my_page_panel(self, build: MyPagePanel, /) -> MyPagePanel: ...
    @overload
    def my_page_panel(self, *, order: int) -> Callable[[MyPagePanel], MyPagePanel]: ...
    def my_page_panel(self, build=None, /, *, order=DEFAULT_ORDER):
        """A panel on My page (a person's page after logging in)."""
        return self._ordered("my_page_panel", MY_PAGE_PANELS, build, order)

    def home_page(self, find: HomePage) -> HomePage:
        """The URL of a person's own home page in place of My page, or None."""
        return _add("home_page", HOME_PAGES, find, DEFAULT_ORDER)

    @overload
    def overview_links(self, build: OverviewLinks, /) -> OverviewLinks: ...
    @overload
    def overview_links(self, *, order: int) -> Callable[[OverviewLinks], OverviewLinks]: ...
    def overview_links(self, build=None, /, *, order=DEFAULT_ORDER):
        """Links on a municipality's coordination overview ("Everything for coordination")."""
        return self._ordered("overview_links", OVERVIEW_LINKS, build, order)

    @staticmethod
    def _ordered(point: str, registry: list, function, order: int):
        if function is None:
            return lambda later: _add(point, registry, later, order)
        return _add(point, registry, function, order)

    def getting_started(
        self,
        key: str,
        label: str | Promise,
        *,
        is_done: Callable[[Any], bool],
        url: Callable[[Any], str],
        order: int,
    ) -> None:
        """A step of the coordinator's getting-started list, ticked when ``is_done``."""
        step = GettingStarted(key, label, is_done, url)
        _put("getting_started", GETTING_STARTED, key, step, _caller(), order)

    # -- The annual wheel and the involvement staircase ---------------------------------------

    def wheel_category(self, key: str, label: str | Promise, *, order: int = DEFAULT_ORDER) -> None:
        """A category of the annual wheel's legend; its place (``order``, lower first) gives
        its colour and shape."""
        _put("wheel_category", WHEEL_CATEGORIES, key, label, _caller(), order)

    def wheel_source(self, source: WheelSource) -> WheelSource:
        """Entries on the annual wheel: takes (municipality, year, months), ``months`` a range
        of month numbers (``WHOLE_YEAR`` for the wheel, this month for the dashboard)."""
        return _add("wheel_source", WHEEL_SOURCES, source, DEFAULT_ORDER)

    def evidence(self, key: str) -> Callable[[EvidenceProvider], EvidenceProvider]:
        """The portal's evidence for the staircase indicators with ``evidence_key == key``."""

        def register(provider: EvidenceProvider) -> EvidenceProvider:
            _put("evidence", EVIDENCE, key, provider, name_of(provider), DEFAULT_ORDER)
            return provider

        return register

    def figures(
        self, key: str
    ) -> Callable[[Callable[[Any], dict[str, Any]]], Callable[[Any], dict[str, Any]]]:
        """Named figures (numbers, links) about a municipality that another area's page
        shows without importing this one: ``contributions.figures_for(key, municipality)``."""

        def register(provider: Callable[[Any], dict[str, Any]]) -> Callable[[Any], dict[str, Any]]:
            _put("figures", FIGURES, key, provider, name_of(provider), DEFAULT_ORDER)
            return provider

        return register

    def document(
        self,
        name: str,
        *,
        title: str | Promise,
        description: str | Promise,
        action: str,
        publishable: bool = False,
        order: int = DEFAULT_ORDER,
    ) -> Callable[[DocumentMaker], DocumentMaker]:
        """A printed document (PDF) by its name, e.g. ``responsibility-map``: the function
        takes (municipality, language) and returns ``kernel.documents.Composed``."""

        def register(make: DocumentMaker) -> DocumentMaker:
            document = Document(name, title, description, action, make, publishable)
            _put("document", DOCUMENTS, name, document, name_of(make), order)
            return make

        return register

    def binder_sections(self, *, order: int) -> Callable[[BinderSections], BinderSections]:
        """Sections of the routine binder: takes a municipality, returns BinderSection items
        (the active language is the binder's)."""

        def register(sections: BinderSections) -> BinderSections:
            return _add("binder_sections", BINDER_SECTIONS, sections, order)

        return register

    # -- Who may do what, what is kept and what is logged -------------------------------------

    def rules(self, rules: Mapping[str, Rule]) -> None:
        """Permission rules: action -> which roles allow it (see ``permissions.Rule``)."""
        by = _caller()
        for action, rule in rules.items():
            permissions.register_rule(action, rule)
            REGISTERED_BY.setdefault("rules", {})[action] = by

    def volunteer_places(self, lookup: VolunteerPlaces) -> VolunteerPlaces:
        """user -> numbers of the municipalities where the user is an active volunteer."""
        known = REGISTERED_BY.setdefault("volunteer_places", {})
        if known.get("lookup", name_of(lookup)) != name_of(lookup):
            raise ValueError(f"volunteer_places is already registered: {known['lookup']}.")
        permissions.register_volunteer_places(lookup)
        known["lookup"] = name_of(lookup)
        return lookup

    def retention(self, *rules: RetentionRule) -> None:
        """How long records are kept (the nightly job applies the rules; the privacy page
        lists them)."""
        by = _caller()
        for rule in rules:
            retention.register(rule)
            REGISTERED_BY.setdefault("retention", {})[rule.name] = by

    def unverified_users_kept(self, narrow: KeepUsers) -> KeepUsers:
        """Accounts that are not plain sign-ups though their address is not confirmed (e.g.
        volunteers a coordinator registered): each narrows the sign-ups retention deletes."""
        return _add("unverified_users_kept", retention.KEEP_UNVERIFIED_USERS, narrow, 0)

    def export_section(
        self,
        key: str,
        *,
        title: str | Promise | None = None,
        labels: Mapping[str, str | Promise] | None = None,
        order: int = DEFAULT_ORDER,
    ) -> Callable[[ExportSection], ExportSection]:
        """A section of a person's own data (user -> data, or None when there is none);
        ``labels`` name the keys its data uses on the readable page; ``order`` places the
        section (the account's own sections come first)."""

        def register(collect: ExportSection) -> ExportSection:
            _check("export_section", account_data.SECTIONS, key, collect)
            account_data.register_section(key, collect, title=title, labels=dict(labels or {}))
            REGISTERED_BY.setdefault("export_section", {})[key] = name_of(collect)
            _keep_in_order("export_section", account_data.SECTIONS, key, order)
            return collect

        return register

    def audit_messages(self, messages: Mapping[str, object]) -> None:
        """The sentences of audit codes: code -> a lazy string with ``%(param)s`` places, a
        ``ngettext_lazy(singular, plural, "count")``, or a function of the params (see
        ``audit.register_messages``)."""
        by = _caller()
        sentences = {code: _sentence(code, text) for code, text in messages.items()}
        for code, text in sentences.items():
            _check("audit_messages", AUDIT_TEXTS, code, text)
        for code, text in sentences.items():
            AUDIT_TEXTS[code] = text
            REGISTERED_BY.setdefault("audit_messages", {})[code] = by
        audit.register_messages(sentences)

    # -- The demo ------------------------------------------------------------------------------

    def demo_step(self, *, order: int) -> Callable[[DemoStep], DemoStep]:
        """A step of ``seed_demo`` (takes the command); steps run by ``order``, lower first."""
        return lambda step: _add("demo_step", DEMO_STEPS, step, order)

    def scale_step(self, *, order: int) -> Callable[[DemoStep], DemoStep]:
        """A step of ``seed_scale`` (takes a ``kernel.scale.Scale``), from an app's or area's
        ``scale.py``; steps run by ``order``, lower first."""
        return lambda step: _add("scale_step", SCALE_STEPS, step, order)


contribute = Contribute()


# --- Reading the points -------------------------------------------------------------------


def my_page_panels(request: HttpRequest, *, leave_out: Iterable[MyPagePanel] = ()) -> list[Panel]:
    """My page's panels for this person (``leave_out``: those a page shows its own way)."""
    skipped = {name_of(build) for build in leave_out}
    return [
        panel
        for build in MY_PAGE_PANELS
        if name_of(build) not in skipped and (panel := build(request)) is not None
    ]


def home_page_for(request: HttpRequest) -> str | None:
    return next((url for find in HOME_PAGES if (url := find(request))), None)


def overview_links(request: HttpRequest, municipality) -> list[tuple[str, str]]:
    return [link for build in OVERVIEW_LINKS for link in build(request, municipality)]


def dashboard_panels(request: HttpRequest, municipality) -> list[Panel]:
    found = [panel for build in DASHBOARD_PANELS if (panel := build(request, municipality))]
    return sorted(found, key=lambda panel: panel.order)


def render_my_page(
    request: HttpRequest, *, leave_out: Iterable[MyPagePanel] = ()
) -> list[SafeString]:
    return [panel.render(request) for panel in my_page_panels(request, leave_out=leave_out)]


WHOLE_YEAR = range(1, 13)


def wheel_entries(municipality, year: int, months: range = WHOLE_YEAR) -> list[WheelEntry]:
    """Every contributed entry of ``months`` of ``year``, by date (the wheel's own events are
    added by the annual wheel itself)."""
    found = [
        entry
        for source in WHEEL_SOURCES
        for entry in source(municipality, year, months)
        if entry.date.year == year and entry.date.month in months
    ]
    return sorted(found, key=lambda entry: (entry.date, entry.title))


def evidence_for(municipality, key: str) -> Evidence | None:
    """The evidence for ``key``, or None when no part of the portal provides it (yet)."""
    provider = EVIDENCE.get(key)
    return provider(municipality) if provider else None


def figures_for(key: str, municipality) -> dict[str, Any]:
    """The figures registered under ``key`` for this municipality ({} when none is)."""
    provider = FIGURES.get(key)
    return provider(municipality) if provider else {}


def getting_started(municipality) -> list[tuple[GettingStarted, bool]]:
    """Each step of the getting-started list, in order, with whether the data says it is done."""
    return [(step, bool(step.is_done(municipality))) for step in GETTING_STARTED.values()]


def document(name: str) -> Document | None:
    """The printed document called ``name``, or None when there is none."""
    return DOCUMENTS.get(name)


def binder_sections(municipality) -> list[BinderSection]:
    """Every part's sections of the routine binder, in the registered order (call it in the
    binder's language)."""
    return [section for sections in BINDER_SECTIONS for section in sections(municipality)]


def demo_steps() -> list[DemoStep]:
    """The demo's steps, in the order they run."""
    return list(DEMO_STEPS)


def scale_steps() -> list[DemoStep]:
    """``seed_scale``'s steps, in the order they run."""
    return list(SCALE_STEPS)
