"""The applicant's pages: starting an application, its page, the project, the budget, sending
it, withdrawing it, answering a request for more information, and the list of one's own."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from coordination.kernel import ui
from coordination.kernel.http import AuthenticatedRequest
from coordination.kernel.permissions import login_required
from grants.applications import services
from grants.applications.forms import (
    ApplicationForm,
    BudgetFormSet,
    InformationForm,
    StartForm,
    WithdrawForm,
)
from grants.applications.models import Application, BudgetLine
from grants.applications.permissions import can_edit_application, is_applicant, speaks_for_partner
from grants.applications.views.common import locked_redirect, own_application, visible_application
from grants.applications.workflow import UNDECIDED, Status
from grants.decisions.services import can_appeal, current_decision
from grants.schemes.models import Round


@login_required
@require_http_methods(["GET", "POST"])
def application_start(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    round_ = get_object_or_404(Round.objects.select_related("scheme", "grant_maker"), pk=pk)
    choices = services.applying_as(request.user, round_)
    closed = services.round_closed_reason(round_)
    if closed or not choices:
        return render(
            request,
            "grants/applications/start_refused.html",
            {
                "round": round_,
                "closed": closed,
                "can_apply_somewhere": bool(services.applying_as(request.user)),
            },
        )
    form = StartForm(request.POST or None, choices=choices, round=round_)
    if done := ui.submit(
        request,
        form,
        lambda _data: services.start_application(
            by=request.user, round=round_, **form.service_arguments()
        ),
    ):
        messages.success(request, _("The application is started. It is saved as a draft."))
        return redirect("grants:application_detail", done.value.pk)
    return render(request, "grants/applications/start.html", {"round": round_, "form": form})


def _sections(application: Application) -> dict:
    lines = list(application.budget_lines.all())
    return {
        "partners": list(application.partners.select_related("organisation", "municipality")),
        "lines": lines,
        "totals": services.budget_totals(lines),
        "sources": BudgetLine.Source.choices,
        "attachments": list(application.attachments.all()),
        "answers": [
            (question, next((a.text for a in question.answers.all()), ""))
            for question in services.questions_for(application).prefetch_related(
                Prefetch("answers", queryset=application.answers.all())
            )
        ],
        "municipalities": list(application.municipalities.order_by("name")),
        "activities": list(application.activities.select_related("municipality")),
    }


@login_required
def application_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    application = visible_application(request, pk)
    applicant = is_applicant(request.user, application)
    editable = can_edit_application(request.user, application)
    decision = current_decision(application) if applicant else None
    return render(
        request,
        "grants/applications/detail.html",
        {
            "application": application,
            "applicant": applicant,
            "editable": bool(editable),
            "locked_reason": "" if editable or not applicant else editable.reason,
            "missing": services.missing_items(application) if editable else [],
            "events": list(application.events.all()) if application.status != Status.DRAFT else [],
            "may_withdraw": applicant and application.status in UNDECIDED,
            "own_partners": [
                p for p in application.partners.all() if speaks_for_partner(request.user, p)
            ],
            "decision": decision,
            "may_appeal": decision is not None and bool(can_appeal(request.user, application)),
            "may_accept": decision is not None
            and application.status in (Status.GRANTED, Status.PARTLY_GRANTED),
            "reports": list(application.reports.order_by("due_on", "pk")) if applicant else [],
            **_sections(application),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def application_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    application = own_application(request, pk)
    if refused := locked_redirect(request, application):
        return refused
    form = ApplicationForm(request.POST or None, application=application)

    def save(data: dict) -> Application:
        services.update_application(
            by=request.user, application=application, **form.project_fields()
        )
        services.set_municipalities(
            by=request.user, application=application, municipalities=data["municipalities_text"]
        )
        if "activities" in form.fields:
            services.set_activities(
                by=request.user, application=application, activities=data["activities"]
            )
        services.save_answers(by=request.user, application=application, answers=form.answers())
        return application

    if ui.submit(request, form, save):
        messages.success(request, _("Saved. You can come back and go on later."))
        return redirect("grants:application_detail", application.pk)
    return ui.form_page(
        request,
        form=form,
        title=_("The project"),
        intro=_(
            "Write as much as you know now and save: nothing has to be complete until you send "
            "the application."
        ),
        submit_label=_("Save"),
        back_url=reverse("grants:application_detail", args=[application.pk]),
        back_label=_("Back to the application"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def application_budget(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    application = own_application(request, pk)
    if refused := locked_redirect(request, application):
        return refused
    years = services.allowed_years(application)
    lines = application.budget_lines.all()
    initial = [
        {"year": ln.year, "description": ln.description, "source": ln.source, "amount": ln.amount}
        for ln in lines
    ]
    formset = BudgetFormSet(
        request.POST or None, initial=initial, form_kwargs={"years": years}, prefix="lines"
    )
    refusals: list[str] = []
    if request.method == "POST" and formset.is_valid():
        try:
            services.replace_budget(by=request.user, application=application, lines=formset.lines())
        except ValidationError as error:
            refusals = error.messages
        else:
            messages.success(request, _("The budget is saved."))
            if "more" in request.POST:
                return redirect("grants:application_budget", application.pk)
            return redirect("grants:application_detail", application.pk)
    return render(
        request,
        "grants/applications/budget.html",
        {
            "application": application,
            "formset": formset,
            "totals": services.budget_totals(lines),
            "sources": BudgetLine.Source.choices,
            "max_years": application.round.scheme.max_years,
            "years": years,
            "error_items": _budget_errors(formset, refusals) if request.method == "POST" else [],
        },
    )


def _budget_errors(formset, refused: list[str]) -> list[dict]:
    """The error summary's items: the service's refusals, then each line's field errors, each
    linked to its field."""
    items = [{"message": message, "anchor": "", "label": ""} for message in refused]
    items += [{"message": m, "anchor": "", "label": ""} for m in formset.non_form_errors()]
    for number, form in enumerate(formset.forms, start=1):
        for field in form.visible_fields():
            label = _("Line %(n)s, %(field)s: ") % {"n": number, "field": str(field.label).lower()}
            items += [
                {
                    "message": m,
                    "anchor": field.id_for_label,
                    "label": label,
                    "name": field.html_name,
                }
                for m in field.errors
            ]
    return items


@login_required
@require_http_methods(["GET", "POST"])
def application_submit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    application = own_application(request, pk)
    back = reverse("grants:application_detail", args=[application.pk])
    if application.status != Status.DRAFT:
        messages.info(request, _("The application has already been sent."))
        return redirect(back)
    if request.method == "POST":
        if ui.attempt(
            request,
            lambda: services.submit_application(by=request.user, application=application),
            done=_("The application is sent. A receipt is on its way to you by email."),
        ):
            return redirect(back)
        return redirect("grants:application_submit", application.pk)
    return render(
        request,
        "grants/applications/submit.html",
        {
            "application": application,
            "missing": services.missing_items(application),
            "closed": services.round_closed_reason(application.round),
            "requested": application.requested_amount(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def application_withdraw(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    application = own_application(request, pk)
    back = reverse("grants:application_detail", args=[application.pk])
    if application.status not in UNDECIDED:
        messages.error(request, _("The application can no longer be withdrawn."))
        return redirect(back)
    form = WithdrawForm(request.POST or None)
    if ui.submit(
        request,
        form,
        lambda data: services.withdraw_application(
            by=request.user, application=application, reason=data["reason"]
        ),
    ):
        messages.success(request, _("The application is withdrawn."))
        return redirect(back)
    return ui.form_page(
        request,
        template="grants/applications/withdraw.html",
        form=form,
        title=_("Withdraw the application"),
        intro=_(
            "Do you want to withdraw «%(title)s»? The grant-maker will not consider it. This "
            "cannot be undone; you can start a new application while the round is open."
        )
        % {"title": application.title},
        submit_label=_("Yes, withdraw the application"),
        back_url=back,
        back_label=_("Back to the application"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def application_provide_information(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    application = own_application(request, pk)
    back = reverse("grants:application_detail", args=[application.pk])
    if application.status != Status.MORE_INFORMATION:
        messages.info(request, _("No more information has been asked for."))
        return redirect(back)
    form = InformationForm(request.POST or None)
    if ui.submit(
        request,
        form,
        lambda data: services.provide_information(
            by=request.user, application=application, note=data["note"]
        ),
    ):
        messages.success(request, _("Thank you. The application is sent back to the grant-maker."))
        return redirect(back)
    return render(
        request,
        "grants/applications/information.html",
        {"application": application, "form": form, "back_url": back},
    )


@login_required
def my_applications(request: AuthenticatedRequest) -> HttpResponse:
    applications = list(
        Application.objects.of_applicant(request.user)
        .select_related("round__scheme", "grant_maker", "municipality", "organisation")
        .order_by("-created_at", "-pk")
    )
    groups = []
    for status, label in Status.choices:
        found = [a for a in applications if a.status == status]
        if found:
            groups.append((label, found))
    return render(
        request,
        "grants/applications/my_applications.html",
        {
            "groups": groups,
            "waiting": services.partnerships_waiting_for(request.user),
            "can_apply": bool(services.applying_as(request.user)),
            "open_rounds": list(
                Round.objects.open_now().select_related("scheme", "grant_maker")[:20]
            ),
        },
    )
