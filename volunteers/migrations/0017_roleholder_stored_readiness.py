"""Each role holder's readiness, stored (issue 17): at 100 000 volunteers the registry's
"ready for all their roles" filter took ~900 ms and the dashboard's readiness count ~500 ms
checking every requirement per row (bench.screening). The data step fills the state for the
existing holders (40 000 holders of 100 000 volunteers: ~30 s on a loaded 2-core machine). No
new index: the existing (role, volunteer) index and a scan of the holders serve the readers
(EXPLAIN of bench.matching's visiting-friend query: 3 ms of ~180 ms on the holders)."""

from django.db import migrations, models


def fill_readiness(apps, schema_editor):
    # The one definition of readiness (``ready_q``) lives in the code, not in this file: run
    # it only when there are holders, which is when the schema is the one of this migration
    # (a new database has none). The holders only: the volunteers' summary of them comes in
    # 0018, which fills it from these in plain SQL.
    if not apps.get_model("volunteers", "RoleHolder").objects.exists():
        return
    from volunteers.models import RoleHolder
    from volunteers.screening.ready_state import write_holders

    write_holders(RoleHolder.objects.all())


class Migration(migrations.Migration):
    dependencies = [
        ("volunteers", "0016_registry_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="roleholder",
            name="ready",
            field=models.BooleanField(
                default=False, editable=False, verbose_name="ready for the role"
            ),
        ),
        migrations.AddField(
            model_name="roleholder",
            name="ready_until",
            field=models.DateField(
                blank=True, editable=False, null=True, verbose_name="ready until"
            ),
        ),
        migrations.RunPython(fill_readiness, migrations.RunPython.noop, elidable=True),
    ]
