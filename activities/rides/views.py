"""A session's rides in pick-up order, and asking drivers proposed by matching.

NOT BUILT YET: each view below raises 404 until its area is built (issue 15)."""

from django.http import Http404, HttpRequest, HttpResponse

from coordination.kernel.permissions import municipality_view


@municipality_view("manage_activities")
def session_rides(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404


@municipality_view("manage_activities")
def ride_drivers(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404
