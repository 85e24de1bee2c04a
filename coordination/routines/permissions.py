"""Who may write a routine: the object-level rule beside the kernel's ``manage_routines``."""

from __future__ import annotations

from django.utils.translation import gettext as _

from coordination.kernel.permissions import (
    ROUTINE_CO_AUTHOR_ROLES,
    Verdict,
    can,
    has_role,
    municipality_of,
)
from coordination.routines.models import Routine


def can_edit_routine(user, routine: Routine) -> Verdict:
    """Coordinators edit any routine of their municipality; a named co-author who still holds
    a volunteer contact or partner representative role there may propose new versions. Nobody
    edits an archived routine."""
    if routine.status == Routine.Status.ARCHIVED:
        return Verdict(False, _("This routine is archived: it is no longer in the binder."))
    if not user.is_authenticated or not user.is_active:
        return Verdict(
            False, _("Only coordinators and the routine's co-authors write new versions.")
        )
    if can(user, "manage_routines", routine):
        return Verdict(True)
    if has_role(user, municipality_of(routine), *ROUTINE_CO_AUTHOR_ROLES) and (
        routine.co_authors.filter(pk=user.pk).exists()
    ):
        return Verdict(True)
    return Verdict(False, _("Only coordinators and the routine's co-authors write new versions."))
