"""Print the portal's wiring: each extension point (dashboard, My page, the overview, the annual
wheel, the staircase's evidence, permission rules, retention, the data export, the audit log's
sentences, the demo) and who registered what there, in the order the pages use them."""

from collections.abc import Callable, Iterable

from django.core.management.base import BaseCommand

from coordination.apps import autodiscover
from coordination.kernel import account_data, audit, contributions, permissions, retention
from coordination.kernel.contributions import name_of


def _ordered(point: str, registry: list) -> list[str]:
    orders = contributions.ORDERS.get(point, {})
    default = contributions.DEFAULT_ORDER
    return [f"{orders.get(name_of(f), default):>4}  {name_of(f)}" for f in registry]


def _names(registry: Iterable[Callable]) -> list[str]:
    return [name_of(f) for f in registry]


def _keyed(point: str, keys: Iterable[str], default: str) -> list[str]:
    by = contributions.REGISTERED_BY.get(point, {})
    return [f"{key}  <- {by.get(key, default)}" for key in keys]


def _by_module(point: str, keys: Iterable[str], default: str) -> list[str]:
    by = contributions.REGISTERED_BY.get(point, {})
    modules: dict[str, list[str]] = {}
    for key in keys:
        modules.setdefault(by.get(key, default), []).append(key)
    return [f"{module}: {', '.join(found)}" for module, found in modules.items()]


def wiring() -> dict[str, list[str]]:
    """Each extension point and what is registered there (``module.function``, or the key and
    the module that registered it; coordination's own rules, retention rules, export sections
    and audit sentences are declared in the kernel module that keeps them), in the order the
    pages use them."""
    c = contributions
    return {
        "dashboard_panel": _ordered("dashboard_panel", c.DASHBOARD_PANELS),
        "my_page_panel": _ordered("my_page_panel", c.MY_PAGE_PANELS),
        "home_page": _names(c.HOME_PAGES),
        "overview_links": _ordered("overview_links", c.OVERVIEW_LINKS),
        "wheel_category": _keyed("wheel_category", c.WHEEL_CATEGORIES, "?"),
        "wheel_source": _names(c.WHEEL_SOURCES),
        "document": [f"{key}  <- {name_of(doc.make)}" for key, doc in c.DOCUMENTS.items()],
        "binder_sections": _ordered("binder_sections", c.BINDER_SECTIONS),
        "evidence": [f"{key}  <- {name_of(provider)}" for key, provider in c.EVIDENCE.items()],
        "rules": _keyed("rules", permissions.RULES, permissions.__name__),
        "volunteer_places": list(c.REGISTERED_BY.get("volunteer_places", {}).values()),
        "retention": _keyed("retention", retention.RULES, retention.__name__),
        "unverified_users_kept": _names(retention.KEEP_UNVERIFIED_USERS),
        "export_section": _keyed("export_section", account_data.SECTIONS, account_data.__name__),
        "audit_messages": _by_module("audit_messages", audit.MESSAGES, audit.__name__),
        "demo_step": _ordered("demo_step", c.DEMO_STEPS),
        "scale_step": _ordered("scale_step", c.SCALE_STEPS),
    }


class Command(BaseCommand):
    help = "Show each extension point and what every app and area registered there."

    def add_arguments(self, parser) -> None:
        parser.add_argument("points", nargs="*", help="only these points (e.g. dashboard_panel)")

    def handle(self, *args, points: list[str], **options) -> None:
        autodiscover("demo")  # the demo's steps, which the portal itself never loads
        autodiscover("scale")  # and seed_scale's
        modules = autodiscover("contributions")
        self.stdout.write(self.style.MIGRATE_HEADING("Modules that contribute:"))
        for module in modules:
            self.stdout.write(f"  {module}")
        for point, lines in wiring().items():
            if points and point not in points:
                continue
            self.stdout.write("")
            self.stdout.write(self.style.MIGRATE_HEADING(f"contribute.{point}  ({len(lines)})"))
            for line in lines or ["(nothing)"]:
                self.stdout.write(f"  {line}")
