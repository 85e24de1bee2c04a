"""The one way to start a background task from a change: committed work never depends on the
broker answering in the request.

    outbox.send(notify_need_reported, need=need.pk)

``send`` writes a ``PendingTask`` row in the current transaction (a rolled-back change sends
nothing) and, once it commits, publishes it with a short timeout. A broker that does not answer
is logged, never raised: the person's change is saved and they see a normal page. The
periodic ``drain_outbox`` job (every minute, and once when a worker starts) publishes again
what was not taken, and what was taken but never done (a queue that lost it).

What travels is the row's id (``deliver(pending=<id>)``); ``deliver`` runs the task and marks
the row done, so a row published twice runs once.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
from datetime import timedelta

from celery import current_app, shared_task
from celery.signals import worker_ready
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.db.models import F, Q
from django.http import Http404
from django.utils import timezone

from coordination.kernel.models import PendingTask

logger = logging.getLogger(__name__)

# A row the commit's own publish should have sent; older and unsent, the drain sends it.
UNSENT_GRACE = timedelta(seconds=30)
# A row sent but not done after this long was lost by the queue (a worker killed as a whole is
# redelivered after the broker's visibility timeout, 30 minutes): send it again.
RESEND_AFTER = timedelta(hours=1)
# How often a sent row is sent again before it is left for a person to look at (the admin).
MAX_ATTEMPTS = 5
# Unsent rows are tried for this long (a broker outage), then left for a person.
GIVE_UP_AFTER = timedelta(days=2)
DRAIN_BATCH = 500
# Seconds to wait for the broker when publishing from a request.
PUBLISH_TIMEOUT = 1


def send(task, **kwargs) -> PendingTask:
    """Record ``task(**kwargs)`` with the current transaction and publish it after commit.
    ``task`` is the task or its name (a service names the task it sends, so that the task
    module may import the service). ``kwargs`` must be JSON (ids, not objects), as for any
    task."""
    name = task if isinstance(task, str) else task.name
    row = PendingTask.objects.create(task=name, kwargs=kwargs)
    pk = row.pk
    transaction.on_commit(lambda: publish(pk, task=name))
    return row


def _connection():
    """A connection that gives up at once: kombu would otherwise retry connecting for seconds
    (the worker's own connections keep their patient retries)."""
    return current_app.connection_for_write(
        connect_timeout=PUBLISH_TIMEOUT, transport_options={"max_retries": 0}
    )


def publish(pk: int, connection=None, *, task: str | None = None) -> bool:
    """Hand the row to the broker once. False (and logged) when the broker did not take it.

    ``task``: the row's task name, given by ``send`` just after its commit. That row cannot be
    done yet (only a delivery marks it, and the drain takes older rows only), so it needs no
    guard nor a read: the attempt is counted in the one write of the outcome (each write after
    the commit waits for the disk again)."""
    now = timezone.now()
    counted = {"attempts": F("attempts") + 1}
    if task is None:
        if not PendingTask.objects.filter(pk=pk, done_at=None).update(**counted):
            return False  # done already, or gone
        counted = {}
    try:
        if task is None:
            task = PendingTask.objects.values_list("task", flat=True).get(pk=pk)
        options = delivery_options(task)
        if current_app.conf.task_always_eager:
            deliver.apply_async(kwargs={"pending": pk}, **options)
        elif connection is not None:
            deliver.apply_async(
                kwargs={"pending": pk}, retry=False, connection=connection, **options
            )
        else:
            with _connection() as own:
                deliver.apply_async(kwargs={"pending": pk}, retry=False, connection=own, **options)
    except Exception as error:
        if current_app.conf.task_always_eager:
            if counted:
                PendingTask.objects.filter(pk=pk).update(**counted)
            raise  # in-process: the task itself failed, as without the outbox
        logger.warning("outbox: task %s not published, will be sent again: %s", pk, error)
        PendingTask.objects.filter(pk=pk).update(last_error=str(error)[:1000], **counted)
        return False
    PendingTask.objects.filter(pk=pk).update(sent_at=now, **counted)
    return True


# What a task's delivery takes over from it: ``deliver`` runs the task in its own process, so a
# task routed to its own queue (``CELERY_TASK_ROUTES``) is delivered on that queue, under the
# task's own time limits (``@shared_task(soft_time_limit=…, time_limit=…)``).
TIME_LIMITS = ("soft_time_limit", "time_limit")


def delivery_options(name: str) -> dict:
    task = task_named(name)
    options = {key: value for key in TIME_LIMITS if (value := getattr(task, key, None))}
    routes = current_app.conf.task_routes or {}
    route = routes.get(name, {}) if isinstance(routes, dict) else {}
    if queue := route.get("queue"):
        options["queue"] = queue
    return options


def task_exists(name: str) -> bool:
    """Whether a task of that name is still in the code (a record may name one since removed)."""
    try:
        task_named(name)
    except (ImportError, KeyError):
        return False
    return True


def task_named(name: str):
    """The registered task of that name (importing its module first, as autodiscovery does)."""
    if name not in current_app.tasks:
        importlib.import_module(name.rpartition(".")[0])
    return current_app.tasks[name]


@shared_task(name="coordination.kernel.outbox.deliver", acks_late=True)
def deliver(*, pending: int):
    """Run the task a row asked for, once: a row already done is skipped. A refusal (the
    requester lost the permission, the object is gone) is final; any other error leaves the
    row for the drain to send again, up to ``MAX_ATTEMPTS``."""
    row = PendingTask.objects.filter(pk=pending).first()
    if row is None or row.done_at is not None:
        return None
    try:
        result = task_named(row.task)(**row.kwargs)
    except (PermissionDenied, Http404, ObjectDoesNotExist) as refusal:
        PendingTask.objects.filter(pk=pending).update(
            done_at=timezone.now(), last_error=f"refused: {refusal}"[:1000]
        )
        raise
    except Exception as error:
        PendingTask.objects.filter(pk=pending).update(last_error=repr(error)[:1000])
        raise
    PendingTask.objects.filter(pk=pending).update(done_at=timezone.now(), last_error="")
    return result


def due(now=None):
    """Rows to publish again: never taken by the broker, or taken and lost."""
    now = now or timezone.now()
    return PendingTask.objects.filter(done_at=None).filter(
        Q(sent_at=None, created_at__lt=now - UNSENT_GRACE, created_at__gte=now - GIVE_UP_AFTER)
        | Q(sent_at__lt=now - RESEND_AFTER, attempts__lt=MAX_ATTEMPTS)
    )


@shared_task(name="coordination.kernel.outbox.drain_outbox")
def drain_outbox() -> int:
    """Every minute (and when a worker starts): publish what is due. Returns how many the
    broker took; a row published twice still runs once."""
    sent = 0
    rows = list(due().order_by("created_at", "pk").values_list("pk", flat=True)[:DRAIN_BATCH])
    if not rows:
        return 0
    with contextlib.ExitStack() as stack:
        eager = current_app.conf.task_always_eager
        connection = None if eager else stack.enter_context(_connection())
        for pk in rows:
            if publish(pk, connection):
                sent += 1
            else:
                break  # the broker is away (or the row was done meanwhile): the next run goes on
    return sent


@worker_ready.connect
def _drain_when_a_worker_starts(sender=None, **kwargs) -> None:
    """A worker that starts after an outage sends what waited, without waiting for beat."""
    try:
        drain_outbox.apply_async(retry=False)
    except Exception as error:  # the broker went away again: beat will try
        logger.warning("outbox: drain at worker start not queued: %s", error)
