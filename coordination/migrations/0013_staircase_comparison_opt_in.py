"""issue 10: the staircase comparison is opt-in (``takes_part``, off by default), and two
indicators lose evidence that overclaimed: one mapped need does not show that the elderly's
needs are mapped, and holding the coordinator role does not show time set aside for it."""

from django.db import migrations, models

TIME_SET_ASIDE_NB = "Kommunen har en frivillighetskoordinator med avsatt tid til arbeidet."


def clear_overclaiming_evidence(apps, schema_editor):
    Indicator = apps.get_model("coordination", "Indicator")
    Indicator.objects.filter(evidence_key="needs_mapped").update(evidence_key="")
    Indicator.objects.filter(evidence_key="named_coordinator", text_nb=TIME_SET_ASIDE_NB).update(
        evidence_key=""
    )


class Migration(migrations.Migration):
    dependencies = [("coordination", "0012_resilience")]

    operations = [
        migrations.AddField(
            model_name="staircasesharing",
            name="takes_part",
            field=models.BooleanField(default=False, verbose_name="takes part in comparisons"),
        ),
        migrations.RunPython(clear_overclaiming_evidence, migrations.RunPython.noop),
    ]
