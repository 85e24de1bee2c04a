"""issue 15: two staircase indicators get the activities' evidence beside the self-assessment:
the catalogue shows whether activities and contact persons are published (step 3, level 1),
and the activities' evaluation whether the offer is evaluated (step 7, level 5; the portal
shows the evaluation, the assessment says whether it changed next year's plans)."""

from django.db import migrations

EVIDENCE = {
    "Aktiviteter og kontaktpersoner i kommunen og frivilligheten er gjort kjent der folk finner "
    "dem.": "activities_published",
    "Samarbeidet evalueres hvert år, og det man lærer, endrer neste års planer.": (
        "activities_evaluated"
    ),
}


def add_evidence(apps, schema_editor):
    Indicator = apps.get_model("coordination", "Indicator")
    for text_nb, key in EVIDENCE.items():
        Indicator.objects.filter(text_nb=text_nb, evidence_key="").update(evidence_key=key)


def remove_evidence(apps, schema_editor):
    Indicator = apps.get_model("coordination", "Indicator")
    Indicator.objects.filter(evidence_key__in=EVIDENCE.values()).update(evidence_key="")


class Migration(migrations.Migration):
    dependencies = [("coordination", "0024_printed_documents")]

    operations = [migrations.RunPython(add_evidence, remove_evidence)]
