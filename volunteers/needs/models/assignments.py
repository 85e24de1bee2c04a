"""Assignments: a volunteer helping with a need after accepting an invitation; for a visiting
friend a long-term pairing with a trial meeting, pauses and an end."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coordination.kernel.transitions import GuardedStatus
from volunteers.needs.models.needs import Need
from volunteers.profile.models import Frequency, Volunteer


class AssignmentStatus(models.TextChoices):
    ACTIVE = "active", _("In progress")
    PAUSED = "paused", _("Paused")
    ENDED = "ended", _("Ended")


# A running pairing pauses and resumes; an ended one stays ended.
ASSIGNMENT_ALLOWED: dict[str, set[str]] = {
    AssignmentStatus.ACTIVE: {AssignmentStatus.PAUSED, AssignmentStatus.ENDED},
    AssignmentStatus.PAUSED: {AssignmentStatus.ACTIVE, AssignmentStatus.ENDED},
    AssignmentStatus.ENDED: set(),
}


class EndReason(models.TextChoices):
    NOT_NEEDED = "not_needed", _("The person no longer needs it")
    VOLUNTEER_STOPPED = "volunteer_stopped", _("The volunteer stopped")
    NOT_A_MATCH = "not_a_match", _("They were not a good match")
    MOVED = "moved", _("The person moved")
    OTHER = "other", _("Other reason")


class Assignment(GuardedStatus, models.Model):
    """A volunteer helping with a need, after accepting an invitation. For a visiting friend
    this is a long-term pairing: trial meeting, agreed frequency, pauses and an end."""

    need = models.ForeignKey(
        Need, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("need")
    )
    volunteer = models.ForeignKey(
        Volunteer,
        on_delete=models.CASCADE,
        related_name="assignments",
        verbose_name=_("volunteer"),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=AssignmentStatus.choices,
        default=AssignmentStatus.ACTIVE,
    )
    started_on = models.DateField(_("started"), default=timezone.localdate)
    trial_meeting_on = models.DateField(_("trial meeting"), null=True, blank=True)
    trial_went_well = models.BooleanField(_("the trial meeting went well"), null=True, blank=True)
    frequency = models.CharField(
        _("agreed frequency"), max_length=20, choices=Frequency.choices, blank=True
    )
    paused_until = models.DateField(_("paused until"), null=True, blank=True)
    pause_reason = models.CharField(_("why paused"), max_length=300, blank=True)
    ended_on = models.DateField(_("ended"), null=True, blank=True)
    end_reason = models.CharField(
        _("why it ended"), max_length=20, choices=EndReason.choices, blank=True
    )
    end_note = models.CharField(_("about the ending"), max_length=300, blank=True)

    ALLOWED = ASSIGNMENT_ALLOWED

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["-started_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["need", "volunteer"],
                condition=~models.Q(status="ended"),
                name="one_running_assignment_per_volunteer",
            )
        ]
        indexes = [models.Index(fields=["volunteer", "status"], name="assignment_volunteer_idx")]

    def __str__(self) -> str:
        return f"{self.volunteer} – {self.need}"

    @property
    def is_running(self) -> bool:
        return self.status != AssignmentStatus.ENDED
