"""A short Redis outage: committed work never depends on the broker answering in the request
(the outbox), stuck or failed jobs can be started again, and a cache that does not answer is a
clear 503 page within a second instead of a server error.

The outage is simulated with an address nothing listens on (redis://127.0.0.1:1/0): the
machine's own Redis, which other tests use, is never stopped."""

import os
import re
import time
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.contrib.messages import get_messages
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.db.models import F
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from kombu import pools
from redis.exceptions import ConnectionError as RedisConnectionError

from coordination.celery import app as celery_app
from coordination.kernel import files, outbox
from coordination.kernel.middleware import server_error
from coordination.kernel.models import GeneratedFile, Membership, PendingTask, Role
from coordination.kernel.tasks import notify_role_added
from tests.factories import (
    PASSWORD,
    InvitationFactory,
    MembershipFactory,
    NeedFactory,
    UserFactory,
    VolunteerFactory,
)
from tests.volunteers.importing.test_import import GOOD, csv_file
from volunteers.importing import rows as importing_checks
from volunteers.importing import services as importing
from volunteers.models import Assignment, Volunteer
from volunteers.needs.tasks import notify_need_reported

pytestmark = pytest.mark.django_db

UNREACHABLE = "redis://127.0.0.1:1/0"
ROOT = Path(__file__).resolve().parents[3]
FILES = reverse("coordination:file_list", args=["3434"])


def _forget_broker_connections() -> None:
    """Publish through new connections to the broker now configured."""
    pools.reset()  # kombu's shared producer pools, keyed by connection
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@contextmanager
def broker_unreachable():
    """Tasks are really published (not run in-process) to a broker that does not answer."""
    before = (celery_app.conf.broker_url, celery_app.conf.task_always_eager)
    environment = os.environ.get("CELERY_BROKER_URL")  # Celery prefers it to its settings
    os.environ["CELERY_BROKER_URL"] = UNREACHABLE
    celery_app.conf.broker_url = UNREACHABLE
    celery_app.conf.task_always_eager = False
    _forget_broker_connections()
    try:
        yield
    finally:
        if environment is None:
            del os.environ["CELERY_BROKER_URL"]
        else:
            os.environ["CELERY_BROKER_URL"] = environment
        celery_app.conf.broker_url, celery_app.conf.task_always_eager = before
        _forget_broker_connections()


def _age(rows, **delta) -> None:
    """As if the rows had been written that long ago."""
    rows.update(created_at=F("created_at") - timedelta(**delta))


# --- the outbox -----------------------------------------------------------------------------


def test_a_role_given_while_the_broker_is_down_is_saved_and_emailed_once_it_is_back(
    client_of, coordinator_lom, django_capture_on_commit_callbacks
):
    person = UserFactory(full_name="Per Haugen")
    with broker_unreachable(), django_capture_on_commit_callbacks(execute=True):
        started = time.monotonic()
        response = client_of(coordinator_lom).post(
            reverse("coordination:membership_add", args=["3434"]),
            {"email": person.email, "role": Role.VOLUNTEER_CONTACT},
        )
        assert time.monotonic() - started < 2  # never holds the request for long
    assert response.status_code == 302  # saved, and a normal page: no 500 after the commit
    assert Membership.objects.filter(user=person, role=Role.VOLUNTEER_CONTACT).exists()
    assert mail.outbox == []
    waiting = PendingTask.objects.get()
    assert waiting.task == "coordination.kernel.tasks.notify_role_added"
    assert (waiting.sent_at, waiting.done_at, waiting.attempts) == (None, None, 1)
    assert "127.0.0.1:1" in waiting.last_error

    # The broker is back: the periodic drain sends it, and the email goes out once.
    assert outbox.drain_outbox() == 0  # too fresh: the commit's own publish may still be on
    _age(PendingTask.objects.all(), minutes=1)
    assert outbox.drain_outbox() == 1
    assert [m.to for m in mail.outbox] == [[person.email]]
    waiting.refresh_from_db()
    assert waiting.done_at is not None and waiting.sent_at is not None
    assert outbox.drain_outbox() == 0
    assert len(mail.outbox) == 1


def test_accepting_an_invitation_while_the_broker_is_down_is_saved_and_the_answer_sent_later(
    client_of, volunteer, coordinator_lom, django_capture_on_commit_callbacks
):
    invitation = InvitationFactory(
        need=NeedFactory(), volunteer=VolunteerFactory(user=volunteer), invited_by=coordinator_lom
    )
    with broker_unreachable(), django_capture_on_commit_callbacks(execute=True):
        response = client_of(volunteer).post(
            reverse("volunteers:invitation", args=[invitation.pk]), {"answer": "accept"}
        )
    assert response.status_code == 302
    assert Assignment.objects.filter(volunteer__user=volunteer).exists()
    assert mail.outbox == []
    _age(PendingTask.objects.all(), minutes=1)
    assert outbox.drain_outbox() == 1
    assert [m.to for m in mail.outbox] == [[coordinator_lom.email]]


def test_a_change_rolled_back_leaves_nothing_to_send(coordinator_lom):
    need = NeedFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        outbox.send(notify_need_reported, need=need.pk)
        raise RuntimeError
    assert not PendingTask.objects.exists()


def test_a_row_published_twice_runs_once(coordinator_lom, django_capture_on_commit_callbacks):
    need = NeedFactory()
    with django_capture_on_commit_callbacks(execute=True):
        row = outbox.send(notify_need_reported, need=need.pk)
    assert len(mail.outbox) == 1
    assert outbox.publish(row.pk) is False  # done already: not even sent again
    outbox.deliver(pending=row.pk)  # a duplicate delivery from the queue does nothing
    assert len(mail.outbox) == 1


def test_publishing_after_the_commit_writes_the_outcome_once_and_reads_nothing(
    coordinator_lom, django_capture_on_commit_callbacks
):
    """``send`` knows the task it wrote and that the row is not done yet: the publish after
    the commit counts the attempt in the one write of its outcome."""
    need = NeedFactory()
    with (
        broker_unreachable(),
        CaptureQueriesContext(connection) as queries,
        django_capture_on_commit_callbacks(execute=True),
    ):
        row = outbox.send(notify_need_reported, need=need.pk)
    row.refresh_from_db()
    assert row.attempts == 1 and "127.0.0.1:1" in row.last_error  # tried, with its own options
    on_the_row = [q["sql"] for q in queries if "coordination_pendingtask" in q["sql"]]
    assert [sql.split()[0] for sql in on_the_row] == ["INSERT", "UPDATE"]


def test_a_refused_job_is_final_and_not_sent_again(coordinator_drammen, volunteer_contact_lom):
    lom_role = Membership.objects.get(user=volunteer_contact_lom)
    row = PendingTask.objects.create(
        task=notify_role_added.name,
        kwargs={
            "requested_by": coordinator_drammen.pk,
            "municipality": "3434",
            "membership": lom_role.pk,
        },
    )
    with pytest.raises(PermissionDenied):
        outbox.deliver(pending=row.pk)
    row.refresh_from_db()
    assert row.done_at is not None and row.last_error.startswith("refused")
    _age(PendingTask.objects.all(), hours=2)
    assert not outbox.due().exists()
    assert mail.outbox == []


def test_a_job_sent_but_lost_by_the_queue_is_sent_again_a_few_times_only(coordinator_lom):
    need = NeedFactory()
    row = PendingTask.objects.create(task=notify_need_reported.name, kwargs={"need": need.pk})
    PendingTask.objects.filter(pk=row.pk).update(
        sent_at=F("created_at") - outbox.RESEND_AFTER - timedelta(minutes=1), attempts=1
    )
    assert list(outbox.due()) == [row]
    PendingTask.objects.filter(pk=row.pk).update(attempts=outbox.MAX_ATTEMPTS)
    assert not outbox.due().exists()


def test_a_worker_that_starts_sends_what_waited(coordinator_lom):
    need = NeedFactory()
    PendingTask.objects.create(task=notify_need_reported.name, kwargs={"need": need.pk})
    _age(PendingTask.objects.all(), minutes=5)
    outbox._drain_when_a_worker_starts()
    assert [m.to for m in mail.outbox] == [[coordinator_lom.email]]
    assert PendingTask.objects.get().done_at is not None


def test_the_drain_runs_every_minute():
    entry = settings.CELERY_BEAT_SCHEDULE["drain-outbox"]
    assert entry["task"] == outbox.drain_outbox.name and entry["schedule"] <= 60


def test_nothing_in_the_apps_sends_a_task_around_the_outbox():
    """Every task a change asks for goes through ``outbox.send`` (jobs.enqueue uses it)."""
    direct = re.compile(r"\.delay\(|\.apply_async\(|on_commit\([^)]*\.(delay|apply_async)")
    found = []
    for app in ("coordination", "volunteers", "activities", "grants"):
        for path in (ROOT / app).rglob("*.py"):
            if path.name == "outbox.py" or "migrations" in path.parts:
                continue
            for number, line in enumerate(path.read_text().splitlines(), start=1):
                if direct.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []


def test_tasks_are_acknowledged_late_and_rerun_when_their_worker_dies():
    """A killed worker process: the task reruns at once (both settings); a whole worker killed:
    after the visibility timeout, which is above the hard time limit."""
    assert celery_app.conf.task_acks_late is True
    assert celery_app.conf.task_reject_on_worker_lost is True
    options = celery_app.conf.broker_transport_options
    assert options["visibility_timeout"] > celery_app.conf.task_time_limit
    assert options["socket_connect_timeout"] <= 2
    assert files.STUCK_AFTER.total_seconds() > celery_app.conf.task_time_limit


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_runs_a_row_published_twice_once(coordinator_lom):
    if settings.CELERY_TASK_ALWAYS_EAGER:
        pytest.skip("needs a broker: set CELERY_BROKER_URL (CI does)")
    need = NeedFactory()
    celery_app.control.purge()
    with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        with transaction.atomic():
            row = outbox.send(notify_need_reported, need=need.pk)
        for _ in range(100):
            row.refresh_from_db()
            if row.done_at:
                break
            time.sleep(0.1)
        assert row.done_at is not None and row.sent_at is not None
        outbox.deliver.apply_async(kwargs={"pending": row.pk}).get(timeout=20)
    assert [m.to for m in mail.outbox] == [[coordinator_lom.email]]


# --- jobs that can be started again ---------------------------------------------------------


def _buttons(client) -> int:
    return client.get(FILES).content.decode().count("Start på nytt")


def _start_again(client, record):
    return client.post(reverse("coordination:file_start_again", args=["3434", record.pk]))


def _said(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_an_export_stuck_by_an_outage_can_be_started_again_and_makes_one_file(
    client_of, coordinator_lom, django_capture_on_commit_callbacks
):
    VolunteerFactory(user=UserFactory(full_name="Nils Brimi"))
    client = client_of(coordinator_lom)
    with broker_unreachable(), django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("volunteers:registry_export", args=["3434"]), {})
    record = GeneratedFile.objects.get()
    assert (
        record.status == "pending" and record.task == "volunteers.registry.tasks.export_volunteers"
    )
    assert _buttons(client) == 0  # not stuck yet: it may only be slow
    refused = _start_again(client, record)
    assert _said(refused) == [
        "Denne jobben blir fortsatt laget. Vent litt, og last inn siden på nytt."
    ]
    assert PendingTask.objects.count() == 1

    GeneratedFile.objects.update(queued_at=F("queued_at") - files.STUCK_AFTER)
    page = client.get(FILES).content.decode()
    assert "Dette tar mye lenger tid enn det skal" in page and _buttons(client) == 1
    with django_capture_on_commit_callbacks(execute=True):
        response = _start_again(client, record)
    assert response.url == FILES
    record.refresh_from_db()
    assert (record.status, record.rows) == ("done", 1)
    made = record.file.name
    # The job the outage held back arrives after all: the same record, no second file.
    _age(PendingTask.objects.all(), minutes=1)
    outbox.drain_outbox()
    record.refresh_from_db()
    assert record.file.name == made and GeneratedFile.objects.count() == 1
    again = _start_again(client, record)
    assert _said(again)[-1] == "Denne filen er klar allerede."
    assert _buttons(client) == 0


def test_an_import_confirmed_during_an_outage_is_started_again_not_stuck_for_good(
    client_of, coordinator_lom, django_capture_on_commit_callbacks
):
    client = client_of(coordinator_lom)
    client.post(reverse("volunteers:volunteer_import", args=["3434"]), {"file": csv_file(GOOD)})
    record = GeneratedFile.objects.get()
    confirm = reverse("volunteers:volunteer_import_confirm", args=["3434"])
    with broker_unreachable(), django_capture_on_commit_callbacks(execute=True):
        assert client.post(confirm, {"upload": record.pk}).status_code == 302
    assert not Volunteer.objects.exists()
    GeneratedFile.objects.update(queued_at=F("queued_at") - files.STUCK_AFTER)
    assert _buttons(client) == 1
    with django_capture_on_commit_callbacks(execute=True):
        _start_again(client, record)
    record.refresh_from_db()
    assert (record.status, record.rows, Volunteer.objects.count()) == ("done", 3, 3)
    _age(PendingTask.objects.all(), minutes=1)
    outbox.drain_outbox()  # the held-back job: imports nothing twice
    assert Volunteer.objects.count() == 3


def test_an_import_that_failed_can_be_confirmed_again(
    client_of, coordinator_lom, django_capture_on_commit_callbacks, monkeypatch
):
    client = client_of(coordinator_lom)
    client.post(reverse("volunteers:volunteer_import", args=["3434"]), {"file": csv_file(GOOD)})
    record = GeneratedFile.objects.get()
    check = importing_checks.check
    monkeypatch.setattr(
        importing.importing, "check", lambda *a: (_ for _ in ()).throw(OSError("disk"))
    )
    confirm = reverse("volunteers:volunteer_import_confirm", args=["3434"])
    with pytest.raises(OSError), django_capture_on_commit_callbacks(execute=True):
        client.post(confirm, {"upload": record.pk})
    record.refresh_from_db()
    assert record.status == "failed" and record.file
    page = client.get(FILES).content.decode()
    assert "Det virket ikke. Du kan starte den på nytt." in page
    monkeypatch.setattr(importing.importing, "check", check)
    with django_capture_on_commit_callbacks(execute=True):
        _start_again(client, record)
    record.refresh_from_db()
    assert (record.status, Volunteer.objects.count()) == ("done", 3)


def test_only_the_person_who_asked_starts_a_job_again(
    client_of, coordinator_lom, django_capture_on_commit_callbacks
):
    record = GeneratedFile.objects.create(
        municipality_id="3434",
        requested_by=coordinator_lom,
        action="export_volunteers",
        task="volunteers.registry.tasks.export_volunteers",
        title="Frivillige i Lom",
        status=GeneratedFile.Status.FAILED,
    )
    colleague = MembershipFactory(role=Role.COORDINATOR).user
    assert _start_again(client_of(colleague), record).status_code == 404
    Membership.objects.filter(user=coordinator_lom).delete()  # lost the role meanwhile
    assert _start_again(client_of(coordinator_lom), record).status_code == 404
    record.refresh_from_db()
    assert record.status == "failed" and not PendingTask.objects.exists()


# --- a cache that does not answer -----------------------------------------------------------


@pytest.fixture
def cache_down(settings):
    settings.CACHES = {
        "default": {
            **settings.CACHES["default"],
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": UNREACHABLE,
            "OPTIONS": _redis_options(),
        }
    }
    # The settings fixture puts CACHES back afterwards (and Django resets the caches).


def _redis_options() -> dict:
    """The options the settings give a Redis cache (CACHE_URL=redis://…)."""
    import subprocess
    import sys

    script = (
        "import os, django; os.environ['DJANGO_SETTINGS_MODULE']='coordination.settings';"
        "from django.conf import settings;"
        "o = settings.CACHES['default']['OPTIONS'];"
        "print(o['socket_connect_timeout'], o['socket_timeout'], o['retry']._retries)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={"PATH": "", "CACHE_URL": UNREACHABLE, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    connect, read, retries = result.stdout.split()
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    return {
        "socket_connect_timeout": float(connect),
        "socket_timeout": float(read),
        "retry": Retry(NoBackoff(), int(retries)),
    }


def test_a_redis_cache_gets_short_timeouts_and_no_retries():
    options = _redis_options()
    assert options["socket_connect_timeout"] <= 1 and options["socket_timeout"] <= 1
    assert options["retry"]._retries == 0


def test_logging_in_while_the_cache_is_down_is_a_clear_page_within_a_second(
    coordinator_lom, cache_down
):
    with pytest.raises(RedisConnectionError):
        cache.get("anything")
    started = time.monotonic()
    response = Client().post(
        reverse("account_login"), {"login": coordinator_lom.email, "password": PASSWORD}
    )
    assert time.monotonic() - started < 2
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    html = response.content.decode()
    assert "Portalen har et problem akkurat nå" in html
    assert "Vent et minutt, og prøv igjen." in html
    assert "The portal has a problem right now" in html
    assert "no-store" in response["Cache-Control"]


def test_a_cache_outage_outside_a_view_is_the_same_page():
    request = RequestFactory().get("/")
    try:
        raise RedisConnectionError("Error 111 connecting to 127.0.0.1:1.")
    except RedisConnectionError:
        response = server_error(request)
    assert response.status_code == 503
    try:
        raise ValueError("something else")
    except ValueError:
        assert server_error(request).status_code == 500


def test_the_records_of_tasks_that_ran_are_deleted_after_30_days_and_waiting_ones_kept():
    from coordination.kernel import retention

    old = timezone.now() - timedelta(days=retention.PENDING_TASK_DAYS + 1)
    ran = PendingTask.objects.create(task="x.y", created_at=old, done_at=old)
    waiting = PendingTask.objects.create(task="x.y", created_at=old)
    recent = PendingTask.objects.create(task="x.y", done_at=timezone.now())
    retention.apply_rules()
    assert set(PendingTask.objects.all()) == {waiting, recent}
    assert ran.pk not in PendingTask.objects.values_list("pk", flat=True)


def test_a_real_redis_cache_answers_with_the_short_timeouts():
    """Where CI has Redis (CACHE_URL=redis://…), the short timeouts do not get in the way."""
    if not settings.CACHES["default"]["BACKEND"].endswith("RedisCache"):
        pytest.skip("needs a Redis cache: set CACHE_URL (CI does)")
    options = settings.CACHES["default"]["OPTIONS"]
    assert options["socket_connect_timeout"] <= 1 and options["socket_timeout"] <= 1
    cache.set("resilience-probe", "ja", 5)
    assert cache.get("resilience-probe") == "ja"


def test_the_drain_stops_at_once_while_the_broker_is_still_away(coordinator_lom):
    need = NeedFactory()
    for _ in range(3):
        PendingTask.objects.create(task=notify_need_reported.name, kwargs={"need": need.pk})
    _age(PendingTask.objects.all(), minutes=1)
    with broker_unreachable():
        started = time.monotonic()
        assert outbox.drain_outbox() == 0
        assert time.monotonic() - started < 2
    assert list(PendingTask.objects.values_list("attempts", flat=True)) == [1, 0, 0]
    assert outbox.drain_outbox() == 3  # back: all of them, each once
    assert len(mail.outbox) == 3 and not outbox.due().exists()
