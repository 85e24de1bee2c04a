from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoordinationConfig(AppConfig):
    name = "coordination"
    verbose_name = _("Coordination")

    def ready(self) -> None:
        # Each area of coordination registers its dashboard panel, annual wheel entries,
        # staircase evidence, overview links and demo data (see contributions.py).
        from coordination.partners import contributions as contrib_partners
        from coordination.routines import contributions as contrib_routines
        from coordination.staircase import contributions as contrib_staircase
        from coordination.units import contributions as contrib_units

        for area in (contrib_staircase, contrib_partners, contrib_units, contrib_routines):
            area.register()
