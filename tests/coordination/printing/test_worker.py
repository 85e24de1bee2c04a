"""A worker that dies in the middle of a render loses nothing (issue 14): a real Celery worker
on Redis, its pool process killed (SIGKILL, as the kernel's out-of-memory killer would) while it
typesets; the job is delivered again and ends with exactly one document, and no half-written
file is left. Needs a broker (CI sets CELERY_BROKER_URL); skipped in the eager default."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection, transaction

from coordination.celery import app as celery_app
from coordination.printing import services
from coordination.printing.models import PrintedDocument, PrintJob
from coordination.responsibility.models import ResponsibilityTask
from coordination.responsibility.services import map_for

ROOT = Path(__file__).resolve().parents[3]
LOM = "3434"
SLOW_TASKS = 400  # a map this long takes seconds to typeset: time to kill the worker mid-way


def _database_url() -> str:
    """The test database, as the worker process reaches it."""
    db = connection.settings_dict
    host = db["HOST"] or "127.0.0.1"
    return f"postgres://{db['USER']}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


def _start_worker(media_root: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "MEDIA_ROOT": str(media_root),
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
    }
    command = [sys.executable, "-m", "celery", "-A", "coordination", "worker"]
    options = ["--queues", "documents", "--concurrency", "1", "--pool", "prefork"]
    quiet = ["--without-gossip", "--without-mingle", "--without-heartbeat", "--loglevel", "INFO"]
    return subprocess.Popen(
        [*command, *options, *quiet, "--hostname", f"documents-test-{os.getpid()}@%h"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        # WORKER_LOG=/tmp/worker.log keeps the worker's log to see why a run failed
        stderr=open(os.environ.get("WORKER_LOG", os.devnull), "w"),  # noqa: SIM115
    )


def _pool_processes(worker: subprocess.Popen) -> list[int]:
    children = Path(f"/proc/{worker.pid}/task/{worker.pid}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def _wait_for(condition, *, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if found := condition():
            return found
        time.sleep(0.05)
    raise AssertionError(f"waited {seconds} s for {what}")


def _purge_documents_queue() -> None:
    with celery_app.connection_for_write() as conn:
        conn.default_channel.queue_declare("documents", passive=False, durable=True)
        conn.default_channel.queue_purge("documents")


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_render_ends_with_exactly_one_document(lom, coordinator_lom, settings):
    if settings.CELERY_TASK_ALWAYS_EAGER:
        pytest.skip("needs a broker: set CELERY_BROKER_URL (CI does)")
    map_ = map_for(lom)
    ResponsibilityTask.objects.bulk_create(
        ResponsibilityTask(map=map_, name=f"Oppgåve {n}", position=100 + n)
        for n in range(SLOW_TASKS)
    )
    _purge_documents_queue()
    worker = _start_worker(Path(settings.MEDIA_ROOT))
    try:
        _wait_for(lambda: _pool_processes(worker), seconds=60, what="the worker's pool")
        with transaction.atomic():  # the job is sent when this commits
            job = services.request_print(
                municipality=lom, document="responsibility-map", language="nn", by=coordinator_lom
            )
        _wait_for(
            lambda: PrintJob.objects.filter(pk=job.pk, status="rendering").exists(),
            seconds=60,
            what="the render to start",
        )
        time.sleep(0.5)  # composed; now typesetting
        assert not PrintedDocument.objects.exists(), "the render finished before the kill"
        killed = _pool_processes(worker)
        for pid in killed:
            os.kill(pid, signal.SIGKILL)
        job = _wait_for(
            lambda: PrintJob.objects.filter(pk=job.pk, status__in=["done", "failed"]).first(),
            seconds=120,
            what="the job to end after the kill",
        )
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
    assert (job.status, job.attempts) == ("done", 2)
    assert PrintedDocument.objects.count() == 1
    kept = PrintedDocument.objects.get()
    assert job.result_id == kept.pk and kept.pages >= 5
    folder = Path(settings.MEDIA_ROOT) / "printed" / LOM
    assert [path.name for path in folder.iterdir()] == [Path(kept.file.name).name]
