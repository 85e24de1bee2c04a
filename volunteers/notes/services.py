"""Notes about a volunteer, written by the people who follow them up."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from coordination.kernel import audit, permissions
from coordination.kernel.models import Municipality, User
from volunteers.notes.models import VolunteerNote
from volunteers.profile.models import Volunteer

MAX_NOTE_LENGTH: int = VolunteerNote._meta.get_field("text").max_length or 0


@transaction.atomic
def add_note(
    *, volunteer: Volunteer, text: str, by: User, municipality: Municipality | None = None
) -> VolunteerNote:
    """Anyone who may read the volunteer's details may add a note; notes are never edited.
    The note belongs to the municipality it is written in (by default the volunteer's), and is
    shown only there."""
    municipality = municipality or volunteer.municipality
    permissions.require(by, "view_volunteers", municipality)
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write the note first.")})
    if len(text) > MAX_NOTE_LENGTH:
        raise ValidationError(
            {"text": _("A note can be at most %(limit)s characters.") % {"limit": MAX_NOTE_LENGTH}}
        )
    note = VolunteerNote.objects.create(
        volunteer=volunteer, municipality=municipality, text=text, written_by=by
    )
    # Name the data, never its content.
    audit.record(
        by,
        "created",
        note,
        municipality=municipality.pk,
        code="volunteer.note",
    )
    return note
