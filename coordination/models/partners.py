"""Partner organisations: volunteer centres, associations, businesses and others that work with
one or more municipalities."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from stdnum.no import orgnr

from .core import Municipality


def validate_organisation_number(value: str) -> None:
    if not orgnr.is_valid(value):
        raise ValidationError(
            _("%(value)s is not a valid organisation number (9 digits)."),
            params={"value": value},
        )


class PartnerOrganisation(models.Model):
    """A volunteer centre, association, business or other partner; may serve several
    municipalities (inter-municipal cooperation)."""

    class Kind(models.TextChoices):
        VOLUNTEER_CENTRE = "volunteer_centre", _("Volunteer centre")
        ASSOCIATION = "association", _("Association")
        BUSINESS = "business", _("Business")
        MUSEUM = "museum", _("Museum")
        CHURCH = "church", _("Church or faith community")
        MUNICIPALITY = "municipality", _("Other municipality")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    organisation_number = models.CharField(
        _("organisation number"),
        max_length=9,
        blank=True,
        validators=[validate_organisation_number],
    )
    municipalities = models.ManyToManyField(
        Municipality, related_name="partners", verbose_name=_("municipalities")
    )
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation_number"],
                condition=~models.Q(organisation_number=""),
                name="partner_unique_organisation_number",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.organisation_number = orgnr.compact(self.organisation_number or "")
        super().save(*args, **kwargs)
