"""Follow-up conversations planned for a need, and what came out of them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from volunteers.needs.models.assignments import Assignment
from volunteers.needs.models.needs import Need


class FollowUp(models.Model):
    """A planned follow-up conversation or call for a need, and what came out of it."""

    need = models.ForeignKey(
        Need, on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("need")
    )
    assignment = models.ForeignKey(
        Assignment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="follow_ups",
        verbose_name=_("with the volunteer"),
    )
    due_on = models.DateField(_("planned for"))
    held_on = models.DateField(_("held"), null=True, blank=True)
    notes = models.TextField(_("notes"), max_length=2000, blank=True)
    held_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("held by"),
    )

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["due_on", "held_on"], name="follow_up_due_idx")]

    def __str__(self) -> str:
        return f"{self.need_id} {self.due_on}"
