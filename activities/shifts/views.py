"""A session's volunteer shifts for the organiser; open shifts and one's own shift (with a driver's
pick-up list) for volunteers.

NOT BUILT YET: each view below raises 404 until its area is built (issue 15)."""

from django.http import Http404, HttpRequest, HttpResponse

from coordination.kernel.permissions import login_required, municipality_view


@municipality_view("manage_activities")
def session_shifts(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404


@login_required
def open_shifts(request: HttpRequest) -> HttpResponse:
    raise Http404


@login_required
def own_shift(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404
