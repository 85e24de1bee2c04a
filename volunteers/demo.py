"""Demo volunteers in Lom for ``seed_demo``: mixed profiles, a published declaration, some
signed. Idempotent."""

import datetime
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.utils import timezone, translation

from coordination.management.commands.seed_demo import DEMO_PASSWORD, LOM
from coordination.models import Membership, Role, User

from .models import Consent, DeclarationText, Signature, Volunteer, VolunteerInterest
from .services import CONSENT_PURPOSE, CONSENT_VERSION, starter_declaration_text
from .starter_roles import starter_role

# email, name, area, interests, evenings, weekends, drives, signed
DEMO_VOLUNTEERS = [
    (
        "frivillig.astrid@samspill.example",
        "Astrid Rustad",
        "Lom sentrum",
        ["visiting_friend", "culture"],
        False,
        True,
        False,
        True,
    ),
    (
        "frivillig.nils@samspill.example",
        "Nils Brimi",
        "Bøverdalen",
        ["transport", "practical_help"],
        True,
        False,
        True,
        False,
    ),
    (
        "frivillig.kari.o@samspill.example",
        "Kari Ofigsbø",
        "Fossbergom",
        ["digital_help"],
        True,
        False,
        False,
        True,
    ),
    (
        "frivillig.ola@samspill.example",
        "Ola Sulheim",
        "Garmo",
        ["walks", "activity_leading"],
        False,
        True,
        True,
        True,
    ),
    (
        "frivillig.randi@samspill.example",
        "Randi Bakkom",
        "Lom sentrum",
        ["visiting_friend", "walks"],
        True,
        True,
        False,
        True,
    ),
    (
        "frivillig.tor@samspill.example",
        "Tor Vole",
        "Bøverdalen",
        ["transport"],
        False,
        False,
        True,
        False,
    ),
]


def _declaration(municipality_id: str, *, published_by) -> DeclarationText:
    """The municipality's current declaration, or the starter text published as version 1."""
    declaration = (
        DeclarationText.objects.filter(municipality_id=municipality_id).order_by("-version").first()
    )
    if declaration is None:
        with translation.override("nb"):
            body = starter_declaration_text()
        declaration = DeclarationText.objects.create(
            municipality_id=municipality_id, version=1, body=body, published_by=published_by
        )
    return declaration


def _record_steps(need, *, started: datetime.date, by, mapped_note: str = "") -> None:
    """Each step of the method up to the need's own, a week apart from ``started``."""
    from .models import NEED_STEPS, NeedStep

    for number, name in enumerate(NEED_STEPS[: NEED_STEPS.index(need.status) + 1]):
        NeedStep.objects.create(
            need=need,
            step=name,
            happened_on=started + datetime.timedelta(days=7 * number),
            recorded_by=by,
            notes=mapped_note if name == "mapped" else "",
        )


def seed_volunteers(command) -> None:
    coordinator = Membership.objects.filter(municipality_id=LOM, role=Role.COORDINATOR).first()
    declaration = _declaration(LOM, published_by=coordinator and coordinator.user)
    for email, name, area, interests, evenings, weekends, drives, signed in DEMO_VOLUNTEERS:
        user, created = User.objects.get_or_create(email=email, defaults={"full_name": name})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        volunteer, _ = Volunteer.objects.get_or_create(
            user=user,
            defaults={
                "municipality_id": LOM,
                "area": area,
                "weekday_daytime": True,
                "evenings": evenings,
                "weekends": weekends,
                "can_drive": drives,
                "has_car": drives,
            },
        )
        for interest in interests:
            VolunteerInterest.objects.get_or_create(volunteer=volunteer, interest=interest)
        if not volunteer.consents.exists():
            Consent.objects.create(
                volunteer=volunteer,
                purpose_version=CONSENT_VERSION,
                purpose_text=str(CONSENT_PURPOSE),
            )
        if signed:
            Signature.objects.get_or_create(volunteer=volunteer, text=declaration)


# person, kind, area, description, step, source, times (day, evening, weekend), driver
DEMO_NEEDS = [
    (
        "Ingrid Bakken",
        "visiting_friend",
        "Lom sentrum",
        "Enke, bor alene. Ønsker besøk og en tur i nærområdet, gjerne en som liker å strikke.",
        "follow_up",
        "coordinator",
        (True, False, True),
        False,
    ),
    (
        "Hans Moen",
        "transport",
        "Bøverdalen",
        "Skyss til dagsenteret og fredagsklubben på Lom, tur-retur.",
        "proposed",
        "unit",
        (True, False, False),
        True,
    ),
    (
        "Marit Lien",
        "digital_help",
        "Fossbergom",
        "Vil lære å bruke nettbrettet til videosamtaler med barnebarna.",
        "mapped",
        "public",
        (True, True, False),
        False,
    ),
    (
        "Per Haugen",
        "walks",
        "Garmo",
        "Trenger følge på tur for å holde seg i form etter et fall i vinter.",
        "reported",
        "unit",
        (False, False, True),
        False,
    ),
    (
        "Solveig Vole",
        "visiting_friend",
        "Lom sentrum",
        "Hadde besøksvenn i to år; har nå flyttet på sjukeheimen.",
        "closed",
        "coordinator",
        (True, False, False),
        False,
    ),
]


def seed_screening_and_needs(command) -> None:
    """Lom's roles, course, police certificate checks, needs in several steps of the method,
    invitations, a visiting-friend pairing with follow-ups, and hours."""
    from .models import (
        Assignment,
        CertificateCheck,
        Course,
        CourseCompletion,
        CourseSession,
        FollowUp,
        HoursEntry,
        HoursStatus,
        Invitation,
        Need,
        RoleHolder,
        VolunteerRole,
        VolunteerSettings,
    )

    today = timezone.localdate()
    coordinator = (
        Membership.objects.filter(municipality_id=LOM, role=Role.COORDINATOR)
        .select_related("user")
        .first()
    )
    by = coordinator.user if coordinator else None
    volunteers = {
        v.user.email.split("@")[0].removeprefix("frivillig."): v
        for v in Volunteer.objects.filter(
            municipality_id=LOM, user__email__endswith="@samspill.example"
        ).select_related("user")
    }
    VolunteerSettings.objects.get_or_create(municipality_id=LOM)

    course, _ = Course.objects.get_or_create(
        municipality_id=LOM,
        name="Introduksjonskurs for frivillige",
        defaults={
            "is_introductory": True,
            "description": (
                "Taushetsplikt, roller og ansvar, hvem du kontakter hvis du blir bekymret."
            ),
        },
    )
    held = timezone.make_aware(
        datetime.datetime.combine(today.replace(month=3, day=12), datetime.time(18))
    )
    session, _ = CourseSession.objects.get_or_create(
        course=course, starts_at=held, defaults={"place": "Lom bygdesenter"}
    )
    CourseSession.objects.get_or_create(
        course=course,
        starts_at=held.replace(year=today.year + 1),
        defaults={"place": "Lom bygdesenter"},
    )
    visiting, _ = VolunteerRole.objects.get_or_create(
        municipality_id=LOM,
        name="Besøksvenn",
        defaults={
            **starter_role("visiting_friend", "nb"),
            "requires_certificate": True,
            "certificate_kinds": ["limited", "ordinary"],
            "certificate_legal_basis": (
                "Besøksvenner er alene hjemme hos eldre som kan være sårbare. Lom kommune "
                "krever derfor politiattest, jf. helse- og omsorgstjenesteloven § 5-4 når "
                "besøkene er en del av kommunens tjenester."
            ),
            "certificate_valid_months": 36,
        },
    )
    visiting.required_courses.add(course)
    driver, _ = VolunteerRole.objects.get_or_create(
        municipality_id=LOM, name="Sjåfør", defaults=starter_role("driver", "nb")
    )
    for key in ("astrid", "randi", "ola"):
        if key in volunteers:
            CourseCompletion.objects.get_or_create(
                volunteer=volunteers[key],
                course=course,
                defaults={"session": session, "completed_on": held.date(), "recorded_by": by},
            )
    for key, role in (("astrid", visiting), ("randi", visiting), ("nils", driver), ("tor", driver)):
        if key not in volunteers:
            continue
        holder, created = RoleHolder.objects.get_or_create(volunteer=volunteers[key], role=role)
        if created and key == "astrid":
            CertificateCheck.objects.create(
                holder=holder,
                kind="limited",
                presented_on=today - datetime.timedelta(days=200),
                checked_by=by,
                approved=True,
                renew_by=today + datetime.timedelta(days=20),  # a reminder is due soon
            )

    for person, kind, area, description, step, source, times, needs_driver in DEMO_NEEDS:
        if Need.objects.filter(municipality_id=LOM, person_name=person).exists():
            continue
        started = today - datetime.timedelta(days=60)
        need = Need.objects.create(
            municipality_id=LOM,
            kind=kind,
            area=area,
            description=description,
            weekday_daytime=times[0],
            evenings=times[1],
            weekends=times[2],
            needs_driver=needs_driver,
            person_name=person,
            person_phone="612 11 234",
            address=f"{area}, Lom",
            consent_text_version=CONSENT_VERSION,
            source=source,
            reported_by=by if source != "public" else None,
            status=step,
            created_at=timezone.make_aware(datetime.datetime.combine(started, datetime.time(10))),
            closed_at=timezone.now() if step == "closed" else None,
        )
        _record_steps(
            need,
            started=started,
            by=by,
            mapped_note="Samtale hjemme hos henne sammen med datteren.",
        )
        if person == "Ingrid Bakken" and "astrid" in volunteers:
            Invitation.objects.create(
                need=need,
                volunteer=volunteers["astrid"],
                status="accepted",
                reasons=["bor i Lom sentrum", "liker å strikke"],
                invited_by=by,
                answered_at=timezone.now() - datetime.timedelta(days=40),
            )
            pairing = Assignment.objects.create(
                need=need,
                volunteer=volunteers["astrid"],
                started_on=started + datetime.timedelta(days=21),
                trial_meeting_on=started + datetime.timedelta(days=24),
                trial_went_well=True,
                frequency="weekly",
            )
            FollowUp.objects.create(
                need=need,
                assignment=pairing,
                due_on=started + datetime.timedelta(days=45),
                held_on=started + datetime.timedelta(days=46),
                held_by=by,
                notes="Begge trives. Fortsetter hver tirsdag.",
            )
            FollowUp.objects.create(
                need=need, assignment=pairing, due_on=today + datetime.timedelta(days=14)
            )
            for weeks_ago in (4, 3, 2, 1):
                HoursEntry.objects.create(
                    municipality_id=LOM,
                    volunteer=volunteers["astrid"],
                    assignment=pairing,
                    worked_on=today - datetime.timedelta(weeks=weeks_ago),
                    hours=Decimal("2"),
                    description="Besøk og tur",
                    status=HoursStatus.APPROVED if weeks_ago > 1 else HoursStatus.PENDING,
                    km_rate=Decimal("3.50") if weeks_ago > 1 else None,
                    logged_by=volunteers["astrid"].user,
                    decided_by=by if weeks_ago > 1 else None,
                )
        if person == "Hans Moen":
            if "nils" in volunteers:
                Invitation.objects.create(
                    need=need,
                    volunteer=volunteers["nils"],
                    reasons=["bor i Bøverdalen", "har førerkort og bil"],
                    invited_by=by,
                )
            if "tor" in volunteers:
                Invitation.objects.create(
                    need=need,
                    volunteer=volunteers["tor"],
                    status="declined",
                    reasons=["bor i Bøverdalen", "har førerkort og bil"],
                    invited_by=by,
                    answered_at=timezone.now() - datetime.timedelta(days=3),
                    decline_reason="Er bortreist i desember.",
                )
        if person == "Solveig Vole" and "randi" in volunteers:
            Assignment.objects.create(
                need=need,
                volunteer=volunteers["randi"],
                started_on=started - datetime.timedelta(days=700),
                frequency="weekly",
                status="ended",
                ended_on=today - datetime.timedelta(days=10),
                end_reason="moved",
            )


# Drammen, the larger municipality at staircase level 4: many registered volunteers, nearly
# all of them signed, an introductory course held this year, needs followed through the method.
DRAMMEN_AREAS = ["Bragernes", "Strømsø", "Konnerud", "Fjell", "Åssiden", "Gulskogen"]
DRAMMEN_FIRST = ["Aud", "Bjørn", "Eva", "Geir", "Hilde", "Ivar", "Jorunn", "Knut", "Liv", "Magne"]
DRAMMEN_LAST = ["Andersen", "Berg", "Dahl", "Hansen"]
DRAMMEN_INTERESTS = ["visiting_friend", "transport", "digital_help", "walks", "culture"]
DRAMMEN_NEEDS = [
    ("Reidun Solberg", "visiting_friend", "Konnerud", "follow_up"),
    ("Arne Kristiansen", "transport", "Fjell", "established"),
    ("Gunvor Lie", "digital_help", "Strømsø", "mapped"),
    ("Egil Nilsen", "walks", "Åssiden", "reported"),
]


def seed_drammen(command) -> None:
    """40 volunteers (36 have signed the declaration), an introductory course held this year
    that most have taken, and four needs in different steps."""
    from coordination.management.commands.seed_demo import DRAMMEN

    from .models import Course, CourseCompletion, CourseSession, Need

    coordinator = User.objects.filter(
        memberships__municipality_id=DRAMMEN, memberships__role=Role.COORDINATOR
    ).first()
    declaration = _declaration(DRAMMEN, published_by=coordinator)
    today = timezone.localdate()
    course, _ = Course.objects.get_or_create(
        municipality_id=DRAMMEN,
        name="Introduksjonskurs for frivillige",
        defaults={"is_introductory": True, "description": "Rolle, taushetsplikt og etikk."},
    )
    session = course.sessions.first()
    if session is None:  # held this year, so the staircase's evidence finds it
        held_on = max(today - datetime.timedelta(days=40), datetime.date(today.year, 1, 1))
        session = CourseSession.objects.create(
            course=course,
            starts_at=timezone.make_aware(datetime.datetime.combine(held_on, datetime.time(17))),
            place="Drammen frivilligsentral",
        )
    held_on = timezone.localtime(session.starts_at).date()
    for number in range(40):
        first = DRAMMEN_FIRST[number % len(DRAMMEN_FIRST)]
        last = DRAMMEN_LAST[number // len(DRAMMEN_FIRST)]
        user, created = User.objects.get_or_create(
            email=f"frivillig.drammen.{number + 1:02d}@samspill.example",
            defaults={"full_name": f"{first} {last}"},
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        volunteer, made = Volunteer.objects.get_or_create(
            user=user,
            defaults={
                "municipality_id": DRAMMEN,
                "area": DRAMMEN_AREAS[number % len(DRAMMEN_AREAS)],
                "weekday_daytime": number % 2 == 0,
                "evenings": number % 3 == 0,
                "weekends": number % 4 == 0,
                "can_drive": number % 5 == 0,
                "has_car": number % 5 == 0,
            },
        )
        if made:
            VolunteerInterest.objects.create(
                volunteer=volunteer, interest=DRAMMEN_INTERESTS[number % len(DRAMMEN_INTERESTS)]
            )
            Consent.objects.create(
                volunteer=volunteer,
                purpose_version=CONSENT_VERSION,
                purpose_text=str(CONSENT_PURPOSE),
            )
        if number < 36:
            Signature.objects.get_or_create(volunteer=volunteer, text=declaration)
        if number < 30:
            CourseCompletion.objects.get_or_create(
                volunteer=volunteer,
                course=course,
                defaults={"completed_on": held_on, "session": session},
            )
    started = today - datetime.timedelta(days=90)
    for person, kind, area, step in DRAMMEN_NEEDS:
        if Need.objects.filter(municipality_id=DRAMMEN, person_name=person).exists():
            continue
        need = Need.objects.create(
            municipality_id=DRAMMEN,
            kind=kind,
            area=area,
            description="Meldt av hjemmetjenesten.",
            weekday_daytime=True,
            person_name=person,
            person_phone="32 04 00 00",
            address=f"{area}, Drammen",
            consent_text_version=CONSENT_VERSION,
            source="unit",
            reported_by=coordinator,
            status=step,
            created_at=timezone.make_aware(datetime.datetime.combine(started, datetime.time(10))),
        )
        _record_steps(need, started=started, by=coordinator)
