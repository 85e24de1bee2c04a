"""The volunteer registry at national scale: 100 000 volunteers in one municipality.

Run: .venv/bin/python -m bench.registry [--reuse] [--volunteers N] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time

VOLUNTEERS = 100_000
LOM = "3434"


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coordination.settings")
    import django

    django.setup()


def recreate_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def fill(count: int) -> None:
    from django.core.management import call_command

    from coordination.models import Membership, Role, User
    from volunteers.models import Interest, Volunteer, VolunteerInterest

    call_command("migrate", verbosity=0)
    rng = random.Random(2026)
    areas = ["Lom sentrum", "Bøverdalen", "Fossbergom", "Garmo", "Elvesæter", "Vågåmo"]
    first = ["Astrid", "Nils", "Kari", "Ola", "Randi", "Tor", "Ingrid", "Per", "Solveig", "Knut"]
    last = ["Rustad", "Brimi", "Ofigsbø", "Sulheim", "Bakkom", "Vole", "Lien", "Moen", "Haugen"]
    coordinator = User.objects.create(email="bench.koordinator@samspill.example", full_name="Bench")
    Membership.objects.create(user=coordinator, municipality_id=LOM, role=Role.COORDINATOR)
    batch = 5_000
    codes = list(Interest.values)
    for start in range(0, count, batch):
        users = User.objects.bulk_create(
            User(
                email=f"frivillig{n}@bench.example",
                full_name=f"{rng.choice(first)} {rng.choice(last)} {n}",
                password="!",
            )
            for n in range(start, min(start + batch, count))
        )
        volunteers = [
            Volunteer(
                user=user,
                municipality_id=LOM,
                area=rng.choice(areas),
                weekday_daytime=rng.random() < 0.6,
                evenings=rng.random() < 0.3,
                weekends=rng.random() < 0.4,
                can_drive=rng.random() < 0.5,
            )
            for user in users
        ]
        for volunteer in volunteers:  # as save() does
            volunteer.sort_name = volunteer.user.full_name.casefold()
            volunteer.search_text = volunteer.searchable_text()
        Volunteer.objects.bulk_create(volunteers)
        VolunteerInterest.objects.bulk_create(
            VolunteerInterest(volunteer=v, interest=code)
            for v in volunteers
            for code in rng.sample(codes, rng.randint(1, 3))
        )
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # as autovacuum leaves a live database


def measure(runs: int) -> list[tuple[str, float, float, int]]:
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from coordination.models import User
    from volunteers.models import Volunteer

    client = Client()
    client.force_login(User.objects.get(email="bench.koordinator@samspill.example"))
    some_volunteer = Volunteer.objects.order_by("-pk").first()
    base = f"/coordination/{LOM}/volunteers/"
    cases = [
        ("first page (active, by name)", base),
        ("search 'Brimi'", base + "?q=Brimi"),
        ("interest + evenings + drives", base + "?interest=transport&when=evenings&can_drive=on"),
        ("declaration missing, newest first", base + "?declaration=missing&sort=newest"),
        ("page 1000 (offset 49 950)", base + "?page=1000"),
        ("volunteer detail (audited)", f"{base}{some_volunteer.pk}/"),
    ]
    results = []
    for label, url in cases:
        client.get(url)  # warm
        timings = []
        for _ in range(runs):
            reset_queries()
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        timings.sort()
        p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
        results.append((label, statistics.median(timings), p95, len(queries)))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reuse", action="store_true", help="keep the data of the last run")
    parser.add_argument("--volunteers", type=int, default=VOLUNTEERS)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    url = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/samspill_bench")
    if not args.reuse:
        recreate_database(url)
    setup_django(url)
    if not args.reuse:
        started = time.perf_counter()
        fill(args.volunteers)
        print(f"filled {args.volunteers} volunteers in {time.perf_counter() - started:.0f} s")
    print(f"{'request':40} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    for label, p50, p95, queries in measure(args.runs):
        print(f"{label:40} {p50:8.1f} {p95:8.1f} {queries:8d}")


if __name__ == "__main__":
    main()
