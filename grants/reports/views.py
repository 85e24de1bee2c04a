"""The grantee's report page, the officer's reports (list and assessment), a round's export, an
application's case dossier, and the download of the grant-maker's files."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from coordination.kernel import audit, ui, uploads
from coordination.kernel.models import GeneratedFile
from coordination.kernel.permissions import grant_maker_view, login_required
from coordination.kernel.retention import GENERATED_FILE_DAYS
from grants.applications.models import Application
from grants.applications.permissions import can_handle_application, is_applicant
from grants.decisions.models import Instalment, Outcome
from grants.decisions.services import current_decision
from grants.reports import services
from grants.reports.forms import AssessmentForm, ExportForm, ReportForm
from grants.reports.models import Report, ReportStatus
from grants.reports.prefill import initial_values
from grants.schemes.models import Round

RECENT_FILES = 10


def _budget(report: Report) -> dict:
    """The year's granted instalment (of the decision in force) and the budget's lines."""
    application = report.application
    decision = current_decision(application)
    if decision is not None and decision.outcome == Outcome.REJECTED:
        decision = None
    instalment = (
        Instalment.objects.filter(decision=decision, year=report.year).first() if decision else None
    )
    return {
        "decision": decision,
        "granted_this_year": instalment.amount if instalment else None,
        "budget_lines": application.budget_lines.filter(year=report.year),
    }


@login_required
@require_http_methods(["GET", "POST"])
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The applicant writes the report (saved as a draft, then sent); once sent it is shown
    as it was sent. Anyone else gets 404."""
    report = get_object_or_404(
        Report.objects.select_related("application__round__scheme", "grant_maker"), pk=pk
    )
    if not is_applicant(request.user, report.application):
        raise Http404
    editable = services.can_edit_report(request.user, report)
    form = None
    if editable:
        if not report.prefilled_from:
            report = services.prefill_report(by=request.user, report=report)
        counted = initial_values(report.prefilled_from)
        initial = {name: value for name, value in counted.items() if getattr(report, name) is None}
        form = ReportForm(request.POST or None, instance=report, initial=initial)
        if request.method == "POST" and form.is_valid():
            sending = "send" in request.POST
            fields = form.cleaned_data
            services.save_report(by=request.user, report=report, **fields)
            if not sending:
                messages.success(request, _("The report is saved. Send it when it is ready."))
                return redirect("grants:report_edit", report.pk)
            try:
                services.submit_report(by=request.user, report=report)
            except ValidationError as error:
                ui.add_service_errors(form, error)
            else:
                messages.success(request, _("The report is sent. The grant-maker will read it."))
                return redirect("grants:report_edit", report.pk)
    elif request.method == "POST":
        messages.error(request, editable.reason)
        return redirect("grants:report_edit", report.pk)
    return render(
        request,
        "grants/reports/report_edit.html",
        {
            "report": report,
            "application": report.application,
            "form": form,
            "locked_reason": "" if editable else editable.reason,
            "counted": report.prefilled_from,
            **_budget(report),
        },
    )


def _officers_report(request: HttpRequest, pk: int) -> Report:
    report = get_object_or_404(
        Report.objects.filter(grant_maker=request.grant_maker).select_related(
            "application__round", "application__municipality", "application__organisation"
        ),
        pk=pk,
    )
    if not can_handle_application(request.user, report.application):
        raise Http404
    return report


@grant_maker_view("run_grants")
@require_GET
def report_list(request: HttpRequest) -> HttpResponse:
    """Reports to assess, overdue and coming due, of the grant-maker's grants."""
    today = timezone.localdate()
    reports = Report.objects.filter(grant_maker=request.grant_maker).select_related(
        "application__round", "application__municipality", "application__organisation"
    )
    waiting = reports.filter(status__in=[ReportStatus.DUE, ReportStatus.MORE_REQUESTED])

    def handled(found) -> list[Report]:
        # A municipal grant-maker's officers never see the cases where it is a party.
        if request.grant_maker.municipality_id is None:
            return list(found)
        return [r for r in found if can_handle_application(request.user, r.application)]

    return render(
        request,
        "grants/reports/report_list.html",
        {
            "grant_maker": request.grant_maker,
            "submitted": handled(
                reports.filter(status=ReportStatus.SUBMITTED).order_by("submitted_at")
            ),
            "overdue": handled(waiting.filter(due_on__lt=today).order_by("due_on", "pk")),
            "due": handled(waiting.filter(due_on__gte=today).order_by("due_on", "pk")),
        },
    )


@grant_maker_view("run_grants")
@require_http_methods(["GET", "POST"])
def report_review(request: HttpRequest, pk: int) -> HttpResponse:
    """The officer reads a report and approves it or asks for more."""
    report = _officers_report(request, pk)
    form = None
    if report.status == ReportStatus.SUBMITTED:
        form = AssessmentForm(request.POST or None)
        if done := ui.submit(
            request,
            form,
            lambda data: services.assess_report(
                by=request.user,
                report=report,
                approve=data["outcome"] == AssessmentForm.APPROVE,
                comment=data["comment"],
            ),
        ):
            approved = done.value.status == ReportStatus.APPROVED
            messages.success(
                request,
                _("The report is approved.")
                if approved
                else _("The applicant has been asked for more."),
            )
            return redirect("grants:report_list", request.grant_maker.pk)
    elif request.method == "POST":
        messages.error(request, _("Only a report that has been sent can be assessed."))
        return redirect("grants:report_review", request.grant_maker.pk, report.pk)
    return render(
        request,
        "grants/reports/report_review.html",
        {
            "grant_maker": request.grant_maker,
            "report": report,
            "application": report.application,
            "form": form,
            "counted": report.prefilled_from,
            **_budget(report),
        },
    )


def _recent_files(request: HttpRequest, **parameters) -> list[GeneratedFile]:
    lookup = {f"parameters__{key}": value for key, value in parameters.items()}
    return list(
        GeneratedFile.objects.filter(
            requested_by=request.user,
            municipality=None,
            parameters__grant_maker=request.grant_maker.pk,
            **lookup,
        )[:RECENT_FILES]
    )


@grant_maker_view("run_grants")
@require_http_methods(["GET", "POST"])
def round_export(request: HttpRequest, pk: int) -> HttpResponse:
    """Choose CSV or Excel; a background job makes the file, downloaded from this page."""
    round_ = get_object_or_404(
        Round.objects.filter(grant_maker=request.grant_maker).select_related("scheme"), pk=pk
    )
    form = ExportForm(request.POST or None)
    if ui.submit(
        request,
        form,
        lambda data: services.request_round_export(
            by=request.user, round=round_, format=data["format"]
        ),
    ):
        messages.success(request, _("The file is being made. Refresh the page in a minute."))
        return redirect("grants:round_export", request.grant_maker.pk, round_.pk)
    return render(
        request,
        "grants/reports/round_export.html",
        {
            "grant_maker": request.grant_maker,
            "round": round_,
            "form": form,
            "files": _recent_files(request, round=round_.pk),
            "keep_days": GENERATED_FILE_DAYS,
        },
    )


@grant_maker_view("run_grants")
@require_http_methods(["GET", "POST"])
def case_dossier(request: HttpRequest, pk: int) -> HttpResponse:
    """What the case dossier holds, and a button to make it (a background job)."""
    application = get_object_or_404(
        Application.objects.filter(grant_maker=request.grant_maker)
        .submitted()
        .select_related("round", "municipality", "organisation"),
        pk=pk,
    )
    verdict = can_handle_application(request.user, application)
    if not verdict:
        raise Http404
    if request.method == "POST":
        try:
            services.request_case_dossier(by=request.user, application=application)
        except PermissionDenied as refusal:
            raise Http404 from refusal
        messages.success(request, _("The dossier is being made. Refresh the page in a minute."))
        return redirect("grants:case_dossier", request.grant_maker.pk, application.pk)
    return render(
        request,
        "grants/reports/case_dossier.html",
        {
            "grant_maker": request.grant_maker,
            "application": application,
            "files": _recent_files(request, application=application.pk),
            "keep_days": GENERATED_FILE_DAYS,
        },
    )


@grant_maker_view("run_grants")
def export_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The grant-maker's file, for the officer who asked and only while they may still run
    its grants (and, for a dossier, handle the application). A file not ready yet shows its
    status. Each download of a dossier is audited in the applicant's municipality."""
    record = get_object_or_404(
        GeneratedFile,
        pk=pk,
        requested_by=request.user,
        municipality=None,
        parameters__grant_maker=request.grant_maker.pk,
    )
    application = None
    if "application" in record.parameters:
        application = Application.objects.filter(
            pk=record.parameters["application"], grant_maker=request.grant_maker
        ).first()
        if application is None or not can_handle_application(request.user, application):
            raise Http404
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    if record.status != GeneratedFile.Status.DONE or not record.file:
        return render(
            request,
            "grants/reports/file_status.html",
            {"grant_maker": request.grant_maker, "record": record, "back": _back(request, record)},
        )
    if application is not None:
        audit.record(
            request.user,
            "exported",
            application,
            municipality=application.municipality_id,
            code="file.downloaded",
            params={"title": record.title},
        )
    extension = (record.file.name or "").rsplit(".", 1)[-1]
    return uploads.file_response(
        record.file, download_name=f"{record.title} {record.created_at:%Y-%m-%d}.{extension}"
    )


def _back(request: HttpRequest, record: GeneratedFile) -> str:
    grant_maker = request.grant_maker.pk
    if "application" in record.parameters:
        return reverse("grants:case_dossier", args=[grant_maker, record.parameters["application"]])
    if "round" in record.parameters:
        return reverse("grants:round_export", args=[grant_maker, record.parameters["round"]])
    return reverse("grants:report_list", args=[grant_maker])
