import csv
import io

from celery import shared_task
from django.utils.translation import gettext as _
from django.utils.translation import override

from coordination import audit, files
from coordination.jobs import acting_for

from .forms import RegistryFilterForm
from .models import Volunteer
from .services import current_declaration, reminders

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    """Text a spreadsheet will show, never run: a leading = + - @ would start a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def registry_csv(volunteers, declaration) -> tuple[bytes, int]:
    """Semicolon-separated UTF-8 with a byte order mark: what Norwegian Excel opens as is."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(
        [_("Name"), _("Email"), _("Phone"), _("Area"), _("Would like to do"),
         _("weekdays, daytime"), _("evenings"), _("weekends"), _("Can drive"),
         _("Volunteer since"), _("Confidentiality declaration")]
    )  # fmt: skip
    rows = 0
    for v in volunteers.iterator(chunk_size=2000):
        writer.writerow(
            [_cell(x) for x in (
                v.user.full_name, v.user.email, v.user.phone, v.area,
                ", ".join(str(interest) for interest in v.interests.all()),
                _("Yes") if v.weekday_daytime else _("No"),
                _("Yes") if v.evenings else _("No"),
                _("Yes") if v.weekends else _("No"),
                _("Yes") if v.can_drive else _("No"),
                v.active_since.isoformat(),
                _("Signed") if v.signed_current else (_("Missing") if declaration else ""),
            )]
        )  # fmt: skip
        rows += 1
    return buffer.getvalue().encode("utf-8-sig"), rows


@shared_task(acks_late=True)
@acting_for("export_volunteers")
def export_volunteers(*, user, municipality, generated_file: int) -> int:
    """The registry as the person filtered it, as a CSV file only they can download."""
    record = files.for_job(pk=generated_file, user=user, municipality=municipality)
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
        with override(user.preferred_language):
            content, rows = registry_csv(volunteers, declaration)
        files.finish(record, extension="csv", content=content, rows=rows)
    except Exception:
        files.fail(record)
        raise
    audit.record(
        user, "exported", municipality=municipality, object_type="volunteers.volunteer",
        summary=f"{rows} volunteers (CSV)",
    )  # fmt: skip
    return rows


@shared_task(acks_late=True)
def send_screening_reminders() -> dict[str, int]:
    """Daily: police certificates due for renewal, and declarations left unsigned. Each
    reminder goes out once, so running it twice in a day sends nothing new."""
    return {
        "certificates": reminders.send_certificate_reminders(),
        "declarations": reminders.send_declaration_reminders(),
    }
