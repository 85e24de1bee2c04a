"""The involvement staircase (involveringstrappen, DOMAIN.md): five levels of cooperation with the
voluntary sector, indicators grouped by the 8 steps, and the assessments a municipality makes of
itself over time. Levels and indicators are data (a national administrator edits their wording
in the admin); an assessment stores its level and score when completed and is never recomputed.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from coordination.kernel.models import Municipality, TenantQuerySet
from coordination.kernel.steps import Step


class StaircaseLevel(models.Model):
    """One of the five levels, from informing each other to tightly coordinated effort."""

    number = models.PositiveSmallIntegerField(
        _("level"),
        unique=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    # Translated (staircase/translation.py): name_nb, name_nn, name_en, and so on.
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("what is in place"))

    class Meta:
        verbose_name = _("staircase level")
        verbose_name_plural = _("staircase levels")
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(number__gte=1, number__lte=5), name="staircase_level_1_to_5"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class IndicatorQuerySet(models.QuerySet):
    def active(self) -> "IndicatorQuerySet":
        return self.filter(is_active=True)

    def in_order(self) -> "IndicatorQuerySet":
        return self.select_related("level").order_by("step", "level__number", "order", "pk")


class Indicator(models.Model):
    """One statement a municipality answers yes, partly or no to; tied to a step and a level.
    ``evidence_key`` names what the portal's own data can show about it
    (``coordination.kernel.contributions.evidence_for``)."""

    step = models.PositiveSmallIntegerField(_("step"), choices=Step.choices)
    level = models.ForeignKey(
        StaircaseLevel,
        on_delete=models.PROTECT,
        related_name="indicators",
        verbose_name=_("level"),
    )
    # Translated (staircase/translation.py): text_nb, text_nn, text_en, and so on.
    text = models.TextField(_("indicator"))
    next_step = models.TextField(_("next step when not met"))
    evidence_key = models.CharField(
        _("evidence from the portal"),
        max_length=50,
        blank=True,
        help_text=_("The key of the portal data that can show this, e.g. active_agreement."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(
        _("in use"),
        default=True,
        help_text=_("Indicators no longer in use stay in old assessments but are not asked."),
    )

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        verbose_name = _("staircase indicator")
        verbose_name_plural = _("staircase indicators")
        ordering = ["step", "order", "pk"]
        indexes = [models.Index(fields=["is_active", "step", "order"])]

    def __str__(self) -> str:
        return self.text


class AssessmentQuerySet(TenantQuerySet):
    def completed(self) -> "AssessmentQuerySet":
        return self.filter(status=Assessment.Status.COMPLETED)

    def drafts(self) -> "AssessmentQuerySet":
        return self.filter(status=Assessment.Status.DRAFT)


class Assessment(models.Model):
    """A municipality's answers to the indicators on one date. A draft has no level or score;
    completing stores both, and the newest completed one is the municipality's current standing
    (``is_current``). Only a new assessment changes it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        COMPLETED = "completed", _("Completed")

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="staircase_assessments",
        verbose_name=_("municipality"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("made by"),
    )
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    completed_on = models.DateField(_("date"), null=True, blank=True)
    level_reached = models.PositiveSmallIntegerField(
        _("level reached"), null=True, blank=True, validators=[MaxValueValidator(5)]
    )
    score = models.PositiveSmallIntegerField(
        _("score"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    is_current = models.BooleanField(_("current standing"), default=False, editable=False)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("staircase assessment")
        verbose_name_plural = _("staircase assessments")
        ordering = ["-completed_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality"],
                condition=Q(status="draft"),
                name="staircase_one_draft_per_municipality",
            ),
            models.UniqueConstraint(
                fields=["municipality"],
                condition=Q(is_current=True),
                name="staircase_one_current_per_municipality",
            ),
            models.CheckConstraint(
                condition=Q(status="draft", level_reached__isnull=True, score__isnull=True)
                | Q(
                    status="completed",
                    level_reached__isnull=False,
                    score__isnull=False,
                    completed_on__isnull=False,
                ),
                name="staircase_completed_has_result",
            ),
            models.CheckConstraint(
                condition=Q(is_current=False) | Q(status="completed"),
                name="staircase_current_is_completed",
            ),
        ]
        indexes = [
            models.Index(fields=["municipality", "status", "completed_on"]),
            models.Index(fields=["is_current", "level_reached"]),
        ]

    def __str__(self) -> str:
        return f"{self.municipality.name} {self.completed_on or self.get_status_display()}"


class Answer(models.Model):
    """One answer in an assessment, with what the portal's data showed at the time."""

    class Value(models.TextChoices):
        YES = "yes", _("Yes")
        PARTLY = "partly", _("Partly")
        NO = "no", _("No")

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="answers", verbose_name=_("assessment")
    )
    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="answers", verbose_name=_("indicator")
    )
    # The indicator's level when answered: changing an indicator's level later does not change
    # what an old assessment was scored on.
    level_number = models.PositiveSmallIntegerField(_("level"))
    value = models.CharField(_("answer"), max_length=10, choices=Value.choices, blank=True)
    comment = models.TextField(_("comment"), max_length=2000, blank=True)
    evidence_summary = models.CharField(_("the portal's data showed"), max_length=300, blank=True)
    evidence_met = models.BooleanField(_("the portal's data showed it met"), null=True, blank=True)

    class Meta:
        verbose_name = _("staircase answer")
        verbose_name_plural = _("staircase answers")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "indicator"], name="staircase_one_answer_per_indicator"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id}: {self.value}"


class StaircaseSharing(models.Model):
    """Whether the municipality takes part in the comparison with other municipalities (off by
    default: only those taking part see it and are counted in it), and whether it agrees to be
    named there. Answers, comments and scores are never shown to others."""

    municipality = models.OneToOneField(
        Municipality,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="staircase_sharing",
        verbose_name=_("municipality"),
    )
    takes_part = models.BooleanField(_("takes part in comparisons"), default=False)
    share_name = models.BooleanField(_("named in comparisons"), default=False)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    changed_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("staircase sharing")
        verbose_name_plural = _("staircase sharing")

    def __str__(self) -> str:
        return f"{self.municipality_id}: {self.share_name}"
