"""Rides: each participant who asked for transport gets a ride to be covered for the session
(pick-up address and time, the way home, mobility aids), driven by a volunteer who holds the
session's driver shift. A session's rides are put in a pick-up order through the villages."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from activities.schedule.models import Session
from activities.shifts.models import Shift
from activities.signups.models import SignUp
from coordination.kernel.models import Municipality, TenantQuerySet
from coordination.kernel.transitions import GuardedStatus


class RideStatus(models.TextChoices):
    NEEDED = "needed", _("Needs a driver")
    COVERED = "covered", _("Has a driver")
    CANCELLED = "cancelled", pgettext_lazy("ride status", "Cancelled")


RIDE_ALLOWED: dict[str, set[str]] = {
    RideStatus.NEEDED: {RideStatus.COVERED, RideStatus.CANCELLED},
    RideStatus.COVERED: {RideStatus.NEEDED, RideStatus.CANCELLED},
    RideStatus.CANCELLED: {RideStatus.NEEDED},
}


class Ride(GuardedStatus, models.Model):
    """A participant's ride to one session (and home, if ``return_trip``). The address and aids
    are copied from the sign-up when the ride is made, so the driver's list reads one table."""

    ALLOWED = RIDE_ALLOWED

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("municipality")
    )
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="rides", verbose_name=_("session")
    )
    signup = models.ForeignKey(
        SignUp, on_delete=models.CASCADE, related_name="rides", verbose_name=_("sign-up")
    )
    pickup_address = models.CharField(_("pick-up address"), max_length=200)
    pickup_area = models.CharField(_("village or area"), max_length=100, blank=True)
    return_trip = models.BooleanField(_("ride home too"), default=True)
    mobility_aids = models.JSONField(_("mobility aids"), default=list, blank=True)
    driver_shift = models.ForeignKey(
        Shift,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rides",
        verbose_name=_("driver"),
    )
    # Set by the pick-up order: the stop number on the way and the time to be ready.
    stop_number = models.PositiveSmallIntegerField(_("stop"), null=True, blank=True)
    pickup_at = models.DateTimeField(_("pick-up time"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=RideStatus.choices, default=RideStatus.NEEDED
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("ride")
        verbose_name_plural = _("rides")
        ordering = ["session__starts_at", "stop_number", "pk"]
        indexes = [models.Index(fields=["session", "status"], name="ride_session_idx")]
        constraints = [
            models.UniqueConstraint(fields=["session", "signup"], name="ride_one_per_signup")
        ]

    def __str__(self) -> str:
        return f"{self.signup.participant_name} – {self.session}"
