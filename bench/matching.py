"""Matching one need against 100 000 volunteers in one municipality.

Run: .venv/bin/python -m bench.matching [--reuse] [--volunteers N] [--runs N]

Builds on bench.registry's data (same database) and adds what matching looks at: a published
confidentiality declaration most have signed, a visiting-friend role requiring a police
certificate and the introductory course, role holders with checks and completions, and running
assignments so that some volunteers are full.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time

from bench.registry import LOM, VOLUNTEERS, fill, recreate_database, setup_django


def add_screening(seed: int = 2026) -> None:
    from django.db import connection
    from django.utils import timezone

    from coordination.models import User
    from volunteers.models import (
        Assignment,
        CertificateCheck,
        Consent,
        CourseCompletion,
        DeclarationText,
        Need,
        RoleHolder,
        Signature,
        Volunteer,
    )
    from volunteers.screening.models import Course, VolunteerRole

    rng = random.Random(seed)
    coordinator = User.objects.get(email="bench.koordinator@samspill.example")
    text = DeclarationText.objects.create(
        municipality_id=LOM, version=1, body="Taushetserklæring " * 10, published_by=coordinator
    )
    course = Course.objects.create(municipality_id=LOM, name="Introduksjonskurs")
    role = VolunteerRole.objects.create(
        municipality_id=LOM,
        name="Besøksvenn",
        interest="visiting_friend",
        requires_certificate=True,
        certificate_kinds=["limited", "ordinary"],
        certificate_valid_months=36,
    )
    role.required_courses.add(course)
    Need.objects.create(
        municipality_id=LOM,
        kind="visiting_friend",
        description="Ønsker besøk og en tur, liker strikking og kortspill",
        area="Bøverdalen",
        weekday_daytime=True,
        person_name="Ingrid",
        consent_text_version="2026-11",
        source="coordinator",
    )
    ids = list(Volunteer.objects.values_list("pk", flat=True))
    languages = ["norsk", "norsk, engelsk", "norsk, tysk", "norsk, polsk", "arabisk, norsk"]
    with connection.cursor() as cursor:  # a few profile fields matching looks at
        for language in languages:
            chosen = [i for i in ids if rng.random() < 0.2]
            cursor.execute(
                "UPDATE volunteers_volunteer SET languages = %s, has_car = can_drive, "
                "skills = 'strikking' WHERE id = ANY(%s)",
                [language, chosen[: len(chosen) // 10]],
            )
    Consent.objects.bulk_create(
        (
            Consent(volunteer_id=i, purpose_version="2026-11", purpose_text="…")
            for i in ids
            if rng.random() < 0.98
        ),
        batch_size=5000,
    )
    Signature.objects.bulk_create(
        (Signature(volunteer_id=i, text=text) for i in ids if rng.random() < 0.9),
        batch_size=5000,
    )
    holders = RoleHolder.objects.bulk_create(
        (RoleHolder(volunteer_id=i, role=role) for i in ids if rng.random() < 0.3),
        batch_size=5000,
    )
    today = timezone.localdate()
    CertificateCheck.objects.bulk_create(
        (
            CertificateCheck(
                holder=h, kind="limited", presented_on=today, approved=True, checked_by=coordinator
            )
            for h in holders
            if rng.random() < 0.8
        ),
        batch_size=5000,
    )
    CourseCompletion.objects.bulk_create(
        (CourseCompletion(volunteer_id=i, course=course) for i in ids if rng.random() < 0.5),
        batch_size=5000,
    )
    other_need = Need.objects.create(
        municipality_id=LOM,
        kind="visiting_friend",
        description="Annen",
        area="Lom sentrum",
        person_name="Per",
        consent_text_version="2026-11",
        source="coordinator",
    )
    Assignment.objects.bulk_create(
        (Assignment(need=other_need, volunteer_id=i) for i in ids if rng.random() < 0.1),
        batch_size=5000,
    )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def measure(runs: int) -> list[tuple[str, float, float, int, int]]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from volunteers.matching import ranking as matching
    from volunteers.models import Need, VolunteerRole

    need = Need.objects.get(person_name="Ingrid")
    transport = matching.MatchRequest(
        municipality_id=LOM,
        kind="transport",
        area="Garmo",
        times=frozenset({"evenings", "weekends"}),
        needs_driver=True,
    )
    cases = [
        ("visiting friend (role: certificate + course)", lambda: matching.propose_for_need(need)),
        ("transport, evenings/weekends, driver", lambda: matching.propose(transport)),
    ]
    results = []
    for label, run in cases:
        run()  # warm
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                proposals = run()
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
        results.append((label, statistics.median(timings), p95, len(queries), len(proposals)))
    assert VolunteerRole.objects.count() == 1
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reuse", action="store_true", help="keep the data of the last run")
    parser.add_argument("--volunteers", type=int, default=VOLUNTEERS)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    url = os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/samspill_bench_matching"
    )
    if not args.reuse:
        recreate_database(url)
    setup_django(url)
    if not args.reuse:
        started = time.perf_counter()
        fill(args.volunteers)
        add_screening()
        print(f"filled {args.volunteers} volunteers in {time.perf_counter() - started:.0f} s")
    print(f"{'matching':48} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'found':>6}")
    for label, p50, p95, queries, found in measure(args.runs):
        print(f"{label:48} {p50:8.1f} {p95:8.1f} {queries:8d} {found:6d}")


if __name__ == "__main__":
    main()
