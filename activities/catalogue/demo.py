"""Drammen's catalogue in the demo (step 69, before Lom's activities in activities/demo.py):
what Verdighetsenteret and the volunteer centre offer, meeting from next week, and the senior
dance run outside Samspill — Drammen's story is its coordination, so its activities are few."""

from __future__ import annotations

import datetime

from activities.catalogue import services as catalogue
from activities.models import Activity, ActivityType
from activities.schedule import services as schedule
from coordination.kernel.contributions import contribute
from coordination.kernel.demo import DRAMMEN, coordinator_of, days_ago, on
from coordination.models import Municipality, PartnerOrganisation

DRAMMEN_ACTIVITIES = [
    ("Demensvennlig kafé", "dementia_cafe", "Verdighetsenteret", 2, 12,
     "Kaffe og samtale for personer med demens og pårørende, med frivillige verter."),
    ("Seniortreff på Bragernes", "senior_club", "Frivilligsentralen i Drammen", 3, 11,
     "Kaffe, quiz og allsang hver torsdag."),
]  # fmt: skip


def _type(key: str) -> ActivityType:
    return ActivityType.objects.get(municipality=None, key=key)


def _weekday_on_or_after(day: datetime.date, weekday: int) -> datetime.date:
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


@contribute.demo_step(order=69)
def seed(command) -> None:
    """Drammen lists what Verdighetsenteret and the volunteer centre offer, and the senior dance
    run outside Samspill; its meetings start next week (Drammen's story is its coordination)."""
    drammen = Municipality.objects.get(pk=DRAMMEN)
    if Activity.objects.in_municipality(drammen).exists():
        return
    by = coordinator_of(DRAMMEN)
    with on(days_ago(5)):
        centre = catalogue.create_place(
            municipality=drammen, by=by, name="Verdighetsenteret", kind="community_centre",
            area="Bragernes", address="Tollbugata 37", step_free=True, accessible_toilet=True,
            hearing_loop=True,
        )  # fmt: skip
        for title, key, organiser, weekday, hour, text in DRAMMEN_ACTIVITIES:
            activity = catalogue.create_activity(
                municipality=drammen, by=by, title=title, description=text,
                activity_type=_type(key), place=centre,
                organiser=PartnerOrganisation.objects.get(name=organiser), fee=0,
                contact_name="Frivilligsentralen i Drammen", contact_phone="32 04 60 00",
            )  # fmt: skip
            schedule.create_schedule(
                activity=activity,
                by=by,
                frequency="weekly",
                starts_on=_weekday_on_or_after(days_ago(-7), weekday),
                start_time=datetime.time(hour),
                end_time=datetime.time(hour + 2),
                places=[centre],
            )
        catalogue.create_activity(
            municipality=drammen, by=by, title="Seniordans på Union scene",
            description="Gammeldans og swing for alle over 60. Ingen påmelding.",
            activity_type=_type("senior_club"), listed_only=True,
            when_text="Første søndag i måneden kl. 15", sign_up_web=False, sign_up_at_door=True,
            fee=100, contact_name="Drammen seniordans", contact_phone="900 12 345",
        )  # fmt: skip
