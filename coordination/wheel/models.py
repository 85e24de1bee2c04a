"""The annual wheel (årshjul): what happens over the year. A municipality's own events live
here; agreement and routine reviews, activities and grant deadlines come from the other parts
of the portal through ``contributions.WHEEL_SOURCES``."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from coordination.kernel.models import Municipality, TenantQuerySet

# The years the wheel shows, and an event that is not every year may be in.
MIN_YEAR, MAX_YEAR = 2000, 2100


class WheelCategory(models.TextChoices):
    COURSE = "course", _("Introductory course")
    RECOGNITION = "recognition", _("Volunteer party or recognition")
    GRANT_DEADLINE = "grant_deadline", _("Grant deadline")
    MEETING = "meeting", _("Meeting")
    ACTIVITY = "activity", _("Activity")
    CAMPAIGN = "campaign", _("Campaign or recruiting")
    OTHER = "other", _("Other")


class WheelEventQuerySet(TenantQuerySet):
    def in_year(self, year: int) -> WheelEventQuerySet:
        """Events every year, and those only in ``year``."""
        return self.filter(Q(recurring=True) | Q(year=year))


class WheelEvent(models.Model):
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="wheel_events",
        verbose_name=_("municipality"),
    )
    title = models.CharField(_("title"), max_length=200)
    category = models.CharField(_("category"), max_length=20, choices=WheelCategory.choices)
    month = models.PositiveSmallIntegerField(
        _("month"), validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    day = models.PositiveSmallIntegerField(
        _("day"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(31)],
        help_text=_("Leave empty if the day is not fixed."),
    )
    description = models.TextField(_("description"), max_length=2000, blank=True)
    recurring = models.BooleanField(_("every year"), default=True)
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        help_text=_("Only for an event that is not every year."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = WheelEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("annual wheel event")
        verbose_name_plural = _("annual wheel events")
        ordering = ["month", "day", "title", "pk"]
        indexes = [models.Index(fields=["municipality", "month"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(month__gte=1, month__lte=12), name="wheel_event_month_1_12"
            ),
            models.CheckConstraint(
                condition=Q(day__isnull=True) | Q(day__gte=1, day__lte=31),
                name="wheel_event_day_1_31",
            ),
            models.CheckConstraint(
                condition=Q(recurring=True, year__isnull=True)
                | Q(recurring=False, year__isnull=False),
                name="wheel_event_recurring_or_one_year",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def month_name(self) -> str:
        """The month's name in the reader's language ("mars"), for the list of events."""
        return str(MONTHS.get(self.month, ""))
