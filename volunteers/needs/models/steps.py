"""The steps of the method taken for a need."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from volunteers.needs.models.needs import Need, NeedStatus


class NeedStep(models.Model):
    """A step of the method taken for a need: when, by whom, with the coordinator's notes."""

    need = models.ForeignKey(
        Need, on_delete=models.CASCADE, related_name="steps", verbose_name=_("need")
    )
    step = models.CharField(_("step"), max_length=20, choices=NeedStatus.choices)
    happened_on = models.DateField(_("date"), default=timezone.localdate)
    notes = models.TextField(_("notes"), max_length=2000, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        verbose_name = _("step")
        verbose_name_plural = _("steps")
        ordering = ["happened_on", "recorded_at", "pk"]

    def __str__(self) -> str:
        return f"{self.need_id} {self.step} {self.happened_on}"
