from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoordinationConfig(AppConfig):
    name = "coordination"
    verbose_name = _("Coordination")

    def ready(self) -> None:
        from .contrib_units import register as register_units

        register_units()
        from .contrib_routines import register as register_routines

        register_routines()
        from .contrib_staircase import register as register_staircase

        register_staircase()
