"""Indexes for the registry's other sorts, so a deep page reads its ids from an index.

Measured (bench.registry data, 100 000 active volunteers in Lom, EXPLAIN ANALYZE of the page's
ids query): page 1 000 newest first took 419 ms and by area 930 ms, a sequential scan and a
sort spilling to disk; by name it reads the partial name index (0.03 s on a loaded machine).
Partial like that one: the registry lists active volunteers unless asked otherwise."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("volunteers", "0015_volunteer_through_organisation"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="volunteer",
            index=models.Index(
                condition=models.Q(("left_at__isnull", True)),
                fields=["municipality", "active_since", "id"],
                name="volunteer_registry_since_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="volunteer",
            index=models.Index(
                condition=models.Q(("left_at__isnull", True)),
                fields=["municipality", "area", "sort_name", "id"],
                name="volunteer_registry_area_idx",
            ),
        ),
    ]
