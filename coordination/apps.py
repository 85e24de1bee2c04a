from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoordinationConfig(AppConfig):
    name = "coordination"
    verbose_name = _("Coordination")

    def ready(self) -> None:
        # Each area of coordination registers its dashboard panel, annual wheel entries,
        # staircase evidence, overview links and demo data (see contributions.py).
        from coordination import (
            contrib_partners,
            contrib_routines,
            contrib_staircase,
            contrib_units,
        )

        for area in (contrib_staircase, contrib_partners, contrib_units, contrib_routines):
            area.register()
