"""Screening at national scale: the registry's role and readiness filters and its Missing
column, a session's completion list and the daily reminder job, with 100 000 volunteers in one
municipality, a third of them in roles.

Run: .venv/bin/python -m bench.screening [--reuse] [--volunteers N] [--runs N]
(its own database, ``samspill_bench_screening`` unless BENCH_SCREENING_DATABASE_URL says
otherwise, so it never disturbs bench.registry's.)
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import statistics
import time

from bench.registry import LOM, VOLUNTEERS, fill, recreate_database, setup_django


def fill_screening() -> None:
    """A published declaration most have signed; two roles; certificate checks, some expired
    or due soon; the introductory course completed by many."""
    from django.db import connection
    from django.utils import timezone

    from coordination.models import User
    from volunteers.models import (
        CertificateCheck,
        Course,
        CourseCompletion,
        CourseSession,
        DeclarationText,
        RoleHolder,
        Signature,
        Volunteer,
        VolunteerRole,
    )

    rng = random.Random(4)
    coordinator = User.objects.get(email="bench.koordinator@samspill.example")
    text = DeclarationText.objects.create(
        municipality_id=LOM, version=1, body="Taushetserklæring " * 10, published_by=coordinator,
        published_at=timezone.now() - datetime.timedelta(days=30),
    )  # fmt: skip
    course = Course.objects.create(municipality_id=LOM, name="Introduksjonskurs")
    session = CourseSession.objects.create(
        course=course, starts_at=timezone.now() - datetime.timedelta(days=3), place="Lom"
    )
    friend = VolunteerRole.objects.create(
        municipality_id=LOM, name="Besøksvenn", interest="visiting_friend",
        requires_certificate=True, certificate_kinds=["ordinary"], certificate_valid_months=36,
    )  # fmt: skip
    friend.required_courses.add(course)
    driver = VolunteerRole.objects.create(
        municipality_id=LOM,
        name="Sjåfør",
        interest="transport",
        requires_certificate=True,
        certificate_kinds=["limited", "ordinary"],
    )
    today = timezone.localdate()
    # Registered long ago, so the declaration reminders are due for those who did not sign.
    Volunteer.objects.update(created_at=timezone.now() - datetime.timedelta(days=60))
    ids = list(Volunteer.objects.filter(municipality_id=LOM).values_list("pk", flat=True))
    batch = 5_000
    for start in range(0, len(ids), batch):
        chunk = ids[start : start + batch]
        Signature.objects.bulk_create(
            Signature(volunteer_id=pk, text=text) for pk in chunk if rng.random() < 0.85
        )
        CourseCompletion.objects.bulk_create(
            CourseCompletion(volunteer_id=pk, course=course, session=session)
            for pk in chunk
            if rng.random() < 0.5
        )
        holders = RoleHolder.objects.bulk_create(
            [RoleHolder(volunteer_id=pk, role=friend) for pk in chunk if rng.random() < 0.3]
            + [RoleHolder(volunteer_id=pk, role=driver) for pk in chunk if rng.random() < 0.1]
        )
        checks = []
        for holder in holders:
            if rng.random() < 0.7:
                presented = today - datetime.timedelta(days=rng.randint(0, 365 * 4))
                checks.append(
                    CertificateCheck(
                        holder=holder, kind="ordinary", presented_on=presented,
                        approved=rng.random() < 0.97, checked_by=coordinator,
                        renew_by=presented.replace(year=presented.year + 3)
                        if holder.role_id == friend.pk and not (presented.month == 2
                                                                and presented.day == 29)
                        else None,
                    )
                )  # fmt: skip
        CertificateCheck.objects.bulk_create(checks)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def _time(client, url: str, runs: int) -> tuple[float, float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    timings.sort()
    return statistics.median(timings), timings[max(0, int(len(timings) * 0.95) - 1)], len(queries)


def measure(runs: int) -> list[tuple[str, float, float, int]]:
    from django.test import Client, override_settings

    from coordination.models import User
    from volunteers.models import CourseSession, RoleHolder, VolunteerRole
    from volunteers.screening.tasks import send_screening_reminders

    client = Client()
    client.force_login(User.objects.get(email="bench.koordinator@samspill.example"))
    friend = VolunteerRole.objects.get(name="Besøksvenn")
    holder = RoleHolder.objects.filter(role=friend).order_by("-pk").first()
    session = CourseSession.objects.get()
    base = f"/coordination/{LOM}/"
    cases = [
        ("coordination dashboard (overview)", base),
        ("registry, first page with Missing", base + "volunteers/"),
        ("role Besøksvenn", base + f"volunteers/?role={friend.pk}"),
        ("ready for Besøksvenn", base + f"volunteers/?role={friend.pk}&readiness=ready"),
        ("missing for Besøksvenn", base + f"volunteers/?role={friend.pk}&readiness=missing"),
        ("missing for any role", base + "volunteers/?readiness=missing"),
        ("ready for all their roles", base + "volunteers/?readiness=ready"),
        ("volunteer detail with roles", base + f"volunteers/{holder.volunteer_id}/"),
        ("session completions, first page", base + f"sessions/{session.pk}/completions/"),
        ("session completions, search", base + f"sessions/{session.pk}/completions/?q=Brimi"),
    ]
    results = [(label, *_time(client, url, runs)) for label, url in cases]
    locmem = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    with override_settings(MAILERS=locmem):
        for label in ("reminder job, first run", "reminder job, nothing new"):
            started = time.perf_counter()
            sent = send_screening_reminders()
            elapsed = (time.perf_counter() - started) * 1000
            results.append((f"{label} ({sent['certificates']}+{sent['declarations']})",
                            elapsed, elapsed, 0))  # fmt: skip
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reuse", action="store_true", help="keep the data of the last run")
    parser.add_argument("--volunteers", type=int, default=VOLUNTEERS)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    url = os.environ.get(
        "BENCH_SCREENING_DATABASE_URL",
        "postgres://postgres@127.0.0.1:5432/samspill_bench_screening",
    )
    if not args.reuse:
        recreate_database(url)
    setup_django(url)
    if not args.reuse:
        started = time.perf_counter()
        fill(args.volunteers)
        fill_screening()
        print(f"filled {args.volunteers} volunteers in {time.perf_counter() - started:.0f} s")
    print(f"{'request':46} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    for label, p50, p95, queries in measure(args.runs):
        print(f"{label:46} {p50:8.1f} {p95:8.1f} {queries:8d}")


if __name__ == "__main__":
    main()
