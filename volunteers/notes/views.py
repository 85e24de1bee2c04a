"""Notes about a volunteer on their detail page."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coordination.kernel import ui
from coordination.kernel.models import Municipality
from coordination.kernel.permissions import get_for_user, municipality_view
from volunteers.notes.services import add_note
from volunteers.profile.models import Volunteer
from volunteers.registry.forms import VolunteerNoteForm

NOTES_SHOWN = 50


def notes_context(volunteer: Volunteer, municipality: Municipality) -> dict:
    """What the detail page's notes partial needs: the newest notes written in this
    municipality (never another's, wherever the volunteer is now) and an empty form."""
    notes = list(
        volunteer.notes.filter(municipality=municipality).select_related("written_by")[
            : NOTES_SHOWN + 1
        ]
    )
    return {
        "notes": notes[:NOTES_SHOWN],
        "more_notes": len(notes) > NOTES_SHOWN,
        "note_form": VolunteerNoteForm(),
    }


@municipality_view("view_volunteers")
@require_POST
def volunteer_notes(request: HttpRequest, pk: int) -> HttpResponse:
    """Write a note about a volunteer (shown newest first on their page)."""
    municipality = request.municipality
    volunteer = get_for_user(
        Volunteer.objects.in_municipality(municipality).select_related("user"),
        request.user,
        "view_volunteers",
        pk=pk,
    )
    form = VolunteerNoteForm(request.POST)
    if ui.submit(
        request,
        form,
        lambda data: add_note(
            volunteer=volunteer, municipality=municipality, text=data["text"], by=request.user
        ),
    ):
        messages.success(request, _("The note is saved."))
        url = reverse("volunteers:volunteer_detail", args=[municipality.pk, volunteer.pk])
        return redirect(f"{url}#notes")
    return render(
        request,
        "volunteers/note_form.html",
        {"municipality": municipality, "volunteer": volunteer, "form": form},
    )
