"""Invitations: a volunteer is asked to help with a need, and answers yes or no."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coordination.kernel.transitions import GuardedStatus
from volunteers.needs.models.needs import Need
from volunteers.profile.models import Volunteer


class InvitationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Only an invitation waiting for an answer changes: the volunteer answers, or it is withdrawn.
INVITATION_ALLOWED: dict[str, set[str]] = {
    InvitationStatus.PENDING: {
        InvitationStatus.ACCEPTED,
        InvitationStatus.DECLINED,
        InvitationStatus.WITHDRAWN,
    },
    InvitationStatus.ACCEPTED: set(),
    InvitationStatus.DECLINED: set(),
    InvitationStatus.WITHDRAWN: set(),
}


class Invitation(GuardedStatus, models.Model):
    """A volunteer is asked to help with a need, and answers yes or no."""

    need = models.ForeignKey(
        Need, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("need")
    )
    volunteer = models.ForeignKey(
        Volunteer, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("volunteer")
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=InvitationStatus.choices,
        default=InvitationStatus.PENDING,
    )
    # Why matching proposed this volunteer, as shown to the coordinator when inviting.
    reasons = models.JSONField(_("why this volunteer"), default=list, blank=True)
    message = models.TextField(_("message to the volunteer"), max_length=1000, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    decline_reason = models.CharField(_("reason"), max_length=300, blank=True)

    ALLOWED = INVITATION_ALLOWED

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["need", "volunteer"],
                condition=models.Q(status="pending"),
                name="one_open_invitation_per_volunteer",
            )
        ]
        indexes = [models.Index(fields=["volunteer", "status"], name="invitation_volunteer_idx")]

    def __str__(self) -> str:
        return f"{self.volunteer} → {self.need}"
