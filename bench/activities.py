"""The activities at national scale: 5 000 activities, 100 000 sessions and 1 000 000 sign-ups
across the country, a fifth of them in one large municipality (Bergen), whose pages are timed.

Each page is reported as a ratio to the floor: a trivial page (the accessibility statement,
the base template and nothing else) requested in the same run, turn about with the pages, so a
busy machine slows both alike. Query counts are reported too: they must not grow with the data
(tests/activities/… assert it at two small sizes).

Run: .venv/bin/python -m bench.activities [--reuse] [--scale 1.0] [--runs N]
(its own database, ``samspill_bench_activities``; ``BENCH_DATABASE_URL`` chooses the server)
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import statistics
import time

from bench.registry import recreate_database, setup_django

ACTIVITIES = 5_000
SESSIONS_PER_ACTIVITY = 20
SIGNUPS_PER_SESSION = 10
MEASURED = "4601"  # Bergen
MEASURED_SHARE = 0.2
BATCH = 20_000


def _others() -> list[str]:
    from coordination.models import Municipality

    return list(
        Municipality.objects.exclude(pk=MEASURED)
        .order_by("-population")
        .values_list("pk", flat=True)[:60]
    )


def fill(scale: float) -> None:
    from django.core.management import call_command
    from django.utils import timezone

    from activities.models import Activity, ActivityType, Place, Session, SignUp
    from coordination.models import Membership, Role, User

    call_command("migrate", verbosity=0)
    call_command("load_municipalities", verbosity=0)
    coordinator = User.objects.create_user(
        email="bench.koordinator@samspill.example", password="x", full_name="Bench Koordinator"
    )
    Membership.objects.create(user=coordinator, municipality_id=MEASURED, role=Role.COORDINATOR)
    random.seed(15)
    types = list(ActivityType.objects.filter(municipality=None))
    count = int(ACTIVITIES * scale)
    numbers = [MEASURED] * int(count * MEASURED_SHARE)
    others = _others()
    numbers += [random.choice(others) for _ in range(count - len(numbers))]
    places = {
        number: Place.objects.bulk_create(
            Place(
                municipality_id=number,
                name=f"Grendehus {i}",
                kind="village_hall",
                area=f"Grend {i}",
            )  # fmt: skip
            for i in range(12)
        )
        for number in set(numbers)
    }
    now = timezone.now()
    activities = Activity.objects.bulk_create(
        (
            Activity(
                municipality_id=number,
                title=f"Aktivitet {i}",
                description="Kaffi og prat.",
                activity_type=random.choice(types),
                place=random.choice(places[number]),
                status="published" if i % 20 else "archived",
                published_at=now,
                transport_offered=i % 3 == 0,
                fee=0 if i % 2 else 50,
                capacity=30,
            )
            for i, number in enumerate(numbers)
        ),
        batch_size=BATCH,
    )
    start = now - datetime.timedelta(days=180)
    sessions = []
    for activity in activities:
        first = start + datetime.timedelta(days=random.randrange(7), hours=random.randrange(9, 20))
        for week in range(SESSIONS_PER_ACTIVITY):
            begins = first + datetime.timedelta(weeks=week * 2)
            sessions.append(
                Session(
                    municipality_id=activity.municipality_id,
                    activity=activity,
                    place=activity.place,
                    starts_at=begins,
                    ends_at=begins + datetime.timedelta(hours=2),
                    status="held" if begins < now else "planned",
                )
            )
    sessions = Session.objects.bulk_create(sessions, batch_size=BATCH)
    signups: list = []
    for session in sessions:
        for n in range(SIGNUPS_PER_SESSION):
            signups.append(
                SignUp(
                    municipality_id=session.municipality_id,
                    activity_id=session.activity_id,
                    session=session,
                    participant_name=f"Deltakar {n}",
                    participant_phone="41234567",
                    needs_transport=n == 0,
                    pickup_address="Vegen 1" if n == 0 else "",
                    token=f"{session.pk}-{n}",
                )
            )
        if len(signups) >= BATCH:
            SignUp.objects.bulk_create(signups, batch_size=BATCH)
            signups = []
    SignUp.objects.bulk_create(signups, batch_size=BATCH)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _cases() -> list[tuple[str, str]]:
    from django.urls import reverse
    from django.utils import timezone

    from activities.models import Activity, Session

    session = (
        Session.objects.filter(municipality_id=MEASURED, status="planned")
        .order_by("starts_at")
        .first()
    )
    activity = Activity.objects.filter(municipality_id=MEASURED, status="published").first()
    month = timezone.localdate().strftime("%Y-%m")
    m = MEASURED
    return [
        ("catalogue, first page", reverse("activities:catalogue", args=[m])),
        (
            "catalogue, transport + free",
            reverse("activities:catalogue", args=[m]) + "?transport=on&free=on",
        ),  # fmt: skip
        ("catalogue, page 20", reverse("activities:catalogue", args=[m]) + "?page=20"),
        ("activity page", reverse("activities:activity_detail", args=[m, activity.pk])),
        (
            "calendar, this month",
            reverse("activities:calendar_month", args=[m]) + f"?month={month}",
        ),
        ("calendar, this week", reverse("activities:calendar_week", args=[m])),
        ("iCalendar feed, activity", reverse("activities:activity_feed", args=[m, activity.pk])),
        ("organiser: activities", reverse("activities:activity_list", args=[m])),
        (
            "organiser: participants",
            reverse("activities:session_participants", args=[m, session.pk]),
        ),  # fmt: skip
        ("coordinator: gaps", reverse("activities:gaps", args=[m])),
        ("coordinator: evaluation", reverse("activities:municipality_evaluation", args=[m])),
    ]


def _time(client, url: str) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (url, response.status_code)
    return elapsed, len(queries)


def measure(runs: int) -> list[tuple[str, float, float, float, int]]:
    """(label, p50 ms, p95 ms, p50 / floor p50, queries) per page, the floor first."""
    from django.test import Client

    from coordination.models import User

    client = Client()
    client.force_login(User.objects.get(email="bench.koordinator@samspill.example"))
    floor_url = "/accessibility/"
    results = []
    floors: list[float] = []
    for label, url in [("floor: a trivial page", floor_url), *_cases()]:
        client.get(url)  # warm
        timings = []
        for _ in range(runs):
            floors.append(_time(client, floor_url)[0])
            elapsed, queries = _time(client, url)
            timings.append(elapsed)
        timings.sort()
        p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
        results.append((label, statistics.median(timings), p95, queries))
    floor = statistics.median(floors)
    return [(label, p50, p95, p50 / floor, q) for label, p50, p95, q in results]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reuse", action="store_true", help="keep the data of the last run")
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = 5 000 activities")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    url = os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/samspill_bench_activities"
    )
    if not args.reuse:
        recreate_database(url)
    setup_django(url)
    if not args.reuse:
        started = time.perf_counter()
        fill(args.scale)
        print(f"filled in {time.perf_counter() - started:.0f} s")
    from activities.models import Activity, Session, SignUp

    print(
        f"{Activity.objects.count()} activities, {Session.objects.count()} sessions, "
        f"{SignUp.objects.count()} sign-ups; measured: {MEASURED}"
    )
    print(f"{'request':34} {'p50 ms':>8} {'p95 ms':>8} {'x floor':>8} {'queries':>8}")
    for label, p50, p95, ratio, queries in measure(args.runs):
        print(f"{label:34} {p50:8.1f} {p95:8.1f} {ratio:8.1f} {queries:8d}")


if __name__ == "__main__":
    main()
