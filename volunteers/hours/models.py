"""Hours volunteers give: logged by the volunteer (then approved) or by the coordinator, with
kilometres driven reimbursed at the municipality's rate."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from coordination.kernel.models import Municipality, TenantQuerySet
from coordination.kernel.transitions import GuardedStatus
from volunteers.needs.models import Assignment
from volunteers.profile.models import Volunteer

# The state's rate for driving one's own car (statens sats), the default until a municipality
# sets its own.
DEFAULT_KM_RATE = Decimal("3.50")


class VolunteerSettings(models.Model):
    """A municipality's settings for volunteer work."""

    municipality = models.OneToOneField(
        Municipality,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="volunteer_settings",
        verbose_name=_("municipality"),
    )
    km_rate = models.DecimalField(
        _("kilometre rate (NOK)"),
        max_digits=5,
        decimal_places=2,
        default=DEFAULT_KM_RATE,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("50"))],
        help_text=_("Paid per kilometre driven in one's own car."),
    )

    class Meta:
        verbose_name = _("volunteer settings")
        verbose_name_plural = _("volunteer settings")

    def __str__(self) -> str:
        return str(self.municipality)


class HoursStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", pgettext_lazy("hours entry status", "Approved")
    REJECTED = "rejected", _("Not approved")


# Hours wait for the coordinator's decision; a decision is final (the volunteer logs again).
HOURS_ALLOWED: dict[str, set[str]] = {
    HoursStatus.PENDING: {HoursStatus.APPROVED, HoursStatus.REJECTED},
    HoursStatus.APPROVED: set(),
    HoursStatus.REJECTED: set(),
}


class HoursEntry(GuardedStatus, models.Model):
    """Time a volunteer gave on one day, for one assignment (or general volunteer work)."""

    ALLOWED = HOURS_ALLOWED

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    volunteer = models.ForeignKey(
        Volunteer, on_delete=models.CASCADE, related_name="hours", verbose_name=_("volunteer")
    )
    assignment = models.ForeignKey(
        Assignment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hours",
        verbose_name=_("assignment"),
    )
    worked_on = models.DateField(_("date"), default=timezone.localdate)
    hours = models.DecimalField(
        _("hours"),
        max_digits=4,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.25")), MaxValueValidator(Decimal("24"))],
    )
    km = models.DecimalField(
        _("kilometres driven"),
        max_digits=6,
        decimal_places=1,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("2000"))],
    )
    # The rate that applied when the entry was approved, so later changes do not rewrite history.
    km_rate = models.DecimalField(
        _("kilometre rate"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    description = models.CharField(_("what you did"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=HoursStatus.choices, default=HoursStatus.PENDING
    )
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("logged by"),
    )
    logged_at = models.DateTimeField(_("logged"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=pgettext_lazy("hours entry", "approved by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("hours")
        verbose_name_plural = _("hours")
        ordering = ["-worked_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours__gt=0) & models.Q(km__gte=0), name="hours_positive"
            )
        ]
        indexes = [
            models.Index(fields=["municipality", "status", "worked_on"], name="hours_muni_idx"),
            models.Index(fields=["volunteer", "worked_on"], name="hours_volunteer_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.volunteer} {self.worked_on} {self.hours}"

    @property
    def reimbursement(self) -> Decimal:
        return (self.km * (self.km_rate or Decimal("0"))).quantize(Decimal("0.01"))
