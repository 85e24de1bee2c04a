"""An index for the registry's "can drive" and "can help" filters (issue 17): Oslo's count of
drivers free in the evenings read 13 000 rows on 3 400 heap blocks (EXPLAIN ANALYZE 38–52 ms on
a loaded machine); with it 15–22 ms, most of it the interest's join. Partial like the
registry's other indexes: it lists active volunteers unless asked otherwise."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("volunteers", "0018_volunteer_roles_ready_summary"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="volunteer",
            index=models.Index(
                condition=models.Q(("left_at__isnull", True)),
                fields=["municipality", "can_drive", "evenings", "weekends", "weekday_daytime"],
                name="volunteer_availability_idx",
            ),
        ),
    ]
