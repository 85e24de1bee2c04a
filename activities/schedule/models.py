"""When and where an activity meets: a schedule (one-off or recurring, with a season,
exceptions and places it rotates between) makes sessions; a session is one meeting."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from activities.catalogue.models import Activity, Place
from coordination.kernel.models import Municipality, TenantQuerySet
from coordination.kernel.transitions import GuardedStatus


class Frequency(models.TextChoices):
    ONCE = "once", _("Once")
    WEEKLY = "weekly", _("Every week")
    EVERY_OTHER_WEEK = "every_other_week", _("Every other week")
    MONTHLY = "monthly", _("Once a month (same weekday)")


class Schedule(models.Model):
    """A rule that makes sessions: from ``starts_on`` (the first meeting's date, which also
    gives the weekday and, monthly, which week of the month) until ``ends_on`` (the end of the
    season), at ``start_time``–``end_time`` in Europe/Oslo, skipping the exceptions. A monthly
    rule on the 1st–4th weekday keeps that place in the month ("first Friday"); on the 5th it
    becomes the last. The sessions rotate between ``places`` in their ``position`` order."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="schedules", verbose_name=_("activity")
    )
    frequency = models.CharField(_("how often"), max_length=20, choices=Frequency.choices)
    starts_on = models.DateField(_("first date"))
    ends_on = models.DateField(_("last date (end of season)"), null=True, blank=True)
    start_time = models.TimeField(_("starts at"))
    end_time = models.TimeField(_("ends at"))
    places = models.ManyToManyField(
        Place, through="SchedulePlace", related_name="+", verbose_name=_("places")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("schedule")
        verbose_name_plural = _("schedules")
        ordering = ["starts_on", "start_time", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_time__gt=models.F("start_time")),
                name="schedule_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="schedule_season_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity} {self.get_frequency_display()}"


class SchedulePlace(models.Model):
    """One of the places a schedule rotates between, in order (one place: no rotation)."""

    schedule = models.ForeignKey(Schedule, on_delete=models.CASCADE, related_name="rotation")
    place = models.ForeignKey(Place, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["schedule", "position"], name="schedule_place_unique_position"
            )
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.place}"


class ScheduleException(models.Model):
    """A date the schedule skips (a holiday, the hall is taken)."""

    schedule = models.ForeignKey(
        Schedule, on_delete=models.CASCADE, related_name="exceptions", verbose_name=_("schedule")
    )
    date = models.DateField(_("date"))
    reason = models.CharField(_("why"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("date without a meeting")
        verbose_name_plural = _("dates without a meeting")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["schedule", "date"], name="schedule_exception_unique")
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.reason}".strip()


class SessionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    NOT_RUNNING = "not_running", _("Not running: too few signed up")
    CANCELLED = "cancelled", pgettext_lazy("session status", "Cancelled")
    HELD = "held", _("Held")


# A planned meeting is held, cancelled by the organiser, or does not run when too few signed up
# by the deadline; a cancelled one can be planned again.
SESSION_ALLOWED: dict[str, set[str]] = {
    SessionStatus.PLANNED: {SessionStatus.HELD, SessionStatus.CANCELLED, SessionStatus.NOT_RUNNING},
    SessionStatus.NOT_RUNNING: set(),
    SessionStatus.CANCELLED: {SessionStatus.PLANNED},
    SessionStatus.HELD: set(),
}


class SessionQuerySet(TenantQuerySet):
    def planned(self):
        return self.filter(status=SessionStatus.PLANNED)

    def ahead(self):
        """Planned meetings from now on."""
        return self.planned().filter(starts_at__gte=timezone.now())

    def between(self, start, end):
        """Sessions starting in [start, end) (aware datetimes)."""
        return self.filter(starts_at__gte=start, starts_at__lt=end)


class Session(GuardedStatus, models.Model):
    """One meeting of an activity. ``municipality`` is the activity's (kept here so calendars
    and the gaps view read one indexed table). ``schedule`` is the rule that made it (None for
    a meeting added by hand); a session made by a schedule keeps its ``occurrence`` date, so
    making the schedule's sessions again changes nothing."""

    ALLOWED = SESSION_ALLOWED

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("municipality")
    )
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("activity")
    )
    schedule = models.ForeignKey(
        Schedule,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
        verbose_name=_("schedule"),
    )
    occurrence = models.DateField(_("date in the schedule"), null=True, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.ForeignKey(
        Place,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sessions",
        verbose_name=_("place"),
    )
    # None: the activity's capacity applies.
    capacity = models.PositiveSmallIntegerField(
        _("places"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5000)],
    )
    status = models.CharField(
        _("status"), max_length=12, choices=SessionStatus.choices, default=SessionStatus.PLANNED
    )
    status_note = models.CharField(_("note"), max_length=300, blank=True)
    # The day-before reminders and the minimum check run once per session (set by the tasks).
    minimum_checked_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminders_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    # People who came without signing up, counted by the organiser at the door.
    walk_ins = models.PositiveSmallIntegerField(_("came without signing up"), default=0)
    # When the meeting was last changed (time, place, note): the calendar feeds' SEQUENCE.
    updated_at = models.DateTimeField(auto_now=True, null=True, editable=False)

    objects = SessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "pk"]
        indexes = [
            models.Index(fields=["municipality", "starts_at"], name="session_muni_start_idx"),
            models.Index(fields=["activity", "starts_at"], name="session_activity_start_idx"),
            models.Index(fields=["status", "starts_at"], name="session_status_start_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="session_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["schedule", "occurrence"],
                condition=models.Q(schedule__isnull=False),
                name="session_unique_occurrence",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity} {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def effective_capacity(self) -> int | None:
        """The capacity that applies (the session's, else the activity's); None = no limit."""
        return self.capacity if self.capacity is not None else self.activity.capacity
