"""An answer's evidence is kept in every language (it was one text, in the language of whoever
completed the assessment). What was stored is kept as the bokmål text, the language nearly every
assessment so far was completed in; new assessments store all three."""

from django.db import migrations, models
from django.db.models import F


def keep_the_stored_text(apps, schema_editor):
    Answer = apps.get_model("coordination", "Answer")
    Answer.objects.exclude(evidence_summary="").update(evidence_summary_nb=F("evidence_summary"))


class Migration(migrations.Migration):
    dependencies = [
        ("coordination", "0015_languages_nynorsk"),
    ]

    operations = [
        migrations.AddField(
            model_name="answer",
            name="evidence_summary_en",
            field=models.CharField(
                blank=True, max_length=300, null=True, verbose_name="the portal's data showed"
            ),
        ),
        migrations.AddField(
            model_name="answer",
            name="evidence_summary_nb",
            field=models.CharField(
                blank=True, max_length=300, null=True, verbose_name="the portal's data showed"
            ),
        ),
        migrations.AddField(
            model_name="answer",
            name="evidence_summary_nn",
            field=models.CharField(
                blank=True, max_length=300, null=True, verbose_name="the portal's data showed"
            ),
        ),
        migrations.RunPython(keep_the_stored_text, migrations.RunPython.noop),
    ]
