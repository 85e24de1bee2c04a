"""Volunteers imported with an email address were set to be reached by phone call when the list
had their number, which put them on the coordinator's call list for every invitation and
reminder. The import now gives everyone with a login email (issue 13). Those who provably never
chose move to email too: imported (a login, and no consent recorded: the import records none),
never logged in (so they never saw the choice), and no coordinator changed how to reach them
(the audit log names the fields a coordinator changed). Everyone else keeps what is stored:
a volunteer who registered themselves saw the choice, and nothing records whether they made it.
"""

from django.db import migrations
from django.db.models import Exists, OuterRef


def imported_volunteers_read_email(apps, schema_editor):
    Volunteer = apps.get_model("volunteers", "Volunteer")
    Consent = apps.get_model("volunteers", "Consent")
    AuditEvent = apps.get_model("coordination", "AuditEvent")
    chosen = {
        int(object_id)
        for object_id, params in AuditEvent.objects.filter(
            code="volunteer.details_changed", object_type="volunteers.volunteer"
        ).values_list("object_id", "params")
        if object_id.isdigit() and "contact_by" in (params or {}).get("fields", [])
    }
    (
        Volunteer.objects.filter(
            contact_by="phone",
            user__isnull=False,
            user__last_login__isnull=True,
            anonymised_at__isnull=True,
        )
        .filter(~Exists(Consent.objects.filter(volunteer=OuterRef("pk"))))
        .exclude(pk__in=chosen)
        .update(contact_by="email")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("coordination", "0022_public_contact_and_unit_phone"),
        ("volunteers", "0013_contact_by_default_email"),
    ]

    operations = [
        # Backwards: nothing to undo that can be told apart from a choice made since.
        migrations.RunPython(imported_volunteers_read_email, migrations.RunPython.noop),
    ]
