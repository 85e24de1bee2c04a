"""The routine binder (rutineperm): a municipality's routines, grouped by the 8 steps and by
topic, each with its versions. Editing adds a new version (a draft); a coordinator approves the
latest one. Bodies are plain text so that a printed binder can reuse them as they are."""

from __future__ import annotations

import datetime
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from coordination.kernel.models import Municipality, TenantQuerySet
from coordination.kernel.steps import Step
from coordination.kernel.transitions import GuardedStatus

# A routine is due for review (on the list, on the dashboard, in the owner's email) this many
# days before its next review date.
REVIEW_NOTICE_DAYS = 30


class RoutineTopic(models.TextChoices):
    WELCOMING = "welcoming", _("Welcoming a new volunteer")
    CONFIDENTIALITY = "confidentiality", _("Confidentiality")
    POLICE_CERTIFICATE = "police_certificate", _("Police certificate")
    WORRIED = "worried", _("Worried about a resident or user")
    ENDING = "ending", _("Ending an assignment")
    TRANSPORT = "transport", _("Transport and escort")
    PARTNERS = "partners", _("Cooperation with partners")
    FOLLOW_UP = "follow_up", _("Follow-up of volunteers")
    OTHER = "other", _("Other")


class RoutineQuerySet(TenantQuerySet):
    def current(self) -> RoutineQuerySet:
        """Not archived."""
        return self.exclude(status=Routine.Status.ARCHIVED)

    def approved(self) -> RoutineQuerySet:
        return self.filter(status=Routine.Status.APPROVED)

    def readable(self) -> RoutineQuerySet:
        """What everyone with a role reads: not archived, with an approved version."""
        return self.current().filter(approved_version__isnull=False)

    def due_for_review(self, today: datetime.date) -> RoutineQuerySet:
        """Approved, and the review date is within the notice period or has passed."""
        until = today + datetime.timedelta(days=REVIEW_NOTICE_DAYS)
        return self.current().filter(
            approved_version__isnull=False, next_review__isnull=False, next_review__lte=until
        )

    def overdue_for_review(self, today: datetime.date) -> RoutineQuerySet:
        """Approved, and the review date has passed."""
        return self.due_for_review(today).filter(next_review__lt=today)


class Routine(GuardedStatus, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved")
        ARCHIVED = "archived", _("Archived")

    # The status a routine may move to from each: a new version makes an approved routine a
    # draft again, approving again sets a new review date, and nothing leaves the archive.
    ALLOWED: ClassVar[dict[str, set[str]]] = {
        Status.DRAFT: {Status.APPROVED, Status.ARCHIVED},
        Status.APPROVED: {Status.DRAFT, Status.APPROVED, Status.ARCHIVED},
        Status.ARCHIVED: set(),
    }

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="routines",
        verbose_name=_("municipality"),
    )
    # The latest version's title, kept here so that lists need no join.
    title = models.CharField(_("title"), max_length=200)
    step = models.PositiveSmallIntegerField(_("step"), choices=Step.choices)
    topic = models.CharField(_("topic"), max_length=30, choices=RoutineTopic.choices)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="owned_routines",
        verbose_name=_("owner"),
    )
    co_authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="co_authored_routines",
        verbose_name=_("co-authors"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    version_number = models.PositiveIntegerField(_("version"), default=0)
    approved_version = models.ForeignKey(
        "RoutineVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved version"),
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    next_review = models.DateField(_("next review"), null=True, blank=True)
    # The review date a reminder went out for, so that the daily job sends it once.
    review_reminder_sent_for = models.DateField(null=True, blank=True, editable=False)
    # Which starter routine this was copied from ("" for the municipality's own).
    starter_key = models.CharField(max_length=50, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = RoutineQuerySet.as_manager()

    class Meta:
        verbose_name = _("routine")
        verbose_name_plural = _("routines")
        ordering = ["step", "title", "pk"]
        indexes = [
            models.Index(fields=["municipality", "step", "title"]),
            models.Index(fields=["municipality", "status"]),
            models.Index(fields=["municipality", "next_review"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "starter_key"],
                condition=~Q(starter_key=""),
                name="routine_starter_copied_once",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def is_overdue(self, today: datetime.date) -> bool:
        return self.next_review is not None and self.next_review < today

    def refusal_to(self, status: str) -> str:
        """Why the routine cannot move to ``status`` (only an archived one is ever refused)."""
        if status == self.Status.APPROVED:
            return gettext("An archived routine cannot be approved.")
        return gettext("This routine is archived: it is no longer in the binder.")


class RoutineVersion(models.Model):
    """One version of a routine's text; never changed once written."""

    routine = models.ForeignKey(
        Routine, on_delete=models.CASCADE, related_name="versions", verbose_name=_("routine")
    )
    number = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), max_length=20000)
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    created_at = models.DateTimeField(
        pgettext_lazy("routine version", "written"), auto_now_add=True
    )

    class Meta:
        verbose_name = _("routine version")
        verbose_name_plural = _("routine versions")
        ordering = ["routine", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["routine", "number"], name="routine_version_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="routine_version_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.number})"
