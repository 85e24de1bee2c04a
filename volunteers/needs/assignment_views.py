"""Invitations and assignments: the coordinator's pairing page, the volunteer's own
invitations and assignments, and what the volunteer pages show of them."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from coordination.kernel import ui
from coordination.kernel.permissions import (
    can,
    login_required,
    municipality_view,
)
from volunteers.insurance.services import insurance_for_need
from volunteers.needs import permissions, services
from volunteers.needs.forms import AnswerForm, EndForm, PairingForm, PauseForm
from volunteers.needs.models import Assignment, AssignmentStatus, Invitation, InvitationStatus
from volunteers.needs.views.needs import _need_row
from volunteers.profile.contacts import who_to_call
from volunteers.profile.models import Volunteer
from volunteers.screening.readiness import (
    Known,
    readiness_for_need,
    readiness_for_needs,
    role_for_need,
)

# --- the pairing (coordinator) --------------------------------------------------------------


def _assignment(request: HttpRequest, pk: int) -> Assignment:
    return _need_row(request, Assignment, pk, "volunteer__user")


def _render_assignment(request: HttpRequest, assignment: Assignment, **bound) -> HttpResponse:
    initial = {
        "trial_meeting_on": assignment.trial_meeting_on,
        "trial_went_well": {True: "yes", False: "no"}.get(assignment.trial_went_well, ""),
        "frequency": assignment.frequency,
    }
    context = {
        "municipality": request.municipality,
        "assignment": assignment,
        "need": assignment.need,
        "pairing_form": bound.get("pairing_form") or PairingForm(initial=initial),
        "pause_form": bound.get("pause_form") or PauseForm(),
        "end_form": bound.get("end_form") or EndForm(),
        "follow_ups": assignment.follow_ups.select_related("held_by"),
        # While the volunteer is not ready they do not see the person: say so, and why.
        "volunteer_readiness": (
            readiness_for_need(assignment.volunteer, assignment.need)
            if assignment.is_running
            else None
        ),
    }
    if "form" in bound:
        context["form"] = bound["form"]
    return render(request, "volunteers/assignment_detail.html", context)


def _back_to_assignment(assignment: Assignment) -> HttpResponse:
    return redirect("volunteers:assignment_detail", assignment.need.municipality_id, assignment.pk)


@municipality_view("manage_needs")
@require_GET
def assignment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_assignment(request, _assignment(request, pk))


def _assignment_change(request, pk, form_class, name, change, done: str) -> HttpResponse:
    """Validate the form, call the service, and come back to the pairing page."""
    assignment = _assignment(request, pk)
    if request.method == "GET":
        return _back_to_assignment(assignment)
    form = form_class(request.POST)
    if ui.submit(request, form, lambda data: change(assignment, data)):
        messages.success(request, done)
        return _back_to_assignment(assignment)
    return _render_assignment(request, assignment, **{name: form, "form": form})


@municipality_view("manage_needs")
@require_http_methods(["GET", "POST"])
def assignment_pairing(request: HttpRequest, pk: int) -> HttpResponse:
    return _assignment_change(
        request,
        pk,
        PairingForm,
        "pairing_form",
        lambda a, data: services.set_pairing(assignment=a, by=request.user, **data),
        _("The pairing is saved."),
    )


@municipality_view("manage_needs")
@require_http_methods(["GET", "POST"])
def assignment_pause(request: HttpRequest, pk: int) -> HttpResponse:
    return _assignment_change(
        request,
        pk,
        PauseForm,
        "pause_form",
        lambda a, data: services.pause_assignment(
            assignment=a, by=request.user, until=data["paused_until"], reason=data["reason"]
        ),
        _("The assignment is paused."),
    )


@municipality_view("manage_needs")
@require_http_methods(["GET", "POST"])
def assignment_resume(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = _assignment(request, pk)
    if request.method == "GET":
        return _back_to_assignment(assignment)
    ui.attempt(
        request,
        lambda: services.resume_assignment(assignment=assignment, by=request.user),
        done=_("The assignment is running again."),
    )
    return _back_to_assignment(assignment)


@municipality_view("manage_needs")
@require_http_methods(["GET", "POST"])
def assignment_end(request: HttpRequest, pk: int) -> HttpResponse:
    return _assignment_change(
        request,
        pk,
        EndForm,
        "end_form",
        lambda a, data: services.end_assignment(
            assignment=a, by=request.user, reason=data["end_reason"], note=data["end_note"]
        ),
        _("The assignment has ended. The volunteer no longer sees the person's details."),
    )


# --- the volunteer's own invitations and assignments --------------------------------------


def _answer(invited: Invitation, user, data: dict) -> Assignment | None:
    """Yes (the assignment that starts) or no (None), as the volunteer pressed."""
    if data["answer"] == "accept":
        return services.accept_invitation(invitation=invited, by=user)
    services.decline_invitation(invitation=invited, by=user, reason=data["reason"])
    return None


@login_required
@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, pk: int) -> HttpResponse:
    """The invited volunteer only (404 for anyone else): what, where, when, why them, the role
    (what they do and do not do), and — when they are not ready — what to do first. Never the
    person's details: those come with saying yes, and only while ready."""
    invited = get_object_or_404(
        Invitation.objects.select_related("need__municipality", "invited_by", "volunteer"),
        pk=pk,
        volunteer__user=request.user,
    )
    form = AnswerForm(request.POST or None)
    if done := ui.submit(request, form, lambda data: _answer(invited, request.user, data)):
        if done.value is not None:
            messages.success(request, _("Thank you for helping! Here is what you need."))
            return redirect("volunteers:own_assignment", done.value.pk)
        messages.success(request, _("Thank you for answering. The coordinator is told."))
        return redirect("volunteers:own_page")
    readiness = readiness_for_need(invited.volunteer, invited.need)
    return render(
        request,
        "volunteers/invitation.html",
        {
            "invitation": invited,
            "form": form,
            "readiness": readiness,
            "role": readiness.role,
            "insurance": insurance_for_need(invited.need),
        },
    )


@login_required
@require_GET
def own_assignment(request: HttpRequest, pk: int) -> HttpResponse:
    """The assigned volunteer only (404 for anyone else). The person's details are shown while
    the assignment runs and the volunteer is ready for it, and each look is recorded; when
    not ready, the page says what to do to see them again."""
    assignment = get_object_or_404(
        Assignment.objects.select_related("need__municipality"),
        pk=pk,
        volunteer__user=request.user,
    )
    need = assignment.need
    verdict = permissions.show_person(request.user, need) if assignment.is_running else None
    accepted = (
        Invitation.objects.filter(
            need=need, volunteer_id=assignment.volunteer_id, status=InvitationStatus.ACCEPTED
        )
        .select_related("invited_by")
        .first()
    )
    readiness = verdict.readiness if verdict is not None else None
    return render(
        request,
        "volunteers/own_assignment.html",
        {
            "assignment": assignment,
            "need": need,
            "show_person": bool(verdict),
            "readiness": readiness,
            "role": readiness.role if readiness is not None else role_for_need(need),
            "coordinator": accepted.invited_by if accepted else None,
            **who_to_call(assignment.volunteer),
            "assignment_only": True,
        },
    )


# --- what other pages show ------------------------------------------------------------------


def own_needs_context(volunteer: Volunteer, *, known: Known | None = None) -> dict:
    """For the volunteer's own page: open invitations and running assignments, each with
    ``readiness`` (``known``: what the page has loaded about the volunteer already).
    Readiness depends on the need's municipality and kind of help only; it is worked out for
    all of them at once, in a fixed number of queries. What the page shows of a need never
    depends on it: the person's details are only behind the gate of ``readiness_for_need``
    on the invitation and assignment pages."""
    invitations = list(
        Invitation.objects.filter(volunteer=volunteer, status=InvitationStatus.PENDING)
        .select_related("need")
        .order_by("-sent_at", "-pk")
    )
    running = list(
        Assignment.objects.filter(volunteer=volunteer)
        .exclude(status=AssignmentStatus.ENDED)
        .select_related("need")
    )
    found = readiness_for_needs(
        volunteer, [item.need for item in (*invitations, *running)], known=known
    )
    for item in (*invitations, *running):
        item.readiness = found[(item.need.municipality_id, item.need.kind)]
    return {"open_invitations": invitations, "running_assignments": running}


def volunteer_needs_context(request: HttpRequest, volunteer: Volunteer) -> dict:
    """For a volunteer's page in the registry: their invitations and assignments for this
    municipality's needs (never another municipality's, wherever the volunteer is now)."""
    municipality = request.municipality
    return {
        "volunteer_invitations": volunteer.invitations.filter(
            need__municipality=municipality
        ).select_related("need")[:20],
        "volunteer_assignments": volunteer.assignments.filter(
            need__municipality=municipality
        ).select_related("need")[:20],
        "may_manage_needs": can(request.user, "manage_needs", volunteer),
    }
