from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolunteersConfig(AppConfig):
    name = "volunteers"
    verbose_name = _("Volunteers")

    def ready(self) -> None:
        # What the app contributes to the rest of the portal is in its contributions.py files
        # (found by CoordinationConfig.ready()); only the signal receivers connect here.
        from volunteers import signals  # noqa: F401 (signals connect on import)
