"""Writes of the catalogue: places (``places``), activities published by those who run them
(``activities``), proposals from people without an organisation and the coordinator's answer
(``proposals``), the municipality's own activity types (``types``). Each starts with
``require(...)``, runs in a transaction and refuses with a sentence a person understands."""

from activities.catalogue.services.activities import (
    ACTIVITY_FIELDS,
    archive_activity,
    check_activity,
    create_activity,
    republish_activity,
    update_activity,
)
from activities.catalogue.services.common import is_coordinator, partners_of, plain
from activities.catalogue.services.places import PLACE_FIELDS, create_place, update_place
from activities.catalogue.services.proposals import (
    approve_activity,
    decline_activity,
    propose_activity,
)
from activities.catalogue.services.types import add_activity_type, rename_activity_type

__all__ = [
    "ACTIVITY_FIELDS",
    "PLACE_FIELDS",
    "add_activity_type",
    "approve_activity",
    "archive_activity",
    "check_activity",
    "create_activity",
    "create_place",
    "decline_activity",
    "is_coordinator",
    "partners_of",
    "plain",
    "propose_activity",
    "rename_activity_type",
    "republish_activity",
    "update_activity",
    "update_place",
]
