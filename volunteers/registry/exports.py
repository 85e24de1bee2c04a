import csv
import io
from collections.abc import Iterator
from datetime import date

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

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
        person = (str(v), v.contact_email, v.contact_phone)
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
