"""Demo sign-ups in Lom, made through the services: for each of the next meetings that nobody
has signed up for yet, a few participants — some signed up by a daughter, by the home care
service or by the coordinator on the phone; rides from the villages where the activity offers
transport; a waiting list where a meeting is small. Runs after the catalogue and schedule's
demo steps (they make the activities and sessions); with no sessions it does nothing.
Idempotent: a meeting that has sign-ups is left alone."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone

from activities.catalogue.models import ActivityStatus, Enrolment
from activities.schedule.models import Session, SessionStatus
from activities.signups import services
from activities.signups.models import OnBehalf, Reminder, SignUp
from coordination.kernel.contributions import contribute
from coordination.kernel.demo import LOM, coordinator_of

MEETINGS = 8
# (name, phone, village, pick-up address, mobility aids, who signs up, reminder)
PEOPLE = [
    ("Kari Sandvik", "412 34 001", "Bøverdalen", "Bøverdalsvegen 112", ["walker"],
     OnBehalf.RELATIVE, Reminder.SMS),
    ("Olav Sletten", "612 11 002", "Garmo", "Garmovegen 8", [], OnBehalf.ORGANISER,
     Reminder.PHONE),
    ("Ragnhild Bakken", "412 34 003", "Lom sentrum", "", [], OnBehalf.SELF, Reminder.SMS),
    ("Johannes Lie", "412 34 004", "Fossbergom", "Sognefjellsvegen 20", ["wheelchair"],
     OnBehalf.HOME_CARE, Reminder.NONE),
    ("Marta Rudi", "612 11 005", "Bøverdalen", "Galdesand 3", ["cane"], OnBehalf.ORGANISER,
     Reminder.PHONE),
]  # fmt: skip
HELPERS = {
    OnBehalf.RELATIVE: ("Anne Sandvik", "412 99 001"),
    OnBehalf.HOME_CARE: ("Heimetenesta i Lom", "612 10 000"),
}


def _sign_up_for(session: Session, coordinator) -> None:
    activity = session.activity
    fees = services.fee_categories(activity)
    for number, (name, phone, village, address, aids, who, reminder) in enumerate(PEOPLE):
        ride = activity.transport_offered and bool(address)
        helper_name, helper_phone = HELPERS.get(who, (coordinator.full_name, coordinator.phone))
        try:
            services.sign_up(
                by=coordinator if who == OnBehalf.ORGANISER else None,
                session=None if activity.enrolment == Enrolment.FOR_PERIOD else session,
                activity=activity,
                participant_name=name,
                participant_phone=phone,
                on_behalf=who,
                signed_up_by_name=helper_name if who else "",
                signed_up_by_phone=helper_phone if who else "",
                reminder=reminder,
                needs_transport=ride,
                pickup_address=address if ride else "",
                pickup_area=village if ride else "",
                mobility_aids=aids,
                fee_category=fees[number % len(fees)],
            )
        except ValidationError:
            continue  # what the services refuse (sign-up by phone only, …) the demo leaves out


@contribute.demo_step(order=78)  # after the activities' catalogue and schedule steps
def seed(command) -> None:
    coordinator = coordinator_of(LOM)
    ahead = (
        Session.objects.in_municipality(LOM)
        .filter(
            status=SessionStatus.PLANNED,
            starts_at__gt=timezone.now(),
            activity__status=ActivityStatus.PUBLISHED,
            activity__listed_only=False,
            activity__sign_up_at_door=False,
        )
        .select_related("activity")
        .order_by("starts_at")[:MEETINGS]
    )
    for session in ahead:
        taken = SignUp.objects.filter(activity=session.activity).filter(
            Q(session=session) | Q(session__isnull=True)
        )
        if taken.exists() or services.deadline_of(session) <= timezone.now():
            continue
        _sign_up_for(session, coordinator)
