"""The schemes area's pages: the national administrator's grant-makers and a grant-maker's
people and home (makers.py), its schemes and rounds (rounds.py), and the public pages of the
rounds (public.py)."""

from grants.schemes.views.makers import (
    grant_maker_create,
    grant_maker_home,
    grant_maker_list,
    grant_maker_officer_add,
    grant_maker_roles,
    grant_role_remove,
)
from grants.schemes.views.public import round_list, round_public
from grants.schemes.views.rounds import (
    round_conditions,
    round_create,
    round_criteria,
    round_edit,
    round_questions,
    scheme_create,
    scheme_edit,
)

__all__ = [
    "grant_maker_create",
    "grant_maker_home",
    "grant_maker_list",
    "grant_maker_officer_add",
    "grant_maker_roles",
    "grant_role_remove",
    "round_conditions",
    "round_create",
    "round_criteria",
    "round_edit",
    "round_list",
    "round_public",
    "round_questions",
    "scheme_create",
    "scheme_edit",
]
