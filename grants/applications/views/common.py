"""What the applicant's pages share: fetching an application only for those who may see it
(404 for everyone else), and the way back to its page."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect

from coordination.kernel.http import AuthenticatedRequest
from grants.applications.models import Application
from grants.applications.permissions import can_edit_application, can_view_application, is_applicant

RELATED = ("round__scheme", "grant_maker", "municipality", "organisation")


def own_application(request: AuthenticatedRequest, pk: int) -> Application:
    """The application if the person speaks for its applicant, else 404."""
    application = get_object_or_404(Application.objects.select_related(*RELATED), pk=pk)
    if not is_applicant(request.user, application):
        raise Http404
    return application


def visible_application(request: AuthenticatedRequest, pk: int) -> Application:
    """The application if the person may read it (the applicant, a partner, the grant-maker's
    officer who may handle it), else 404."""
    application = get_object_or_404(Application.objects.select_related(*RELATED), pk=pk)
    if not can_view_application(request.user, application):
        raise Http404
    return application


def locked_redirect(request: AuthenticatedRequest, application: Application) -> HttpResponse | None:
    """Back to the application's page with the reason, when it can no longer be changed."""
    verdict = can_edit_application(request.user, application)
    if verdict:
        return None
    messages.error(request, verdict.reason)
    return redirect("grants:application_detail", application.pk)
