"""The activities' demo story (``seed_demo`` step 70, before the staircase reads the evidence):
Lom's offer for the elderly, run by the municipality, Lom frivilligsentral, the sanitetslag and
the pensjonistlag together — the Friday gathering with pick-up through the villages, a knitting
group on Tuesday evenings, a walking group, digital help at the library, men's exercise bound
for the autumn, story-telling evenings rotating between the village halls, group training with
the physiotherapist, the parish's senior lunch listed though run outside Samspill, and a chess
club a senior proposed. Ten weeks of it: sign-ups (some by a relative or the home care), rides
in pick-up order driven by Tor, hosts, attendance, the participants' answers, and a
story-telling evening that did not run because too few signed up.

Told through the services, each thing on the day it happened (``on(day)``), like the rest of
the demo. Idempotent: a Lom that already has activities is left as it is."""

from __future__ import annotations

import datetime
from decimal import Decimal

from activities.catalogue import services as catalogue
from activities.evaluation import services as evaluation
from activities.models import Activity, ActivityType, Session, SessionStatus, Task
from activities.rides import services as rides
from activities.schedule import services as schedule
from activities.shifts import services as shifts
from activities.signups import services as signups
from coordination.kernel.contributions import contribute
from coordination.kernel.demo import LOM, coordinator_of, days_ago, on
from coordination.models import Municipality, PartnerOrganisation, User
from volunteers.models import Volunteer
from volunteers.profile.services import current_declaration, sign_declaration

PLACES = [
    # name, kind, area, address, step-free, accessible toilet, hearing loop
    ("Lom bygdesenter", "community_centre", "Lom sentrum", "Sognefjellsvegen 7", True, True, True),
    ("Bøverdalen grendehus", "village_hall", "Bøverdalen", "Bøverdalsvegen 1450", True, False,
     False),
    ("Garmo grendehus", "village_hall", "Garmo", "Garmovegen 30", False, False, False),
    ("Lom folkebibliotek", "library", "Lom sentrum", "Bispevegen 1", True, True, True),
    ("Lom helsetun, dagsalen", "care_home", "Lom sentrum", "Lomshorungje 5", True, True, True),
]  # fmt: skip

# Who came to the Friday gathering: name, phone, village, pick-up address or "" (comes by
# themself), mobility aids.
FRIDAY_REGULARS = [
    ("Hans Moen", "612 11 801", "Bøverdalen", "Bøverdalsvegen 1210", ["walker"]),
    ("Gudrun Vole", "612 11 802", "Bøverdalen", "Storvik 4", []),
    ("Ingeborg Garmo", "481 11 803", "Garmo", "Garmovegen 12", ["cane"]),
    ("Per Holen", "481 11 804", "Lom sentrum", "", []),
    ("Marta Lien", "481 11 805", "Lom sentrum", "", ["walker"]),
    ("Knut Ryste", "481 11 806", "Garmo", "Ryste", []),
    ("Sigrid Dalsegg", "481 11 807", "Lom sentrum", "", []),
]  # fmt: skip

STORY_EVENING_GUESTS = [("Anne Brimi", "481 11 811"), ("Jon Skaare", "481 11 812")]
MEN_ON_THE_MOVE = [
    ("Olav Sulheim", "612 11 821"), ("Arne Storhaug", "917 44 120"), ("Jon Skaare", "612 11 812"),
    ("Per Holen", "481 11 804"), ("Knut Ryste", "481 11 806"), ("Ivar Lunde", "612 11 822"),
    ("Trond Bakken", "612 11 823"),
]  # fmt: skip


def _user(email: str) -> User:
    return User.objects.get(email=email)


def _volunteer(email: str) -> Volunteer:
    return Volunteer.objects.get(municipality_id=LOM, user__email=email)


def _type(key: str) -> ActivityType:
    return ActivityType.objects.get(municipality=None, key=key)


def _weekday_on_or_after(day: datetime.date, weekday: int) -> datetime.date:
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def _holidays() -> list[datetime.date]:
    """Christmas Day and New Year's Day: the hall is closed."""
    year = days_ago(0).year
    return [datetime.date(year, 12, 25), datetime.date(year + 1, 1, 1)]


def _places(lom: Municipality, by: User) -> dict:
    with on(days_ago(120)):
        return {
            name: catalogue.create_place(
                municipality=lom, by=by, name=name, kind=kind, area=area, address=address,
                step_free=step_free, accessible_toilet=toilet, hearing_loop=loop,
            )
            for name, kind, area, address, step_free, toilet, loop in PLACES
        }  # fmt: skip


def _friday_gathering(lom, by, marit, centre, places) -> Activity:
    """The volunteer centre runs Fredagstreff itself, with the pensjonistlag; pick-up through
    Bøverdalen and Garmo (seed 003: when the pick-up stopped, fewer came)."""
    with on(days_ago(90)):
        activity = catalogue.create_activity(
            municipality=lom,
            by=marit,
            organiser=centre,
            co_organisers=[PartnerOrganisation.objects.get(name="Lom pensjonistlag")],
            title="Fredagstreff",
            description=(
                "Kaffi, vaflar og prat, allsong annankvar veke og eit lite føredrag om bygda. "
                "Vi hentar deg heime om du ikkje har skyss."
            ),
            activity_type=_type("friday_gathering"),
            place=places["Lom bygdesenter"],
            age_groups=["seventies", "eighty_plus"],
            function_levels=["fit", "frail_at_home"],
            accessibility="Trinnfritt inngang, teleslynge og handikaptoalett.",
            fee=50,
            reduced_fee=20,
            free_places=True,
            transport_offered=True,
            pickup_route="Bøverdalen\nGarmo\nLom sentrum",
            sign_up_phone="61 21 10 50",
            capacity=30,
            signup_deadline_hours=24,
            contact_name="Marit Nordheim",
            contact_phone="61 21 10 50",
        )
        schedule.create_schedule(
            activity=activity,
            by=marit,
            frequency="weekly",
            starts_on=_weekday_on_or_after(days_ago(70), 4),
            ends_on=_weekday_on_or_after(days_ago(70), 4) + datetime.timedelta(weeks=40),
            start_time=datetime.time(11),
            end_time=datetime.time(13),
            places=[places["Lom bygdesenter"]],
            exceptions=[
                datetime.date(days_ago(0).year, 12, 25),
                datetime.date(days_ago(0).year + 1, 1, 1),
            ],
        )
    return activity


def _sign_up_regulars(session: Session, regulars, by_home_care: User, daughter: str) -> list:
    """The regulars sign up three days before; the home care signs up Hans, a daughter her
    mother."""
    made = []
    with on(session.starts_at.date() - datetime.timedelta(days=3), hour=12):
        for name, phone, area, address, aids in regulars:
            behalf = {}
            if name == "Hans Moen":
                behalf = {"by": by_home_care, "on_behalf": "home_care",
                          "signed_up_by_name": by_home_care.full_name}  # fmt: skip
            elif name == "Marta Lien":
                behalf = {"by": None, "on_behalf": "relative", "signed_up_by_name": daughter,
                          "signed_up_by_phone": "915 22 333"}  # fmt: skip
            made.append(
                signups.sign_up(
                    **({"by": None} | behalf),
                    session=session,
                    participant_name=name,
                    participant_phone=phone,
                    reminder="phone" if name in ("Hans Moen", "Gudrun Vole") else "sms",
                    needs_transport=bool(address),
                    pickup_address=address,
                    pickup_area=area if address else "",
                    mobility_aids=aids,
                    fee_category="free" if name == "Hans Moen" else "standard",
                )
            )
    return made


def _run_friday(session: Session, regulars, marit, tor, astrid, home_care, *, past: bool) -> None:
    made = _sign_up_regulars(session, regulars, home_care, daughter="Eli Lien")
    the_day_before = session.starts_at.date() - datetime.timedelta(days=2)
    with on(the_day_before, hour=9):
        host_slot = shifts.add_shift_slot(session=session, by=marit, task=Task.HOST)
        shifts.take_shift(slot=host_slot, volunteer=astrid, by=astrid.user)
        open_rides = list(session.rides.filter(status="needed"))
        driver = rides.ask_driver(session=session, volunteer=tor, by=marit, rides=open_rides)
    with on(the_day_before, hour=19):
        rides.answer_shift(shift=driver, by=tor.user, accept=True)
        rides.plan_pickups(session=session, by=marit)
    if not past:
        return
    with on(session.starts_at.date(), hour=14):
        came = [s.pk for s in made if s.participant_name != "Sigrid Dalsegg"]
        evaluation.record_attendance(session=session, by=marit, present_signup_ids=came, walk_ins=2)
        for shift in session.shift_slots.get(task=Task.HOST).shifts.all():
            shifts.record_shift_attendance(shift=shift, by=marit, attended=True,
                                           hours=Decimal("2.5"))  # fmt: skip
        shifts.record_shift_attendance(shift=driver, by=marit, attended=True, hours=Decimal("3"))
        session.refresh_from_db()
        for rating, area in ((5, "Bøverdalen"), (5, "Garmo"), (4, "Lom sentrum"), (4, "")):
            evaluation.give_feedback(session=session, rating=rating, area=area)


def _story_evenings(lom, pensjonistlag_rep_or_by, places) -> Activity:
    """Monthly, first Thursday, rotating between the village halls; runs with five or more."""
    by = pensjonistlag_rep_or_by
    with on(days_ago(100)):
        activity = catalogue.create_activity(
            municipality=lom,
            by=by,
            organiser=PartnerOrganisation.objects.get(name="Lom pensjonistlag"),
            title="Forteljarkveld",
            description="Segner, minne og gamle bilete frå bygda. Ta med det du har!",
            activity_type=_type("storytelling_evening"),
            age_groups=[],
            function_levels=[],
            fee=0,
            transport_offered=True,
            pickup_route="Bøverdalen\nGarmo\nLom sentrum",
            capacity=40,
            minimum_participants=5,
            signup_deadline_hours=48,
            contact_name="Arne Storhaug",
            contact_phone="917 44 120",
        )
        schedule.create_schedule(
            activity=activity,
            by=by,
            frequency="monthly",
            starts_on=_weekday_on_or_after(days_ago(95).replace(day=1), 3),
            start_time=datetime.time(19),
            end_time=datetime.time(21),
            places=[
                places["Bøverdalen grendehus"],
                places["Garmo grendehus"],
                places["Lom bygdesenter"],
            ],  # fmt: skip
        )
    return activity


def _too_few_for_the_story_evening(activity: Activity) -> None:
    """Last month's evening had two names at the deadline: it did not run, and both were told."""
    last = (
        Session.objects.filter(activity=activity, starts_at__lt=datetime.datetime.now(datetime.UTC))
        .order_by("-starts_at")
        .first()
    )
    if last is None:
        return
    with on(last.starts_at.date() - datetime.timedelta(days=6)):
        for name, phone in STORY_EVENING_GUESTS:
            signups.sign_up(by=None, session=last, participant_name=name, participant_phone=phone,
                            reminder="sms")  # fmt: skip
    with on(last.starts_at.date() - datetime.timedelta(days=2), hour=20):
        signups.check_minimum(session=last)


def _men_on_the_move(lom, by, places) -> None:
    """Indoor exercise for men, Monday evenings, bound for the autumn (like the culture school)."""
    autumn = days_ago(95)
    with on(autumn):
        activity = catalogue.create_activity(
            municipality=lom,
            by=by,
            organiser=PartnerOrganisation.objects.get(name="Lom sanitetslag"),
            title="Trim for menn",
            description="Styrke og balanse i gymsalen, så kaffi og prat. For menn i alle aldrar.",
            activity_type=_type("mens_exercise"),
            place=places["Lom bygdesenter"],
            especially_for_men=True,
            age_groups=["new_retirees", "seventies"],
            function_levels=["fit"],
            fee=300,
            reduced_fee=100,
            free_places=True,
            enrolment="for_period",
            binding=True,
            period_starts_on=autumn,
            period_ends_on=datetime.date(autumn.year, 12, 14),
            capacity=15,
            minimum_participants=6,
            contact_name="Brit Løkken",
            contact_phone="61 21 12 00",
        )
        schedule.create_schedule(
            activity=activity,
            by=by,
            frequency="weekly",
            starts_on=_weekday_on_or_after(autumn + datetime.timedelta(days=7), 0),
            ends_on=datetime.date(autumn.year, 12, 14),
            start_time=datetime.time(18),
            end_time=datetime.time(19, 30),
            places=[places["Lom bygdesenter"]],
        )
    with on(autumn + datetime.timedelta(days=3)):
        for name, phone in MEN_ON_THE_MOVE:
            signups.sign_up(by=None, activity=activity, participant_name=name,
                            participant_phone=phone, reminder="none",
                            fee_category="reduced" if name == "Ivar Lunde" else "standard",
                            )  # fmt: skip


def _weekly(lom, by, places, *, title, key, description, place, weekday, start, end,
            frequency="weekly", **more):  # fmt: skip
    with on(days_ago(80)):
        activity = catalogue.create_activity(
            municipality=lom, by=by, title=title, description=description,
            activity_type=_type(key), place=places[place], **more,
        )  # fmt: skip
        schedule.create_schedule(
            activity=activity,
            by=by,
            frequency=frequency,
            starts_on=_weekday_on_or_after(days_ago(75), weekday),
            start_time=start,
            end_time=end,
            places=[places[place]],
        )
    return activity


def _the_rest(lom, by, places) -> None:
    sanitet = PartnerOrganisation.objects.get(name="Lom sanitetslag")
    _weekly(
        lom, by, places, title="Strikkekafé", key="knitting_group",
        description="Strikking, hekling og prat over ein kopp kaffi. Garn finst om du treng.",
        place="Lom bygdesenter", weekday=1, start=datetime.time(18), end=datetime.time(20, 30),
        organiser=sanitet, fee=0, sign_up_web=False, sign_up_at_door=True,
        contact_name="Brit Løkken", contact_phone="61 21 12 00",
    )  # fmt: skip
    _weekly(
        lom, by, places, title="Turgruppa", key="walking_group",
        description="Ein roleg tur langs Otta, om lag ein time. Vi går i det tempoet alle klarer.",
        place="Lom bygdesenter", weekday=3, start=datetime.time(10), end=datetime.time(11, 30),
        fee=0, contact_name="Ingrid Bakken", contact_phone="61 21 99 00",
    )  # fmt: skip
    _weekly(
        lom, by, places, title="Digivenn på biblioteket", key="digital_helper",
        description="Få hjelp med mobil, nettbrett, BankID og Helsenorge. Ta med eige apparat.",
        place="Lom folkebibliotek", weekday=2, start=datetime.time(12), end=datetime.time(14),
        frequency="every_other_week", fee=0,
        age_groups=["new_retirees", "seventies", "eighty_plus"],
        contact_name="Ingrid Bakken", contact_phone="61 21 99 00",
    )  # fmt: skip
    _weekly(
        lom, by, places, title="Trening i gruppe med fysioterapeut", key="group_training",
        description="Balanse- og styrketrening leidd av fysioterapeuten i kommunen.",
        place="Lom helsetun, dagsalen", weekday=2, start=datetime.time(13), end=datetime.time(14),
        run_by_professionals=True, fee=0, function_levels=["frail_at_home"], capacity=4,
        contact_name="Fysioterapitenesta", contact_phone="61 21 99 40",
    )  # fmt: skip
    with on(days_ago(60)):
        catalogue.create_activity(
            municipality=lom, by=by, title="Seniorlunsj i kyrkjelydshuset",
            description="Suppe og prat etter formiddagsgudstenesta. Alle er velkomne.",
            activity_type=_type("senior_club"), listed_only=True,
            when_text="Annankvar tysdag kl. 12, heile året", sign_up_web=False,
            sign_up_at_door=True, fee=0, contact_name="Lom kyrkjelydskontor",
            contact_phone="61 21 73 00",
        )  # fmt: skip
    with on(days_ago(4)):
        catalogue.propose_activity(
            municipality=lom,
            title="Sjakkklubb for seniorar",
            description="Vi er tre pensjonistar som vil spele sjakk ein ettermiddag i veka, og "
            "fleire er velkomne. Biblioteket har brett.",
            activity_type=_type("senior_club"),
            proposed_by_name="Olav Haugen",
            proposed_by_phone="612 11 830",
            when_text="Onsdagar kl. 15 på biblioteket",
        )


@contribute.demo_step(order=70)  # after the volunteers (drivers, hosts), before the staircase
def seed(command) -> None:
    lom = Municipality.objects.get(pk=LOM)
    if Activity.objects.in_municipality(lom).exists():
        return
    by = coordinator_of(LOM)
    marit = _user("frivilligsentral.lom@samspill.example")
    home_care = _user("kontakt.heimeteneste.lom@samspill.example")
    centre = PartnerOrganisation.objects.get(name="Lom frivilligsentral")
    tor = _volunteer("frivillig.tor@samspill.example")
    astrid = _volunteer("frivillig.astrid@samspill.example")
    # Tor signed the new declaration three days ago, so he drives for Fredagstreff again.
    with on(days_ago(3), hour=19):
        sign_declaration(volunteer=tor, text=current_declaration(lom), by=tor.user)

    places = _places(lom, by)
    friday = _friday_gathering(lom, by, marit, centre, places)
    fridays = list(Session.objects.filter(activity=friday).order_by("starts_at"))
    today = days_ago(0)
    past = [s for s in fridays if s.starts_at.date() < today][-6:]
    upcoming = next(s for s in fridays if s.starts_at.date() > today + datetime.timedelta(days=3))
    for number, session in enumerate(past):
        regulars = FRIDAY_REGULARS[: 5 + number % 3]
        _run_friday(session, regulars, marit, tor, astrid, home_care, past=True)
    _run_friday(upcoming, FRIDAY_REGULARS[:5], marit, tor, astrid, home_care, past=False)
    story = _story_evenings(lom, by, places)
    _too_few_for_the_story_evening(story)
    _men_on_the_move(lom, by, places)
    _the_rest(lom, by, places)
    _close_the_past(lom, by)


def _close_the_past(lom: Municipality, by: User) -> None:
    """Every meeting before today that still stands as planned was held: the organiser counted
    who came at the door (those signed up came, but for one in ten)."""
    today = days_ago(0)
    held = (
        Session.objects.in_municipality(lom)
        .filter(status=SessionStatus.PLANNED, starts_at__date__lt=today)
        .order_by("starts_at")
    )
    for number, session in enumerate(held):
        signed = list(session.signups.filter(status="confirmed").values_list("pk", flat=True))
        signed += list(
            session.activity.signups.filter(session=None, status="confirmed").values_list(
                "pk", flat=True
            )
        )
        came = [pk for i, pk in enumerate(signed) if (i + number) % 10]
        with on(session.starts_at.date(), hour=21):
            evaluation.record_attendance(
                session=session, by=by, present_signup_ids=came, walk_ins=4 + number % 5
            )
