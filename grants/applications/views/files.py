"""Attachments: the applicant uploads and removes them; the applicant, partners, the
grant-maker's officers and impartial assigned reviewers download them."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from coordination.kernel import ui
from coordination.kernel.http import AuthenticatedRequest
from coordination.kernel.permissions import login_required
from coordination.kernel.uploads import file_response
from grants.applications import services
from grants.applications.forms import AttachmentForm
from grants.applications.models import Attachment
from grants.applications.permissions import can_view_application, is_applicant
from grants.applications.views.common import locked_redirect, own_application
from grants.review.models import ReviewAssignment
from grants.review.permissions import can_open_review


@login_required
@require_http_methods(["GET", "POST"])
def application_attachments(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    application = own_application(request, pk)
    if refused := locked_redirect(request, application):
        return refused
    if application.light:
        messages.info(request, _("A light application has no attachments."))
        return redirect("grants:application_detail", application.pk)
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if ui.submit(
        request,
        form,
        lambda data: services.add_attachment(
            by=request.user, application=application, title=data["title"], file=data["file"]
        ),
    ):
        messages.success(request, _("The file is attached."))
        return redirect("grants:application_attachments", application.pk)
    return render(
        request,
        "grants/applications/attachments.html",
        {
            "application": application,
            "attachments": list(application.attachments.all()),
            "form": form,
        },
    )


def _attachment(pk: int) -> Attachment:
    return get_object_or_404(
        Attachment.objects.select_related("application__round", "application__grant_maker"),
        pk=pk,
    )


@login_required
@require_http_methods(["GET", "POST"])
def attachment_remove(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    attachment = _attachment(pk)
    application = attachment.application
    if not is_applicant(request.user, application):
        raise Http404
    if refused := locked_redirect(request, application):
        return refused
    back = reverse("grants:application_attachments", args=[application.pk])
    return ui.confirm_then(
        request,
        do=lambda: services.remove_attachment(by=request.user, attachment=attachment),
        done=_("The file is removed."),
        then=back,
        title=_("Remove a file"),
        question=_("Do you want to remove «%(title)s» (%(name)s) from the application?")
        % {"title": attachment.title, "name": attachment.original_name},
        submit_label=_("Yes, remove the file"),
        back_url=back,
    )


def may_download(user, attachment: Attachment) -> bool:
    """The applicant and its partners, the officers who may handle the application, and
    reviewers assigned to it who have declared themselves impartial."""
    application = attachment.application
    if can_view_application(user, application):
        return True
    assignments = ReviewAssignment.objects.filter(application=application, reviewer=user)
    return any(can_open_review(user, assignment) for assignment in assignments)


@login_required
def attachment_download(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    attachment = _attachment(pk)
    if not may_download(request.user, attachment):
        raise Http404
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    return file_response(attachment.file, download_name=attachment.original_name or "vedlegg")
