"""Matching's "who was left out, and why" in words for the coordinator's need page: each
reason with the way to fix it where there is one (the registry filtered to the volunteers
concerned, or the course page)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from volunteers.matching.ranking import LeftOut
from volunteers.needs.models import Need


def _reason_text(key: str, count: int) -> str:
    """What keeps ``count`` volunteers out of matching for one reason (still with %(role)s,
    and for a course with %(course)s, to fill in)."""
    if key == "consent":
        return ngettext(
            "%(count)s has not logged in to give their consent yet",
            "%(count)s have not logged in to give their consent yet",
            count,
        )
    if key == "role":
        return ngettext(
            "%(count)s does not have the role %(role)s",
            "%(count)s do not have the role %(role)s",
            count,
        )
    if key == "declaration":
        return ngettext(
            "%(count)s has not signed the confidentiality declaration",
            "%(count)s have not signed the confidentiality declaration",
            count,
        )
    if key.startswith("course:"):
        return ngettext(
            "%(count)s has not done the course %(course)s",
            "%(count)s have not done the course %(course)s",
            count,
        )
    if key == "certificate":
        return ngettext(
            "%(count)s is missing an approved police certificate for the role %(role)s",
            "%(count)s are missing an approved police certificate for the role %(role)s",
            count,
        )
    return _other_reason_text(key, count)


def _other_reason_text(key: str, count: int) -> str:
    """The reasons about the need's place, times and wishes, and room for more tasks."""
    if key == "area":
        return ngettext(
            "%(count)s lives in another area and does not travel",
            "%(count)s live in another area and do not travel",
            count,
        )
    if key == "times":
        return ngettext(
            "%(count)s is not free at the times asked for",
            "%(count)s are not free at the times asked for",
            count,
        )
    if key == "car":
        return ngettext(
            "%(count)s does not have a driving licence and a car",
            "%(count)s do not have a driving licence and a car",
            count,
        )
    if key == "gender":
        return ngettext(
            "%(count)s is not of the gender the person would prefer",
            "%(count)s are not of the gender the person would prefer",
            count,
        )
    return ngettext(  # busy
        "%(count)s has no room for more tasks now",
        "%(count)s have no room for more tasks now",
        count,
    )


def _reason_fix(key: str, left: LeftOut, need: Need) -> tuple[str, str]:
    """Where to fix one reason, and the link's words ("" where there is nothing to do)."""
    number = need.municipality_id

    def registry(**filters) -> str:
        url = reverse("volunteers:registry", args=[number])
        return f"{url}?{urlencode({'interest': need.kind, **filters})}"

    if key == "consent":
        return "", _("They are proposed once they have logged in and consented.")
    if key == "role":
        return registry(), _("Give them the role from the registry")
    if key == "declaration":
        return registry(declaration="missing"), _("See who has not signed, in the registry")
    if key.startswith("course:"):
        course = left.courses[int(key.split(":", 1)[1])]
        url = reverse("volunteers:course_detail", args=[number, course.pk])
        return url, _("The course and its sessions")
    if key == "certificate":
        return (
            registry(role=left.role.pk if left.role else "", readiness="missing"),
            _("See who is not ready for the role, in the registry"),
        )
    return "", ""


def left_out_lines(left: LeftOut, need: Need) -> dict:
    """Who matching left out and why, each reason with the way to fix it where there is one:
    the registry filtered to the volunteers concerned, or the course page."""
    role = left.role
    lines = []
    for key, count in left.reasons.items():
        params = {"count": count, "role": role.name if role else ""}
        if key.startswith("course:"):
            params = {**params, "course": left.courses[int(key.split(":", 1)[1])].name, "role": ""}
        fix_url, fix_text = _reason_fix(key, left, need)
        text = _reason_text(key, count) % params
        lines.append({"text": text, "fix_url": fix_url, "fix_text": fix_text})
    return {
        "considered": left.considered,
        "total": left.total,
        "lines": lines,
        "overlap": sum(left.reasons.values()) > left.total,
    }
