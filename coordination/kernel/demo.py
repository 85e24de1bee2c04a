"""What every part of the demo (``seed_demo`` and each area's ``demo.py``) shares: the demo
municipalities and the demo password. An area's ``demo.py`` registers its step with
``@contribute.demo_step(order=…)``."""

DEMO_PASSWORD = "samspill-demo-2026"
LOM, DRAMMEN = "3434", "3301"

# The steps run by their ``order``: 10 partners, 20 units and the forum, 30 routines and the
# annual wheel, 40–60 volunteers, screening and needs, 90 the staircase (it reads what the
# others made), 95 volunteers linked to units.
