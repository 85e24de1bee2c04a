"""Signing up (oneself or on someone's behalf), the participant's receipt, the organiser's
participant list, cancelling a session, the reminder call list.

NOT BUILT YET: each view below raises 404 until its area is built (issue 15)."""

from django.http import Http404, HttpRequest, HttpResponse

from coordination.kernel.permissions import municipality_view, public


@public
def session_sign_up(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    raise Http404


@public
def activity_sign_up(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    raise Http404


@public
def signup_receipt(request: HttpRequest, token: str) -> HttpResponse:
    raise Http404


@public
def signup_cancel(request: HttpRequest, token: str) -> HttpResponse:
    raise Http404


@municipality_view("manage_activities")
def session_participants(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404


@municipality_view("sign_up_participants")
def participant_add(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404


@municipality_view("manage_activities")
def signup_cancel_by_organiser(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404


@municipality_view("manage_activities")
def session_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404


@municipality_view("manage_activities")
def reminder_calls(request: HttpRequest) -> HttpResponse:
    raise Http404
