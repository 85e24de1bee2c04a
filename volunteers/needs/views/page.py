"""The need page, and what the coordinator does from it: take the next step of the method,
invite proposed volunteers (or withdraw an invitation), and note the safeguards before
pairing. Who matching left out, and why, comes after the page (``need_left_out``)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from coordination.kernel import ui
from coordination.kernel.permissions import can, municipality_view
from volunteers.matching.explaining import left_out_lines
from volunteers.matching.ranking import MatchRequest, left_out, propose, propose_for_need
from volunteers.needs import permissions, services
from volunteers.needs.forms import (
    AnswerForVolunteerForm,
    FollowUpPlanForm,
    FollowUpRecordForm,
    InviteForm,
    StepForm,
    extra_check_form,
    service_clarified_form,
)
from volunteers.needs.models import Invitation, Need
from volunteers.needs.views.needs import _back_to, _need, _need_row


@municipality_view("report_needs")
@require_GET
def need_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_need(request, _need(request, pk, "report_needs"))


def _render_need(request: HttpRequest, need: Need, **bound) -> HttpResponse:
    """The need page. ``bound`` replaces a form with the one the person just sent, so that its
    errors show; ``form`` names that one for the hostile-input checks."""
    may_manage = can(request.user, "manage_needs", need)
    context = {
        "municipality": request.municipality,
        "need": need,
        "may_manage": may_manage,
        "show_person": permissions.show_person(request.user, need),
        "steps": need.steps.select_related("recorded_by"),
    }
    if may_manage:
        follow_ups = list(need.follow_ups.select_related("assignment__volunteer__user", "held_by"))
        record_form = bound.get("record_form")
        for follow_up in follow_ups:
            follow_up.form = (
                record_form
                if record_form is not None and record_form.prefix == f"f{follow_up.pk}"
                else FollowUpRecordForm(prefix=f"f{follow_up.pk}")
            )
        is_open = _is_open(need)
        match = MatchRequest.for_need(need) if is_open else None
        proposals = propose(match) if is_open else []
        context.update(
            {
                "is_open": is_open,
                "proposals": proposals,
                "invitations": need.invitations.select_related("volunteer__user", "invited_by"),
                "assignments": need.assignments.select_related("volunteer__user"),
                "follow_ups": follow_ups,
                "step_form": bound.get("step_form") or StepForm(need=need),
                "invite_form": bound.get("invite_form") or InviteForm(proposals=proposals),
                "plan_form": bound.get("plan_form") or FollowUpPlanForm(need=need),
                "invite_blockers": services.invite_blockers(need),
                "service_form": bound.get("service_form") or service_clarified_form(),
                "check_form": bound.get("check_form") or extra_check_form(),
            }
        )
    if "form" in bound:
        context["form"] = bound["form"]
    return render(request, "volunteers/need_detail.html", context)


def _is_open(need: Need) -> bool:
    """Matching runs for a need that is neither closed nor anonymised."""
    return not need.is_closed and need.anonymised_at is None


@municipality_view("manage_needs")
@require_GET
def need_left_out(request: HttpRequest, pk: int) -> HttpResponse:
    """Who matching left out, and why. Counting it reads every volunteer who would like this
    kind of help, so the need page shows the proposals first and fetches this after (htmx);
    without JavaScript the need page links here and it is a page of its own."""
    need = _need(request, pk, "manage_needs")
    if not _is_open(need):
        return _back_to(need)
    context = {
        "municipality": request.municipality,
        "need": need,
        "left_out": left_out_lines(left_out(MatchRequest.for_need(need)), need),
    }
    if request.htmx:
        response = render(request, "volunteers/partials/_left_out.html", context)
    else:
        response = render(request, "volunteers/need_left_out.html", context)
    # The part and the whole page share a URL: a browser's cache must keep them apart.
    patch_vary_headers(response, ("HX-Request",))
    return response


@municipality_view("manage_needs")
@require_http_methods(["GET", "POST"])
def need_step(request: HttpRequest, pk: int) -> HttpResponse:
    need = _need(request, pk, "manage_needs")
    if request.method == "GET":  # e.g. reloading the page after an error
        return _back_to(need)
    form = StepForm(request.POST, need=need)
    if ui.submit(
        request, form, lambda data: services.record_step(need=need, by=request.user, **data)
    ):
        messages.success(request, _("The step is recorded."))
        return _back_to(need)
    return _render_need(request, need, step_form=form, form=form)


@municipality_view("manage_needs")
@require_http_methods(["GET", "POST"])
def need_invite(request: HttpRequest, pk: int) -> HttpResponse:
    need = _need(request, pk, "manage_needs")
    if request.method == "GET":
        return _back_to(need)
    form = InviteForm(request.POST, proposals=propose_for_need(need) if _is_open(need) else [])
    if done := ui.submit(
        request,
        form,
        lambda data: services.invite_volunteers(
            need=need, proposals=form.chosen(), message=data["message"], by=request.user
        ),
    ):
        count = len(done.value)
        messages.success(
            request,
            ngettext(
                "%(count)s invitation sent. The volunteer answers for themself.",
                "%(count)s invitations sent. Each volunteer answers for themself.",
                count,
            )
            % {"count": count},
        )
        return _back_to(need)
    return _render_need(request, need, invite_form=form, form=form)


def _safeguard(request: HttpRequest, pk: int, make_form, name: str, service, done: str):
    """Record one of the safeguards before inviting (a note), and come back to the need."""
    need = _need(request, pk, "manage_needs")
    if request.method == "GET":
        return _back_to(need)
    form = make_form(request.POST)
    if ui.submit(
        request, form, lambda data: service(need=need, by=request.user, note=data["note"])
    ):
        messages.success(request, done)
        return _back_to(need)
    return _render_need(request, need, **{name: form, "form": form})


@municipality_view("manage_needs")
@require_http_methods(["GET", "POST"])
def need_service_clarified(request: HttpRequest, pk: int) -> HttpResponse:
    return _safeguard(
        request,
        pk,
        service_clarified_form,
        "service_form",
        services.record_service_clarified,
        _("It is recorded that the need was clarified with the service."),
    )


@municipality_view("manage_needs")
@require_http_methods(["GET", "POST"])
def need_extra_check(request: HttpRequest, pk: int) -> HttpResponse:
    return _safeguard(
        request,
        pk,
        extra_check_form,
        "check_form",
        services.confirm_extra_check,
        _("The extra check is confirmed."),
    )


@municipality_view("manage_needs")
@require_http_methods(["GET", "POST"])
def invitation_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = _need_row(request, Invitation, pk)
    need_url = reverse("volunteers:need_detail", args=[request.municipality.pk, invitation.need_id])
    return ui.confirm_then(
        request,
        do=lambda: services.withdraw_invitation(invitation=invitation, by=request.user),
        done=_("The invitation is withdrawn."),
        then=need_url,
        title=_("Withdraw the invitation"),
        question=_(
            "Do you want to withdraw the invitation to %(name)s? They can no longer "
            "accept it, and they see that it was withdrawn."
        )
        % {"name": invitation.volunteer},
        submit_label=_("Yes, withdraw the invitation"),
        back_url=need_url,
    )


@municipality_view("manage_needs")
@require_http_methods(["GET", "POST"])
def invitation_answer(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the answer a volunteer gave by text message or phone (JA/NEI), for them."""
    invitation = _need_row(request, Invitation, pk, "volunteer__user")
    need_url = reverse("volunteers:need_detail", args=[request.municipality.pk, invitation.need_id])
    # Back to the call list when the coordinator came from it (a fixed choice, never a URL).
    from_calls = request.GET.get("from") == "calls"
    calls_url = reverse("volunteers:call_list", args=[request.municipality.pk])
    then = calls_url if from_calls else need_url
    form = AnswerForVolunteerForm(request.POST or None)
    if ui.submit(
        request,
        form,
        lambda data: services.record_answer_for_volunteer(
            invitation=invitation,
            by=request.user,
            accept=data["answer"] == "accept",
            channel=data["channel"],
        ),
    ):
        messages.success(request, _("The answer is recorded."))
        return redirect(then)
    return ui.form_page(
        request,
        form=form,
        title=_("Record the answer of %(name)s") % {"name": invitation.volunteer},
        intro=_(
            "%(name)s answered the invitation by text message or on the phone. Record the "
            "answer here for them; it is noted in the log that you did."
        )
        % {"name": invitation.volunteer},
        submit_label=_("Record the answer"),
        back_url=then,
    )
