"""What every part of the demo (``seed_demo`` and each area's ``demo.py``) shares: the demo
municipalities and the demo password. An area's ``demo.py`` registers its step with
``@contribute.demo_step(order=…)``."""

import datetime
from collections.abc import Iterator
from contextlib import contextmanager

import time_machine
from allauth.account.models import EmailAddress
from django.utils import timezone

from coordination.kernel.models import Membership, Role, User

DEMO_PASSWORD = "samspill-demo-2026"
LOM, DRAMMEN = "3434", "3301"
# Lom's neighbour down the valley: a volunteer from Lom helps there too (issue 13).
VAGA = "3435"

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


def demo_login(email: str, full_name: str, **defaults) -> User:
    """A demo person who can log in with the demo password (their address verified)."""
    user, _ = User.objects.get_or_create(email=email, defaults={"full_name": full_name, **defaults})
    user.set_password(DEMO_PASSWORD)
    user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


@contextmanager
def on(day: datetime.date, hour: int = 10) -> Iterator[None]:
    """Run the services as if it were ``day`` at ``hour`` o'clock, so that what the demo makes
    carries the dates of its story (a meeting's minutes the day after it, not today)."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
    with time_machine.travel(moment, tick=False):
        yield
