"""Reading and checking a volunteer list (CSV or Excel) before it is imported.

``check(data, kind, municipality)`` reads the file, checks every row, and returns a ``Preview``:
the rows as they will be imported, each with its problems in plain words (row number as the
spreadsheet shows it, and the column as the file names it), plus problems with the file as a
whole. Nothing here writes; ``volunteers.importing.services`` imports a preview that is valid.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coordination.kernel.models import Municipality, User
from volunteers.importing import duplicates, values
from volunteers.importing.reading import UnreadableFile, fold, rows_of, text
from volunteers.models import Interest, Volunteer

MAX_ROWS = 5000
MAX_FILE_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Column:
    key: str
    label: Promise  # the column's name in the preview, in the person's language
    names: tuple[str, ...]  # headers that mean this column: bokmål, English, others (nynorsk…)
    hint: Promise  # what to write in it, for the import page
    max_length: int | None = None


def _max_length(model, name: str) -> int:
    return model._meta.get_field(name).max_length


COLUMNS = (
    Column(
        "name",
        gettext_lazy("Name"),
        ("navn", "name", "namn"),
        gettext_lazy("The person's full name. Needed."),
        _max_length(User, "full_name"),
    ),
    Column(
        "email",
        gettext_lazy("Email"),
        ("e-post", "email", "epost", "e-mail"),
        gettext_lazy(
            "Each person only once; they log in with it. May be empty when the row has a phone "
            "number: the volunteer then has no login, and the coordinator keeps their details."
        ),
        254,
    ),
    Column(
        "phone",
        gettext_lazy("Phone"),
        ("telefon", "phone"),
        gettext_lazy("For example 912 34 567. Needed when the row has no email address."),
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
        ("ferdigheter", "skills", "ferdigheiter"),
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
        ("kan kjøre", "can drive", "kan køyre"),
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
        ("frivillig siden", "volunteer since", "frivillig sidan"),
        gettext_lazy("A date: dd.mm.yyyy or yyyy-mm-dd. Left empty: today."),
    ),
)
BY_NAME = {fold(name): column for column in COLUMNS for name in column.names}
REQUIRED = ("name",)
# A row needs one way to reach the person: an email address (they get a login) or a phone number.
REACH = ("email", "phone")


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


def _clean(column: Column, value, interest_names: dict[str, str], today: datetime.date):
    """The value to store, or ValidationError with a message for the person."""
    if column.key in ("can_drive", "has_car"):
        return values.yes_no(value)
    if column.key == "active_since":
        return values.since(value, today)
    if column.key == "phone":
        return values.phone(value)
    if column.key == "interests":
        return values.interests(value, interest_names)
    # One line (``text``): a name or an area from a spreadsheet cell can reach an email subject.
    written = text(value)
    if column.key in REQUIRED and not written:
        raise ValidationError(_("This is missing, and it is needed."))
    if column.max_length and len(written) > column.max_length:
        raise ValidationError(
            _("At most %(limit)s characters (this has %(length)s).")
            % {"limit": column.max_length, "length": len(written)}
        )
    if column.key == "email":
        if not written:
            return ""
        try:
            validate_email(written)
        except ValidationError as error:
            raise ValidationError(_("This is not a valid email address.")) from error
        return written.lower()  # as allauth stores the addresses people sign up with
    return written


# --- The whole file -----------------------------------------------------------------------


def _read_headers(cells: list, preview: Preview) -> dict[str, int]:
    """Which column of the file holds what; problems for missing or doubled columns."""
    positions: dict[str, int] = {}
    for index, cell in enumerate(cells):
        header = text(cell)
        column = BY_NAME.get(fold(header))
        if column is None:
            if header:
                preview.ignored.append(header[:100])
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
    if not any(key in positions for key in REACH):
        preview.problems.append(
            _(
                "The file has no column “e-post / email” and no column “telefon / phone”. "
                "Each volunteer needs one of them."
            )
        )
    return positions


def _read(data: bytes, kind: str, preview: Preview) -> None:
    rows = rows_of(data, kind, set(BY_NAME))
    positions: dict[str, int] | None = None
    names = values.interest_names()
    today = timezone.localdate()
    for number, cells in enumerate(rows, start=1):
        if not any(text(cell) for cell in cells):
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
                row.values[column.key] = _clean(column, value, names, today)
            except ValidationError as error:
                row.errors.append((preview.headers[column.key], " ".join(error.messages)))
                row.raw[column.key] = text(value)[:200]
                row.wrong.add(column.key)
        if not any(row.values.get(key) or key in row.wrong for key in REACH):
            key = "phone" if "phone" in positions else "email"
            row.errors.append(
                (
                    preview.headers[key],
                    _("Write an email address or a phone number: one of them is needed."),
                )
            )
            row.raw[key] = ""
            row.wrong.add(key)
        preview.rows.append(row)
    if positions is None:
        preview.problems.append(_("The file is empty."))
    elif not preview.rows:
        preview.problems.append(_("The file has column names but no volunteers."))


def check(data: bytes, kind: str, municipality: Municipality) -> Preview:
    """Read and check a whole volunteer list; ``kind`` is "csv" or "xlsx" (as sniffed)."""
    preview = Preview()
    try:
        _read(data, kind, preview)
    except UnreadableFile as error:
        preview.problems.append(str(error))
        preview.rows = []
    if not preview.problems:
        duplicates.check_emails(preview, municipality)
        duplicates.check_phones(preview, municipality)
    return preview
