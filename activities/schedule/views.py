"""Calendars (month, week, iCalendar feeds), schedules and sessions, and the gaps view.

NOT BUILT YET: each view below raises 404 until its area is built (issue 15)."""

from django.http import Http404, HttpRequest, HttpResponse

from coordination.kernel.permissions import municipality_view, public


@public
def calendar_month(request: HttpRequest, municipality: str) -> HttpResponse:
    raise Http404


@public
def calendar_week(request: HttpRequest, municipality: str) -> HttpResponse:
    raise Http404


@public
def calendar_feed(request: HttpRequest, municipality: str) -> HttpResponse:
    raise Http404


@public
def activity_feed(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    raise Http404


@municipality_view("manage_activities")
def schedule_create(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404


@municipality_view("manage_activities")
def schedule_edit(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404


@municipality_view("manage_activities")
def session_create(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404


@municipality_view("manage_activities")
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404


@municipality_view("manage_activities")
def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404


@municipality_view("coordinate_activities")
def gaps(request: HttpRequest) -> HttpResponse:
    raise Http404
