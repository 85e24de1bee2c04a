"""The default involvement staircase (levels and indicators), from coordination/staircase_defaults.py."""

from django.db import migrations

from coordination.staircase.defaults import add_defaults, remove_defaults


class Migration(migrations.Migration):
    dependencies = [("coordination", "0007_staircase")]

    operations = [migrations.RunPython(add_defaults, remove_defaults)]
