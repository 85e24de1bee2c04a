"""Reading an uploaded list (CSV or Excel) into rows of cells, whatever its encoding or
separator, without trusting the file: a damaged or hostile file is an ``UnreadableFile`` with
a message for the person."""

from __future__ import annotations

import csv
import io
import unicodedata
import zipfile
from collections.abc import Iterator

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from coordination.kernel.text import one_line

# An .xlsx file is a zip archive: refuse one that unpacks to far more than a list of 5 000
# people needs (a "zip bomb" would otherwise fill the memory of the server).
MAX_UNPACKED_BYTES = 60 * 1024 * 1024
MAX_COLUMNS = 60


class UnreadableFile(Exception):
    """The file cannot be read as a table; the message says why, for the person."""


def text(value) -> str:
    """A cell as one line of text: no control characters, single spaces."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a phone number Excel stored as a number
    return one_line(str(value))


def fold(value: str) -> str:
    """A header or a value as we compare it: case, spaces, hyphens and underscores do not
    matter ("E_post", "e-post" and "E-POST:" are the same column)."""
    value = unicodedata.normalize("NFC", value.replace("_", " ").replace("-", " "))
    return " ".join(value.split()).casefold().rstrip(":*").strip()


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")  # what Norwegian Excel saves as "CSV"
    except UnicodeDecodeError as error:
        raise UnreadableFile(
            _('The file\'s letters cannot be read. Save it as "CSV UTF-8" and try again.')
        ) from error


def _delimiter(content: str, headers: set[str]) -> str:
    """Semicolon or comma: whichever splits the header line into more of the known
    ``headers`` (folded), then into more columns."""
    header = next((line for line in content.splitlines() if line.strip()), "")

    def score(delimiter: str) -> tuple[int, int]:
        try:
            cells = next(csv.reader([header], delimiter=delimiter), [])
        except csv.Error:  # e.g. a cell longer than the csv module reads
            return 0, 0
        return sum(fold(c) in headers for c in cells), len(cells)

    return max((";", ","), key=score)


def _csv_rows(data: bytes, headers: set[str]) -> Iterator[list]:
    content = _decode(data)
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=_delimiter(content, headers))
    try:
        yield from reader
    except csv.Error as error:
        raise UnreadableFile(
            _("Line %(line)s of the file cannot be read as CSV.") % {"line": reader.line_num}
        ) from error


def _xlsx_rows(data: bytes) -> Iterator[list]:
    damaged = _("The Excel file cannot be read. Open it in Excel, save it again and try again.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
    except zipfile.BadZipFile as error:
        raise UnreadableFile(damaged) from error
    if unpacked > MAX_UNPACKED_BYTES:
        raise UnreadableFile(
            _("The Excel file is too large when unpacked (%(size)s).")
            % {"size": filesizeformat(unpacked)}
        )
    # A damaged or hostile workbook can fail in many ways inside openpyxl (zip, XML, styles):
    # each is the same answer for the person.
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:
        raise UnreadableFile(damaged) from error
    try:
        if not workbook.worksheets:
            raise UnreadableFile(damaged)
        sheet = workbook.worksheets[0]  # the first sheet is the list
        try:
            for cells in sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True):
                yield list(cells)
        except UnreadableFile:
            raise
        except Exception as error:
            raise UnreadableFile(damaged) from error
    finally:
        workbook.close()


def rows_of(data: bytes, kind: str, headers: set[str]) -> Iterator[list]:
    """The rows of the first sheet (xlsx) or of the text (csv), as lists of cell values."""
    return _xlsx_rows(data) if kind == "xlsx" else _csv_rows(data, headers)
