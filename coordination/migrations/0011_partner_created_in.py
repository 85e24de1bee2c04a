"""Who registered a shared partner: only that municipality (and the organisation's own
representatives) changes its shared details. Existing partners get the first municipality that
linked them (the one whose registration created the organisation)."""

import django.db.models.deletion
from django.db import migrations, models


def fill_created_in(apps, schema_editor):
    PartnerOrganisation = apps.get_model("coordination", "PartnerOrganisation")
    Link = PartnerOrganisation.municipalities.through
    for partner in PartnerOrganisation.objects.filter(created_in__isnull=True).iterator():
        link = Link.objects.filter(partnerorganisation_id=partner.pk).order_by("pk").first()
        if link is not None:
            PartnerOrganisation.objects.filter(pk=partner.pk).update(
                created_in_id=link.municipality_id
            )


class Migration(migrations.Migration):
    dependencies = [
        ("coordination", "0010_audit_codes"),
    ]

    operations = [
        migrations.AddField(
            model_name="partnerorganisation",
            name="created_in",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="coordination.municipality",
                verbose_name="registered by",
            ),
        ),
        migrations.RunPython(fill_created_in, migrations.RunPython.noop),
    ]
