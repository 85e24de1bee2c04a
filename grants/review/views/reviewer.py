"""The reviewer's pages: their own assignments, the impartiality declaration (before the
application is shown: only its parties and people), and the scoring form."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from coordination.kernel import ui
from coordination.kernel.pagination import ids_first_page
from coordination.kernel.permissions import grant_maker_view
from grants.applications.permissions import own_municipality_conflict
from grants.review import services
from grants.review.forms import NO, NOT_APPLICABLE, YES, DeclareForm, ScoreForm
from grants.review.models import ReviewAssignment
from grants.review.permissions import can_open_review, can_score
from grants.review.views.common import GrantMakerRequest, application_content, parties_and_people

# «My reviews», a page at a time: a reviewer may have hundreds of assignments.
REVIEWS_PER_PAGE = 25


def _own(request: GrantMakerRequest, pk: int) -> ReviewAssignment:
    """One of the reviewer's own assignments in this grant-maker, or 404."""
    return get_object_or_404(
        ReviewAssignment.objects.select_related(
            "application__round__scheme",
            "application__municipality",
            "application__organisation",
            "application__grant_maker__municipality",
        ),
        pk=pk,
        reviewer=request.user,
        grant_maker=request.grant_maker,
    )


def state_of(assignment: ReviewAssignment) -> str:
    if assignment.impartial is None:
        return "declare"
    if assignment.impartial is False:
        return "not_impartial"
    return "sent" if assignment.is_submitted else "score"


@grant_maker_view("review_grants")
@require_GET
def review_list(request: GrantMakerRequest) -> HttpResponse:
    assignments = (
        ReviewAssignment.objects.filter(reviewer=request.user, grant_maker=request.grant_maker)
        .select_related("application__round__scheme", "application__municipality")
        .select_related("application__organisation")
        .order_by("submitted_at", "-assigned_at", "pk")
    )
    page = ids_first_page(assignments, request, per_page=REVIEWS_PER_PAGE)
    return render(
        request,
        "grants/review/review_list.html",
        {
            "grant_maker": request.grant_maker,
            "page": page,
            "rows": [(a, state_of(a)) for a in page.object_list],
        },
    )


@grant_maker_view("review_grants")
@require_http_methods(["GET", "POST"])
def review_declare(request: GrantMakerRequest, pk: int) -> HttpResponse:
    assignment = _own(request, pk)
    application = assignment.application
    context: dict = {"grant_maker": request.grant_maker, "assignment": assignment}
    barred = own_municipality_conflict(application)
    if not barred:
        context["refusal"] = barred.reason
    elif assignment.impartial is False or assignment.is_submitted:
        context["final"] = True
    else:
        initial = {"impartial": YES} if assignment.impartial else {}
        form = DeclareForm(request.POST or None, initial=initial)
        if ui.submit(
            request,
            form,
            lambda data: services.declare_impartiality(
                by=request.user,
                assignment=assignment,
                impartial=data["impartial"] == YES,
                conflict=data["conflict"],
            ),
        ):
            if assignment.impartial:
                messages.success(
                    request, _("Thank you. You can now read and score the application.")
                )
                return redirect("grants:review_score", request.grant_maker.pk, assignment.pk)
            messages.success(
                request,
                _(
                    "Thank you. You will not review this application: the grant officer "
                    "assigns someone else."
                ),
            )
            return redirect("grants:review_list", request.grant_maker.pk)
        context["form"] = form
    if "refusal" not in context:
        context["parties"], context["people"] = parties_and_people(application)
    return render(request, "grants/review/review_declare.html", context)


def _initial(assignment: ReviewAssignment) -> dict:
    initial: dict = {"recommendation": assignment.recommendation, "comment": assignment.comment}
    for score in assignment.scores.all():
        initial[f"score_{score.criterion_id}"] = (
            NOT_APPLICABLE if score.value is None else str(score.value)
        )
        initial[f"comment_{score.criterion_id}"] = score.comment
    return initial


@grant_maker_view("review_grants")
@require_http_methods(["GET", "POST"])
def review_score(request: GrantMakerRequest, pk: int) -> HttpResponse:
    assignment = _own(request, pk)
    application = assignment.application
    context: dict = {"grant_maker": request.grant_maker, "assignment": assignment}
    opened = can_open_review(request.user, assignment)
    if not opened:
        if assignment.impartial is None:
            return redirect("grants:review_declare", request.grant_maker.pk, assignment.pk)
        context["refusal"] = opened.reason
        return render(request, "grants/review/review_score.html", context)
    criteria = list(application.round.criteria.all())
    allowed = can_score(request.user, assignment)
    form = ScoreForm(
        request.POST if allowed else None, criteria=criteria, initial=_initial(assignment)
    )
    sending = request.POST.get("action") == "send"
    if allowed and ui.submit(
        request,
        form,
        lambda data: services.score_application(
            by=request.user,
            assignment=assignment,
            scores=form.scores(),
            recommendation=data["recommendation"],
            comment=data["comment"],
            submit=sending,
        ),
    ):
        if sending:
            messages.success(request, _("Your review is sent. Thank you."))
            return redirect("grants:review_list", request.grant_maker.pk)
        messages.success(request, _("Saved. You can come back and send the review later."))
        return redirect("grants:review_score", request.grant_maker.pk, assignment.pk)
    context |= application_content(application)
    context |= {
        "form": form,
        "locked": None if allowed else allowed.reason,
        "scores": list(assignment.scores.select_related("criterion")),
        "yes": YES,
        "no": NO,
    }
    return render(request, "grants/review/review_score.html", context)
