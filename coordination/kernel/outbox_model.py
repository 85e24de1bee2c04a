"""The outbox: a task to run in the background, written in the same transaction as the change
that asked for it (see coordination/outbox.py)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PendingTask(models.Model):
    """One background task a committed change asked for. It is published to the broker after
    the commit; a periodic job publishes again what the broker did not take. ``done_at`` makes
    a second delivery of the same row do nothing."""

    task = models.CharField(_("task"), max_length=200)
    kwargs = models.JSONField(_("arguments"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    sent_at = models.DateTimeField(_("sent to the queue"), null=True, blank=True)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("pending task")
        verbose_name_plural = _("pending tasks")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["done_at", "sent_at", "created_at"])]

    def __str__(self) -> str:
        return f"{self.task} #{self.pk}"
