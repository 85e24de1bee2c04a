"""Needs, after Vennesla's method: the list and the need page (coordinators and volunteer
contacts; the person's details only for those allowed), and the public form for asking for
help. The pairings and the volunteer's side are in assignment_views.py."""

from __future__ import annotations

from allauth.core import ratelimit
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.forms.models import model_to_dict
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from coordination.kernel import audit, ui
from coordination.kernel.models import Municipality, Role
from coordination.kernel.permissions import (
    can,
    get_for_user,
    municipality_view,
    public,
)
from volunteers.matching.explaining import left_out_lines
from volunteers.matching.ranking import MatchRequest, left_out, propose, propose_for_need
from volunteers.needs import permissions, services
from volunteers.needs.forms import (
    FollowUpPlanForm,
    FollowUpRecordForm,
    InviteForm,
    NeedFilterForm,
    NeedForm,
    PublicNeedForm,
    StepForm,
    extra_check_form,
    service_clarified_form,
)
from volunteers.needs.models import FollowUp, Invitation, Need, NeedStatus

# What the need list reads: never the person's details.
LIST_FIELDS = (
    "municipality",
    "kind",
    "area",
    "weekday_daytime",
    "evenings",
    "weekends",
    "needs_driver",
    "status",
    "created_at",
    "closed_at",
    "anonymised_at",
)
# The public form: this many reports per hour from one address.
PUBLIC_RATE_ACTION = "report_need_publicly"


def _need(request: HttpRequest, pk: int, action: str) -> Need:
    return get_for_user(
        Need.objects.filter(municipality=request.municipality), request.user, action, pk=pk
    )


def _back_to(need: Need) -> HttpResponse:
    return redirect("volunteers:need_detail", need.municipality_id, need.pk)


# --- the list -------------------------------------------------------------------------------


@municipality_view("report_needs")
@require_GET
def need_list(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    form = NeedFilterForm(request.GET)
    needs = Need.objects.filter(municipality=municipality)
    if form.is_valid():
        if form.cleaned_data["kind"]:
            needs = needs.filter(kind=form.cleaned_data["kind"])
        counted = needs
        if form.cleaned_data["step"]:
            needs = needs.filter(status=form.cleaned_data["step"])
    else:
        needs = counted = needs.none()
    counts = dict(counted.order_by().values_list("status").annotate(n=Count("pk")))
    steps = [(value, label, counts.get(value, 0)) for value, label in NeedStatus.choices]
    # Whom each need is for, to those who may see the person: the coordinator reads the name
    # with the page; anyone else only for the needs they are assigned to (one query, no N+1).
    coordinator = can(request.user, "manage_needs", municipality)
    fields = (*LIST_FIELDS, "person_name") if coordinator else LIST_FIELDS
    page = Paginator(needs.only(*fields), 50).get_page(request.GET.get("page"))
    named = permissions.names_visible_to(request.user, page.object_list, municipality)
    if named:
        names = (
            {}
            if coordinator
            else dict(Need.objects.filter(pk__in=named).values_list("pk", "person_name"))
        )
        for need in page.object_list:
            need.shown_name = (
                (need.person_name if coordinator else names[need.pk]) if need.pk in named else ""
            )
        audit.record(request.user, "viewed", municipality, code="needs.names_listed")
    return render(
        request,
        "volunteers/need_list.html",
        {
            "municipality": municipality,
            "form": form,
            "page": page,
            "steps": steps,
            "total": sum(counts.values()),
            "show_names": bool(named),
            "chosen_step": form.cleaned_data.get("step") if form.is_valid() else "",
        },
    )


# --- reporting and changing a need ----------------------------------------------------------


@municipality_view("report_needs")
@require_http_methods(["GET", "POST"])
def need_report(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    form = NeedForm(request.POST or None, with_consent=True)
    if done := ui.submit(
        request,
        form,
        lambda data: services.report_need(
            municipality=municipality, fields=data, consented=data["consent"], by=request.user
        ),
    ):
        messages.success(request, _("The need is registered."))
        return _back_to(done.value)
    return render(
        request,
        "volunteers/need_form.html",
        {"municipality": municipality, "form": form, "need": None},
    )


@municipality_view("manage_needs")
@require_http_methods(["GET", "POST"])
def need_edit(request: HttpRequest, pk: int) -> HttpResponse:
    need = _need(request, pk, "manage_needs")
    if need.anonymised_at is not None:
        messages.error(request, _("This need has been anonymised and cannot be changed."))
        return _back_to(need)
    form = NeedForm(
        request.POST or None,
        initial=model_to_dict(need, fields=services.NEED_FIELDS),
        with_consent=False,
    )
    if ui.submit(
        request, form, lambda data: services.update_need(need=need, fields=data, by=request.user)
    ):
        messages.success(request, _("The need is saved."))
        return _back_to(need)
    return render(
        request,
        "volunteers/need_form.html",
        {"municipality": request.municipality, "form": form, "need": need},
    )


# --- the need page --------------------------------------------------------------------------


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
        is_open = not need.is_closed and need.anonymised_at is None
        match = MatchRequest.for_need(need) if is_open else None
        proposals = propose(match) if is_open else []
        context.update(
            {
                "is_open": is_open,
                "proposals": proposals,
                "left_out": left_out_lines(left_out(match), need) if is_open else None,
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
    is_open = not need.is_closed and need.anonymised_at is None
    form = InviteForm(request.POST, proposals=propose_for_need(need) if is_open else [])
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
    invitation = get_for_user(
        Invitation.objects.select_related("need").filter(need__municipality=request.municipality),
        request.user,
        "manage_needs",
        via="need__municipality",
        pk=pk,
    )
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
    follow_up = get_for_user(
        FollowUp.objects.select_related("need").filter(need__municipality=request.municipality),
        request.user,
        "manage_needs",
        via="need__municipality",
        pk=pk,
    )
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


# --- asking for help (public) ---------------------------------------------------------------


def _in_use(municipality: Municipality) -> bool:
    return municipality.memberships.filter(role=Role.COORDINATOR).exists()


@public
@require_http_methods(["GET", "POST"])
def help_form(request: HttpRequest, municipality: str) -> HttpResponse:
    place = get_object_or_404(Municipality, pk=municipality)
    in_use = _in_use(place)
    form = PublicNeedForm(request.POST or None) if in_use else None
    if request.method == "POST" and form is not None and form.is_valid():
        if not ratelimit.consume(request, action=PUBLIC_RATE_ACTION):
            return render(request, "429.html", status=429)
        if form.cleaned_data["website"]:  # a robot filled in the trap: store nothing
            return redirect("volunteers:help_thanks", place.pk)
        if ui.submit(
            request,
            form,
            lambda data: services.report_need(
                municipality=place, fields=data, consented=data["consent"]
            ),
        ):
            return redirect("volunteers:help_thanks", place.pk)
    return render(
        request,
        "volunteers/help_form.html",
        {"municipality": place, "form": form, "in_use": in_use},
    )


@public
@require_GET
def help_thanks(request: HttpRequest, municipality: str) -> HttpResponse:
    place = get_object_or_404(Municipality, pk=municipality)
    return render(request, "volunteers/help_thanks.html", {"municipality": place})
