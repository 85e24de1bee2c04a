"""Volunteer shifts: the organiser says which volunteers a session needs (host, driver,
activity leader, …; how many, and the volunteer role whose readiness rules apply), ready
volunteers take a shift or are asked, confirm a few days before, and the organiser records
who came; the hours of a shift that was worked flow to the volunteer's total."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from activities.schedule.models import Session
from coordination.kernel.models import Municipality, TenantQuerySet
from coordination.kernel.transitions import GuardedStatus
from volunteers.hours.models import HoursEntry
from volunteers.profile.models import Volunteer
from volunteers.screening.models import VolunteerRole


class Task(models.TextChoices):
    HOST = "host", _("Host")
    DRIVER = "driver", _("Driver")
    ACTIVITY_LEADER = "activity_leader", _("Activity leader")
    HELPER = "helper", _("Helper")


class ShiftSlot(models.Model):
    """What one session needs of volunteers for one task: ``count`` people, each ready for
    ``role`` (None: the signed current declaration is enough)."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("municipality")
    )
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="shift_slots", verbose_name=_("session")
    )
    task = models.CharField(_("task"), max_length=20, choices=Task.choices)
    role = models.ForeignKey(
        VolunteerRole,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("volunteer role required"),
    )
    count = models.PositiveSmallIntegerField(
        _("how many"), default=1, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )

    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("shift")
        verbose_name_plural = _("shifts")
        ordering = ["session__starts_at", "task", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "task"], name="shift_slot_unique_task")
        ]

    def __str__(self) -> str:
        return f"{self.get_task_display()} – {self.session}"


class ShiftStatus(models.TextChoices):
    ASKED = "asked", _("Asked, not answered yet")
    SIGNED_UP = "signed_up", _("Signed up")
    CONFIRMED = "confirmed", _("Confirmed")
    DECLINED = "declined", pgettext_lazy("shift status", "Declined")
    DROPPED = "dropped", _("Dropped out")
    ATTENDED = "attended", _("Came")
    NO_SHOW = "no_show", _("Did not come")


# Held places (asked, signed up, confirmed) count against the slot's ``count``.
SHIFT_HOLDING = (ShiftStatus.ASKED, ShiftStatus.SIGNED_UP, ShiftStatus.CONFIRMED)
SHIFT_ALLOWED: dict[str, set[str]] = {
    ShiftStatus.ASKED: {ShiftStatus.SIGNED_UP, ShiftStatus.DECLINED},
    ShiftStatus.SIGNED_UP: {
        ShiftStatus.CONFIRMED,
        ShiftStatus.DROPPED,
        ShiftStatus.ATTENDED,
        ShiftStatus.NO_SHOW,
    },
    ShiftStatus.CONFIRMED: {ShiftStatus.DROPPED, ShiftStatus.ATTENDED, ShiftStatus.NO_SHOW},
    ShiftStatus.DECLINED: set(),
    ShiftStatus.DROPPED: set(),
    ShiftStatus.ATTENDED: {ShiftStatus.NO_SHOW},
    ShiftStatus.NO_SHOW: {ShiftStatus.ATTENDED},
}


class ShiftQuerySet(TenantQuerySet):
    def holding(self):
        return self.filter(status__in=SHIFT_HOLDING)


class Shift(GuardedStatus, models.Model):
    """One volunteer's shift. ``substitute_for``: the shift of someone who dropped out."""

    ALLOWED = SHIFT_ALLOWED

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("municipality")
    )
    slot = models.ForeignKey(
        ShiftSlot, on_delete=models.CASCADE, related_name="shifts", verbose_name=_("shift")
    )
    volunteer = models.ForeignKey(
        Volunteer, on_delete=models.CASCADE, related_name="shifts", verbose_name=_("volunteer")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ShiftStatus.choices, default=ShiftStatus.SIGNED_UP
    )
    substitute_for = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="substitutes",
        verbose_name=_("substitute for"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirm_reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    hours_entry = models.OneToOneField(
        HoursEntry,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="shift",
        verbose_name=_("hours"),
    )

    objects = ShiftQuerySet.as_manager()

    class Meta:
        verbose_name = _("volunteer's shift")
        verbose_name_plural = _("volunteers' shifts")
        ordering = ["slot__session__starts_at", "pk"]
        indexes = [
            models.Index(fields=["volunteer", "status"], name="shift_volunteer_idx"),
            models.Index(fields=["slot", "status"], name="shift_slot_idx"),
        ]
        constraints = [
            # One live shift per volunteer and slot (an earlier declined or dropped one stays).
            models.UniqueConstraint(
                fields=["slot", "volunteer"],
                condition=models.Q(status__in=["asked", "signed_up", "confirmed"]),
                name="shift_one_live_per_volunteer",
            )
        ]

    def __str__(self) -> str:
        return f"{self.volunteer} – {self.slot}"
