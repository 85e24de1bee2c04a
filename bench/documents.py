"""The printed routine binder at about 100 pages: how long typesetting takes against
WeasyPrint's own floor (the same number of plain text pages through the same ``typeset``, with
the same fonts, running header and footer, PDF/UA), and the peak memory of each.

Each render runs in its own process, so that its peak memory (``ru_maxrss``) is its own; the
binder and the floor take turns, in the same run, so that a busy machine slows both alike.

Last, the time to the first byte of the request that asks for the binder (the work is in the
worker: the request only records the job) against a trivial page and the printed documents
page, through the whole Django stack, in the same run.

Run: .venv/bin/python -m bench.documents [--reuse] [--routines N] [--runs N] [--json]
(its own database, ``samspill_bench_scale_documents``; ``bench.suite`` runs it with
``--runs 1 --json``)
"""

from __future__ import annotations

import argparse
import datetime
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import time

from bench.db import recreate_database, setup_django

LOM = "3434"

ROUTINES = 130  # with the appendices, about 100 pages
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/samspill_bench_scale_documents"
PLAIN_PARAGRAPH = (
    "Frivillige i Lom hjelper eldre med skyss til fredagstreffet, besøk i heimen og turar i "
    "nærmiljøet. Koordinatoren held oversikt over kven som gjer kva, og frivilligkontakten på "
    "sjukeheimen følgjer opp dei frivillige der. "
)


def fill(routines: int) -> None:
    """Lom with ``routines`` approved routines (the starter texts in nynorsk, spread over the
    8 steps), 12 units with volunteer contacts, 30 partners, a declaration and the map."""
    from django.core.management import call_command
    from django.utils import timezone

    from coordination.models import (
        Membership,
        Municipality,
        Role,
        Routine,
        RoutineVersion,
        Unit,
        User,
    )
    from coordination.partners.models import PartnerContact, PartnerOrganisation
    from coordination.responsibility.services import map_for
    from coordination.routines.starters import STARTER_ROUTINES
    from coordination.units.models import UnitContact
    from volunteers.models import DeclarationText
    from volunteers.profile.services import starter_declaration_text

    call_command("migrate", verbosity=0)
    lom = Municipality.objects.get(pk=LOM)
    coordinator = User.objects.create(
        email="bench.koordinator@samspill.example", full_name="Ingrid Bakken", phone="61219900"
    )
    Membership.objects.create(user=coordinator, municipality=lom, role=Role.COORDINATOR)
    now, today = timezone.now(), timezone.localdate()
    for number in range(routines):
        starter = STARTER_ROUTINES[number % len(STARTER_ROUTINES)]
        title, body = starter.text("nn")
        title = f"{title} ({number + 1})"
        routine = Routine.objects.create(
            municipality=lom, title=title, step=number % 8 + 1, topic=starter.topic,
            owner=coordinator, status=Routine.Status.APPROVED, version_number=1,
            approved_by=coordinator, approved_at=now,
            next_review=today + datetime.timedelta(days=30 + number),
        )  # fmt: skip
        version = RoutineVersion.objects.create(
            routine=routine, number=1, title=title, body=body, changed_by=coordinator
        )
        Routine.objects.filter(pk=routine.pk).update(approved_version=version)
    for number in range(12):
        unit = Unit.objects.create(
            municipality=lom, name=f"Verksemd {number + 1:02}", kind="nursing_home",
            address=f"Lomsvegen {number + 1}", phone="61 21 30 00", leader_name="Eli Vole",
        )  # fmt: skip
        contact = User.objects.create(
            email=f"kontakt{number}@bench.example", full_name=f"Kontakt {number}", phone="91234567"
        )
        membership = Membership.objects.create(
            user=contact, municipality=lom, role=Role.VOLUNTEER_CONTACT
        )
        UnitContact.objects.create(unit=unit, membership=membership)
    for number in range(30):
        partner = PartnerOrganisation.objects.create(
            name=f"Lag og foreining {number + 1:02}", kind="association", phone="61 21 10 50"
        )
        partner.municipalities.add(lom)
        PartnerContact.objects.create(
            organisation=partner, municipality=lom, name=f"Leiar {number}", role="Leiar",
            phone="917 44 120", email=f"lag{number}@bench.example",
        )  # fmt: skip
    DeclarationText.objects.create(
        municipality=lom, version=1, body=starter_declaration_text("nn"), published_by=coordinator
    )
    map_for(lom)


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def child(kind: str, paragraphs: int) -> dict:
    """One render in this process: the binder, or ``paragraphs`` plain paragraphs."""
    from django.utils.html import escape
    from pypdf import PdfReader

    from coordination.kernel.documents import Composed, typeset
    from coordination.models import Municipality
    from coordination.routines.exports import compose_binder

    started = time.perf_counter()
    if kind == "binder":
        composed = compose_binder(Municipality.objects.get(pk=LOM), "nn")
    else:
        # About 8 such paragraphs fill an A4 page in document.css's 11 pt type.
        body = "".join(f"<p>{escape(PLAIN_PARAGRAPH * 2)}</p>" for _ in range(paragraphs))
        html = (
            '<!DOCTYPE html><html lang="nn"><head><meta charset="utf-8"><title>Plain</title>'
            '<link rel="stylesheet" href="/static/print/document.css"></head>'
            f"<body>{body}</body></html>"
        )
        composed = Composed(title="Plain", language="nn", html=html, header="Lom")
    composed_at, cpu = time.perf_counter(), time.process_time()
    pdf = typeset(composed)
    done = time.perf_counter()
    return {
        "compose_s": composed_at - started,
        "typeset_s": done - composed_at,
        "typeset_cpu_s": time.process_time() - cpu,
        "pages": len(PdfReader(io.BytesIO(pdf)).pages),
        "peak_mib": _peak_mib(),
    }


def request_timings(runs: int) -> dict:
    """Median milliseconds of a trivial page, the printed documents page and the request that
    asks for the binder (a job queued on a broker nobody consumes: nothing is typeset)."""
    from django.test import Client

    from coordination.celery import app
    from coordination.models import User
    from coordination.printing.models import PrintJob

    app.conf.task_always_eager = False  # queue the job (memory broker), do not run it here
    client = Client()
    client.force_login(User.objects.get(email="bench.koordinator@samspill.example"))
    documents = f"/coordination/{LOM}/documents/"
    cases = {
        "trivial page (accessibility statement)": lambda: client.get("/accessibility/"),
        "printed documents page": lambda: client.get(documents),
        "ask for the binder (htmx)": lambda: client.post(
            documents + "binder/print/", {"language": "nn"}, HTTP_HX_REQUEST="true"
        ),
    }
    found = {}
    for label, ask in cases.items():
        ask()  # warm
        timings = []
        for _ in range(runs):
            PrintJob.objects.all().delete()  # each request makes a new job
            started = time.perf_counter()
            response = ask()
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (label, response.status_code)
        found[label] = statistics.median(timings)
    return found


def run_child(url: str, kind: str, paragraphs: int = 0) -> dict:
    command = [sys.executable, "-m", "bench.documents", "--child", kind]
    command += ["--paragraphs", str(paragraphs)]
    output = subprocess.run(
        command, check=True, capture_output=True, text=True, env={**os.environ, "BENCH_URL": url}
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reuse", action="store_true", help="keep the data of the last run")
    parser.add_argument("--routines", type=int, default=ROUTINES)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="last line: the figures as JSON")
    parser.add_argument("--child", choices=["binder", "plain", "requests"], help=argparse.SUPPRESS)
    parser.add_argument("--paragraphs", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    url = os.environ.get("BENCH_URL") or os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    if args.child:
        setup_django(url)
        if args.child == "requests":
            print(json.dumps(request_timings(runs=20)))
        else:
            print(json.dumps(child(args.child, args.paragraphs)))
        return
    if not args.reuse:
        recreate_database(url)
        setup_django(url)
        started = time.perf_counter()
        fill(args.routines)
        print(f"filled {args.routines} routines in {time.perf_counter() - started:.0f} s")
    pages = run_child(url, "binder")["pages"]  # a warm-up, and the pages to match
    paragraphs = pages * 8
    for _ in range(3):  # as many plain paragraphs as fill the same number of pages
        found = run_child(url, "plain", paragraphs)["pages"]
        if found == pages:
            break
        paragraphs = round(paragraphs * pages / found)
    binders, plains = [], []
    for _ in range(args.runs):
        binders.append(run_child(url, "binder"))
        plains.append(run_child(url, "plain", paragraphs))
    print(f"binder: {pages} pages; plain floor: {plains[0]['pages']} pages")
    b = statistics.median(run["typeset_s"] for run in binders)
    p = statistics.median(run["typeset_s"] for run in plains)
    b_cpu = statistics.median(run["typeset_cpu_s"] for run in binders)
    p_cpu = statistics.median(run["typeset_cpu_s"] for run in plains)
    compose = statistics.median(run["compose_s"] for run in binders)
    b_mem = max(run["peak_mib"] for run in binders)
    p_mem = max(run["peak_mib"] for run in plains)
    print(f"{'render':20} {'pages':>6} {'typeset s (p50)':>16} {'CPU s (p50)':>12} {'peak MiB':>9}")
    print(f"{'routine binder':20} {pages:6d} {b:16.2f} {b_cpu:12.2f} {b_mem:9.0f}")
    floor = plains[0]["pages"]
    print(f"{'plain text (floor)':20} {floor:6d} {p:16.2f} {p_cpu:12.2f} {p_mem:9.0f}")
    print(f"binder / floor: {b / p:.2f}x (CPU {b_cpu / p_cpu:.2f}x)")
    print(f"composing the binder (queries, templates): {compose * 1000:.0f} ms")
    timings = run_child(url, "requests")
    trivial = timings["trivial page (accessibility statement)"]
    print(f"{'request':40} {'p50 ms':>8} {'x trivial':>10}")
    for label, ms in timings.items():
        print(f"{label:40} {ms:8.1f} {ms / trivial:10.2f}")
    if args.json:  # for bench.suite
        figures = {
            "pages": pages, "binder_s": b, "floor_s": p, "ratio": b / p, "cpu_ratio": b_cpu / p_cpu,
            "binder_mib": b_mem, "floor_mib": p_mem, "compose_ms": compose * 1000,
            "requests_ms": timings,
        }  # fmt: skip
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
