from pathlib import Path

from django.core.management.base import BaseCommand

from coordination.kernel.services import MUNICIPALITIES_CSV, load_municipalities


class Command(BaseCommand):
    help = "Create or update all Norwegian municipalities from the reference file. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(MUNICIPALITIES_CSV), help="CSV to load")

    def handle(self, *args, file: str, **options):
        result = load_municipalities(path=Path(file))
        self.stdout.write(
            f"{result['total']} municipalities: {result['created']} created, "
            f"{result['updated']} updated."
        )
