"""File writers for the grant-maker: a round's applications as CSV (semicolons, UTF-8 with a
byte order mark: what Norwegian Excel opens as is) or Excel, and an application's case dossier
as a ZIP for the archive. Text never becomes a spreadsheet formula."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from coordination.kernel.documents import render_pdf
from grants.applications.models import Application
from grants.decisions.models import Decision
from grants.review.fairness import SIZE_CLASS_LABELS, size_class
from grants.review.models import ReviewAssignment
from grants.review.services.rounds import review_scores
from grants.schemes.models import Round

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str:
    """Text a spreadsheet will show, never run: a leading = + - @ would start a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def oslo_time(moment: datetime | None) -> str:
    """A moment as Norwegians read it (Europe/Oslo), to the minute."""
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


@dataclass
class RoundRow:
    application: Application
    requested: int
    score: int | None  # 0–100, as the ranking shows it
    decision: Decision | None


def round_applications(round_: Round) -> list[RoundRow]:
    """The round's applications (drafts left out) in case-number order, with what the
    export shows of each."""
    applications = list(
        Application.objects.filter(round=round_)
        .submitted()
        .select_related("round", "municipality", "organisation")
        .prefetch_related(
            "budget_lines",
            Prefetch("decisions", queryset=Decision.objects.in_force(), to_attr="in_force"),
        )
        .order_by("number", "pk")
    )
    scores = review_scores(applications)
    return [
        RoundRow(
            application=a,
            requested=a.requested_amount(),
            score=None if scores[a.pk].score is None else round(scores[a.pk].score),
            decision=a.in_force[0] if a.in_force else None,  # type: ignore[attr-defined]
        )
        for a in applications
    ]


def _header() -> list[str]:
    return [
        _("Reference"), _("Project"), _("Applicant"), _("Organisation number"),
        _("Municipality"), _("County"), _("Size class"), _("Status"),
        _("Requested (NOK)"), _("Proposed (NOK)"), _("Decided amount (NOK)"), _("Outcome"),
        _("Score (0–100)"), _("Submitted (Norwegian time)"),
    ]  # fmt: skip


def _values(row: RoundRow) -> list:
    a, decision = row.application, row.decision
    return [
        a.reference, a.title, a.applicant_name,
        a.organisation.organisation_number if a.organisation else "",
        a.municipality.name, a.municipality.county,
        str(SIZE_CLASS_LABELS[size_class(a.municipality.population)]),
        a.get_status_display(), row.requested, a.proposed_amount,
        decision.amount if decision else None,
        decision.get_outcome_display() if decision else "",
        row.score, oslo_time(a.submitted_at),
    ]  # fmt: skip


def round_csv(rows: list[RoundRow]) -> tuple[bytes, int]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([cell(title) for title in _header()])
    for row in rows:
        writer.writerow([cell(value) for value in _values(row)])
    return buffer.getvalue().encode("utf-8-sig"), len(rows)


XLSX_WIDTHS = (14, 40, 32, 18, 18, 18, 12, 22, 16, 16, 18, 18, 12, 20)


def round_xlsx(rows: list[RoundRow]) -> tuple[bytes, int]:
    """A workbook with a bold, frozen header row; amounts and scores as numbers, text always
    as text (never a formula)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Applications"))
    for index, width in enumerate(XLSX_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for title in _header():
        item = WriteOnlyCell(sheet, value=cell(title))
        item.font = bold
        header.append(item)
    sheet.append(header)
    for row in rows:
        cells = []
        for value in _values(row):
            if isinstance(value, int | Decimal) and not isinstance(value, bool):
                item = WriteOnlyCell(sheet, value=value)
            else:
                item = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", cell(value)))
                item.data_type = "s"
            cells.append(item)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), len(rows)


# --- the case dossier -----------------------------------------------------------------------

UNSAFE_NAME = re.compile(r"[^\w.\- ]+")


def safe_name(name: str, fallback: str = "file") -> str:
    """A file name that stays in its folder in any unzip program: no path, no control
    characters, no leading dots, at most 100 characters (the extension kept)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = UNSAFE_NAME.sub("_", base).strip(" ._") or fallback
    if len(base) > 100:
        stem, dot, extension = base.rpartition(".")
        base = (stem[: 95 - len(extension)] + dot + extension) if dot else base[:100]
    return base


def _csv(rows: list[list]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    for row in rows:
        writer.writerow([cell(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def application_pdf(application: Application) -> bytes:
    """The application as the applicant wrote it, with partners, budget and answers."""
    title = _("Application %(reference)s") % {"reference": application.reference}
    return render_pdf(
        template="grants/reports/application_pdf.html",
        context={
            "application": application,
            "partners": application.partners.select_related("organisation", "municipality"),
            "budget_lines": application.budget_lines.all(),
            "answers": application.answers.select_related("question"),
            "attachments": application.attachments.all(),
            "activities": application.activities.order_by("title"),
            "municipalities": application.municipalities.all(),
            "requested": application.requested_amount(),
        },
        title=title,
        language=_language(),
        header=application.grant_maker.name,
    )


def _language() -> str:
    from django.utils import translation

    return translation.get_language() or "nb"


def _reviews(application: Application) -> bytes:
    """One line per reviewer's declaration and overall view, then one per criterion scored."""
    rows: list[list] = [
        [
            _("Reviewer"), _("Impartial"), _("The tie to the application"), _("Declared"),
            _("Criterion"), _("Weight"), _("Score (0–5)"), _("Comment"), _("Recommendation"),
            _("Review sent"),
        ]
    ]  # fmt: skip
    assignments = (
        ReviewAssignment.objects.filter(application=application)
        .select_related("reviewer")
        .prefetch_related("scores__criterion")
    )
    for assignment in assignments:
        impartial = {True: _("Yes"), False: _("No"), None: _("Not declared")}[assignment.impartial]
        person = [assignment.reviewer.full_name, impartial, assignment.conflict]
        declared = oslo_time(assignment.declared_at)
        rows.append(
            [
                *person, declared, _("Overall"), "", "", assignment.comment,
                assignment.get_recommendation_display(), oslo_time(assignment.submitted_at),
            ]
        )  # fmt: skip
        for score in assignment.scores.all():
            value = _("n/a") if score.value is None else score.value
            rows.append(
                [*person, declared, score.criterion.name, score.criterion.weight, value,
                 score.comment, "", ""]
            )  # fmt: skip
    return _csv(rows)


def _events(application: Application) -> bytes:
    rows: list[list] = [[_("When"), _("Who"), _("Step"), _("From"), _("To"), _("Note")]]
    for event in application.events.all():
        rows.append(
            [
                oslo_time(event.at), event.actor_name, event.transition,
                event.get_from_status_display(), event.get_to_status_display(), event.note,
            ]
        )  # fmt: skip
    return _csv(rows)


def _date(value) -> str:
    return date_format(value, "DATE_FORMAT") if value else ""


def _pair(label: str, value: object = "") -> str:
    """«Label: value», a line of a text file in the dossier."""
    return f"{label}: {'' if value is None else value}"


def _name(person) -> str:
    return person.full_name if person is not None else ""


def _decision_text(decision: Decision) -> str:
    lines = [
        _pair(_("Decision"), decision.get_outcome_display()),
        _pair(_("Decided"), oslo_time(decision.made_at)),
        _pair(_("Decided by"), _name(decision.made_by)),
        _pair(_("Amount granted (NOK, all years)"), decision.amount),
        _pair(_("Appeal by"), _date(decision.appeal_deadline)),
    ]
    for instalment in decision.instalments.all():
        lines.append(_pair(_("Instalment %(year)s") % {"year": instalment.year}, instalment.amount))
    lines += ["", _pair(_("Grounds")), decision.grounds]
    if decision.conditions:
        lines += ["", _pair(_("Conditions")), decision.conditions]
    return "\n".join(lines) + "\n"


def _appeal_text(appeal) -> str:
    lines = [
        _pair(_("Appealed"), oslo_time(appeal.lodged_at)),
        _pair(_("Appealed by"), _name(appeal.lodged_by)),
        "",
        _pair(_("Why they appeal")),
        appeal.reason,
        "",
        _pair(_("Handling"), appeal.get_handling_display()),
        _pair(_("Handled"), oslo_time(appeal.handled_at)),
    ]
    if appeal.forwarded_to:
        lines.append(_pair(_("Forwarded to"), appeal.forwarded_to))
    if appeal.notes:
        lines += ["", _pair(_("The officer's assessment")), appeal.notes]
    return "\n".join(lines) + "\n"


REPORT_FIGURES = (
    "sessions_held",
    "participants_reached",
    "volunteers_involved",
    "volunteer_hours",
    "senior_volunteers",
    "money_used",
)


def _report_text(report) -> str:
    figures = [
        _pair(str(report._meta.get_field(name).verbose_name).capitalize(), getattr(report, name))
        for name in REPORT_FIGURES
    ]
    lines = [
        f"{report.get_kind_display()} {report.year}",
        _pair(_("Status"), report.get_status_display()),
        _pair(_("Due"), _date(report.due_on)),
        _pair(_("Sent"), oslo_time(report.submitted_at)),
        "",
        *figures,
        "",
        _pair(_("What was done")),
        report.what_was_done,
        "",
        _pair(_("What lasts beyond the project")),
        report.what_lasted,
    ]
    if report.officer_comment:
        lines += ["", _pair(_("The officer's comment")), report.officer_comment]
    return "\n".join(lines) + "\n"


def case_dossier(application: Application) -> tuple[bytes, int]:
    """The case as a ZIP: the application (PDF), its attachments under their own names, the
    reviews with the impartiality declarations, the decisions with their letters, the
    appeals, the reports and the case events. Returns the bytes and how many files it holds."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{safe_name(_('application'))}.pdf", application_pdf(application))
        folder = safe_name(_("attachments"))
        for index, attachment in enumerate(application.attachments.all(), start=1):
            name = safe_name(attachment.original_name or attachment.title)
            with attachment.file.open("rb") as stored:
                archive.writestr(f"{folder}/{index:02d} {name}", stored.read())
        archive.writestr(f"{safe_name(_('reviews'))}.csv", _reviews(application))
        folder = safe_name(_("decisions"))
        decisions = application.decisions.select_related("made_by", "letter").prefetch_related(
            "instalments"
        )
        for index, decision in enumerate(decisions, start=1):
            archive.writestr(f"{folder}/{index:02d} {safe_name(_('decision'))}.txt",
                             _decision_text(decision))  # fmt: skip
            letter = decision.letter
            if letter is not None and letter.file:
                with letter.file.open("rb") as stored:
                    archive.writestr(
                        f"{folder}/{index:02d} {safe_name(_('decision letter'))}.pdf",
                        stored.read(),
                    )
        folder = safe_name(_("appeals"))
        for index, appeal in enumerate(application.appeals.select_related("lodged_by"), start=1):
            archive.writestr(f"{folder}/{index:02d} {safe_name(_('appeal'))}.txt",
                             _appeal_text(appeal))  # fmt: skip
        folder = safe_name(_("reports"))
        for report in application.reports.all():
            name = safe_name(f"{report.year} {report.get_kind_display()}")
            archive.writestr(f"{folder}/{name}.txt", _report_text(report))
        archive.writestr(f"{safe_name(_('case events'))}.csv", _events(application))
        count = len(archive.namelist())
    return buffer.getvalue(), count
