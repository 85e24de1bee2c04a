# The Celery tasks moved into their areas (volunteers/tasks.py -> volunteers/<area>/tasks.py, …),
# which renames them. Rows that name a task (a file to start again, a task still in the outbox)
# get the new name, so that nothing in flight is lost. No table changes.

from django.db import migrations

RENAMED = {
    "volunteers.tasks.export_volunteers": "volunteers.registry.tasks.export_volunteers",
    "volunteers.tasks.import_volunteer_list": "volunteers.importing.tasks.import_volunteer_list",
    "volunteers.tasks.send_screening_reminders": "volunteers.screening.tasks.send_screening_reminders",
    "volunteers.tasks.send_invitation": "volunteers.needs.tasks.send_invitation",
    "volunteers.tasks.notify_invitation_answered": "volunteers.needs.tasks.notify_invitation_answered",
    "volunteers.tasks.notify_need_reported": "volunteers.needs.tasks.notify_need_reported",
    "coordination.tasks.apply_retention_rules": "coordination.kernel.tasks.apply_retention_rules",
    "coordination.tasks.send_routine_review_reminders": "coordination.routines.tasks.send_routine_review_reminders",
    "coordination.tasks.notify_role_added": "coordination.kernel.tasks.notify_role_added",
    "coordination.tasks_partners.look_up_partner_in_register": "coordination.partners.tasks.look_up_partner_in_register",
    "coordination.tasks_partners.send_agreement_reminders": "coordination.partners.tasks.send_agreement_reminders",
    "coordination.outbox.deliver": "coordination.kernel.outbox.deliver",
    "coordination.outbox.drain_outbox": "coordination.kernel.outbox.drain_outbox",
}


def rename(apps, mapping):
    for model in ("GeneratedFile", "PendingTask"):
        rows = apps.get_model("coordination", model).objects
        for old, new in mapping.items():
            rows.filter(task=old).update(task=new)


def forwards(apps, schema_editor):
    rename(apps, RENAMED)


def backwards(apps, schema_editor):
    rename(apps, {new: old for old, new in RENAMED.items()})


class Migration(migrations.Migration):
    dependencies = [("coordination", "0013_staircase_comparison_opt_in")]

    operations = [migrations.RunPython(forwards, backwards)]
