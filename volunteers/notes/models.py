"""A coordinator's notes about a volunteer, kept by the municipality that wrote them."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coordination.kernel.models import Municipality, TenantQuerySet
from volunteers.profile.models import Volunteer


class VolunteerNote(models.Model):
    """A coordinator's note about a volunteer (what was agreed in a conversation, …); never
    health information or what a police certificate says."""

    volunteer = models.ForeignKey(
        Volunteer, on_delete=models.CASCADE, related_name="notes", verbose_name=_("volunteer")
    )
    # The municipality whose staff wrote it: shown only there, wherever the volunteer is now.
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("municipality"),
    )
    text = models.TextField(_("note"), max_length=2000)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    written_at = models.DateTimeField(_("written"), default=timezone.now)

    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["-written_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.volunteer} {self.written_at:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        if self.municipality_id is None:  # written where the volunteer is
            self.municipality_id = self.volunteer.municipality_id
        super().save(*args, **kwargs)
