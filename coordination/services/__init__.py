"""Writes with rules or side effects, one module per area; views call these."""

from coordination.services.core import (
    MUNICIPALITIES_CSV,
    add_membership,
    load_municipalities,
    read_municipalities,
    remove_membership,
)

__all__ = [
    "MUNICIPALITIES_CSV",
    "add_membership",
    "load_municipalities",
    "read_municipalities",
    "remove_membership",
]
