"""The decisions' pages: the officer decides a case and handles an appeal (under the
grant-maker's pages); the applicant appeals, accepts a grant and downloads the decision letter,
which the grant-maker's officers may download too."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseBase, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from coordination.kernel import files, languages, ui, uploads
from coordination.kernel.http import AuthenticatedRequest
from coordination.kernel.models import GeneratedFile
from coordination.kernel.permissions import grant_maker_view, login_required
from grants.applications.models import Application
from grants.applications.permissions import can_handle_application, is_applicant
from grants.applications.workflow import Status
from grants.decisions import services
from grants.decisions.forms import AppealForm, AppealHandlingForm, DecisionForm
from grants.decisions.models import APPEAL_PERIOD, Appeal, Decision, Outcome
from grants.decisions.services.deciding import (
    application_path,
    requested_by_year,
    today_in_oslo,
)

RELATED = ("round__scheme", "municipality", "organisation", "grant_maker")


def _amounts(form, outcome: str | None) -> dict[int, int]:
    """A rejection gives no money, whatever the amount fields still hold."""
    return {} if outcome == Outcome.REJECTED else form.amounts()


@grant_maker_view("run_grants")
@require_http_methods(["GET", "POST"])
def case_decide(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The decision on one application: the form only when it is ready for decision and the
    officer may handle it; otherwise why not, and the decision in force if there is one."""
    grant_maker = request.grant_maker  # type: ignore[attr-defined]
    application = get_object_or_404(
        Application.objects.submitted().filter(grant_maker=grant_maker).select_related(*RELATED),
        pk=pk,
    )
    verdict = can_handle_application(request.user, application)
    ready = application.status == Status.READY_FOR_DECISION
    form = None
    if verdict and ready:
        form = DecisionForm(
            request.POST or None,
            years=services.project_years(application),
            initial_amounts=services.proposed_amounts(application),
        )
        if ui.submit(
            request,
            form,
            lambda data: services.decide_application(
                by=request.user,
                application=application,
                outcome=data["outcome"],
                amounts_by_year=_amounts(form, data["outcome"]),
                grounds=data["grounds"],
                conditions=data["conditions"],
            ),
        ):
            messages.success(
                request,
                _("The decision is made. The letter is being made, and the applicant is told."),
            )
            return redirect("grants:case_decide", grant_maker.pk, application.pk)
    language = services.letter_language(application)
    return render(
        request,
        "grants/decisions/decide.html",
        {
            "grant_maker": grant_maker,
            "application": application,
            "verdict": verdict,
            "ready": ready,
            "form": form,
            "decision": services.current_decision(application),
            "appeal": services.open_appeal(application),
            "requested": sorted(requested_by_year(application).items()),
            "requested_total": application.requested_amount(),
            "appeal_deadline": today_in_oslo() + APPEAL_PERIOD,
            "letter_language": languages.NAME_IN_A_SENTENCE.get(language, language),
        },
    )


@login_required
def decision_letter(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    """The letter for the applicant and the grant-maker's officers; 404 for everyone else
    (whatever they send). While it is being made, a page says so."""
    decision = get_object_or_404(
        Decision.objects.select_related("application__round", "grant_maker", "letter"), pk=pk
    )
    application = decision.application
    if not (
        is_applicant(request.user, application) or can_handle_application(request.user, application)
    ):
        raise Http404
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    record = decision.letter
    if record is not None and record.status == GeneratedFile.Status.DONE and record.file:
        return uploads.file_response(record.file, download_name=f"{record.title}.pdf")
    if record is None or record.status == GeneratedFile.Status.FAILED or files.is_stuck(record):
        services.request_letter(decision)  # gone with old files, or its job failed: again
    return render(
        request,
        "grants/decisions/letter_pending.html",
        {"decision": decision, "application": application},
    )


def _applicants_application(request: AuthenticatedRequest, pk: int) -> Application:
    """The application, if the person speaks for its applicant; otherwise 404."""
    application = get_object_or_404(Application.objects.select_related(*RELATED), pk=pk)
    if not is_applicant(request.user, application):
        raise Http404
    return application


@login_required
@require_http_methods(["GET", "POST"])
def application_appeal(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    application = _applicants_application(request, pk)
    decision = services.current_decision(application)
    if decision is None:
        raise Http404
    verdict = services.can_appeal(request.user, application)
    form = AppealForm(request.POST or None) if verdict else None
    if form is not None and ui.submit(
        request,
        form,
        lambda data: services.lodge_appeal(
            by=request.user, application=application, reason=data["reason"]
        ),
    ):
        messages.success(
            request, _("Your appeal is sent. The grant-maker handles it and tells you the result.")
        )
        return redirect("grants:application_appeal", application.pk)
    return render(
        request,
        "grants/decisions/appeal.html",
        {
            "application": application,
            "decision": decision,
            "verdict": verdict,
            "form": form,
            "appeal": application.appeals.order_by("-lodged_at", "-pk").first(),
            "back_url": application_path(application),
        },
    )


@grant_maker_view("run_grants")
@require_http_methods(["GET", "POST"])
def appeal_handle(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """One appeal: the decision and the reason; while it is open, the officer upholds or
    changes the decision, or forwards the appeal (then records the appeal body's result)."""
    grant_maker = request.grant_maker  # type: ignore[attr-defined]
    appeal = get_object_or_404(
        Appeal.objects.filter(grant_maker=grant_maker).select_related(
            *(f"application__{field}" for field in RELATED), "decision__made_by", "lodged_by"
        ),
        pk=pk,
    )
    application = appeal.application
    verdict = can_handle_application(request.user, application)
    is_open = (
        appeal.handling in (Appeal.Handling.PENDING, Appeal.Handling.FORWARDED)
        and application.status == Status.APPEALED
    )
    form = None
    if verdict and is_open:
        earlier = {i.year: i.amount for i in appeal.decision.instalments.all()}
        form = AppealHandlingForm(
            request.POST or None,
            forwarded=appeal.handling == Appeal.Handling.FORWARDED,
            years=services.project_years(application),
            initial_amounts=earlier or services.proposed_amounts(application),
        )
        if ui.submit(
            request,
            form,
            lambda data: services.handle_appeal(
                by=request.user,
                appeal=appeal,
                handling=data["handling"],
                notes=data["notes"],
                outcome=data["outcome"] or None,
                amounts_by_year=_amounts(form, data["outcome"]),
                grounds=data["grounds"],
                forwarded_to=data.get("forwarded_to", ""),
            ),
        ):
            messages.success(request, _("The appeal's handling is recorded."))
            return redirect("grants:appeal_handle", grant_maker.pk, appeal.pk)
    return render(
        request,
        "grants/decisions/appeal_handle.html",
        {
            "grant_maker": grant_maker,
            "appeal": appeal,
            "application": application,
            "decision": appeal.decision,
            "in_force": services.current_decision(application),
            "verdict": verdict,
            "is_open": is_open,
            "form": form,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def application_accept(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The applicant accepts the grant (a confirm page, then the button)."""
    application = _applicants_application(request, pk)
    decision = services.current_decision(application)
    back_url = application_path(application)
    if decision is None or application.status not in (Status.GRANTED, Status.PARTLY_GRANTED):
        if application.status == Status.REPORTING:
            message = _(
                "You have accepted the grant already. The reports due are listed on the "
                "application's page."
            )
        else:
            message = _("There is no grant to accept in this application.")
        return render(
            request,
            "grants/decisions/notice.html",
            {
                "title": _("Accept the grant"),
                "message": message,
                "back_url": back_url,
                "application": application,
            },
        )
    schedule = services.report_schedule(application, decision)
    return ui.confirm_then(
        request,
        do=lambda: services.accept_grant(by=request.user, application=application),
        done=_("Thank you: the grant is accepted. The reports due are on the application's page."),
        then=back_url,
        title=_("Accept the grant"),
        question=_(
            "Do you accept the grant of %(amount)s kroner for «%(title)s», on the conditions "
            "in the decision letter?"
        )
        % {
            "amount": number_format(decision.amount, force_grouping=True),
            "title": application.title,
        },
        submit_label=_("Accept the grant"),
        back_url=back_url,
        template="grants/decisions/accept.html",
        decision=decision,
        application=application,
        schedule=schedule,
    )
