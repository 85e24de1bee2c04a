"""Sign-ups: a participant (the person themself, or someone signing up on their behalf) for
one session, or for the whole period of an activity that enrols for a period; with what they
need (transport, mobility aids, accessibility) and the fee category they chose. Full: a place
on the waiting list, promoted in order."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from activities.catalogue.models import Activity
from activities.schedule.models import Session
from coordination.kernel.models import Municipality, TenantQuerySet
from coordination.kernel.transitions import GuardedStatus


class FeeCategory(models.TextChoices):
    """Chosen by the participant; no income documents are stored."""

    STANDARD = "standard", _("Standard fee")
    REDUCED = "reduced", _("Reduced fee")
    FREE = "free", _("Free place")


class MobilityAid(models.TextChoices):
    WALKER = "walker", _("Walker (rollator)")
    WHEELCHAIR = "wheelchair", _("Wheelchair")
    CANE = "cane", _("Walking stick")
    OTHER = "other", pgettext_lazy("mobility aid", "Other aid")


class Reminder(models.TextChoices):
    """How the participant wants the reminder the day before."""

    EMAIL = "email", _("Email")
    SMS = "sms", _("Text message")
    PHONE = "phone", _("A phone call")
    NONE = "none", _("No reminder")


class OnBehalf(models.TextChoices):
    """Who signed the participant up, when it was not the participant."""

    SELF = "", _("The participant themself")
    RELATIVE = "relative", _("A relative or friend")
    HOME_CARE = "home_care", _("Home care staff")
    ORGANISER = "organiser", _("The organiser or coordinator, by phone")


class SignUpStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Has a place")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", pgettext_lazy("sign-up status", "Cancelled")


# Waiting -> confirmed when a place frees up (in order); either may be cancelled.
SIGNUP_ALLOWED: dict[str, set[str]] = {
    SignUpStatus.WAITING: {SignUpStatus.CONFIRMED, SignUpStatus.CANCELLED},
    SignUpStatus.CONFIRMED: {SignUpStatus.CANCELLED},
    SignUpStatus.CANCELLED: set(),
}


class SignUpQuerySet(TenantQuerySet):
    def confirmed(self):
        return self.filter(status=SignUpStatus.CONFIRMED)

    def waiting(self):
        return self.filter(status=SignUpStatus.WAITING).order_by("created_at", "pk")

    def active(self):
        return self.exclude(status=SignUpStatus.CANCELLED)


def new_token() -> str:
    return secrets.token_urlsafe(24)


class SignUp(GuardedStatus, models.Model):
    """One participant's place. ``session`` None: enrolled for the activity's whole period
    (the activity enrols ``for_period``); the place then counts in every session of it."""

    ALLOWED = SIGNUP_ALLOWED

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("municipality")
    )
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="signups", verbose_name=_("activity")
    )
    session = models.ForeignKey(
        Session,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="signups",
        verbose_name=_("session"),
    )
    participant_name = models.CharField(_("participant's name"), max_length=150)
    participant_phone = models.CharField(_("participant's phone"), max_length=20, blank=True)
    participant_email = models.EmailField(_("participant's email"), blank=True)
    # Set when the participant signed up themself while logged in (their page lists it).
    participant_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activity_signups",
        verbose_name=_("participant's login"),
    )
    on_behalf = models.CharField(
        _("signed up by"),
        max_length=20,
        choices=OnBehalf.choices,
        default=OnBehalf.SELF,
        blank=True,
    )
    signed_up_by_name = models.CharField(_("name of who signed up"), max_length=150, blank=True)
    signed_up_by_phone = models.CharField(_("their phone"), max_length=20, blank=True)
    signed_up_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signed up by (login)"),
    )
    reminder = models.CharField(
        _("reminder the day before"), max_length=10, choices=Reminder.choices, default=Reminder.NONE
    )
    needs_transport = models.BooleanField(_("needs transport"), default=False)
    pickup_address = models.CharField(_("pick-up address"), max_length=200, blank=True)
    pickup_area = models.CharField(_("village or area"), max_length=100, blank=True)
    return_trip = models.BooleanField(_("needs a ride home too"), default=True)
    mobility_aids = models.JSONField(_("mobility aids"), default=list, blank=True)  # MobilityAid
    accessibility_needs = models.CharField(
        _("anything else the organiser should know"), max_length=300, blank=True
    )
    fee_category = models.CharField(
        _("fee"), max_length=10, choices=FeeCategory.choices, default=FeeCategory.STANDARD
    )
    binding = models.BooleanField(_("binding"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=SignUpStatus.choices, default=SignUpStatus.CONFIRMED
    )
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)
    promoted_at = models.DateTimeField(
        _("got a place from the waiting list"), null=True, blank=True
    )
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    # The link in the receipt lets the participant see and cancel without a login.
    token = models.CharField(max_length=40, unique=True, default=new_token, editable=False)

    objects = SignUpQuerySet.as_manager()

    class Meta:
        verbose_name = _("sign-up")
        verbose_name_plural = _("sign-ups")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["session", "status", "created_at"], name="signup_session_idx"),
            models.Index(fields=["activity", "status", "created_at"], name="signup_activity_idx"),
            models.Index(fields=["municipality", "created_at"], name="signup_muni_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(needs_transport=False) | ~models.Q(pickup_address=""),
                name="signup_transport_has_address",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant_name} – {self.session or self.activity}"
