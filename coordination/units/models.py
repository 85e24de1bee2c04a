"""Units (virksomheter) and their volunteer contacts, and the forum where the contacts meet
(the Drammen model: a network coordinator, a volunteer contact in every unit, a joint forum)."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coordination.kernel.contact import PHONE_VALIDATOR
from coordination.kernel.models import Membership, Municipality, TenantQuerySet


class UnitKind(models.TextChoices):
    NURSING_HOME = "nursing_home", _("Nursing home")
    HOME_CARE = "home_care", _("Home care")
    DAY_CENTRE = "day_centre", _("Day centre")
    LIBRARY = "library", _("Library")
    OTHER = "other", _("Other")


class UnitQuerySet(TenantQuerySet):
    def without_contact(self) -> "UnitQuerySet":
        return self.filter(contact_links__isnull=True)


class Unit(models.Model):
    """A place in the municipality where volunteers help: a nursing home, home care, a day
    centre, the library. Its volunteer contacts follow up the volunteers there."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="units", verbose_name=_("municipality")
    )
    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("kind of unit"), max_length=20, choices=UnitKind.choices)
    address = models.CharField(_("address or area"), max_length=200, blank=True)
    leader_name = models.CharField(_("unit leader"), max_length=150, blank=True)
    phone = models.CharField(
        _("phone"),
        max_length=20,
        blank=True,
        validators=[PHONE_VALIDATOR],
        help_text=_("The number volunteers call, e.g. the home care service's duty phone."),
    )
    contacts = models.ManyToManyField(
        Membership,
        through="UnitContact",
        related_name="units",
        blank=True,
        verbose_name=_("volunteer contacts"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                "municipality", Lower("name"), name="unit_name_unique_in_municipality"
            )
        ]
        indexes = [models.Index(fields=["municipality", "name"], name="unit_municipality_name")]

    def __str__(self) -> str:
        return self.name


class UnitContact(models.Model):
    """A volunteer contact serving a unit. Taking the person's role away removes the link."""

    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="contact_links", verbose_name=_("unit")
    )
    membership = models.ForeignKey(
        Membership,
        on_delete=models.CASCADE,
        related_name="unit_links",
        verbose_name=_("volunteer contact"),
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("volunteer contact of a unit")
        verbose_name_plural = _("volunteer contacts of units")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "membership"], name="unit_contact_unique")
        ]

    def __str__(self) -> str:
        return f"{self.unit}: {self.membership.user}"

    @property
    def municipality_id(self) -> str:
        return self.unit.municipality_id


class ForumMeetingQuerySet(TenantQuerySet):
    def upcoming(self) -> "ForumMeetingQuerySet":
        return self.filter(starts_at__gte=timezone.now())

    def past(self) -> "ForumMeetingQuerySet":
        return self.filter(starts_at__lt=timezone.now())


class ForumMeeting(models.Model):
    """A meeting of the forum of volunteer contacts: when and where, the agenda, the minutes
    (and who wrote them, when) and who came."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="forum_meetings",
        verbose_name=_("municipality"),
    )
    starts_at = models.DateTimeField(_("date and time"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    agenda = models.TextField(_("agenda"), blank=True, max_length=10_000)
    minutes = models.TextField(_("minutes"), blank=True, max_length=50_000)
    minutes_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("minutes written by"),
    )
    minutes_by_name = models.CharField(_("minutes written by (name)"), max_length=150, blank=True)
    minutes_at = models.DateTimeField(_("minutes written"), null=True, blank=True)
    attendees = models.ManyToManyField(
        Membership, related_name="forum_meetings", blank=True, verbose_name=_("who attended")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ForumMeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("forum meeting")
        verbose_name_plural = _("forum meetings")
        ordering = ["-starts_at", "pk"]
        indexes = [
            models.Index(fields=["municipality", "starts_at"], name="forum_municipality_starts")
        ]

    def __str__(self) -> str:
        return f"{self.starts_at:%Y-%m-%d %H:%M} {self.place}"

    @property
    def is_past(self) -> bool:
        return self.starts_at < timezone.now()
