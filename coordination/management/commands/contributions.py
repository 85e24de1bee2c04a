"""Print the portal's wiring: each extension point (dashboard, My page, the overview, the annual
wheel, the staircase's evidence, permission rules, retention, the data export, the audit log's
sentences, the demo) and who registered what there, in the order the pages use them."""

from django.core.management.base import BaseCommand

from coordination.apps import autodiscover
from coordination.kernel import contributions


class Command(BaseCommand):
    help = "Show each extension point and what every app and area registered there."

    def add_arguments(self, parser) -> None:
        parser.add_argument("points", nargs="*", help="only these points (e.g. dashboard_panel)")

    def handle(self, *args, points: list[str], **options) -> None:
        autodiscover("demo")  # the demo's steps, which the portal itself never loads
        modules = autodiscover("contributions")
        self.stdout.write(self.style.MIGRATE_HEADING("Modules that contribute:"))
        for module in modules:
            self.stdout.write(f"  {module}")
        for point, lines in contributions.wiring().items():
            if points and point not in points:
                continue
            self.stdout.write("")
            self.stdout.write(self.style.MIGRATE_HEADING(f"contribute.{point}  ({len(lines)})"))
            for line in lines or ["(nothing)"]:
                self.stdout.write(f"  {line}")
