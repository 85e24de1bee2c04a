"""The public catalogue, an activity's page, proposals, and the organisers' pages: their
activities, activity types and places.

NOT BUILT YET: each view below raises 404 until its area is built (issue 15)."""

from django.http import Http404, HttpRequest, HttpResponse

from coordination.kernel.permissions import municipality_view, public


@public
def catalogue(request: HttpRequest, municipality: str) -> HttpResponse:
    raise Http404


@public
def activity_propose(request: HttpRequest, municipality: str) -> HttpResponse:
    raise Http404


@public
def activity_detail(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    raise Http404


@municipality_view("manage_activities")
def activity_list(request: HttpRequest) -> HttpResponse:
    raise Http404


@municipality_view("manage_activities")
def activity_create(request: HttpRequest) -> HttpResponse:
    raise Http404


@municipality_view("manage_activities")
def activity_manage(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404


@municipality_view("manage_activities")
def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404


@municipality_view("manage_activities")
def activity_archive(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404


@municipality_view("coordinate_activities")
def proposal_list(request: HttpRequest) -> HttpResponse:
    raise Http404


@municipality_view("coordinate_activities")
def proposal_decide(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404


@municipality_view("coordinate_activities")
def activity_type_list(request: HttpRequest) -> HttpResponse:
    raise Http404


@municipality_view("coordinate_activities")
def place_list(request: HttpRequest) -> HttpResponse:
    raise Http404


@municipality_view("coordinate_activities")
def place_create(request: HttpRequest) -> HttpResponse:
    raise Http404


@municipality_view("coordinate_activities")
def place_edit(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404
