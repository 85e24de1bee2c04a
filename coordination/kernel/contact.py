"""Someone to call: what a municipality's coordinator has chosen to show the public (their name,
a phone number, an email address, when to call), and who signs and answers the portal's emails
for the municipality. Nothing personal is public until a coordinator chooses it."""

from __future__ import annotations

from dataclasses import dataclass
from email.utils import formataddr

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from coordination.kernel.models import Membership, Municipality, Role, TenantQuerySet, User
from coordination.kernel.text import one_line

PHONE_VALIDATOR = RegexValidator(r"^\+?[0-9 ]{8,19}$", _("Enter a phone number, e.g. 912 34 567."))


class PublicContact(models.Model):
    """What the public page of a municipality shows about whom to call. A coordinator fills it
    in; the name is shown only when ``show_name``, the phone and email only when given."""

    municipality = models.OneToOneField(
        Municipality,
        on_delete=models.CASCADE,
        related_name="public_contact",
        verbose_name=_("municipality"),
    )
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("coordinator"),
        help_text=_("The coordinator people may ask for. Their emails are signed with this name."),
    )
    show_name = models.BooleanField(
        _("show the coordinator's name on the public page"), default=False
    )
    phone = models.CharField(
        _("phone number to call"),
        max_length=20,
        blank=True,
        validators=[PHONE_VALIDATOR],
        help_text=_("Shown on the public page. Leave it empty to show no phone number."),
    )
    email = models.EmailField(
        _("email address to show"),
        blank=True,
        help_text=_(
            "Shown on the public page, and replies to the portal's emails go to it. Leave it "
            "empty to show no email address."
        ),
    )
    when_to_call = models.CharField(
        _("when to call"),
        max_length=200,
        blank=True,
        help_text=_("For example: weekdays 9–15."),
    )
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )

    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("public contact")
        verbose_name_plural = _("public contacts")

    def __str__(self) -> str:
        return str(self.municipality)

    @property
    def shown_name(self) -> str:
        """The coordinator's name if they chose to show it and still are coordinator."""
        if self.show_name and self.coordinator_id and _is_coordinator(self.coordinator, self):
            return self.coordinator.full_name  # type: ignore[union-attr]
        return ""

    @property
    def has_anything(self) -> bool:
        return bool(self.shown_name or self.phone or self.email)


def _is_coordinator(user: User | None, contact: PublicContact) -> bool:
    return (
        user is not None
        and user.is_active
        and Membership.objects.filter(
            user=user, municipality_id=contact.municipality_id, role=Role.COORDINATOR
        ).exists()
    )


def public_contact(municipality: Municipality | str) -> PublicContact | None:
    """The municipality's public contact, or None when no coordinator has chosen one."""
    number = getattr(municipality, "pk", municipality)
    return PublicContact.objects.select_related("coordinator").filter(municipality=number).first()


@dataclass(frozen=True)
class Sender:
    """Who an email about a municipality comes from: the signature's name and place, and the
    address replies go to ("" when there is none)."""

    name: str
    municipality: str
    reply_to: str


def sender_for(municipality: Municipality | str | None) -> Sender | None:
    """The coordinator who signs the municipality's emails: the one chosen as its public
    contact, else its first coordinator. Replies go to the public email, else to that
    coordinator. None when the municipality has no coordinator."""
    if municipality is None:
        return None
    if not isinstance(municipality, Municipality):
        found = Municipality.objects.filter(pk=municipality).first()
        if found is None:
            return None
        municipality = found
    contact = public_contact(municipality)
    person = contact.coordinator if contact else None
    if contact is None or not _is_coordinator(person, contact):
        first = (
            Membership.objects.in_municipality(municipality)
            .filter(role=Role.COORDINATOR, user__is_active=True)
            .select_related("user")
            .order_by("created_at", "pk")
            .first()
        )
        person = first.user if first else None
    if person is None:
        return None
    name = one_line(person.full_name or "")
    address = (contact.email if contact and contact.email else person.email) or ""
    return Sender(
        name=name, municipality=municipality.name, reply_to=reply_to_header(name, address)
    )


def reply_to_header(name: str, address: str) -> str:
    """``"Name" <address>`` for a Reply-To header: the name on one line and quoted, so that no
    name can add a header line or another recipient; "" without an address."""
    address = one_line(address or "")
    if not address or any(ch in address for ch in "<>,;\"'() "):
        return ""
    return formataddr((one_line(name or ""), address))
