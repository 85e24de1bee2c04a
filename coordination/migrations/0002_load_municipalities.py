"""Load all Norwegian municipalities (SSB, structure in force since 2024-01-01)."""

from django.db import migrations


def load(apps, schema_editor):
    from coordination.kernel.services import load_municipalities

    load_municipalities(model=apps.get_model("coordination", "Municipality"))


class Migration(migrations.Migration):
    dependencies = [("coordination", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
