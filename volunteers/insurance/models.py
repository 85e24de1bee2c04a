"""Insurance: who insures the municipality's volunteers, for what, and what holds when a
volunteer drives their own car. One row per municipality, written by the coordinator and shown
to volunteers in the roles where it matters (role clarity, seed 003)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coordination.kernel.models import Municipality
from volunteers.screening.models import VolunteerRole


class InsuranceInfo(models.Model):
    municipality = models.OneToOneField(
        Municipality,
        on_delete=models.CASCADE,
        related_name="volunteer_insurance",
        verbose_name=_("municipality"),
    )
    insured_by = models.CharField(
        _("who insures the volunteers"),
        max_length=200,
        help_text=_("For example: the municipality, through its insurance company."),
    )
    covers = models.TextField(
        _("what the insurance covers"),
        max_length=1000,
        help_text=_("For example: accidents and injuries while helping, and damage you cause."),
    )
    own_car = models.TextField(
        _("when a volunteer drives their own car"),
        max_length=1000,
        blank=True,
        help_text=_(
            "Who covers damage to the car and to passengers, and what the volunteer must do. "
            "Write it plainly, also when the volunteer's own car insurance is what applies."
        ),
    )
    if_something_happens = models.TextField(
        _("if something happens"),
        max_length=1000,
        blank=True,
        help_text=_("Whom to call, and what to write down."),
    )
    roles = models.ManyToManyField(
        VolunteerRole,
        blank=True,
        related_name="+",
        verbose_name=_("roles where insurance matters"),
        help_text=_(
            "Volunteers in these roles see the insurance on their page and in invitations. "
            "Volunteers in roles that give transport always do."
        ),
    )
    updated_at = models.DateTimeField(_("changed"), default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )

    class Meta:
        verbose_name = _("insurance for volunteers")
        verbose_name_plural = _("insurance for volunteers")

    def __str__(self) -> str:
        return str(self.municipality)
