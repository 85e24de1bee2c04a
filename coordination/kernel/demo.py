"""What every part of the demo (``seed_demo`` and each area's ``demo.py``) shares: the demo
municipalities and the demo password. An area's ``demo.py`` registers its step with
``@contribute.demo_step(order=…)``."""

from coordination.kernel.models import Membership, Role, User

DEMO_PASSWORD = "samspill-demo-2026"
LOM, DRAMMEN = "3434", "3301"

# The steps run by their ``order``: 10 partners, 20 units and the forum, 30 routines and the
# annual wheel, 40–60 volunteers, screening and needs, 90 the staircase (it reads what the
# others made), 95 volunteers linked to units.


def coordinator_of(number: str) -> User:
    """The municipality's first coordinator: each demo step acts as them, through the services."""
    membership = (
        Membership.objects.in_municipality(number)
        .filter(role=Role.COORDINATOR)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    if membership is None:
        raise LookupError(f"The demo has no coordinator in {number}.")
    return membership.user
