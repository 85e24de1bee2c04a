"""Nynorsk beside bokmål and English (issue 12).

The staircase's texts move to django-modeltranslation's columns: the original column gets the
bokmål text, and the default texts get their nynorsk where the bokmål is still the default one
(a national administrator's own wording is left for them to translate). A person's language
becomes their own choice: the old default "nb" was never chosen, so it is cleared and they now
see their municipality's written standard until they choose."""

from django.db import migrations, models

from coordination.staircase.defaults import INDICATORS, LEVELS


def translate_staircase(apps, schema_editor):
    StaircaseLevel = apps.get_model("coordination", "StaircaseLevel")
    Indicator = apps.get_model("coordination", "Indicator")
    for level in StaircaseLevel.objects.all():
        level.name, level.description = level.name_nb, level.description_nb
        default = LEVELS.get(level.number)
        if default and default["name"]["nb"] == level.name_nb:
            level.name_nn = default["name"].get("nn")
        if default and default["description"]["nb"] == level.description_nb:
            level.description_nn = default["description"].get("nn")
        level.save()
    texts = {default["text"]["nb"]: default for default in INDICATORS}
    steps = {default["next_step"]["nb"]: default for default in INDICATORS}
    for indicator in Indicator.objects.all():
        indicator.text, indicator.next_step = indicator.text_nb, indicator.next_step_nb
        if indicator.text_nb in texts:
            indicator.text_nn = texts[indicator.text_nb]["text"].get("nn")
        if indicator.next_step_nb in steps:
            indicator.next_step_nn = steps[indicator.next_step_nb]["next_step"].get("nn")
        indicator.save()


def clear_unchosen_languages(apps, schema_editor):
    apps.get_model("coordination", "User").objects.filter(preferred_language="nb").update(
        preferred_language=""
    )


def restore_default_language(apps, schema_editor):
    apps.get_model("coordination", "User").objects.filter(preferred_language="").update(
        preferred_language="nb"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("coordination", "0014_tasks_moved_to_their_areas"),
    ]

    operations = [
        migrations.AddField(
            model_name="indicator",
            name="next_step",
            field=models.TextField(default="", verbose_name="next step when not met"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="indicator",
            name="next_step_nn",
            field=models.TextField(null=True, verbose_name="next step when not met"),
        ),
        migrations.AddField(
            model_name="indicator",
            name="text",
            field=models.TextField(default="", verbose_name="indicator"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="indicator",
            name="text_nn",
            field=models.TextField(null=True, verbose_name="indicator"),
        ),
        migrations.AddField(
            model_name="staircaselevel",
            name="description",
            field=models.TextField(default="", verbose_name="what is in place"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="staircaselevel",
            name="description_nn",
            field=models.TextField(null=True, verbose_name="what is in place"),
        ),
        migrations.AddField(
            model_name="staircaselevel",
            name="name",
            field=models.CharField(default="", max_length=100, verbose_name="name"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="staircaselevel",
            name="name_nn",
            field=models.CharField(max_length=100, null=True, verbose_name="name"),
        ),
        migrations.AlterField(
            model_name="indicator",
            name="next_step_en",
            field=models.TextField(null=True, verbose_name="next step when not met"),
        ),
        migrations.AlterField(
            model_name="indicator",
            name="next_step_nb",
            field=models.TextField(null=True, verbose_name="next step when not met"),
        ),
        migrations.AlterField(
            model_name="indicator",
            name="text_en",
            field=models.TextField(null=True, verbose_name="indicator"),
        ),
        migrations.AlterField(
            model_name="indicator",
            name="text_nb",
            field=models.TextField(null=True, verbose_name="indicator"),
        ),
        migrations.AlterField(
            model_name="staircaselevel",
            name="description_en",
            field=models.TextField(null=True, verbose_name="what is in place"),
        ),
        migrations.AlterField(
            model_name="staircaselevel",
            name="description_nb",
            field=models.TextField(null=True, verbose_name="what is in place"),
        ),
        migrations.AlterField(
            model_name="staircaselevel",
            name="name_en",
            field=models.CharField(max_length=100, null=True, verbose_name="name"),
        ),
        migrations.AlterField(
            model_name="staircaselevel",
            name="name_nb",
            field=models.CharField(max_length=100, null=True, verbose_name="name"),
        ),
        migrations.AlterField(
            model_name="user",
            name="preferred_language",
            field=models.CharField(
                blank=True,
                choices=[("nb", "Bokmål"), ("nn", "Nynorsk"), ("en", "English")],
                default="",
                max_length=5,
                verbose_name="preferred language",
            ),
        ),
        migrations.RunPython(translate_staircase, migrations.RunPython.noop),
        migrations.RunPython(clear_unchosen_languages, restore_default_language),
    ]
