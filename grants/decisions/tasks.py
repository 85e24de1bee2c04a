"""The decisions' background work: the letter (typeset on the documents queue's terms), the
emails after a decision or an appeal, and the nightly closing of rejections no longer open to
appeal. Each task takes ids and calls one service."""

from __future__ import annotations

from celery import shared_task

from grants.decisions import documents, services
from grants.decisions.models import Appeal, Decision
from grants.decisions.services import notices

RELATED = ("application__round__scheme", "application__municipality", "grant_maker", "made_by")


@shared_task(acks_late=True, reject_on_worker_lost=True, soft_time_limit=300, time_limit=360)
def make_decision_letter(decision_id: int) -> str:
    """The decision letter as PDF (done once: a second delivery finds it ready)."""
    decision = Decision.objects.select_related(*RELATED).get(pk=decision_id)
    record = documents.make_letter(decision)
    return record.status if record is not None else "no officer"


@shared_task(acks_late=True)
def notify_decision(decision_id: int) -> int:
    decision = Decision.objects.select_related(*RELATED).get(pk=decision_id)
    return len(notices.notify_decision(decision))


@shared_task(acks_late=True)
def notify_appeal(appeal_id: int) -> int:
    appeal = Appeal.objects.select_related("application", "grant_maker").get(pk=appeal_id)
    return len(notices.notify_appeal(appeal))


@shared_task(acks_late=True)
def notify_appeal_result(appeal_id: int) -> int:
    appeal = Appeal.objects.select_related("application", "grant_maker").get(pk=appeal_id)
    return len(notices.notify_appeal_result(appeal))


@shared_task(acks_late=True)
def close_rejected_cases() -> int:
    """Nightly: rejections whose appeal deadline has passed without an appeal are closed."""
    return services.close_rejected_cases()
