"""Needs, after Vennesla's method: the list and reporting and changing a need (``needs``), the
need page and what is done from it (``page``, ``follow_up``) for coordinators and volunteer
contacts (the person's details only for those allowed), and the public form for asking for help
(``public``). The pairings and the volunteer's side are in assignment_views.py."""

from volunteers.needs.views.follow_up import follow_up_plan, follow_up_record
from volunteers.needs.views.needs import LIST_FIELDS, need_edit, need_list, need_report
from volunteers.needs.views.page import (
    invitation_answer,
    invitation_withdraw,
    need_detail,
    need_extra_check,
    need_invite,
    need_left_out,
    need_service_clarified,
    need_step,
)
from volunteers.needs.views.public import PUBLIC_RATE_ACTION, help_form, help_thanks

__all__ = [
    "LIST_FIELDS",
    "PUBLIC_RATE_ACTION",
    "follow_up_plan",
    "follow_up_record",
    "help_form",
    "help_thanks",
    "invitation_answer",
    "invitation_withdraw",
    "need_detail",
    "need_edit",
    "need_extra_check",
    "need_invite",
    "need_left_out",
    "need_list",
    "need_report",
    "need_service_clarified",
    "need_step",
]
