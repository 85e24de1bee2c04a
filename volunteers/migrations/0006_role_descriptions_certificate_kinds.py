"""Roles say what the volunteer does and does not do; a role that requires a police
certificate names the kinds it accepts (the coordinator's choice) and its legal basis."""

from django.db import migrations, models

# What the single kind used to mean: an ordinary certificate also covered a limited one.
OLD_MEANING = {"limited": ["limited", "ordinary"], "ordinary": ["ordinary"]}


def kinds_from_kind(apps, schema_editor):
    VolunteerRole = apps.get_model("volunteers", "VolunteerRole")
    for role in VolunteerRole.objects.exclude(certificate_kind=""):
        role.requires_certificate = True
        role.certificate_kinds = OLD_MEANING.get(role.certificate_kind, [role.certificate_kind])
        role.save(update_fields=["requires_certificate", "certificate_kinds"])


def kind_from_kinds(apps, schema_editor):
    VolunteerRole = apps.get_model("volunteers", "VolunteerRole")
    for role in VolunteerRole.objects.filter(requires_certificate=True):
        kinds = role.certificate_kinds or ["limited"]
        role.certificate_kind = "limited" if "limited" in kinds else kinds[0]
        role.save(update_fields=["certificate_kind"])


class Migration(migrations.Migration):
    dependencies = [("volunteers", "0005_assignment_status_label")]

    operations = [
        migrations.AddField(
            model_name="volunteerrole",
            name="what_you_do",
            field=models.TextField(
                blank=True,
                help_text="In plain words, one thing a line. For example: visit and talk together.",
                max_length=2000,
                verbose_name="what you do in the role",
            ),
        ),
        migrations.AddField(
            model_name="volunteerrole",
            name="what_you_do_not_do",
            field=models.TextField(
                blank=True,
                help_text=(
                    "One thing a line. For example: give medicine, help with personal care, "
                    "handle money or keys."
                ),
                max_length=2000,
                verbose_name="what you do not do in the role",
            ),
        ),
        migrations.AddField(
            model_name="volunteerrole",
            name="requires_certificate",
            field=models.BooleanField(default=False, verbose_name="requires a police certificate"),
        ),
        migrations.AddField(
            model_name="volunteerrole",
            name="certificate_kinds",
            field=models.JSONField(
                blank=True, default=list, verbose_name="police certificates accepted"
            ),
        ),
        migrations.AddField(
            model_name="volunteerrole",
            name="certificate_legal_basis",
            field=models.TextField(
                blank=True,
                help_text=(
                    "The legal basis in a sentence of your own, for example the section of the "
                    "law. Volunteers see it where the role is described."
                ),
                max_length=1000,
                verbose_name="why the role requires a police certificate",
            ),
        ),
        migrations.RunPython(kinds_from_kind, kind_from_kinds),
        migrations.RemoveField(model_name="volunteerrole", name="certificate_kind"),
    ]
