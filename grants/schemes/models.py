"""Grant schemes and their rounds: who may apply, for how much, by when; what reviewers score
(criteria with weights), what screening checks (eligibility conditions) and the application
form's extra questions. A round carries its own copy of these, so changing next year's round
never changes how last year's applications were judged."""

from __future__ import annotations

from datetime import datetime
from typing import Self

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coordination.kernel.models import GrantMaker


class ApplicantKind(models.TextChoices):
    MUNICIPALITIES = "municipalities", _("Municipalities")
    ORGANISATIONS = "organisations", _("Voluntary organisations")
    BOTH = "both", _("Municipalities and voluntary organisations")


class Scheme(models.Model):
    """A grant scheme (tilskuddsordning) run by one grant-maker."""

    grant_maker = models.ForeignKey(
        GrantMaker, on_delete=models.CASCADE, related_name="schemes", verbose_name=_("grant-maker")
    )
    name = models.CharField(_("name of the scheme"), max_length=200)
    purpose = models.TextField(_("what the scheme funds"), max_length=4000)
    applicant_kinds = models.CharField(
        _("who may apply"), max_length=20, choices=ApplicantKind.choices, default=ApplicantKind.BOTH
    )
    partnership_required = models.BooleanField(
        _("partnership required"),
        default=False,
        help_text=_("Applications must name at least one partner that confirms taking part."),
    )
    max_amount = models.PositiveIntegerField(
        _("largest amount per year (NOK)"), validators=[MinValueValidator(1)]
    )
    max_years = models.PositiveSmallIntegerField(
        _("longest duration (years)"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("1 for single-year grants; more allows multi-year grants."),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("grant scheme")
        verbose_name_plural = _("grant schemes")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def multi_year(self) -> bool:
        return self.max_years > 1


class RoundQuerySet(models.QuerySet):
    def open_at(self, moment: datetime) -> Self:
        """Rounds taking applications at ``moment`` (opening and closing time included)."""
        return self.filter(opens_at__lte=moment, closes_at__gte=moment)

    def open_now(self) -> Self:
        return self.open_at(timezone.now())


class Round(models.Model):
    """One call for applications in a scheme: open from ``opens_at`` to ``closes_at`` (the
    last moment an application is accepted, Europe/Oslo as entered), with a budget."""

    grant_maker = models.ForeignKey(
        GrantMaker, on_delete=models.CASCADE, related_name="rounds", verbose_name=_("grant-maker")
    )
    scheme = models.ForeignKey(
        Scheme, on_delete=models.CASCADE, related_name="rounds", verbose_name=_("scheme")
    )
    name = models.CharField(_("name of the round"), max_length=150, help_text=_("E.g. 2027."))
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(
        _("deadline"), help_text=_("The last moment an application is accepted.")
    )
    budget = models.PositiveBigIntegerField(_("budget (NOK)"))
    # A share of the budget kept for municipalities under SMALL_MUNICIPALITY_LIMIT inhabitants
    # (and their organisations), so that paperwork does not decide who gets the money.
    small_municipality_share = models.PositiveSmallIntegerField(
        _("share reserved for small municipalities (%)"),
        default=0,
        validators=[MaxValueValidator(100)],
    )
    # Applications asking for at most this much fill in the light form (no attachments, fewer
    # questions); None: no light form in this round.
    light_limit = models.PositiveIntegerField(
        _("light application up to (NOK)"), null=True, blank=True
    )
    progress_report_due = models.DateField(_("progress report due"), null=True, blank=True)
    final_report_due = models.DateField(_("final report due"))
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = RoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("grant round")
        verbose_name_plural = _("grant rounds")
        ordering = ["-closes_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="round_closes_after_it_opens",
            ),
        ]
        indexes = [models.Index(fields=["opens_at", "closes_at"], name="round_open_idx")]

    def __str__(self) -> str:
        return f"{self.scheme.name} – {self.name}"

    def is_open(self, moment: datetime | None = None) -> bool:
        moment = moment or timezone.now()
        return self.opens_at <= moment <= self.closes_at

    def has_closed(self, moment: datetime | None = None) -> bool:
        return (moment or timezone.now()) > self.closes_at

    @property
    def reserved_for_small(self) -> int:
        return self.budget * self.small_municipality_share // 100


class Criterion(models.Model):
    """What reviewers score (0–5, or not applicable), with its weight in the total."""

    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("round")
    )
    name = models.CharField(_("criterion"), max_length=200)
    description = models.TextField(_("what reviewers look for"), max_length=2000, blank=True)
    weight = models.PositiveSmallIntegerField(
        _("weight"), default=1, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["round", "order", "pk"]

    def __str__(self) -> str:
        return self.name


class EligibilityCondition(models.Model):
    """A condition screening checks before anyone scores (within the goal, low-threshold …)."""

    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="conditions", verbose_name=_("round")
    )
    text = models.CharField(_("condition"), max_length=300)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("eligibility condition")
        verbose_name_plural = _("eligibility conditions")
        ordering = ["round", "order", "pk"]

    def __str__(self) -> str:
        return self.text


class Question(models.Model):
    """An extra question on the round's application form."""

    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="questions", verbose_name=_("round")
    )
    text = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("help for the applicant"), max_length=300, blank=True)
    required = models.BooleanField(_("must be answered"), default=True)
    in_light_form = models.BooleanField(_("also in the light form"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["round", "order", "pk"]

    def __str__(self) -> str:
        return self.text
