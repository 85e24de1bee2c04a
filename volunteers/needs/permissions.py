"""Who may see the person a need is about.

The person's details (``Need.PERSONAL_FIELDS``) are seen only by the coordinator and by the
volunteers assigned while the assignment runs and they are ready for it (``can_see_person``)."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _

from coordination.kernel import audit
from coordination.kernel.models import Municipality
from coordination.kernel.permissions import can
from volunteers.needs.models import Assignment, AssignmentStatus, Need
from volunteers.screening.readiness import Verdict, readiness_for_need


def can_see_person(user, need: Need) -> Verdict:
    """The person's details: the coordinator (``manage_needs``), and a volunteer only while
    their assignment for this need runs and they are ready for it (declaration signed, the
    role's police certificate and courses: ``readiness_for_need``). A volunteer who stops being
    ready loses the details until ready again; the verdict says why. Volunteer contacts who
    report needs never see them."""
    if not user.is_authenticated or not user.is_active:
        return Verdict(False, _("Log in to see this."))
    if need.anonymised_at is not None:
        return Verdict(False, _("This need has been anonymised: the person's details are deleted."))
    if can(user, "manage_needs", need):
        return Verdict(True)
    assignment = (
        Assignment.objects.filter(need=need, volunteer__user=user)
        .exclude(status=AssignmentStatus.ENDED)
        .select_related("volunteer")
        .first()
    )
    if assignment is None:
        return Verdict(
            False,
            _(
                "The person's name, address and phone are shown only to the coordinator and "
                "to the volunteers who help."
            ),
        )
    readiness = readiness_for_need(assignment.volunteer, need)
    if not readiness.ready:
        return Verdict(
            False,
            _(
                "You cannot see the person's details until you are ready for this task again. "
                "%(steps)s"
            )
            % {"steps": readiness.steps_text},
            readiness,
        )
    return Verdict(True, readiness=readiness)


def names_visible_to(user, needs: Sequence[Need], municipality: Municipality) -> set[int]:
    """``can_see_person`` for a page of needs in one query at most: the ids of those whose
    person's name ``user`` may see (all for the coordinator, else those they are assigned to)."""
    if not user.is_authenticated or not user.is_active:
        return set()
    open_ids = [need.pk for need in needs if need.anonymised_at is None]
    if can(user, "manage_needs", municipality):
        return set(open_ids)
    assigned = set(
        Assignment.objects.filter(need_id__in=open_ids, volunteer__user=user)
        .exclude(status=AssignmentStatus.ENDED)
        .values_list("need_id", flat=True)
    )
    # A volunteer sees a name only while ready for the task (a few assignments at most).
    return {need.pk for need in needs if need.pk in assigned and can_see_person(user, need)}


def show_person(user, need: Need) -> Verdict:
    """``can_see_person``, and if so the look is recorded in the audit log."""
    verdict = can_see_person(user, need)
    if verdict:
        audit.record(user, "viewed", need, code="need.person_viewed")
    return verdict
