"""Attendance per session, the participants' 1–5 form, and the evaluation of an activity and of the
municipality's offer.

NOT BUILT YET: each view below raises 404 until its area is built (issue 15)."""

from django.http import Http404, HttpRequest, HttpResponse

from coordination.kernel.permissions import municipality_view, public


@municipality_view("manage_activities")
def session_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404


@public
def session_feedback(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    raise Http404


@municipality_view("manage_activities")
def activity_evaluation(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404


@municipality_view("coordinate_activities")
def municipality_evaluation(request: HttpRequest) -> HttpResponse:
    raise Http404
