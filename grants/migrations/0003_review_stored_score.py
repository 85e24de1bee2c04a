"""Each sent review stores its weighted score (0–100), so the round's ranking reads one number
per review instead of computing it from every score of the round on each request (issue 17: the
ranking at 13–21× the floor with 2 000–3 000 applications, bench/README.md). The sent reviews
already there get theirs from their scores with ``scoring.review_score``, the same function the
reviewer's sending uses."""

from collections import defaultdict

from django.db import migrations, models


def fill_scores(apps, schema_editor):
    from grants.review import scoring

    ReviewAssignment = apps.get_model("grants", "ReviewAssignment")
    Score = apps.get_model("grants", "Score")
    pairs = defaultdict(list)
    rows = Score.objects.filter(assignment__submitted_at__isnull=False).values_list(
        "assignment_id", "criterion__weight", "value"
    )
    for assignment, weight, value in rows.iterator(chunk_size=5_000):
        pairs[assignment].append((weight, value))
    sent = list(ReviewAssignment.objects.filter(submitted_at__isnull=False).only("pk"))
    for assignment in sent:
        assignment.score = scoring.review_score(pairs.get(assignment.pk, []))
    ReviewAssignment.objects.bulk_update(sent, ["score"], batch_size=1_000)


class Migration(migrations.Migration):
    dependencies = [
        ("grants", "0002_reports_reminders"),
    ]

    operations = [
        migrations.AddField(
            model_name="reviewassignment",
            name="score",
            field=models.FloatField(
                blank=True, editable=False, null=True, verbose_name="weighted score"
            ),
        ),
        migrations.RunPython(fill_scores, migrations.RunPython.noop, elidable=True),
    ]
