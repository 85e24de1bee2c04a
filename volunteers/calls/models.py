"""The call list: people the coordinator phones instead of writing to them, because they chose
a phone call (or have no email), or because a text message to them could not be sent."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coordination.kernel.models import Municipality, SmsMessage, TenantQuerySet
from volunteers.needs.models import Invitation
from volunteers.profile.models import Signature, Volunteer


class CallReason(models.TextChoices):
    INVITATION = "invitation", _("Invitation to help")
    DECLARATION = "declaration", _("Confidentiality declaration not signed")
    CERTIFICATE = "certificate", _("Police certificate to renew")
    SMS_FAILED = "sms_failed", _("Text message could not be sent")


class PhoneCallQuerySet(TenantQuerySet):
    def waiting(self):
        """Not marked done, and still needed: for a volunteer who has not stopped; an
        invitation's call only while it waits for an answer (answered or withdrawn, there is
        nothing to ask any more); a declaration's only until the volunteer signs."""
        signed_since = Signature.objects.filter(
            volunteer=models.OuterRef("volunteer"), signed_at__gte=models.OuterRef("created_at")
        )
        return (
            self.filter(
                done_at__isnull=True,
                volunteer__left_at__isnull=True,
                volunteer__anonymised_at__isnull=True,
            )
            .filter(models.Q(invitation__isnull=True) | models.Q(invitation__status="pending"))
            .exclude(models.Q(reason=CallReason.DECLARATION) & models.Exists(signed_since))
        )


class PhoneCall(models.Model):
    """One call to make: who, why (the invitation, the reminder, the message that failed), and
    when a coordinator marked it done."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="phone_calls",
        verbose_name=_("municipality"),
    )
    volunteer = models.ForeignKey(
        Volunteer, on_delete=models.CASCADE, related_name="phone_calls", verbose_name=_("volunteer")
    )
    reason = models.CharField(_("why"), max_length=20, choices=CallReason.choices)
    invitation = models.ForeignKey(
        Invitation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="phone_calls",
        verbose_name=_("invitation"),
    )
    sms = models.ForeignKey(
        SmsMessage,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("text message"),
    )
    # What to say, for a reminder: e.g. the role and date of the certificate to renew.
    details = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("done by"),
    )

    objects = PhoneCallQuerySet.as_manager()

    class Meta:
        verbose_name = _("phone call")
        verbose_name_plural = _("phone calls")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["invitation"],
                condition=models.Q(reason="invitation"),
                name="phone_call_one_per_invitation",
            ),
            models.UniqueConstraint(fields=["sms"], name="phone_call_one_per_sms"),
        ]
        indexes = [
            models.Index(fields=["municipality", "done_at", "created_at"], name="call_open_idx")
        ]

    def __str__(self) -> str:
        return f"{self.volunteer}: {self.get_reason_display()}"
