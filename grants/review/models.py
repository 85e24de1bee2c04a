"""Review: a reviewer assigned to an application declares impartiality (habilitet, Public
Administration Act § 6) before seeing it, then scores each of the round's criteria and gives an
overall recommendation."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coordination.kernel.models import GrantMaker
from grants.applications.models import Application
from grants.schemes.models import Criterion

SCORE_MAX = 5


class Recommendation(models.TextChoices):
    GRANT = "grant", _("Grant")
    GRANT_PARTLY = "grant_partly", _("Grant in part")
    REJECT = "reject", _("Reject")


class ReviewAssignment(models.Model):
    """One reviewer on one application. ``impartial`` is None until they declare: True lets
    them open and score it; False (with ``conflict``, the tie they name) shuts them out."""

    grant_maker = models.ForeignKey(
        GrantMaker, on_delete=models.CASCADE, related_name="+", verbose_name=_("grant-maker")
    )
    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="assignments",
        verbose_name=_("application"),
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="review_assignments",
        verbose_name=_("reviewer"),
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("assigned by"),
    )
    assigned_at = models.DateTimeField(_("assigned"), default=timezone.now)
    impartial = models.BooleanField(_("impartial"), null=True, blank=True)
    conflict = models.TextField(_("the tie to the application"), max_length=1000, blank=True)
    declared_at = models.DateTimeField(_("declared"), null=True, blank=True)
    recommendation = models.CharField(
        _("recommendation"), max_length=20, choices=Recommendation.choices, blank=True
    )
    comment = models.TextField(_("overall comment"), max_length=4000, blank=True)
    submitted_at = models.DateTimeField(_("review submitted"), null=True, blank=True)
    # The sent review's weighted score, 0–100 (``scoring.review_score`` of its scores), stored
    # when it is sent so the ranking reads one number per review; None while it is a draft or
    # when it scored nothing. The round's criteria are locked once anyone has scored, so it
    # cannot go stale through a change of weights.
    score = models.FloatField(_("weighted score"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        ordering = ["application", "assigned_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "reviewer"], name="review_assignment_unique"
            ),
            models.CheckConstraint(
                condition=~models.Q(impartial=False) | ~models.Q(conflict=""),
                name="review_conflict_says_the_tie",
            ),
        ]
        indexes = [models.Index(fields=["reviewer", "submitted_at"], name="review_reviewer_idx")]

    def __str__(self) -> str:
        return f"{self.reviewer} – {self.application}"

    @property
    def is_declared(self) -> bool:
        return self.impartial is not None

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class Score(models.Model):
    """A reviewer's score of one criterion: 0–5, or None for not applicable."""

    assignment = models.ForeignKey(
        ReviewAssignment, on_delete=models.CASCADE, related_name="scores", verbose_name=_("review")
    )
    criterion = models.ForeignKey(
        Criterion, on_delete=models.CASCADE, related_name="scores", verbose_name=_("criterion")
    )
    value = models.PositiveSmallIntegerField(
        _("score"), null=True, blank=True, validators=[MaxValueValidator(SCORE_MAX)]
    )
    comment = models.TextField(_("comment"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["assignment", "criterion__order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["assignment", "criterion"], name="score_unique"),
            models.CheckConstraint(
                condition=models.Q(value__isnull=True) | models.Q(value__lte=SCORE_MAX),
                name="score_zero_to_five",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value}"
