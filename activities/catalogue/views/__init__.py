"""The public catalogue, an activity's page and proposing one (``public``); the organisers'
pages (``organisers``); the coordinator's proposals, activity types and places
(``coordinator``)."""

from activities.catalogue.views.coordinator import (
    activity_type_list,
    place_create,
    place_edit,
    place_list,
    proposal_decide,
    proposal_list,
)
from activities.catalogue.views.organisers import (
    activity_archive,
    activity_create,
    activity_edit,
    activity_list,
    activity_manage,
    activity_republish,
)
from activities.catalogue.views.public import (
    PUBLIC_RATE_ACTION,
    activity_detail,
    activity_propose,
    catalogue,
)

__all__ = [
    "PUBLIC_RATE_ACTION",
    "activity_archive",
    "activity_create",
    "activity_detail",
    "activity_edit",
    "activity_list",
    "activity_manage",
    "activity_propose",
    "activity_republish",
    "activity_type_list",
    "catalogue",
    "place_create",
    "place_edit",
    "place_list",
    "proposal_decide",
    "proposal_list",
]
