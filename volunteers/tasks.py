import csv
import io
from collections.abc import Iterator
from datetime import date

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from coordination import audit, files
from coordination.jobs import acting_for
from coordination.models import Role, User
from coordination.permissions import get_for_user
from coordination.text import render_subject
from volunteers.forms.registry import RegistryFilterForm
from volunteers.models import Invitation, InvitationStatus, Need, Volunteer
from volunteers.services import current_declaration, reminders
from volunteers.services.importing import run_import

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    """Text a spreadsheet will show, never run: a leading = + - @ would start a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _registry_header() -> list[str]:
    return [
        _("Name"), _("Email"), _("Phone"), _("Area"), _("Would like to do"),
        _("weekdays, daytime"), _("evenings"), _("weekends"), _("Can drive"),
        _("Volunteer since"), _("Confidentiality declaration"),
    ]  # fmt: skip


def _registry_rows(volunteers, declaration) -> Iterator[list]:
    """One row a volunteer, as a person reads it (the date stays a date for Excel)."""
    for v in volunteers.iterator(chunk_size=2000):
        person = (v.user.full_name, v.user.email, v.user.phone) if v.user else (str(v), "", "")
        yield [
            *person, v.area,
            ", ".join(str(interest) for interest in v.interests.all()),
            _("Yes") if v.weekday_daytime else _("No"),
            _("Yes") if v.evenings else _("No"),
            _("Yes") if v.weekends else _("No"),
            _("Yes") if v.can_drive else _("No"),
            v.active_since,
            _("Signed") if v.signed_current else (_("Missing") if declaration else ""),
        ]  # fmt: skip


def registry_csv(volunteers, declaration) -> tuple[bytes, int]:
    """Semicolon-separated UTF-8 with a byte order mark: what Norwegian Excel opens as is."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(_registry_header())
    rows = 0
    for row in _registry_rows(volunteers, declaration):
        writer.writerow([_cell(x.isoformat() if isinstance(x, date) else x) for x in row])
        rows += 1
    return buffer.getvalue().encode("utf-8-sig"), rows


# Excel column widths (in characters), in the order of ``_registry_header``.
XLSX_WIDTHS = (28, 34, 16, 20, 40, 12, 12, 12, 12, 16, 18)


def registry_xlsx(volunteers, declaration) -> tuple[bytes, int]:
    """An Excel workbook: a bold, frozen header row in the person's language, set column
    widths, dates as dates; text never becomes a formula (the same rule as the CSV)."""
    workbook = Workbook(write_only=True)  # streams rows: 100 000 volunteers fit in memory
    sheet = workbook.create_sheet(_("Volunteers"))
    for index, width in enumerate(XLSX_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for title in _registry_header():
        cell = WriteOnlyCell(sheet, value=_cell(title))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    rows = 0
    for row in _registry_rows(volunteers, declaration):
        cells = []
        for value in row:
            if isinstance(value, date):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = "DD.MM.YYYY"
            else:
                # Control characters have no place in a workbook's XML: Excel would refuse it.
                cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", _cell(value)))
                cell.data_type = "s"  # text, whatever it looks like
            cells.append(cell)
        sheet.append(cells)
        rows += 1
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), rows


EXPORT_FORMATS = {"csv": (registry_csv, "CSV"), "xlsx": (registry_xlsx, "Excel")}


@shared_task(acks_late=True)
@acting_for("export_volunteers")
def export_volunteers(*, user, municipality, generated_file: int) -> int:
    """The registry as the person filtered it, as a CSV or Excel file only they can
    download."""
    record = files.for_job(pk=generated_file, user=user, municipality=municipality)
    if record.status != record.Status.PENDING:
        return record.rows or 0  # made already (a job sent twice, or started again): no copy
    try:
        form = RegistryFilterForm(record.parameters, municipality=municipality)
        if not form.is_valid():
            form = RegistryFilterForm({}, municipality=municipality)
            form.is_valid()
        declaration = current_declaration(municipality)
        volunteers = form.apply(
            Volunteer.objects.filter(municipality=municipality)
            .select_related("user")
            .prefetch_related("interests")
            .annotate_signed_current(declaration.pk if declaration else None)
        )
        extension = record.parameters.get("format", "csv")
        write, label = EXPORT_FORMATS.get(extension, EXPORT_FORMATS["csv"])
        with override(user.preferred_language):
            content, rows = write(volunteers, declaration)
        files.finish(
            record,
            extension=extension if extension in EXPORT_FORMATS else "csv",
            content=content,
            rows=rows,
        )
    except Exception:
        files.fail(record)
        raise
    audit.record(
        user, "exported", municipality=municipality, object_type="volunteers.volunteer",
        code="volunteers.exported", params={"count": rows, "format": str(label)},
    )  # fmt: skip
    return rows


@shared_task(acks_late=True)
@acting_for("import_volunteers")
def import_volunteer_list(*, user, municipality, generated_file: int) -> int:
    """Import a volunteer list the coordinator confirmed: all rows, or none."""
    record = files.for_job(pk=generated_file, user=user, municipality=municipality)
    return run_import(record=record, by=user)


@shared_task
def send_screening_reminders() -> dict[str, int]:
    """Daily: police certificates due for renewal, and declarations left unsigned. Each
    reminder goes out once, so running it twice in a day sends nothing new."""
    return {
        "certificates": reminders.send_certificate_reminders(),
        "declarations": reminders.send_declaration_reminders(),
    }


# --- needs: invitations and answers ---------------------------------------------------------


@shared_task(acks_late=True)
@acting_for("manage_needs")
def send_invitation(*, user, municipality, invitation: int) -> str:
    """Tell the volunteer, in their own language, that they are asked to help, with a link to
    the invitation. The email names the kind of help and the area, never the person."""
    invited = get_for_user(
        Invitation.objects.select_related("need", "volunteer__user"),
        user,
        "manage_needs",
        via="need__municipality",
        pk=invitation,
        need__municipality=municipality,
    )
    recipient = invited.volunteer.user
    if recipient is None or invited.status != InvitationStatus.PENDING:
        return ""
    with override(recipient.preferred_language):
        context = {
            "recipient": recipient,
            "invitation": invited,
            "need": invited.need,
            "municipality": municipality,
            "url": settings.SITE_URL + reverse("volunteers:invitation", args=[invited.pk]),
        }
        subject = render_subject("volunteers/email/invitation_subject.txt", context)
        body = render_to_string("volunteers/email/invitation.txt", context)
    send_mail(subject, body, None, [recipient.email])
    return recipient.email


def _coordinators(municipality_id: str):
    return User.objects.filter(
        memberships__municipality_id=municipality_id,
        memberships__role=Role.COORDINATOR,
        is_active=True,
    ).distinct()


def _email_coordinators(municipality_id: str, template: str, context: dict) -> list[str]:
    sent = []
    for coordinator in _coordinators(municipality_id):
        with override(coordinator.preferred_language):
            subject = render_subject(f"{template}_subject.txt", context)
            body = render_to_string(f"{template}.txt", context)
        send_mail(subject, body, None, [coordinator.email])
        sent.append(coordinator.email)
    return sent


@shared_task(acks_late=True)
def notify_invitation_answered(*, invitation: int) -> list[str]:
    """Tell the municipality's coordinators that a volunteer answered. It acts for nobody: the
    volunteer answered for themself, and the recipients are chosen by their role when it runs."""
    answered = (
        Invitation.objects.select_related("need", "volunteer__user")
        .filter(pk=invitation, status__in=[InvitationStatus.ACCEPTED, InvitationStatus.DECLINED])
        .first()
    )
    if answered is None:
        return []
    need = answered.need
    context = {
        "invitation": answered,
        "need": need,
        "url": settings.SITE_URL
        + reverse("volunteers:need_detail", args=[need.municipality_id, need.pk]),
    }
    template = "volunteers/email/invitation_answered"
    return _email_coordinators(need.municipality_id, template, context)


@shared_task(acks_late=True)
def notify_need_reported(*, need: int) -> list[str]:
    """Tell the coordinators that someone asked for help through the public form. The email
    carries a link only: the person's details stay in the portal."""
    reported = Need.objects.filter(pk=need).first()
    if reported is None:
        return []
    context = {
        "need": reported,
        "url": settings.SITE_URL
        + reverse("volunteers:need_detail", args=[reported.municipality_id, reported.pk]),
    }
    return _email_coordinators(reported.municipality_id, "volunteers/email/need_reported", context)
