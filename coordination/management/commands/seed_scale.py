"""National-scale data for the benchmarks (``bench/``): volunteers, screening, needs, activities
with sessions and sign-ups, and a national grant round, spread over all 357 municipalities by
population, written with bulk inserts. Each app and area adds its part in its ``scale.py``
(``@contribute.scale_step(order=…)``); ``python manage.py contributions scale_step`` lists
them. Refuses to run on a database it has already filled."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from coordination.apps import autodiscover
from coordination.kernel import contributions
from coordination.kernel.models import Municipality
from coordination.kernel.scale import Scale, is_filled
from coordination.kernel.services import load_municipalities


class Command(BaseCommand):
    help = "Fill the database with national-scale data for the benchmarks (bulk inserts)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--volunteers", type=int, default=100_000)
        parser.add_argument("--activities", type=int, default=5_000)
        parser.add_argument("--signups", type=int, default=1_000_000)
        parser.add_argument("--applications", type=int, default=2_000)
        parser.add_argument("--seed", type=int, default=17)

    def handle(self, *args, **options) -> None:
        if is_filled():
            raise CommandError(
                "This database already holds scale data (users @scale.example). seed_scale "
                "fills an empty database once: drop it and migrate again to refill."
            )
        if Municipality.objects.count() < 357:
            load_municipalities()
        started = time.perf_counter()
        with transaction.atomic():
            scale = Scale(
                volunteers=options["volunteers"],
                activities=options["activities"],
                signups=options["signups"],
                applications=options["applications"],
                seed=options["seed"],
            )
            autodiscover("scale")
            for step in contributions.scale_steps():
                began = time.perf_counter()
                step(scale)
                name = f"{step.__module__}.{step.__name__}"
                self.stdout.write(f"  {name:42} {time.perf_counter() - began:6.1f} s")
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")  # as autovacuum leaves a live database
        self.stdout.write(
            self.style.SUCCESS(f"Scale data made in {time.perf_counter() - started:.0f} s.")
        )
