"""The registry searches one folded column; on PostgreSQL a trigram index serves
``LIKE '%text%'`` on it (pg_trgm is a trusted extension, so the app's own user may create it).
Other databases get the column without the index."""

from django.db import migrations, models

INDEX = "volunteer_search_trgm_idx"


def fill_search_text(apps, schema_editor):
    Volunteer = apps.get_model("volunteers", "Volunteer")
    batch = []
    for volunteer in Volunteer.objects.select_related("user").iterator(chunk_size=2000):
        parts = [volunteer.area, volunteer.skills]
        if volunteer.user_id:
            parts = [volunteer.user.full_name, volunteer.user.email, *parts]
        volunteer.search_text = " ".join(p for p in parts if p).casefold()
        batch.append(volunteer)
        if len(batch) == 2000:
            Volunteer.objects.bulk_update(batch, ["search_text"])
            batch = []
    Volunteer.objects.bulk_update(batch, ["search_text"])


def add_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON volunteers_volunteer "
        "USING gin (search_text gin_trgm_ops)"
    )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("volunteers", "0003_screening_needs_hours"),
    ]

    operations = [
        migrations.AddField(
            model_name="volunteer",
            name="search_text",
            field=models.CharField(default="", editable=False, max_length=800),
        ),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
        migrations.RunPython(add_trigram_index, drop_trigram_index),
    ]
