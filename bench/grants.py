"""The grants app at national scale (issue 16): one national grant-maker with an officer and 40
reviewers, one scheme, one round with the 9 default criteria and 3 000 submitted applications
from organisations and municipalities all over the country — each with 3 budget lines, 2 sent
reviews of 9 scores (54 000 scores) and a proposed amount; a tenth granted (a decision each).
The officer's round and case pages and a reviewer's list are timed.

Each page is reported as a ratio to the floor: a trivial page (the accessibility statement,
the base template and nothing else) requested in the same run, turn about with the pages, so a
busy machine slows both alike. Query counts and the time spent in SQL are reported too; run it
at two scales (``--scale 0.1`` and ``1.0``) to see whether a page's queries grow with the data.

Run: .venv/bin/python -m bench.grants [--reuse] [--scale 1.0] [--runs N]
(its own database, ``samspill_bench_grants``; ``BENCH_DATABASE_URL`` chooses the server)
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import statistics
import time

from bench.registry import recreate_database, setup_django

APPLICATIONS = 3_000
REVIEWERS = 40
REVIEWS_PER_APPLICATION = 2
ORGANISATIONS = 1_500
ORGANISATION_SHARE = 0.7  # the rest: the municipality applies itself
DECIDED_SHARE = 0.1
BATCH = 5_000
OFFICER = "bench.saksbehandler@samspill.example"
REVIEWER = "bench.fagvurderer0@samspill.example"
MAKER = "Helsedirektoratet (bench)"
ORGANISATION_KINDS = [
    ("volunteer_centre", "Frivilligsentral"),
    ("association", "Pensjonistlag"),
    ("association", "Sanitetsforening"),
    ("church", "Menighet"),
    ("museum", "Bygdemuseum"),
    ("other", "Eldreråd"),
]
TEXT = (
    "Faste treff for heimebuande eldre med skyss og følgje, der frivillige og heimetenesta "
    "samarbeider om å nå dei som sit mest aleine. "
)


def fill(scale: float) -> None:
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from coordination.kernel.models import (
        GrantMaker,
        GrantMakerRole,
        GrantRole,
        Municipality,
        User,
    )
    from coordination.partners.models import PartnerOrganisation
    from grants.applications.models import Application, BudgetLine
    from grants.applications.workflow import Status
    from grants.decisions.models import APPEAL_PERIOD, Decision, Outcome
    from grants.review.models import Recommendation, ReviewAssignment, Score
    from grants.schemes.models import Round, Scheme
    from grants.schemes.services.schemes import _copy_defaults

    call_command("migrate", verbosity=0)
    call_command("load_municipalities", verbosity=0)
    rng = random.Random(16)
    now = timezone.now()
    maker = GrantMaker.objects.create(
        name=MAKER, kind=GrantMaker.Kind.NATIONAL, email="tilskudd@bench.example"
    )
    officer = User.objects.create_user(email=OFFICER, password="x", full_name="Bench Saksbehandler")
    reviewers = User.objects.bulk_create(
        User(
            email=f"bench.fagvurderer{n}@samspill.example",
            full_name=f"Fagvurderer {n:02d}",
            password="!",
        )
        for n in range(REVIEWERS)
    )
    GrantMakerRole.objects.bulk_create(
        [GrantMakerRole(user=officer, grant_maker=maker, role=GrantRole.OFFICER)]
        + [GrantMakerRole(user=r, grant_maker=maker, role=GrantRole.REVIEWER) for r in reviewers]
    )
    scheme = Scheme.objects.create(
        grant_maker=maker,
        name_nb="Tilskudd til aktivitet og fellesskap for eldre",
        name_nn="Tilskot til aktivitet og fellesskap for eldre",
        purpose_nb="Tiltak som gir eldre aktivitet, fellesskap og møteplasser.",
        max_amount=1_000_000,
        max_years=2,
    )
    opens = now - datetime.timedelta(days=150)
    round_ = Round.objects.create(
        grant_maker=maker,
        scheme=scheme,
        name=str(opens.year),
        opens_at=opens,
        closes_at=opens + datetime.timedelta(days=60),
        budget=int(300_000_000 * scale),
        small_municipality_share=15,
        final_report_due=datetime.date(opens.year + 2, 2, 1),
    )
    _copy_defaults(round_)  # the 9 default criteria (and 5 conditions) in every language
    criteria = list(round_.criteria.all())
    assert len(criteria) == 9, len(criteria)

    # Applicants all over the country: more from the larger municipalities, but every one.
    municipalities = list(Municipality.objects.values_list("pk", "population"))
    numbers = [number for number, _population in municipalities]
    weights = [population**0.5 for _number, population in municipalities]
    count = int(APPLICATIONS * scale)
    homes = rng.choices(numbers, weights, k=max(1, int(ORGANISATIONS * scale)))
    organisations = PartnerOrganisation.objects.bulk_create(
        PartnerOrganisation(
            name=f"{ORGANISATION_KINDS[i % len(ORGANISATION_KINDS)][1]} {i}",
            kind=ORGANISATION_KINDS[i % len(ORGANISATION_KINDS)][0],
            email=f"post{i}@lag.example",
            created_in_id=home,
        )
        for i, home in enumerate(homes)
    )
    PartnerOrganisation.municipalities.through.objects.bulk_create(
        PartnerOrganisation.municipalities.through(
            partnerorganisation_id=o.pk, municipality_id=o.created_in_id
        )
        for o in organisations
    )

    year = round_.closes_at.year + 1
    statuses = []
    for i in range(count):
        if i % 10 == 0:  # a tenth decided
            statuses.append(Status.GRANTED)
        else:
            statuses.append(Status.IN_REVIEW if rng.random() < 0.6 else Status.READY_FOR_DECISION)
    quality = [rng.gauss(3.2, 0.8) for _ in range(count)]
    applications: list = []
    for i in range(count):
        organisation = (
            rng.choice(organisations) if rng.random() < ORGANISATION_SHARE else None
        )  # fmt: skip
        municipality = (
            organisation.created_in_id if organisation else rng.choices(numbers, weights)[0]
        )
        submitted = round_.opens_at + datetime.timedelta(minutes=rng.randrange(60 * 24 * 60))
        applications.append(
            Application(
                round=round_,
                grant_maker=maker,
                municipality_id=municipality,
                organisation=organisation,
                number=i + 1,
                status=statuses[i],
                title=f"Møteplass og skyss {i + 1}",
                summary=TEXT,
                description=TEXT * 12,
                target_groups=TEXT * 2,
                planned_activities=TEXT * 3,
                continuation=TEXT * 2,
                starts_on=datetime.date(year, 3, 1),
                ends_on=datetime.date(year + 1, 12, 31),
                contact_name=f"Kontakt {i}",
                contact_email=f"kontakt{i}@soker.example",
                contact_phone="41234567",
                eligible=True,
                screened_at=submitted + datetime.timedelta(days=70),
                screened_by=officer,
                created_at=submitted - datetime.timedelta(days=3),
                submitted_at=submitted,
            )
        )
    applications = Application.objects.bulk_create(applications, batch_size=1_000)

    lines = []
    requested: dict[int, int] = {}
    for application in applications:
        asked = rng.randrange(50, 1_000) * 1_000
        requested[application.pk] = asked
        for source, amount, words in (
            ("grant", asked, "Skyss, følgje og lønn til koordinator"),
            ("own", asked // 4, "Frivillig innsats og lokale"),
            ("other", asked // 5, "Sparebankstiftelsen"),
        ):
            lines.append(
                BudgetLine(
                    application=application,
                    year=year,
                    description=words,
                    source=source,
                    amount=amount,
                )
            )
    BudgetLine.objects.bulk_create(lines, batch_size=BATCH)

    assignments = []
    for application in applications:
        for reviewer in rng.sample(reviewers, REVIEWS_PER_APPLICATION):
            declared = application.screened_at + datetime.timedelta(days=rng.randrange(1, 10))
            assignments.append(
                ReviewAssignment(
                    grant_maker=maker,
                    application=application,
                    reviewer=reviewer,
                    assigned_by=officer,
                    assigned_at=application.screened_at,
                    impartial=True,
                    declared_at=declared,
                    recommendation=rng.choice(Recommendation.values),
                    comment="Godt forankra i kommunen; budsjettet heng saman med planen.",
                    submitted_at=declared + datetime.timedelta(days=rng.randrange(1, 14)),
                )
            )
    assignments = ReviewAssignment.objects.bulk_create(assignments, batch_size=BATCH)
    position = {application.pk: i for i, application in enumerate(applications)}
    scores: list = []
    for assignment in assignments:
        base = quality[position[assignment.application_id]]
        for criterion in criteria:
            value = round(base + rng.gauss(0, 0.9))
            scores.append(
                Score(assignment=assignment, criterion=criterion, value=min(5, max(0, value)))
            )
        if len(scores) >= BATCH:
            Score.objects.bulk_create(scores, batch_size=BATCH)
            scores = []
    Score.objects.bulk_create(scores, batch_size=BATCH)

    for application in applications:
        share = rng.choice([1.0, 1.0, 0.8, 0.6, 0.5])
        application.proposed_amount = int(requested[application.pk] * share) // 1_000 * 1_000
    Application.objects.bulk_update(applications, ["proposed_amount"], batch_size=1_000)
    decided_at = round_.closes_at + datetime.timedelta(days=80)
    Decision.objects.bulk_create(
        (
            Decision(
                grant_maker=maker,
                application=application,
                outcome=Outcome.GRANTED,
                amount=application.proposed_amount,
                grounds="Søknaden svarer godt på formålet med ordningen.",
                made_by=officer,
                made_at=decided_at,
                appeal_deadline=(decided_at + APPEAL_PERIOD).date(),
                language="nb",
            )
            for application in applications
            if application.status == Status.GRANTED
        ),
        batch_size=BATCH,
    )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # as autovacuum leaves a live database


def _cases() -> list[tuple[str, str, str]]:
    """(label, who asks, URL) per page."""
    from django.urls import reverse

    from coordination.kernel.models import GrantMaker
    from grants.applications.models import Application
    from grants.applications.workflow import Status
    from grants.schemes.models import Round

    maker = GrantMaker.objects.get(name=MAKER)
    round_ = Round.objects.get(grant_maker=maker)
    case = (
        Application.objects.filter(
            round=round_, status=Status.IN_REVIEW, organisation__isnull=False
        )
        .order_by("number")
        .first()
    )
    g, r = maker.pk, round_.pk
    applications = reverse("grants:round_applications", args=[g, r])
    pages = Application.objects.filter(round=round_).count() // 25
    return [
        ("officer: grant-maker home", "officer", reverse("grants:grant_maker_home", args=[g])),
        ("round applications, first page", "officer", applications),
        (
            "round applications, ready for decision",
            "officer",
            applications + f"?status={Status.READY_FOR_DECISION}",
        ),
        ("round applications, last page", "officer", applications + f"?page={pages}"),
        ("round ranking", "officer", reverse("grants:round_ranking", args=[g, r])),
        ("round fairness", "officer", reverse("grants:round_fairness", args=[g, r])),
        ("case (in review, 2 reviews)", "officer", reverse("grants:case", args=[g, case.pk])),
        ("reviewer: my reviews", "reviewer", reverse("grants:review_list", args=[g])),
    ]


def _time(client, url: str) -> tuple[float, int, float, int]:
    """(ms, queries, ms in SQL, KiB of HTML) of one request."""
    from django.db import connection

    spent: list[float] = []

    def timed(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent.append(time.perf_counter() - started)

    started = time.perf_counter()
    with connection.execute_wrapper(timed):
        response = client.get(url)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (url, response.status_code)
    return elapsed, len(spent), sum(spent) * 1000, len(response.content) // 1024


def measure(runs: int) -> list[tuple[str, float, float, float, int, float, int]]:
    """(label, p50 ms, p95 ms, p50 / floor p50, queries, SQL ms p50, KiB) per page, the floor
    first."""
    from django.test import Client

    from coordination.kernel.models import User

    clients = {"officer": Client(), "reviewer": Client()}
    clients["officer"].force_login(User.objects.get(email=OFFICER))
    clients["reviewer"].force_login(User.objects.get(email=REVIEWER))
    floor_url = "/accessibility/"
    floor_client = clients["officer"]
    results = []
    floors: list[float] = []
    for label, who, url in [("floor: a trivial page", "officer", floor_url), *_cases()]:
        client = clients[who]
        client.get(url)  # warm
        timings, sqls = [], []
        queries = size = 0
        for _ in range(runs):
            floors.append(_time(floor_client, floor_url)[0])
            elapsed, queries, sql, size = _time(client, url)
            timings.append(elapsed)
            sqls.append(sql)
        timings.sort()
        p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
        results.append(
            (label, statistics.median(timings), p95, queries, statistics.median(sqls), size)
        )
    floor = statistics.median(floors)
    return [(label, p50, p95, p50 / floor, q, sql, kib) for label, p50, p95, q, sql, kib in results]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reuse", action="store_true", help="keep the data of the last run")
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = 3 000 applications")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    url = os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/samspill_bench_grants"
    )
    # The officer has no second factor here; the pages, not the MFA redirect, are timed.
    os.environ["REQUIRE_MFA_FOR_STAFF"] = "false"
    if not args.reuse:
        recreate_database(url)
    setup_django(url)
    if not args.reuse:
        started = time.perf_counter()
        fill(args.scale)
        print(f"filled in {time.perf_counter() - started:.0f} s")
    from grants.applications.models import Application, BudgetLine
    from grants.decisions.models import Decision
    from grants.review.models import ReviewAssignment, Score

    print(
        f"{Application.objects.count()} applications, {BudgetLine.objects.count()} budget lines, "
        f"{ReviewAssignment.objects.count()} reviews, {Score.objects.count()} scores, "
        f"{Decision.objects.count()} decisions"
    )
    print(
        f"{'request':40} {'p50 ms':>8} {'p95 ms':>8} {'x floor':>8} {'queries':>8} "
        f"{'SQL ms':>8} {'KiB':>6}"
    )
    for label, p50, p95, ratio, queries, sql, kib in measure(args.runs):
        print(f"{label:40} {p50:8.1f} {p95:8.1f} {ratio:8.1f} {queries:8d} {sql:8.1f} {kib:6d}")


if __name__ == "__main__":
    main()
