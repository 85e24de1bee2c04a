"""The grant officer's case page (the whole application read-only, screening, reviewers and
their reviews, the proposed award, more information, closing the review, the case events)
and the buttons and forms on it, each a POST that calls one service."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from coordination.kernel import ui
from coordination.kernel.permissions import grant_maker_view
from grants.applications.models import Application
from grants.applications.permissions import can_handle_application
from grants.applications.workflow import TRANSITIONS, Status
from grants.review import scoring, services
from grants.review.forms import (
    NO,
    YES,
    AssignOneForm,
    InformationForm,
    ProposeForm,
    ScreeningForm,
)
from grants.review.models import ReviewAssignment, Score
from grants.review.services.case import ASSIGNABLE, PROPOSABLE
from grants.review.views.common import GrantMakerRequest, application_content, case_of

SCREENABLE = frozenset({Status.SUBMITTED, Status.SCREENING})


def _reviews(application: Application) -> list[dict]:
    """Each assignment with its declaration and, once sent, its scores and score (0–100)."""
    assignments = application.assignments.select_related("reviewer").prefetch_related(
        Prefetch("scores", queryset=Score.objects.select_related("criterion"))
    )
    found = []
    for assignment in assignments:
        scores = list(assignment.scores.all()) if assignment.is_submitted else []
        found.append(
            {
                "assignment": assignment,
                "scores": scores,
                "score": scoring.review_score((s.criterion.weight, s.value) for s in scores)
                if scores
                else None,
                "removable": not assignment.is_submitted and not assignment.scores.all(),
            }
        )
    return found


def _screened(application: Application) -> str | None:
    """The screening's answer so far, as the form's choice."""
    if application.eligible is None:
        return None
    return YES if application.eligible else NO


def _case_page(
    request: GrantMakerRequest, application: Application, **bound: forms.Form
) -> HttpResponse:
    """The case page; ``bound`` holds a form sent with errors, shown in place of a fresh one."""
    verdict = can_handle_application(request.user, application)
    context: dict = {"grant_maker": request.grant_maker, "application": application}
    if not verdict:
        context["refusal"] = verdict.reason
        return render(request, "grants/review/case.html", context)
    status = application.status
    reviews = _reviews(application)
    assigned = {r["assignment"].reviewer_id for r in reviews}
    reviewers = services.reviewers_of(application.grant_maker_id).exclude(pk__in=assigned)
    context |= application_content(application)
    context |= {
        "reviews": reviews,
        "sent": sum(1 for r in reviews if r["assignment"].is_submitted),
        "events": application.events.select_related("actor"),
        "can_start_screening": status == Status.SUBMITTED,
        "can_close_review": status == Status.IN_REVIEW,
        "can_decide": status == Status.READY_FOR_DECISION,
        "decisions": application.decisions.select_related("letter").prefetch_related("appeals"),
        "reports": application.reports.order_by("due_on", "pk"),
        "screening_form": bound.get("screening")
        or (
            ScreeningForm(
                round_=application.round,
                initial={
                    "eligible": None
                    if application.eligible is None
                    else (YES if application.eligible else NO)
                },
            )
            if status in SCREENABLE
            else None
        ),
        "assign_form": bound.get("assign")
        or (AssignOneForm(reviewers=reviewers) if status in ASSIGNABLE else None),
        # Asked only where the assignment form is shown.
        "no_reviewers_left": status in ASSIGNABLE and not reviewers.exists(),
        "information_form": bound.get("information")
        or (InformationForm() if status in TRANSITIONS["request_information"].sources else None),
        "propose_form": bound.get("propose")
        or (
            ProposeForm(initial={"amount": application.proposed_amount})
            if status in PROPOSABLE
            else None
        ),
    }
    return render(request, "grants/review/case.html", context)


@grant_maker_view("run_grants")
@require_GET
def case(request: GrantMakerRequest, pk: int) -> HttpResponse:
    return _case_page(request, case_of(request, pk))


def _back(request: GrantMakerRequest, application: Application) -> HttpResponse:
    if request.POST.get("back") == "ranking":
        ranking = reverse(
            "grants:round_ranking", args=[request.grant_maker.pk, application.round_id]
        )
        page = request.POST.get("page", "")
        return redirect(f"{ranking}?page={page}" if page.isdigit() else ranking)
    return redirect("grants:case", request.grant_maker.pk, application.pk)


@grant_maker_view("run_grants")
@require_POST
def case_start_screening(request: GrantMakerRequest, pk: int) -> HttpResponse:
    application = case_of(request, pk)
    ui.attempt(
        request,
        lambda: services.start_screening(by=request.user, application=application),
        done=_("Screening started."),
    )
    return _back(request, application)


@grant_maker_view("run_grants")
@require_POST
def case_screen(request: GrantMakerRequest, pk: int) -> HttpResponse:
    application = case_of(request, pk)
    form = ScreeningForm(request.POST, round_=application.round)
    if ui.submit(
        request,
        form,
        lambda data: services.screen_application(
            by=request.user,
            application=application,
            eligible=data["eligible"] == YES,
            reason=data["reason"],
            conditions_met=data["conditions_met"],
        ),
    ):
        if application.eligible:
            messages.success(request, _("Screened as eligible: the application is in review."))
        else:
            messages.success(
                request, _("Screened as not eligible: the application is ready for decision.")
            )
        return _back(request, application)
    return _case_page(request, application, screening=form)


@grant_maker_view("run_grants")
@require_POST
def case_assign(request: GrantMakerRequest, pk: int) -> HttpResponse:
    application = case_of(request, pk)
    form = AssignOneForm(request.POST, reviewers=services.reviewers_of(application.grant_maker_id))
    if ui.submit(
        request,
        form,
        lambda data: services.assign_reviewers(
            by=request.user, applications=[application], reviewers=[data["reviewer"]]
        ),
    ):
        messages.success(
            request,
            _("%(name)s is a reviewer of the application and has been told by email.")
            % {"name": form.cleaned_data["reviewer"].full_name},
        )
        return _back(request, application)
    return _case_page(request, application, assign=form)


@grant_maker_view("run_grants")
def case_unassign(request: GrantMakerRequest, pk: int) -> HttpResponse:
    """Ask first (GET), then take the reviewer off the application (POST)."""
    assignment = get_object_or_404(
        ReviewAssignment.objects.select_related("reviewer"),
        pk=pk,
        grant_maker=request.grant_maker,
    )
    application = case_of(request, assignment.application_id)
    if request.method != "POST":
        return ui.confirm_page(
            request,
            title=_("Remove %(name)s as reviewer?") % {"name": assignment.reviewer.full_name},
            question=_("%(name)s will no longer review «%(title)s».")
            % {"name": assignment.reviewer.full_name, "title": application.title},
            submit_label=_("Yes, remove the reviewer"),
            back_url=reverse("grants:case", args=[request.grant_maker.pk, application.pk]),
        )
    ui.attempt(
        request,
        lambda: services.unassign_reviewer(by=request.user, assignment=assignment),
        done=_("%(name)s is no longer a reviewer of the application.")
        % {"name": assignment.reviewer.full_name},
    )
    return _back(request, application)


@grant_maker_view("run_grants")
@require_POST
def case_request_information(request: GrantMakerRequest, pk: int) -> HttpResponse:
    application = case_of(request, pk)
    form = InformationForm(request.POST)
    if ui.submit(
        request,
        form,
        lambda data: services.request_information(
            by=request.user, application=application, request=data["request"]
        ),
    ):
        messages.success(request, _("The applicant has been asked for more information."))
        return _back(request, application)
    return _case_page(request, application, information=form)


@grant_maker_view("run_grants")
@require_POST
def case_propose(request: GrantMakerRequest, pk: int) -> HttpResponse:
    application = case_of(request, pk)
    form = ProposeForm(request.POST)
    if ui.submit(
        request,
        form,
        lambda data: services.propose_award(
            by=request.user, application=application, amount=data["amount"]
        ),
    ):
        messages.success(
            request,
            _("The proposed award of «%(title)s» is saved.") % {"title": application.title},
        )
        return _back(request, application)
    if request.POST.get("back") == "ranking":
        for error in form.errors.get("amount", []) + form.non_field_errors():
            messages.error(request, f"{application.reference}: {error}")
        return _back(request, application)
    return _case_page(request, application, propose=form)


@grant_maker_view("run_grants")
@require_POST
def case_close_review(request: GrantMakerRequest, pk: int) -> HttpResponse:
    application = case_of(request, pk)
    ui.attempt(
        request,
        lambda: services.close_review(by=request.user, application=application),
        done=_("The review is closed: the application is ready for decision."),
    )
    return _back(request, application)
