"""Planning a need's follow-up conversations and recording one that was held."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from coordination.kernel import ui
from coordination.kernel.permissions import municipality_view
from volunteers.needs import services
from volunteers.needs.forms import FollowUpPlanForm, FollowUpRecordForm
from volunteers.needs.models import FollowUp
from volunteers.needs.views.needs import _back_to, _need, _need_row
from volunteers.needs.views.page import _render_need


@municipality_view("manage_needs")
@require_http_methods(["GET", "POST"])
def follow_up_plan(request: HttpRequest, pk: int) -> HttpResponse:
    need = _need(request, pk, "manage_needs")
    if request.method == "GET":
        return _back_to(need)
    form = FollowUpPlanForm(request.POST, need=need)
    if done := ui.submit(
        request,
        form,
        lambda data: services.plan_follow_ups(
            need=need,
            by=request.user,
            first_on=data["first_on"],
            every_weeks=data["every_weeks"],
            until=data["until"],
            assignment=data["assignment"],
        ),
    ):
        count = len(done.value)
        messages.success(
            request,
            ngettext(
                "%(count)s follow-up conversation planned.",
                "%(count)s follow-up conversations planned.",
                count,
            )
            % {"count": count},
        )
        return _back_to(need)
    return _render_need(request, need, plan_form=form, form=form)


@municipality_view("manage_needs")
@require_http_methods(["GET", "POST"])
def follow_up_record(request: HttpRequest, pk: int) -> HttpResponse:
    follow_up = _need_row(request, FollowUp, pk)
    if request.method == "GET":
        return _back_to(follow_up.need)
    form = FollowUpRecordForm(request.POST, prefix=f"f{follow_up.pk}")
    if ui.submit(
        request,
        form,
        lambda data: services.record_follow_up(follow_up=follow_up, by=request.user, **data),
    ):
        messages.success(request, _("The follow-up is recorded."))
        return _back_to(follow_up.need)
    return _render_need(request, follow_up.need, record_form=form, form=form)
