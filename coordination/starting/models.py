"""A request to start Samspill in a municipality that does not use it yet (issue 13): someone in
the municipality asks on its public page; the national administrator approves (the requester is
invited as the first coordinator) or declines with a reason."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coordination.kernel.models import Municipality, RoleInvitation, TenantQuerySet
from coordination.kernel.transitions import GuardedStatus


class StartRequest(GuardedStatus, models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a decision")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    # Only a pending request is decided, once.
    ALLOWED = {
        Status.PENDING: {Status.APPROVED, Status.DECLINED},
        Status.APPROVED: set(),
        Status.DECLINED: set(),
    }

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="start_requests",
        verbose_name=_("municipality"),
    )
    full_name = models.CharField(_("your name"), max_length=150)
    position = models.CharField(
        _("your position in the municipality"),
        max_length=150,
        help_text=_("For example: head of health and care services, or volunteer coordinator."),
    )
    email = models.EmailField(
        _("your email address at work"),
        help_text=_("If the request is approved, the invitation to Samspill is sent here."),
    )
    phone = models.CharField(
        _("your phone number"),
        max_length=20,
        validators=[
            RegexValidator(r"^\+?[0-9 ]{8,19}$", _("Enter a phone number, e.g. 912 34 567."))
        ],
        help_text=_("So that we can call you if something is unclear."),
    )
    message = models.TextField(
        _("message"),
        max_length=2000,
        blank=True,
        help_text=_("Optional. What would you like Samspill to help the municipality with?"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("received"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    reason = models.TextField(_("reason"), max_length=2000, blank=True)
    invitation = models.ForeignKey(
        RoleInvitation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invitation"),
    )

    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("request to start Samspill")
        verbose_name_plural = _("requests to start Samspill")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                "municipality",
                Lower("email"),
                condition=models.Q(status="pending"),
                name="start_request_one_pending_per_municipality_and_email",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.municipality.name}: {self.full_name}"
