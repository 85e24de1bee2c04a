"""A note about a volunteer belongs to the municipality whose staff wrote it (issue 10): it is
shown only there, even if the volunteer's profile is later in another municipality."""

import django.db.models.deletion
from django.db import migrations, models


def notes_belong_where_written(apps, schema_editor):
    VolunteerNote = apps.get_model("volunteers", "VolunteerNote")
    Volunteer = apps.get_model("volunteers", "Volunteer")
    for volunteer_id, municipality_id in Volunteer.objects.filter(
        notes__isnull=False
    ).distinct().values_list("pk", "municipality_id"):
        VolunteerNote.objects.filter(volunteer_id=volunteer_id).update(
            municipality_id=municipality_id
        )


class Migration(migrations.Migration):
    dependencies = [
        ("coordination", "0009_partners"),
        ("volunteers", "0008_volunteer_units"),
    ]

    operations = [
        migrations.AddField(
            model_name="volunteernote",
            name="municipality",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="coordination.municipality",
                verbose_name="municipality",
            ),
        ),
        migrations.RunPython(notes_belong_where_written, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="volunteernote",
            name="municipality",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="coordination.municipality",
                verbose_name="municipality",
            ),
        ),
    ]
