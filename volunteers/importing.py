"""Reading and checking a volunteer list (CSV or Excel) before it is imported.

``check(data, kind, municipality)`` reads the file, checks every row, and returns a ``Preview``:
the rows as they will be imported, each with its problems in plain words (row number as the
spreadsheet shows it, and the column as the file names it), plus problems with the file as a
whole. Nothing here writes; ``volunteers.services.importing`` imports a preview that is valid.
"""

from __future__ import annotations

import csv
import datetime
import io
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models.functions import Lower
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override

from coordination.models import Municipality, User

from .models import Interest, Volunteer

MAX_ROWS = 5000
MAX_FILE_BYTES = 5 * 1024 * 1024
# An .xlsx file is a zip archive: refuse one that unpacks to far more than a list of 5 000
# people needs (a "zip bomb" would otherwise fill the memory of the server).
MAX_UNPACKED_BYTES = 60 * 1024 * 1024
MAX_COLUMNS = 60


@dataclass(frozen=True)
class Column:
    key: str
    label: Promise  # the column's name in the preview, in the person's language
    names: tuple[str, ...]  # headers that mean this column, folded: bokmål, English, others
    hint: Promise  # what to write in it, for the import page
    max_length: int | None = None


def _max_length(model, name: str) -> int:
    return model._meta.get_field(name).max_length


COLUMNS = (
    Column(
        "name",
        gettext_lazy("Name"),
        ("navn", "name"),
        gettext_lazy("The person's full name. Needed."),
        _max_length(User, "full_name"),
    ),
    Column(
        "email",
        gettext_lazy("Email"),
        ("e-post", "email", "epost", "e-mail"),
        gettext_lazy("Needed, and each person only once. They log in with it."),
        254,
    ),
    Column(
        "phone",
        gettext_lazy("Phone"),
        ("telefon", "phone"),
        gettext_lazy("For example 912 34 567."),
    ),
    Column(
        "area",
        gettext_lazy("Area"),
        ("område", "area"),
        gettext_lazy("Where they live or would like to help."),
        _max_length(Volunteer, "area"),
    ),
    Column(
        "interests",
        gettext_lazy("Would like to do"),
        ("interesser", "interests"),
        gettext_lazy("Separated by commas, for example: Besøksvenn, Turer og friluftsliv."),
    ),
    Column(
        "skills",
        gettext_lazy("Skills"),
        ("ferdigheter", "skills"),
        gettext_lazy("Free text."),
        _max_length(Volunteer, "skills"),
    ),
    Column(
        "languages",
        gettext_lazy("Languages"),
        ("språk", "languages"),
        gettext_lazy("Free text. Left empty: norsk."),
        _max_length(Volunteer, "languages"),
    ),
    Column(
        "can_drive",
        gettext_lazy("Can drive"),
        ("kan kjøre", "can drive"),
        gettext_lazy("ja, nei or x (x means yes). Left empty: no."),
    ),
    Column(
        "has_car",
        gettext_lazy("Car"),
        ("bil", "car"),
        gettext_lazy("ja, nei or x (x means yes). Left empty: no."),
    ),
    Column(
        "active_since",
        gettext_lazy("Volunteer since"),
        ("frivillig siden", "volunteer since"),
        gettext_lazy("A date: dd.mm.yyyy or yyyy-mm-dd. Left empty: today."),
    ),
)
BY_NAME = {name: column for column in COLUMNS for name in column.names}
REQUIRED = ("name", "email")

YES = {"ja", "j", "yes", "y", "x", "true", "sant", "1"}
NO = {"nei", "n", "no", "false", "usant", "0", ""}
DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d")


def fold(text: str) -> str:
    """A header or a value as we compare it: case, spaces and underscores do not matter."""
    text = unicodedata.normalize("NFC", text.replace("_", " "))
    return " ".join(text.split()).casefold().rstrip(":*").strip()


@dataclass
class Row:
    number: int  # as the spreadsheet numbers it: the header is row 1
    values: dict = field(default_factory=dict)  # cleaned values, by column key
    errors: list[tuple[str, str]] = field(default_factory=list)  # (column as in the file, why)
    raw: dict = field(default_factory=dict)  # the text of each cell, for showing what was wrong
    wrong: set = field(default_factory=set)  # keys of the columns with a problem

    def shown(self, columns: list[Column]) -> list[tuple[str, bool]]:
        """Each cell as the preview shows it: (text, has a problem)."""
        return [
            (
                self.raw[c.key] if c.key in self.wrong else _shown(c, self.values.get(c.key)),
                c.key in self.wrong,
            )
            for c in columns
        ]


def _shown(column: Column, value) -> str:
    if column.key == "interests":
        return ", ".join(str(Interest(code).label) for code in value or [])
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.date):
        return date_format(value, "SHORT_DATE_FORMAT")
    if column.key == "active_since":
        return _("Today")
    if column.key == "languages" and not value:
        return str(Volunteer._meta.get_field("languages").default)
    return value or ""


@dataclass
class Preview:
    rows: list[Row] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # about the file as a whole
    headers: dict[str, str] = field(default_factory=dict)  # column key -> header in the file
    ignored: list[str] = field(default_factory=list)  # headers that are not imported

    @property
    def error_count(self) -> int:
        return len(self.problems) + sum(len(row.errors) for row in self.rows)

    @property
    def valid(self) -> bool:
        return bool(self.rows) and self.error_count == 0

    @property
    def columns(self) -> list[Column]:
        """The columns the file has, in our order (the preview shows these)."""
        return [c for c in COLUMNS if c.key in self.headers]


class UnreadableFile(Exception):
    """The file cannot be read as a table; the message says why, for the person."""


# --- Reading the file into rows of cells --------------------------------------------------


def _text(value) -> str:
    """A cell as one line of text: no control characters, single spaces."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a phone number Excel stored as a number
    text = str(value)
    text = "".join(" " if unicodedata.category(c) == "Cc" else c for c in text)
    return " ".join(text.split())


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


def _delimiter(text: str) -> str:
    """Semicolon or comma: whichever splits the header line into more of our columns."""
    header = next((line for line in text.splitlines() if line.strip()), "")

    def score(delimiter: str) -> tuple[int, int]:
        cells = next(csv.reader([header], delimiter=delimiter), [])
        return sum(fold(c) in BY_NAME for c in cells), len(cells)

    return max((";", ","), key=score)


def _csv_rows(data: bytes) -> Iterator[list]:
    text = _decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        yield from reader
    except csv.Error as error:
        raise UnreadableFile(
            _("Line %(line)s of the file cannot be read as CSV.") % {"line": reader.line_num}
        ) from error


def _xlsx_rows(data: bytes) -> Iterator[list]:
    from openpyxl import load_workbook

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


def _rows_of(data: bytes, kind: str) -> Iterator[list]:
    return _xlsx_rows(data) if kind == "xlsx" else _csv_rows(data)


# --- Checking each value ------------------------------------------------------------------


def _interest_names() -> dict[str, str]:
    """Every way a list may name an interest (code, bokmål or English label) -> the code."""
    names = {}
    for code, label in Interest.choices:
        names[fold(code)] = code
        for language in ("nb", "en"):
            with override(language):
                names[fold(str(label))] = code
    return names


def _yes_no(value) -> bool:
    if isinstance(value, bool):
        return value
    text = fold(_text(value))
    if text in YES:
        return True
    if text in NO:
        return False
    raise ValidationError(_("Write ja or nei (or x for yes)."))


def _date(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        found = value.date()
    elif isinstance(value, datetime.date):
        found = value
    else:
        text = _text(value)
        if not text:
            return None
        for pattern in DATE_FORMATS:
            try:
                found = datetime.datetime.strptime(text, pattern).date()  # noqa: DTZ007 (a date)
                break
            except ValueError:
                continue
        else:
            raise ValidationError(
                _("Write the date as dd.mm.yyyy (for example 01.03.2024) or yyyy-mm-dd.")
            )
    if found > timezone.localdate():
        raise ValidationError(_("The date is in the future."))
    if found.year < 1900:
        raise ValidationError(_("The date is too long ago."))
    return found


def _phone(value) -> str:
    text = _text(value)
    if text:
        for validate in User._meta.get_field("phone").validators:
            validate(text)
    return text


def _interests(value, names: dict[str, str]) -> list[str]:
    codes = []
    for part in _text(value).split(","):
        if not fold(part):
            continue
        code = names.get(fold(part))
        if code is None:
            raise ValidationError(
                _("We do not know the interest “%(value)s”. Use one of: %(choices)s.")
                % {
                    "value": part.strip(),
                    "choices": ", ".join(str(label) for _code, label in Interest.choices),
                }
            )
        if code not in codes:
            codes.append(code)
    return codes


def _clean(column: Column, value, interest_names: dict[str, str]):
    """The value to store, or ValidationError with a message for the person."""
    if column.key in ("can_drive", "has_car"):
        return _yes_no(value)
    if column.key == "active_since":
        return _date(value)
    if column.key == "phone":
        return _phone(value)
    if column.key == "interests":
        return _interests(value, interest_names)
    text = _text(value)
    if column.key in REQUIRED and not text:
        raise ValidationError(_("This is missing, and it is needed."))
    if column.max_length and len(text) > column.max_length:
        raise ValidationError(
            _("At most %(limit)s characters (this has %(length)s).")
            % {"limit": column.max_length, "length": len(text)}
        )
    if column.key == "email":
        try:
            validate_email(text)
        except ValidationError as error:
            raise ValidationError(_("This is not a valid email address.")) from error
        return User.objects.normalize_email(text)
    return text


# --- The whole file -----------------------------------------------------------------------


def _read_headers(cells: list, preview: Preview) -> dict[str, int]:
    """Which column of the file holds what; problems for missing or doubled columns."""
    positions: dict[str, int] = {}
    for index, cell in enumerate(cells):
        header = _text(cell)
        column = BY_NAME.get(fold(header))
        if column is None:
            if header:
                preview.ignored.append(header)
        elif column.key in positions:
            preview.problems.append(
                _("The column “%(name)s” is in the file twice.") % {"name": header}
            )
        else:
            positions[column.key] = index
            preview.headers[column.key] = header
    for key in REQUIRED:
        if key not in positions:
            column = next(c for c in COLUMNS if c.key == key)
            preview.problems.append(
                _("The file has no column “%(name)s”. The first row must name the columns.")
                % {"name": f"{column.names[0]} / {column.names[1]}"}
            )
    return positions


def _read(data: bytes, kind: str, preview: Preview) -> None:
    rows = _rows_of(data, kind)
    positions: dict[str, int] | None = None
    names = _interest_names()
    for number, cells in enumerate(rows, start=1):
        if not any(_text(cell) for cell in cells):
            continue  # blank rows (Excel often keeps some at the end)
        if positions is None:
            positions = _read_headers(cells, preview)
            if preview.problems:
                return
            continue
        if len(preview.rows) == MAX_ROWS:
            preview.problems.append(
                _(
                    "The file has more than %(limit)s volunteers. Split it into files of at most "
                    "%(limit)s rows and import them one by one."
                )
                % {"limit": f"{MAX_ROWS:,}".replace(",", "\u00a0")}
            )
            return
        row = Row(number=number)
        for column in COLUMNS:
            if column.key not in positions:
                continue
            index = positions[column.key]
            value = cells[index] if index < len(cells) else None
            try:
                row.values[column.key] = _clean(column, value, names)
            except ValidationError as error:
                row.errors.append((preview.headers[column.key], " ".join(error.messages)))
                row.raw[column.key] = _text(value)[:200]
                row.wrong.add(column.key)
        preview.rows.append(row)
    if positions is None:
        preview.problems.append(_("The file is empty."))
    elif not preview.rows:
        preview.problems.append(_("The file has column names but no volunteers."))


def _check_emails(preview: Preview, municipality: Municipality) -> None:
    """Each email address once in the file, and not anyone's account already."""
    header = preview.headers.get("email", "")
    first_seen: dict[str, int] = {}
    for row in preview.rows:
        email = row.values.get("email")
        if not email:
            continue
        key = email.lower()
        if key in first_seen:
            row.wrong.add("email")
            row.raw["email"] = email
            row.errors.append(
                (
                    header,
                    _("The same email address as row %(row)s. Each person once.")
                    % {"row": first_seen[key]},
                )
            )
        else:
            first_seen[key] = row.number
    known = _known_accounts(list(first_seen))
    for row in preview.rows:
        email = row.values.get("email")
        if not email or email.lower() not in known:
            continue
        where = known[email.lower()]
        if where == municipality.pk:
            message = _("%(email)s is already a volunteer in this municipality.")
        elif where is not None:
            message = _(
                "%(email)s is already a volunteer in another municipality. A person can be a "
                "volunteer in one municipality only."
            )
        else:
            message = _(
                "%(email)s already has an account in Samspill. Ask the person to register as a "
                "volunteer themselves."
            )
        row.errors.append((header, message % {"email": email}))
        row.wrong.add("email")
        row.raw["email"] = email


def _known_accounts(emails: list[str]) -> dict[str, str | None]:
    """Lower-cased email -> the municipality the account is a volunteer in (None: not one).

    Looks at accounts' own addresses and at every address allauth holds for them."""
    known: dict[str, str | None] = {}
    for start in range(0, len(emails), 500):
        chunk = emails[start : start + 500]
        for email, place in (
            User.objects.annotate(folded=Lower("email"))
            .filter(folded__in=chunk)
            .values_list("folded", "volunteer__municipality_id")
        ):
            known[email] = place or known.get(email)
        for email, place in (
            EmailAddress.objects.annotate(folded=Lower("email"))
            .filter(folded__in=chunk)
            .values_list("folded", "user__volunteer__municipality_id")
        ):
            known[email] = place or known.get(email)
    return known


def check(data: bytes, kind: str, municipality: Municipality) -> Preview:
    """Read and check a whole volunteer list; ``kind`` is "csv" or "xlsx" (as sniffed)."""
    preview = Preview()
    try:
        _read(data, kind, preview)
    except UnreadableFile as error:
        preview.problems.append(str(error))
        preview.rows = []
    if not preview.problems:
        _check_emails(preview, municipality)
    return preview
