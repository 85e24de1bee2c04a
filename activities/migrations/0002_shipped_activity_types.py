"""The activity types every municipality starts with, in the Fjell/Øygarden model's six
categories, named in bokmål, nynorsk and English. A coordinator may add the municipality's own."""

from django.db import migrations

# key, category, interest of the volunteers who help, bokmål, nynorsk, English
SHIPPED_TYPES = [
    ("visiting_friend", "social", "visiting_friend", "Besøksvenn", "Besøksven", "Visiting friend"),
    ("friday_gathering", "social", "culture", "Fredagstreff", "Fredagstreff", "Friday gathering"),
    ("walking_group", "social", "walks", "Turgruppe", "Turgruppe", "Walking group"),
    ("digital_helper", "social", "digital_help", "Digivenn", "Digiven", "Digital helper"),
    ("mens_exercise", "social", "activity_leading", "Trim for menn", "Trim for menn", "Men's exercise"),
    ("knitting_group", "social", "culture", "Strikkegruppe", "Strikkegruppe", "Knitting group"),
    ("storytelling_evening", "social", "culture", "Fortellerkveld", "Forteljarkveld", "Story-telling evening"),
    ("senior_club", "social", "culture", "Seniortreff", "Seniortreff", "Senior club"),
    ("hunting_fishing", "social", "walks", "Jakt og fiske", "Jakt og fiske", "Hunting and fishing"),
    ("seniors_in_school", "social", "activity_leading", "Seniorer i skolen", "Seniorar i skulen", "Seniors in schools"),
    ("dementia_cafe", "dementia_friendly", "culture", "Demenskafé", "Demenskafé", "Dementia café"),
    ("activity_friend", "dementia_friendly", "visiting_friend", "Aktivitetsvenn", "Aktivitetsven", "Activity friend for people with dementia"),
    ("escort", "everyday_assistance", "transport", "Følge til avtaler", "Følgje til avtalar", "Escort to appointments"),
    ("small_errands", "everyday_assistance", "practical_help", "Små praktiske tjenester", "Små praktiske tenester", "Small practical errands"),
    ("group_training", "action_centre", "", "Trening i gruppe med fysioterapeut", "Trening i gruppe med fysioterapeut", "Group training with a physiotherapist"),
    ("senior_centre", "action_centre", "culture", "Seniorsenter", "Seniorsenter", "Senior centre"),
    ("day_activities", "care_services", "", "Dagaktivitetstilbud", "Dagaktivitetstilbod", "Day activities"),
    ("occupational_therapy", "care_services", "", "Ergoterapi", "Ergoterapi", "Occupational therapy"),
    ("tablet_course", "welfare_technology", "digital_help", "Kurs i nettbrett og mobil", "Kurs i nettbrett og mobil", "Tablet and phone course"),
    ("safety_technology", "welfare_technology", "", "Trygghetsteknologi", "Tryggleiksteknologi", "Safety technology"),
]  # fmt: skip


def add_types(apps, schema_editor):
    ActivityType = apps.get_model("activities", "ActivityType")
    for key, category, interest, nb, nn, en in SHIPPED_TYPES:
        ActivityType.objects.update_or_create(
            municipality=None,
            key=key,
            defaults={
                "category": category,
                "interest": interest,
                "name": nb,
                "name_nb": nb,
                "name_nn": nn,
                "name_en": en,
            },
        )


def remove_types(apps, schema_editor):
    apps.get_model("activities", "ActivityType").objects.filter(municipality=None).delete()


class Migration(migrations.Migration):
    dependencies = [("activities", "0001_activity_catalogue")]

    operations = [migrations.RunPython(add_types, remove_types)]
