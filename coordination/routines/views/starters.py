"""Samspill's starter routines: coordinators copy some into the binder as drafts."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from coordination.kernel import languages, ui
from coordination.kernel.permissions import municipality_view
from coordination.routines import services
from coordination.routines.forms import StarterRoutinesForm
from coordination.routines.models import Routine
from coordination.routines.views.binder import MANAGE


@municipality_view(MANAGE)
@require_http_methods(["GET", "POST"])
def routine_starters(request: HttpRequest) -> HttpResponse:
    """Samspill's starter routines: tick some to copy them into the binder as drafts."""
    municipality = request.municipality
    language = services.starter_language(request.user, municipality)
    form = StarterRoutinesForm(
        request.POST if request.method == "POST" else None, language=language
    )
    if done := ui.submit(
        request,
        form,
        lambda data: services.copy_starter_routines(
            municipality=municipality, by=request.user, keys=data["keys"]
        ),
    ):
        _say_copied(request, *done.value)
        return redirect("coordination:routine_list", municipality.pk)
    return render(
        request,
        "coordination/routines/routine_starters.html",
        {
            "municipality": municipality,
            "form": form,
            "starters": services.starters_for(municipality, language),
            "language_name": languages.NAME_IN_A_SENTENCE[language],
        },
    )


def _say_copied(request: HttpRequest, copied: list[Routine], skipped: list[str]) -> None:
    if copied:
        messages.success(
            request,
            ngettext(
                "%(count)s routine is copied into the binder as a draft.",
                "%(count)s routines are copied into the binder as drafts.",
                len(copied),
            )
            % {"count": len(copied)},
        )
    if skipped:
        messages.info(
            request,
            ngettext(
                "%(count)s was skipped: the binder has it already.",
                "%(count)s were skipped: the binder has them already.",
                len(skipped),
            )
            % {"count": len(skipped)},
        )
