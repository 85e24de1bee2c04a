"""The benchmark suite (issue 17): the key pages at national scale, each as a ratio to the
Django floor measured turn about in the same run, their SQL query counts at two data sizes, and
the printed documents' render figures; written to ``bench/results/<date>.json`` and ``.md`` and
compared with the previous result.

    .venv/bin/python -m bench.suite [--reuse] [--runs 15] [--small 100] [--documents-runs 1]

Two databases, filled by ``manage.py seed_scale``: ``samspill_bench_scale`` (the full size) and
``samspill_bench_scale_small`` (every count divided by ``--small``). ``--reuse`` keeps a
database that seed_scale has already filled; without it both are dropped and filled anew. The
printed documents have their own (``samspill_bench_scale_documents``, see bench.documents).
``BENCH_SERVER`` chooses the PostgreSQL server (default ``postgres://postgres@127.0.0.1:5432``),
``BENCH_DATABASE`` the full database's name (the others are named after it), so that two
checkouts can measure side by side on copies (``createdb -T samspill_bench_scale …``).

Each page is requested ``--runs`` times after one warm-up, every request followed by one of the
floor (the accessibility statement, the base template and nothing else, for the same logged-in
person): ``ratio`` is the page's median over the median of all floor requests of the run.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
SERVER = os.environ.get("BENCH_SERVER", "postgres://postgres@127.0.0.1:5432")
FULL_DB = os.environ.get("BENCH_DATABASE", "samspill_bench_scale")
SMALL_DB = f"{FULL_DB}_small"
DOCUMENTS_DB = f"{FULL_DB}_documents"
SIZES = {"volunteers": 100_000, "activities": 5_000, "signups": 1_000_000, "applications": 2_000}
FLOOR_URL = "/accessibility/"
AIM = 3.0  # every key page within 3× the floor (issue 17)
REGRESSION = 1.25  # a page whose ratio grew by more than this since the last result
BENCH_PARTICIPANT = "Bench Deltakar"


# --- The key pages: the one list -----------------------------------------------------------


@dataclass(frozen=True)
class Page:
    key: str
    label: str
    who: str  # "coordinator", "officer" or "volunteer" (see Context.clients)
    url: Callable[[Context], str]
    post: Callable[[Context], dict] | None = None  # form data: the page is a POST
    expect: int = 200
    cold: bool = False  # empty the cache before each request (outside the timing)
    htmx: bool = False  # asked by htmx (the part of a page that the page fetches after it)


def _registry(query: str = "") -> Callable[[Context], str]:
    return lambda c: f"/coordination/{c.m}/volunteers/{query and '?' + query}"


KEY_PAGES: list[Page] = [
    Page("dashboard", "coordinator dashboard", "coordinator", lambda c: f"/coordination/{c.m}/"),
    # The figures are kept a minute per municipality: the first look in a minute counts them.
    Page(
        "dashboard_counted",
        "coordinator dashboard, figures counted anew",
        "coordinator",
        lambda c: f"/coordination/{c.m}/",
        cold=True,
    ),
    Page("registry", "registry, first page", "coordinator", _registry()),
    Page("registry_search", "registry, search «hansen»", "coordinator", _registry("q=hansen")),
    Page(
        "registry_filtered",
        "registry, interest + evenings + drives",
        "coordinator",
        _registry("interest=transport&when=evenings&can_drive=on"),
    ),
    Page(
        "registry_unsigned_newest",
        "registry, declaration missing, newest first",
        "coordinator",
        _registry("declaration=missing&sort=newest"),
    ),
    Page(
        "registry_ready_friend",
        "registry, ready for Besøksvenn",
        "coordinator",
        lambda c: _registry(f"role={c.friend_role}&readiness=ready")(c),
    ),
    Page(
        "registry_missing_any",
        "registry, missing something for any role",
        "coordinator",
        _registry("readiness=missing"),
    ),
    Page(
        "registry_ready_all",
        "registry, ready for all their roles",
        "coordinator",
        _registry("readiness=ready"),
    ),
    Page(
        "registry_last_page",
        "registry, last page",
        "coordinator",
        lambda c: _registry(f"page={c.last_registry_page}")(c),
    ),
    Page(
        "need_matching",
        "need page with matching (visiting friend)",
        "coordinator",
        lambda c: f"/coordination/{c.m}/needs/{c.need}/",
    ),
    Page(
        "need_left_out",
        "need page: who was left out, and why (htmx, after the page)",
        "coordinator",
        lambda c: f"/coordination/{c.m}/needs/{c.need}/left-out/",
        htmx=True,
    ),
    Page(
        "calendar_month",
        "public calendar, this month",
        "coordinator",
        lambda c: f"/activities/{c.m}/calendar/?month={c.month}",
    ),
    Page(
        "calendar_week",
        "public calendar, this week",
        "coordinator",
        lambda c: f"/activities/{c.m}/calendar/week/",
    ),
    Page(
        "activity",
        "activity page",
        "coordinator",
        lambda c: f"/activities/{c.m}/{c.activity}/",
    ),
    Page(
        "sign_up",
        "sign-up (POST, a volunteer)",
        "volunteer",
        lambda c: f"/activities/{c.m}/sessions/{c.session}/sign-up/",
        post=lambda c: c.sign_up_data,
        expect=302,
    ),
    Page(
        "grant_ranking",
        "grant round ranking",
        "officer",
        lambda c: f"/grants/makers/{c.maker}/rounds/{c.round}/ranking/",
    ),
    Page(
        "grant_fairness",
        "grant round fairness check",
        "officer",
        lambda c: f"/grants/makers/{c.maker}/rounds/{c.round}/fairness/",
    ),
    Page("wheel", "annual wheel", "coordinator", lambda c: f"/coordination/{c.m}/wheel/"),
]


# --- Measuring, in a process set up for one database ----------------------------------------


class Context:
    """What the pages' URLs need, found in the database seed_scale filled."""

    def __init__(self) -> None:
        from django.test import Client
        from django.utils import timezone

        from activities.models import Activity, ActivityStatus, Session, SessionStatus
        from activities.signups.forms import SignUpForm
        from coordination.kernel.models import User
        from coordination.kernel.scale import Scale, coordinator_email
        from grants.scale import MAKER, OFFICER
        from grants.schemes.models import Round
        from volunteers.models import Need, Volunteer, VolunteerRole
        from volunteers.scale import MEASURED_NEED

        self.m = Scale().largest
        self.friend_role = VolunteerRole.objects.get(municipality_id=self.m, name="Besøksvenn").pk
        volunteers = Volunteer.objects.filter(municipality_id=self.m).count()
        self.volunteers = volunteers
        self.last_registry_page = max(1, -(-volunteers // 50))
        self.need = Need.objects.get(municipality_id=self.m, person_name=MEASURED_NEED).pk
        self.month = timezone.localdate().strftime("%Y-%m")
        published = Activity.objects.filter(municipality_id=self.m, status=ActivityStatus.PUBLISHED)
        self.activities = published.count()
        self.activity = published.order_by("pk").first().pk
        session = (
            Session.objects.filter(
                activity__in=published.filter(sign_up_web=True),
                status=SessionStatus.PLANNED,
                starts_at__gt=timezone.now() + datetime.timedelta(days=3),
            )
            .select_related("activity")
            .order_by("starts_at", "pk")
            .first()
        )
        self.session = session.pk
        form = SignUpForm(activity=session.activity)
        self.sign_up_data = {
            "participant_name": BENCH_PARTICIPANT,
            "participant_phone": "41234567",
            "needs_transport": "no",
            "fee_category": form.fields["fee_category"].initial or "",
            "reminder": "none",
        }
        round_ = Round.objects.get(grant_maker__name=MAKER)
        self.maker, self.round = round_.grant_maker_id, round_.pk
        self.applications = round_.applications.count()
        volunteer_user = (
            Volunteer.objects.filter(municipality_id=self.m).order_by("pk").first().user
        )
        self.clients = {}
        for who, user in (
            ("coordinator", User.objects.get(email=coordinator_email(self.m))),
            ("officer", User.objects.get(email=OFFICER)),
            ("volunteer", volunteer_user),
        ):
            client = Client()
            client.force_login(user)
            self.clients[who] = client


def _request(client, page: Page, context: Context) -> tuple[float, int]:
    """(ms, queries) of one request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = page.url(context)
    if page.cold:
        from django.core.cache import cache

        cache.clear()
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        if page.post is not None:
            response = client.post(url, page.post(context))
        else:
            response = client.get(url, headers={"HX-Request": "true"} if page.htmx else None)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != page.expect:
        form = response.context and response.context.get("form")
        raise AssertionError((page.key, url, response.status_code, form and form.errors))
    if page.post is not None:  # undo the write, outside the timing, so each POST is alike
        from activities.models import SignUp

        SignUp.objects.filter(participant_name=BENCH_PARTICIPANT).delete()
    return elapsed, len(queries)


def measure(runs: int, only: list[str] | None = None) -> dict[str, Any]:
    from django.conf import settings

    from coordination.celery import app

    settings.DEBUG = False
    # Queue the tasks a request enqueues (memory broker), as a server with a worker does; the
    # worker's work (emails, SMS) is not the request's.
    app.conf.task_always_eager = False
    context = Context()
    floor = Page("floor", "floor: the accessibility statement", "coordinator", lambda c: FLOOR_URL)
    floors: list[float] = []
    pages: dict[str, Any] = {}
    for page in [floor, *(p for p in KEY_PAGES if not only or p.key in only)]:
        client = context.clients[page.who]
        floor_client = context.clients[page.who]
        _request(client, page, context)  # warm
        timings, counts = [], []
        for _ in range(runs):
            elapsed, queries = _request(client, page, context)
            timings.append(elapsed)
            counts.append(queries)
            floors.append(_request(floor_client, floor, context)[0])
        timings.sort()
        pages[page.key] = {
            "label": page.label,
            "p50_ms": round(statistics.median(timings), 1),
            "p95_ms": round(timings[max(0, int(len(timings) * 0.95 + 0.5) - 1)], 1),
            "queries": max(counts),
        }
    floor_ms = statistics.median(floors)
    for found in pages.values():
        found["ratio"] = round(found["p50_ms"] / floor_ms, 2)
        found["ratio_p95"] = round(found["p95_ms"] / floor_ms, 2)
    return {
        "floor_ms": round(floor_ms, 2),
        "pages": pages,
        "data": {
            "municipality": context.m,
            "volunteers_there": context.volunteers,
            "published_activities_there": context.activities,
            "applications_in_round": context.applications,
        },
    }


# --- The run: databases, children, results --------------------------------------------------


def _env(database: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CELERY_")}
    return {
        **env,
        "DATABASE_URL": f"{SERVER}/{database}",
        "DJANGO_SETTINGS_MODULE": "coordination.settings",
        # Each database its own in-process cache: a cached count of one size must not answer
        # for the other. Celery eager (no broker): a request's tasks run in it, as on a
        # single-server installation.
        "CACHE_URL": "locmemcache://bench",
        "REQUIRE_MFA_FOR_STAFF": "false",
    }


def _admin(sql: str, *params) -> list:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        cursor = connection.execute(sql, params or None)
        return cursor.fetchall() if cursor.description else []


def _is_filled(database: str) -> bool:
    import psycopg

    if not _admin("SELECT 1 FROM pg_database WHERE datname = %s", database):
        return False
    try:
        with psycopg.connect(f"{SERVER}/{database}") as connection:
            row = connection.execute(
                "SELECT count(*) FROM coordination_user WHERE email LIKE '%%@scale.example'"
            ).fetchone()
    except psycopg.Error:
        return False
    return bool(row and row[0])


def fill(database: str, divide: int, *, reuse: bool) -> float | None:
    """Fill ``database`` with seed_scale (sizes divided by ``divide``); seconds taken, or None
    when ``reuse`` found it filled."""
    manage = [sys.executable, str(ROOT / "manage.py")]
    if reuse and _is_filled(database):
        print(f"{database}: reusing the filled database (migrated to this code)")
        subprocess.run([*manage, "migrate", "-v0"], check=True, env=_env(database), cwd=ROOT)
        return None
    _admin(f'DROP DATABASE IF EXISTS "{database}"')
    _admin(f'CREATE DATABASE "{database}"')
    started = time.perf_counter()
    subprocess.run([*manage, "migrate", "-v0"], check=True, env=_env(database), cwd=ROOT)
    sizes = [f"--{name}={max(1, count // divide)}" for name, count in SIZES.items()]
    print(f"{database}: seed_scale {' '.join(sizes)}")
    subprocess.run([*manage, "seed_scale", *sizes], check=True, env=_env(database), cwd=ROOT)
    return time.perf_counter() - started


def _child(database: str, runs: int, only: list[str] | None) -> dict[str, Any]:
    command = [sys.executable, "-m", "bench.suite", "--child", "--runs", str(runs)]
    if only:
        command += ["--only", ",".join(only)]
    output = subprocess.run(
        command, check=True, capture_output=True, text=True, env=_env(database), cwd=ROOT
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def documents(runs: int, *, reuse: bool) -> dict[str, Any] | None:
    command = [sys.executable, "-m", "bench.documents", "--runs", str(runs), "--json"]
    if reuse and _is_documents_filled():
        command.append("--reuse")
    env = {**_env(DOCUMENTS_DB), "BENCH_DATABASE_URL": f"{SERVER}/{DOCUMENTS_DB}"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT)
    if done.returncode != 0:
        print(f"bench.documents failed:\n{done.stderr[-2000:]}")
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def _is_documents_filled() -> bool:
    return bool(_admin("SELECT 1 FROM pg_database WHERE datname = %s", DOCUMENTS_DB))


def machine() -> dict[str, Any]:
    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout.strip()
    return {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "postgresql": _admin("SHOW server_version")[0][0],
        "python": platform.python_version(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "git_commit": commit + ("+changes" if dirty else ""),
    }


def previous_result() -> tuple[str, dict] | None:
    """The newest result file (by name: ``<date>``, then ``<date>-2``, …)."""
    found = sorted(RESULTS.glob("*.json"), key=lambda p: (p.stem[:10], len(p.stem), p.stem))
    if not found:
        return None
    return found[-1].stem, json.loads(found[-1].read_text())


def result_name(today: str) -> str:
    """``<date>``, or ``<date>-2``, ``-3``… when the suite has already run that day."""
    name, n = today, 1
    while (RESULTS / f"{name}.json").exists():
        n += 1
        name = f"{today}-{n}"
    return name


def compare(result: dict, previous: dict | None) -> None:
    """Mark each page: query counts that differ between the sizes, ratios over the aim, and
    regressions against the previous result (ratio up by a quarter, or more queries)."""
    before = (previous or {}).get("pages", {})
    for key, page in result["pages"].items():
        flags = []
        if page["queries_small"] != page["queries_full"]:
            flags.append(f"QUERIES DIFFER ({page['queries_small']} small)")
        if page["ratio"] > AIM:
            flags.append(f"over {AIM:g}×")
        old = before.get(key)
        if old:
            page["previous_ratio"] = old["ratio"]
            if page["ratio"] > old["ratio"] * REGRESSION:
                flags.append(f"REGRESSION (was {old['ratio']:g}×)")
            if page["queries_full"] > old["queries_full"]:
                flags.append(f"more queries (were {old['queries_full']})")
        page["flags"] = flags


def summary(result: dict) -> str:
    m = result["machine"]
    data = result["data"]
    lines = [
        f"# Benchmark suite, {result['date']}",
        "",
        f"{m['cores']} cores ({m['cpu']}), PostgreSQL {m['postgresql']}, load average "
        f"{' / '.join(str(x) for x in m['load_average'])} at the end, commit {m['git_commit']}. "
        f"Full size: {', '.join(f'{v:,} {k}' for k, v in result['sizes']['full'].items())}; "
        f"small: each ÷ {result['sizes']['divide']}. Pages of municipality {data['municipality']}"
        f" ({data['volunteers_there']:,} volunteers, {data['published_activities_there']:,} "
        f"published activities; {data['applications_in_round']:,} applications in the round). "
        f"{result['runs']} requests per page; the floor (the accessibility statement, logged "
        f"in) took {result['floor_ms']} ms (p50) in the full run.",
        "",
        "| page | × floor (p50) | × floor (p95) | p50 ms | p95 ms | queries small | queries "
        "full | flags |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for page in result["pages"].values():
        lines.append(
            f"| {page['label']} | {page['ratio']:.1f} | {page['ratio_p95']:.1f} | "
            f"{page['p50_ms']:.1f} | {page['p95_ms']:.1f} | {page['queries_small']} | "
            f"{page['queries_full']} | {'; '.join(page['flags'])} |"
        )
    docs = result.get("documents")
    if docs:
        lines += [
            "",
            f"Printed routine binder ({docs['pages']} pages): typeset {docs['binder_s']:.2f} s "
            f"against {docs['floor_s']:.2f} s for as many plain pages = {docs['ratio']:.2f}× "
            f"(CPU {docs['cpu_ratio']:.2f}×), peak {docs['binder_mib']:.0f} MiB; composing "
            f"{docs['compose_ms']:.0f} ms.",
        ]
    if result.get("previous"):
        lines += ["", f"Compared with {result['previous']}."]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reuse", action="store_true", help="keep databases already filled")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--small", type=int, default=100, help="the small size: full ÷ this")
    parser.add_argument("--documents-runs", type=int, default=1, help="0: leave out the PDFs")
    parser.add_argument("--only", help="comma-separated page keys (default: all)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    only = args.only.split(",") if args.only else None
    if args.child:
        import django

        django.setup()
        print(json.dumps(measure(args.runs, only)))
        return
    filled = {
        "small": fill(SMALL_DB, args.small, reuse=args.reuse),
        "full": fill(FULL_DB, 1, reuse=args.reuse),
    }
    print("measuring the small database …")
    small = _child(SMALL_DB, max(3, args.runs // 3), only)
    print("measuring the full database …")
    full = _child(FULL_DB, args.runs, only)
    pages = {}
    for key, page in full["pages"].items():
        pages[key] = {**page, "queries_full": page.pop("queries")}
        pages[key]["queries_small"] = small["pages"][key]["queries"]
        pages[key]["ratio_small"] = small["pages"][key]["ratio"]
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    result: dict[str, Any] = {
        "date": today,
        "runs": args.runs,
        "sizes": {"full": SIZES, "divide": args.small},
        "fill_s": {k: v and round(v) for k, v in filled.items()},
        "floor_ms": full["floor_ms"],
        "floor_ms_small": small["floor_ms"],
        "data": full["data"],
        "pages": pages,
    }
    if args.documents_runs:
        print("rendering the printed documents …")
        result["documents"] = documents(args.documents_runs, reuse=args.reuse)
    result["machine"] = machine()
    RESULTS.mkdir(exist_ok=True)
    previous = previous_result()
    result["previous"] = previous and previous[0]
    compare(result, previous and previous[1])
    name = result_name(today)
    (RESULTS / f"{name}.json").write_text(json.dumps(result, indent=1, ensure_ascii=False))
    text = summary(result)
    (RESULTS / f"{name}.md").write_text(text)
    print(text)
    print(f"written: bench/results/{name}.json and .md")


if __name__ == "__main__":
    main()
