"""Decisions (enkeltvedtak) with their grounds, the letter, the yearly instalments of a grant,
and appeals (klage) against a decision."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coordination.kernel.models import GeneratedFile, GrantMaker
from grants.applications.models import Application

# Public Administration Act § 29: three weeks from the decision reached the party.
APPEAL_PERIOD = timedelta(weeks=3)


class Outcome(models.TextChoices):
    GRANTED = "granted", _("Granted")
    PARTLY_GRANTED = "partly_granted", _("Partly granted")
    REJECTED = "rejected", _("Rejected")


class DecisionQuerySet(models.QuerySet["Decision"]):
    def in_force(self) -> DecisionQuerySet:
        """The decisions in force: those no later decision replaces (one per decided
        application; an appeal that changes a decision makes a new one that replaces it)."""
        return self.filter(replaced_by__isnull=True)


class Decision(models.Model):
    """A formal individual decision on an application. An appeal that changes it makes a new
    decision (``replaces`` the old one); the newest is the one in force."""

    grant_maker = models.ForeignKey(
        GrantMaker, on_delete=models.CASCADE, related_name="+", verbose_name=_("grant-maker")
    )
    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="decisions",
        verbose_name=_("application"),
    )
    outcome = models.CharField(_("decision"), max_length=20, choices=Outcome.choices)
    amount = models.PositiveIntegerField(_("amount granted (NOK, all years)"), default=0)
    grounds = models.TextField(_("grounds"), max_length=6000)
    conditions = models.TextField(_("conditions"), max_length=4000, blank=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    made_at = models.DateTimeField(_("decided"), default=timezone.now)
    appeal_deadline = models.DateField(_("appeal by"))
    replaces = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaced_by",
        verbose_name=_("replaces"),
    )
    # The decision letter (PDF), in the applicant municipality's written standard.
    letter = models.ForeignKey(
        GeneratedFile,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decision letter"),
    )
    language = models.CharField(_("language of the letter"), max_length=5, blank=True)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["application", "made_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(outcome="rejected", amount=0)
                | (~models.Q(outcome="rejected") & models.Q(amount__gt=0)),
                name="decision_amount_matches_outcome",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} – {self.application}"


class Instalment(models.Model):
    """One year's part of a grant, paid when the year begins (multi-year grants have one per
    year)."""

    decision = models.ForeignKey(
        Decision, on_delete=models.CASCADE, related_name="instalments", verbose_name=_("decision")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    amount = models.PositiveIntegerField(_("amount (NOK)"))
    paid_at = models.DateTimeField(_("paid"), null=True, blank=True)

    class Meta:
        verbose_name = _("instalment")
        verbose_name_plural = _("instalments")
        ordering = ["decision", "year"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "year"], name="instalment_unique_year"),
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.amount}"


class Appeal(models.Model):
    """An appeal against a decision: the applicant's reason, then the officer's handling —
    upheld or changed on reconsideration, or forwarded to the appeal body, whose answer the
    officer records."""

    class Handling(models.TextChoices):
        PENDING = "pending", _("Not handled yet")
        UPHELD = "upheld", _("Upheld")
        CHANGED = "changed", _("Decision changed")
        FORWARDED = "forwarded", _("Forwarded to the appeal body")

    grant_maker = models.ForeignKey(
        GrantMaker, on_delete=models.CASCADE, related_name="+", verbose_name=_("grant-maker")
    )
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="appeals", verbose_name=_("application")
    )
    decision = models.ForeignKey(
        Decision, on_delete=models.PROTECT, related_name="appeals", verbose_name=_("decision")
    )
    reason = models.TextField(_("why you appeal"), max_length=6000)
    lodged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("appealed by"),
    )
    lodged_at = models.DateTimeField(_("appealed"), default=timezone.now)
    handling = models.CharField(
        _("handling"), max_length=20, choices=Handling.choices, default=Handling.PENDING
    )
    notes = models.TextField(_("the officer's assessment"), max_length=6000, blank=True)
    forwarded_to = models.CharField(_("forwarded to"), max_length=200, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)

    class Meta:
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")
        ordering = ["application", "lodged_at", "pk"]

    def __str__(self) -> str:
        return f"{self.application} ({self.lodged_at:%Y-%m-%d})"
