"""The sentences of the volunteers app's audit codes, made in the reader's language when the
log is read (the log stores only the code and its parameters)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, ngettext_lazy

from coordination.kernel.audit import amount
from volunteers.needs.models import EndReason, Need, NeedSource, NeedStatus
from volunteers.profile.models import Volunteer


def _choice(choices, value) -> str:
    return str(choices(value).label) if value in choices.values else str(value)


def _reported(params: dict) -> str:
    return _("Need reported by: %(source)s") % {"source": _choice(NeedSource, params["source"])}


def _changed(params: dict) -> str:
    names = []
    for field in params["fields"]:
        try:
            names.append(str(Need._meta.get_field(field).verbose_name))
        except Exception:  # a field that no longer exists keeps its stored name
            names.append(field)
    return _("Changed: %(fields)s") % {"fields": ", ".join(names)}


def _step(params: dict) -> str:
    return _("Step: %(step)s") % {"step": _choice(NeedStatus, params["step"])}


def _ended(params: dict) -> str:
    return _("Ended: %(reason)s") % {"reason": _choice(EndReason, params["reason"])}


def _answered_for(params: dict) -> str:
    """An answer a coordinator recorded for a volunteer who gave it by text message or phone."""
    answer = _("yes") if params.get("answer") == "accept" else _("no")
    if params.get("channel") == "sms":
        return _("Answer recorded for the volunteer, given by text message: %(answer)s") % {
            "answer": answer
        }
    return _("Answer recorded for the volunteer, given by phone: %(answer)s") % {"answer": answer}


def _role_taken(params: dict) -> str:
    text = _("Role taken away: %(role)s") % params
    count = int(params.get("certificates", 0))
    if count:
        text += "; " + ngettext(
            "%(count)s police certificate record deleted",
            "%(count)s police certificate records deleted",
            count,
        ) % {"count": count}
    return text


def _km_rate(params: dict) -> str:
    return _("Kilometre rate changed from %(before)s to %(after)s") % {
        "before": amount(params["before"]),
        "after": amount(params["after"]),
    }


def _details_changed(params: dict) -> str:
    names = []
    for field in params["fields"]:
        if field == "interests":
            names.append(_("interests"))
            continue
        if field == "through_organisation":  # the field's label speaks to the volunteer
            names.append(_("the organisation they volunteer through"))
            continue
        try:
            names.append(str(Volunteer._meta.get_field(field).verbose_name))
        except Exception:  # a field that no longer exists keeps its stored name
            names.append(field)
    return _("Details changed: %(fields)s") % {"fields": ", ".join(names)}


MESSAGES = {
    "volunteer.registered_by_phone": gettext_lazy(
        "Registered by a coordinator; consent given by phone"
    ),
    "volunteer.details_changed": _details_changed,
    "volunteer.consent_by_phone": gettext_lazy("Consent given by phone"),
    "volunteer.login_invited": gettext_lazy("Invited by email to make a login"),
    "volunteer.login_linked": gettext_lazy("Made a login, linked to this volunteer"),
    "volunteer.viewed": gettext_lazy("Profile of %(name)s"),
    "volunteer.note": gettext_lazy("Note about the volunteer"),
    "volunteer.left": gettext_lazy("Left as a volunteer"),
    "volunteer.anonymised": gettext_lazy("Personal data anonymised"),
    "volunteer.role_given": gettext_lazy("Role given: %(role)s"),
    "volunteer.role_taken": _role_taken,
    "volunteer.certificate_checked": gettext_lazy("Police certificate check recorded: %(role)s"),
    "volunteers.imported": ngettext_lazy(
        "%(count)s volunteer imported from a file",
        "%(count)s volunteers imported from a file",
        "count",
    ),
    "volunteers.exported": ngettext_lazy(
        "%(count)s volunteer (%(format)s)", "%(count)s volunteers (%(format)s)", "count"
    ),
    "declaration.published": gettext_lazy("Confidentiality declaration, version %(version)s"),
    "need.person_viewed": gettext_lazy("Details of the person who needs help"),
    "needs.names_listed": gettext_lazy("Names on the needs list"),
    "need.service_clarified": gettext_lazy("Clarified with the municipal service"),
    "need.extra_check": gettext_lazy("Extra check before inviting confirmed"),
    "volunteer.units": gettext_lazy("Units of the volunteer: %(units)s"),
    "volunteers.insurance": gettext_lazy("Insurance information for volunteers"),
    "need.reported": _reported,
    "need.changed": _changed,
    "need.step": _step,
    "need.invited": ngettext_lazy(
        "%(count)s volunteer invited", "%(count)s volunteers invited", "count"
    ),
    "need.follow_ups_planned": ngettext_lazy(
        "%(count)s follow-up conversation planned",
        "%(count)s follow-up conversations planned",
        "count",
    ),
    "invitation.withdrawn": gettext_lazy("Invitation withdrawn"),
    "invitation.accepted": gettext_lazy("Invitation accepted"),
    "invitation.declined": gettext_lazy("Invitation declined"),
    "invitation.answered_for": _answered_for,
    "assignment.pairing": gettext_lazy("Trial meeting and frequency recorded"),
    "assignment.paused": gettext_lazy("Assignment paused"),
    "assignment.resumed": gettext_lazy("Assignment resumed"),
    "assignment.ended": _ended,
    "follow_up.held": gettext_lazy("Follow-up conversation held"),
    "hours.logged_approved": gettext_lazy("Hours logged and approved"),
    "hours.approved": gettext_lazy("Hours approved"),
    "hours.rejected": gettext_lazy("Hours not approved"),
    "hours.km_rate": _km_rate,
}
