"""Which units a volunteer helps in: the units' volunteer contacts follow them up."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from coordination.units.models import Unit
from volunteers.profile.models import Volunteer


class VolunteerUnit(models.Model):
    """A unit where a volunteer helps (a nursing home, home care, …): the unit's volunteer
    contacts follow the volunteer up and see them in the registry (the Drammen model). A
    coordinator links a volunteer to one or more units of the volunteer's municipality."""

    volunteer = models.ForeignKey(
        Volunteer, on_delete=models.CASCADE, related_name="unit_links", verbose_name=_("volunteer")
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="volunteer_links", verbose_name=_("unit")
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("unit of a volunteer")
        verbose_name_plural = _("units of volunteers")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["volunteer", "unit"], name="volunteer_unit_once")
        ]

    def __str__(self) -> str:
        return f"{self.volunteer} – {self.unit}"
