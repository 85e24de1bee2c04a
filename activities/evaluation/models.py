"""Attendance and evaluation (Fjell/Øygarden: create → inform → plan and run → evaluate and
learn): who came to each session, and what participants thought in a short 1–5 form."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from activities.schedule.models import Session
from activities.signups.models import SignUp
from coordination.kernel.models import Municipality, TenantQuerySet


class Attendance(models.Model):
    """Whether one signed-up participant came to one session (recorded by the organiser)."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("municipality")
    )
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="attendance", verbose_name=_("session")
    )
    signup = models.ForeignKey(
        SignUp, on_delete=models.CASCADE, related_name="attendance", verbose_name=_("sign-up")
    )
    present = models.BooleanField(_("came"))
    came_by_ride = models.BooleanField(_("came with the pick-up"), default=False)
    recorded_at = models.DateTimeField(_("recorded"), auto_now=True)

    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["session", "signup"], name="attendance_one_per_signup")
        ]

    def __str__(self) -> str:
        return f"{self.signup.participant_name} – {self.session}"


class Feedback(models.Model):
    """One participant's answer after a session: 1 (not good) to 5 (very good), optionally the
    village they came from and a comment. Anonymous: nothing ties it to a sign-up."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("municipality")
    )
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="feedback", verbose_name=_("session")
    )
    rating = models.PositiveSmallIntegerField(
        _("how was it"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    area = models.CharField(_("village or area"), max_length=100, blank=True)
    comment = models.CharField(_("comment"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("given"), auto_now_add=True)

    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["session"], name="feedback_session_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__gte=1) & models.Q(rating__lte=5),
                name="feedback_rating_1_to_5",
            )
        ]

    def __str__(self) -> str:
        return f"{self.rating} – {self.session}"
