"""Reports from grantees: progress and final, with what was done, whom it reached, the
volunteers and their hours, seniors who took part as volunteers («eldrekraft»), money used
against the budget and what lasted; the officer approves or asks for more."""

from __future__ import annotations

from typing import Self

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coordination.kernel.models import GrantMaker
from coordination.kernel.transitions import GuardedStatus
from grants.applications.models import Application


class ReportStatus(models.TextChoices):
    DUE = "due", _("Not sent yet")
    SUBMITTED = "submitted", _("Sent")
    MORE_REQUESTED = "more_requested", _("More asked for")
    APPROVED = "approved", _("Approved")


REPORT_ALLOWED = {
    ReportStatus.DUE: {ReportStatus.SUBMITTED},
    ReportStatus.SUBMITTED: {ReportStatus.APPROVED, ReportStatus.MORE_REQUESTED},
    ReportStatus.MORE_REQUESTED: {ReportStatus.SUBMITTED},
    ReportStatus.APPROVED: set(),
}


class ReportQuerySet(models.QuerySet):
    def overdue(self, today) -> Self:
        return self.filter(
            status__in=[ReportStatus.DUE, ReportStatus.MORE_REQUESTED], due_on__lt=today
        )


class Report(GuardedStatus, models.Model):
    ALLOWED = REPORT_ALLOWED

    class Kind(models.TextChoices):
        PROGRESS = "progress", _("Progress report")
        FINAL = "final", _("Final report")

    grant_maker = models.ForeignKey(
        GrantMaker, on_delete=models.CASCADE, related_name="+", verbose_name=_("grant-maker")
    )
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="reports", verbose_name=_("application")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("year reported on"))
    due_on = models.DateField(_("due"))
    status = models.CharField(
        _("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.DUE
    )
    what_was_done = models.TextField(_("what was done"), max_length=6000, blank=True)
    participants_reached = models.PositiveIntegerField(
        _("participants reached"), null=True, blank=True
    )
    sessions_held = models.PositiveIntegerField(_("meetings held"), null=True, blank=True)
    volunteers_involved = models.PositiveIntegerField(
        _("volunteers involved"), null=True, blank=True
    )
    volunteer_hours = models.DecimalField(
        _("volunteer hours"), max_digits=9, decimal_places=1, null=True, blank=True
    )
    senior_volunteers = models.PositiveIntegerField(
        _("seniors who took part as volunteers"), null=True, blank=True
    )
    money_used = models.PositiveIntegerField(_("money used (NOK)"), null=True, blank=True)
    what_lasted = models.TextField(_("what lasts beyond the project"), max_length=4000, blank=True)
    # What Samspill counted in the funded activities when the form was first opened.
    prefilled_from = models.JSONField(_("counted in Samspill"), default=dict, blank=True)
    submitted_at = models.DateTimeField(_("sent"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    officer_comment = models.TextField(_("the officer's comment"), max_length=4000, blank=True)
    reviewed_at = models.DateTimeField(_("assessed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assessed by"),
    )
    # When the applicant was reminded: 14 days before ``due_on``, and once it was overdue
    # (``tasks.send_report_reminders``; each is sent once).
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    overdue_reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["application", "due_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "kind", "year"], name="report_unique_kind_year"
            ),
        ]
        indexes = [models.Index(fields=["status", "due_on"], name="report_status_due_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year} – {self.application}"
