"""The SMS channel against a provider on this machine (http.server in a thread, no internet):
a message is sent once, a provider that fails or does not answer loses nothing and is tried
again (also with a real Celery worker and broker, as in production), and a number that cannot
receive a text is refused before anything is stored."""

import json
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.test.utils import override_settings
from django.utils import timezone

from coordination.celery import app as celery_app
from coordination.kernel import sms
from coordination.kernel.models import PendingTask, SmsMessage
from coordination.kernel.tasks import resend_due_sms, send_sms_message
from tests.factories import UserFactory, municipality

pytestmark = pytest.mark.django_db


class Provider:
    """A provider's send endpoint: answers each request with the next status in ``answers``
    (the last one repeats), after ``delay`` seconds, and keeps what it received and what it
    answered (``status``)."""

    def __init__(self, answers=(200,), delay=0.0):
        self.answers, self.delay, self.received = list(answers), delay, []
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers["Content-Length"])
                answers = provider.answers
                status = answers.pop(0) if len(answers) > 1 else answers[0]
                provider.received.append(
                    {
                        "headers": dict(self.headers),
                        "body": json.loads(self.rfile.read(length)),
                        "status": status,
                    }
                )
                time.sleep(provider.delay)
                payload = json.dumps({"id": f"p-{len(provider.received)}"}).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (the time-out test)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/v1/sms"

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def _http(provider, timeout=2.0):
    return override_settings(
        SMS_BACKEND="http",
        SMS_HTTP_URL=provider.url,
        SMS_HTTP_TOKEN="secret-token",
        SMS_SENDER="Samspill",
        SMS_TIMEOUT_SECONDS=timeout,
    )


def _send(django_capture_on_commit_callbacks, **kwargs):
    with django_capture_on_commit_callbacks(execute=True):
        return sms.send_sms(municipality="3434", **kwargs)


def _wait(**delta):
    """As if that much time had passed for the messages."""
    SmsMessage.objects.update(
        next_attempt_at=F("next_attempt_at") - timedelta(**delta),
        created_at=F("created_at") - timedelta(**delta),
    )


def _resend(django_capture_on_commit_callbacks, **delta):
    _wait(**delta)
    with django_capture_on_commit_callbacks(execute=True):
        return sms.resend_due()


def test_a_message_is_posted_to_the_provider_with_the_token_and_sent_once(
    django_capture_on_commit_callbacks,
):
    person = UserFactory(phone="912 34 567")
    with Provider([200]) as provider, _http(provider):
        message = _send(django_capture_on_commit_callbacks, to=person, text="Hei! «Svar JA»")
    message.refresh_from_db()
    assert message.status == SmsMessage.Status.SENT and message.attempts == 1
    assert message.provider_id == "p-1" and message.sent_at is not None
    [request] = provider.received
    assert request["body"] == {
        "to": "+4791234567",
        "from": "Samspill",
        "text": "Hei! «Svar JA»",
        "reference": f"samspill-sms-{message.pk}",
    }
    assert request["headers"]["Authorization"] == "Bearer secret-token"
    assert request["headers"]["Idempotency-Key"] == f"samspill-sms-{message.pk}"
    # The task was delivered through the outbox, and a second delivery sends nothing.
    assert PendingTask.objects.get().done_at is not None
    assert sms.attempt(message.pk) == SmsMessage.Status.SENT
    assert len(provider.received) == 1


def test_a_provider_failing_then_recovering_gets_the_message_again_and_sends_it_once(
    django_capture_on_commit_callbacks,
):
    with Provider([500, 200]) as provider, _http(provider):
        message = _send(django_capture_on_commit_callbacks, to="91234567", text="Påminning")
        message.refresh_from_db()
        assert message.status == SmsMessage.Status.PENDING
        assert message.attempts == 1 and "500" in message.last_error
        # Not before its pause is over …
        assert _resend(django_capture_on_commit_callbacks, seconds=10) == 0
        # … then once, and never again.
        assert _resend(django_capture_on_commit_callbacks, minutes=2) == 1
        assert _resend(django_capture_on_commit_callbacks, hours=5) == 0
    message.refresh_from_db()
    assert message.status == SmsMessage.Status.SENT and message.attempts == 2
    assert message.last_error == ""
    assert [r["body"]["reference"] for r in provider.received] == [sms.reference_of(message)] * 2


def _until(condition, seconds=20.0):
    """Wait for the worker (in its own thread) to get there."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the worker did not get there in time"
        time.sleep(0.05)


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_sends_a_text_once_through_a_provider_that_fails_then_recovers():
    """The whole way in production: the change commits, the outbox publishes to the broker, a
    Celery worker runs ``send_sms_message`` against the provider (down: 500), the resend job
    (as beat starts it) sends it again once the pause is over, and a task delivered again
    sends nothing: the provider took the message once."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        pytest.skip("needs a broker: set CELERY_BROKER_URL (CI does)")
    celery_app.control.purge()

    def current():
        return SmsMessage.objects.get(pk=message.pk)

    with (
        Provider([500, 200]) as provider,
        _http(provider),
        start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10),
    ):
        with transaction.atomic():
            message = sms.send_sms(to="912 34 567", text="Påminning frå Lom", municipality="3434")
        _until(lambda: current().attempts == 1)
        failed = current()
        assert failed.status == SmsMessage.Status.PENDING and "500" in failed.last_error
        # Before the pause is over the resend job leaves it alone …
        assert resend_due_sms.delay().get(timeout=20) == 0
        # … then sends it again, through the outbox, and the provider has recovered.
        SmsMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())
        assert resend_due_sms.delay().get(timeout=20) == 1
        _until(lambda: current().status == SmsMessage.Status.SENT)
        # The broker delivers the task once more (an acknowledgement lost): nothing is sent.
        assert send_sms_message.delay(message=message.pk).get(timeout=20) == "sent"
        assert resend_due_sms.delay().get(timeout=20) == 0
        _until(lambda: not PendingTask.objects.filter(done_at=None).exists())
    sent = current()
    assert (sent.attempts, sent.last_error, sent.provider_id) == (2, "", "p-2")
    assert [r["status"] for r in provider.received] == [500, 200]
    assert [r["body"]["reference"] for r in provider.received] == [sms.reference_of(sent)] * 2
    assert PendingTask.objects.filter(task=sms.SEND_TASK).count() == 2


def test_a_provider_that_does_not_answer_in_time_is_a_failed_attempt_tried_again(
    django_capture_on_commit_callbacks,
):
    with Provider([200], delay=1.5) as provider, _http(provider, timeout=0.3):
        started = time.monotonic()
        message = _send(django_capture_on_commit_callbacks, to="+47 412 34 567", text="Hei")
        assert time.monotonic() - started < 1.4
    message.refresh_from_db()
    assert message.status == SmsMessage.Status.PENDING
    assert "no answer" in message.last_error and message.next_attempt_at > timezone.now()


def test_a_message_failing_every_time_is_given_up_and_announced(
    django_capture_on_commit_callbacks,
):
    given_up = []

    def note(sender, message, **kwargs):
        given_up.append(message.pk)

    sms.sms_given_up.connect(note)
    try:
        with Provider([503]) as provider, _http(provider):
            message = _send(django_capture_on_commit_callbacks, to="91234567", text="Hei")
            for _ in range(1, sms.MAX_ATTEMPTS + 3):
                _resend(django_capture_on_commit_callbacks, hours=3)
    finally:
        sms.sms_given_up.disconnect(note)
    message.refresh_from_db()
    assert message.status == SmsMessage.Status.FAILED
    assert message.attempts == sms.MAX_ATTEMPTS == len(provider.received)
    assert given_up == [message.pk]


def test_a_message_whose_task_the_queue_lost_is_sent_by_the_resend_job(
    django_capture_on_commit_callbacks,
):
    message = sms.send_sms(to="91234567", text="Hei", municipality="3434")  # never committed
    assert _resend(django_capture_on_commit_callbacks, seconds=30) == 0  # its task may still run
    assert _resend(django_capture_on_commit_callbacks, minutes=3) == 1
    message.refresh_from_db()
    assert message.status == SmsMessage.Status.SENT and message.attempts == 1


@pytest.mark.parametrize(
    ("written", "normalised"),
    [
        ("912 34 567", "+4791234567"),
        ("+47 912 34 567", "+4791234567"),
        ("0047 91234567", "+4791234567"),
        ("47-91-23-45-67", "+4791234567"),
        ("4741234567", "+4741234567"),
    ],
)
def test_norwegian_mobile_numbers_are_written_the_one_way(written, normalised):
    assert sms.normalise_mobile(written) == normalised


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("", "missing"),
        ("1234", "invalid"),
        ("91234x67", "invalid"),
        ("+46 70 123 45 67", "foreign"),
        ("61 21 12 34", "not_mobile"),
    ],
)
def test_a_number_that_cannot_receive_a_text_is_refused_and_nothing_stored(
    written, code, django_capture_on_commit_callbacks
):
    with pytest.raises(ValidationError) as refused:
        _send(django_capture_on_commit_callbacks, to=written, text="Hei")
    assert refused.value.code == code
    assert not SmsMessage.objects.exists() and not PendingTask.objects.exists()


def test_a_person_without_a_mobile_cannot_be_texted():
    assert not sms.can_receive_sms(UserFactory(phone=""))
    assert not sms.can_receive_sms(UserFactory(phone="61211234"))
    assert sms.can_receive_sms(UserFactory(phone="91234567"))


def test_the_console_backend_is_the_default_and_writes_the_message_to_the_log(
    django_capture_on_commit_callbacks, caplog
):
    assert settings.SMS_BACKEND == "console"
    with caplog.at_level("INFO", logger="coordination.kernel.sms"):
        message = _send(django_capture_on_commit_callbacks, to="91234567", text="Hei frå Lom")
    message.refresh_from_db()
    assert message.status == SmsMessage.Status.SENT
    assert "Hei frå Lom" in caplog.text and "+4791234567" in caplog.text


def test_a_rolled_back_change_sends_no_text(django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        sms.send_sms(to="91234567", text="Hei", municipality=municipality("3434"))
        raise RuntimeError
    assert callbacks == [] and not SmsMessage.objects.exists()


def test_the_resend_job_runs_every_minute():
    entry = settings.CELERY_BEAT_SCHEDULE["resend-sms"]
    assert entry["task"] == "coordination.kernel.tasks.resend_due_sms"
    assert entry["schedule"] <= 60
