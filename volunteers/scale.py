"""``seed_scale``'s volunteers: ``scale.volunteers`` volunteers spread over the country by
population, each with an account and 1–3 interests; the current confidentiality declaration in
every municipality (85 % have signed it); two roles (visiting friend: ordinary police certificate
renewed every 36 months and the introductory course; driver: limited certificate) with
certificate checks, some expired; course completions; needs at every step, running assignments
and the hours logged for them.

Derived state (anything a service would keep up to date after these writes) is refreshed once,
at the end, by ``refresh_derived``. See ``coordination.kernel.scale``."""

from __future__ import annotations

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db import connection
from django.utils import timezone

from coordination.kernel.contributions import contribute
from coordination.kernel.models import User
from coordination.kernel.scale import EMAIL_DOMAIN, Scale
from volunteers.hours.models import HoursEntry, HoursStatus
from volunteers.needs.models import Assignment, Need
from volunteers.needs.models.needs import NeedStatus
from volunteers.profile.models import (
    Consent,
    DeclarationText,
    Interest,
    Signature,
    Volunteer,
    VolunteerInterest,
)
from volunteers.screening.models import (
    CertificateCheck,
    Course,
    CourseCompletion,
    CourseSession,
    RoleHolder,
    VolunteerRole,
)
from volunteers.screening.ready_state import refresh_readiness

FIRST = [
    "Astrid", "Nils", "Kari", "Ola", "Randi", "Tor", "Ingrid", "Per", "Solveig", "Knut", "Aisha",
    "Jonas", "Marit", "Hassan", "Liv", "Eirik", "Anne", "Bjørn", "Sigrid", "Oddvar", "Fatima",
    "Magnus", "Berit", "Tomasz", "Gunn", "Arne", "Hilde", "Kjell", "Åse", "Stein",
]  # fmt: skip
LAST = [
    "Rustad", "Brimi", "Ofigsbø", "Sulheim", "Bakkom", "Vole", "Lien", "Moen", "Haugen", "Hansen",
    "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Jensen",
    "Karlsen", "Berg", "Dahl", "Nowak", "Ali", "Solberg", "Bakken", "Kleiven", "Sletten",
]  # fmt: skip
AREAS = ["Sentrum", "Nordbygda", "Sørbygda", "Austsida", "Vestsida", "Fjellgrenda"]
LANGUAGES = ["norsk", "norsk", "norsk", "norsk, engelsk", "norsk, tysk", "norsk, polsk"]
NEED_KINDS = [Interest.VISITING_FRIEND] * 5 + [Interest.TRANSPORT] * 3 + [Interest.WALKS] * 2
NEEDS_PER_VOLUNTEER = 1 / 20
MEASURED_NEED = "Ingrid Bench"  # the visiting-friend need the benchmarks open


def _volunteer_ids(scale: Scale) -> dict[str, list[int]]:
    return scale.made["volunteers"]


@contribute.scale_step(order=20)
def volunteers(scale: Scale) -> None:
    """The volunteers, their accounts, interests and consents."""
    rng = scale.rng
    homes = scale.spread(scale.volunteers)
    by_municipality: dict[str, list[int]] = defaultdict(list)
    codes = list(Interest.values)
    for start in range(0, len(homes), 5_000):
        chunk = homes[start : start + 5_000]
        users = scale.bulk(
            User,
            (
                User(
                    email=f"frivillig{start + i}@{EMAIL_DOMAIN}",
                    full_name=f"{rng.choice(FIRST)} {rng.choice(LAST)} {start + i}",
                    password="!",
                )
                for i in range(len(chunk))
            ),
        )
        rows = []
        for user, number in zip(users, chunk, strict=True):
            volunteer = Volunteer(
                user=user,
                municipality_id=number,
                area=rng.choice(AREAS),
                languages=rng.choice(LANGUAGES),
                skills="strikking" if rng.random() < 0.1 else "",
                weekday_daytime=rng.random() < 0.6,
                evenings=rng.random() < 0.3,
                weekends=rng.random() < 0.4,
                can_drive=(drives := rng.random() < 0.5),
                has_car=drives and rng.random() < 0.8,
            )
            volunteer.sort_name = volunteer.person_name.casefold()  # as save() does
            volunteer.search_text = volunteer.searchable_text()
            rows.append(volunteer)
        made = scale.bulk(Volunteer, rows)
        for volunteer in made:
            by_municipality[volunteer.municipality_id].append(volunteer.pk)
        scale.bulk(
            VolunteerInterest,
            (
                VolunteerInterest(volunteer_id=v.pk, interest=code)
                for v in made
                for code in rng.sample(codes, rng.randint(1, 3))
            ),
        )
        scale.bulk(
            Consent,
            (
                Consent(volunteer_id=v.pk, purpose_version="2026-11", purpose_text="…")
                for v in made
                if rng.random() < 0.98
            ),
        )
    scale.made["volunteers"] = dict(by_municipality)
    with connection.cursor() as cursor:  # registered over the last year (auto_now_add said now)
        cursor.execute(
            "UPDATE volunteers_volunteer SET created_at = "
            "now() - interval '20 days' - random() * interval '380 days'"
        )


@contribute.scale_step(order=21)
def screening(scale: Scale) -> None:
    """The declaration and its signatures, the course and its completions, the two roles with
    their holders and certificate checks, in every municipality."""
    rng = scale.rng
    now = timezone.now()
    today = timezone.localdate()
    ids = _volunteer_ids(scale)
    coordinators = scale.made["coordinators"]
    numbers = scale.numbers
    texts = scale.bulk(
        DeclarationText,
        (
            DeclarationText(
                municipality_id=number,
                version=1,
                body="Taushetserklæring. " * 20,
                published_by_id=coordinators[number],
                published_at=now - datetime.timedelta(days=90),
            )  # fmt: skip
            for number in numbers
        ),
    )
    courses = scale.bulk(
        Course,
        (
            Course(municipality_id=number, name="Introduksjonskurs", is_introductory=True)
            for number in numbers
        ),
    )
    sessions = scale.bulk(
        CourseSession,
        (
            CourseSession(course=course, starts_at=now - datetime.timedelta(days=30), place="")
            for course in courses
        ),
    )
    friends = scale.bulk(
        VolunteerRole,
        (
            VolunteerRole(
                municipality_id=number,
                name="Besøksvenn",
                interest=Interest.VISITING_FRIEND,
                requires_certificate=True,
                certificate_kinds=["ordinary"],
                certificate_valid_months=36,
            )  # fmt: skip
            for number in numbers
        ),
    )
    drivers = scale.bulk(
        VolunteerRole,
        (
            VolunteerRole(
                municipality_id=number,
                name="Sjåfør",
                interest=Interest.TRANSPORT,
                requires_certificate=True,
                certificate_kinds=["limited", "ordinary"],
            )  # fmt: skip
            for number in numbers
        ),
    )
    through = VolunteerRole.required_courses.through
    scale.bulk(
        through,
        (
            through(volunteerrole_id=role.pk, course_id=course.pk)
            for role, course in zip(friends, courses, strict=True)
        ),
    )
    text_of = {t.municipality_id: t.pk for t in texts}
    course_of = {c.municipality_id: (c.pk, s.pk) for c, s in zip(courses, sessions, strict=True)}
    friend_of = {r.municipality_id: r.pk for r in friends}
    driver_of = {r.municipality_id: r.pk for r in drivers}
    scale.made["roles"] = {"friend": friend_of, "driver": driver_of}

    def chance(p: float) -> bool:
        return rng.random() < p

    everyone = [(number, pk) for number in numbers for pk in ids.get(number, [])]
    scale.bulk(
        Signature,
        (
            Signature(volunteer_id=pk, text_id=text_of[n])
            for n, pk in everyone
            if rng.random() < 0.85
        ),
    )
    scale.bulk(
        CourseCompletion,
        (
            CourseCompletion(
                volunteer_id=pk,
                course_id=course_of[n][0],
                session_id=course_of[n][1],
                completed_on=today - datetime.timedelta(days=30),
            )  # fmt: skip
            for n, pk in everyone
            if rng.random() < 0.5
        ),
    )
    holders = scale.bulk(
        RoleHolder,
        [RoleHolder(volunteer_id=pk, role_id=friend_of[n]) for n, pk in everyone if chance(0.3)]
        + [RoleHolder(volunteer_id=pk, role_id=driver_of[n]) for n, pk in everyone if chance(0.1)],
    )
    friend_roles = set(friend_of.values())
    checks = []
    for holder in holders:
        if rng.random() < 0.7:
            presented = today - datetime.timedelta(days=rng.randint(0, 365 * 4))
            friend = holder.role_id in friend_roles
            checks.append(
                CertificateCheck(
                    holder=holder, kind="ordinary" if friend else "limited",
                    presented_on=presented, approved=rng.random() < 0.97,
                    renew_by=presented + datetime.timedelta(days=3 * 365) if friend else None,
                )
            )  # fmt: skip
    scale.bulk(CertificateCheck, checks)


@contribute.scale_step(order=22)
def needs(scale: Scale) -> None:
    """Needs at every step of the method (one per 20 volunteers), a volunteer paired with those
    past «network established», and their hours; and the visiting-friend need the benchmarks
    open in the largest municipality."""
    rng = scale.rng
    ids = _volunteer_ids(scale)
    homes = scale.spread(max(1, int(scale.volunteers * NEEDS_PER_VOLUNTEER)))
    steps = list(NeedStatus.values)
    rows = [
        Need(
            municipality_id=number,
            kind=rng.choice(NEED_KINDS),
            description="Ønskjer besøk og ein tur, likar strikking og kortspel",
            area=rng.choice(AREAS),
            weekday_daytime=rng.random() < 0.7,
            evenings=rng.random() < 0.2,
            person_name=f"{rng.choice(FIRST)} {i}",
            consent_text_version="2026-11",
            source="coordinator",
            status=rng.choice(steps),
        )  # fmt: skip
        for i, number in enumerate(homes)
    ]
    rows.append(
        Need(
            municipality_id=scale.largest,
            kind=Interest.VISITING_FRIEND,
            description="Ønskjer besøk og ein tur, likar strikking og kortspel",
            area=AREAS[1],
            weekday_daytime=True,
            person_name=MEASURED_NEED,
            consent_text_version="2026-11",
            source="coordinator",
            status=NeedStatus.MAPPED,
        )  # fmt: skip
    )
    made = scale.bulk(Need, rows)
    paired = [
        need
        for need in made
        if need.status in (NeedStatus.ESTABLISHED, NeedStatus.FOLLOW_UP, NeedStatus.CLOSED)
        and ids.get(need.municipality_id)
    ]
    today = timezone.localdate()
    assignments = scale.bulk(
        Assignment,
        (
            Assignment(
                need=need,
                volunteer_id=rng.choice(ids[need.municipality_id]),
                status="ended" if need.status == NeedStatus.CLOSED else "active",
                started_on=today - datetime.timedelta(days=rng.randrange(30, 300)),
            )  # fmt: skip
            for need in paired
        ),
    )
    entries = []
    for assignment in assignments:
        for week in range(rng.randrange(2, 10)):
            entries.append(
                HoursEntry(
                    municipality_id=assignment.need.municipality_id,
                    volunteer_id=assignment.volunteer_id, assignment=assignment,
                    worked_on=today - datetime.timedelta(days=7 * week + 1),
                    hours=Decimal(rng.choice(["1.0", "1.5", "2.0", "3.0"])),
                    description="Besøk",
                    status=HoursStatus.PENDING if week == 0 else HoursStatus.APPROVED,
                )
            )  # fmt: skip
    scale.bulk(HoursEntry, entries)


@contribute.scale_step(order=29)
def refresh_derived(scale: Scale) -> None:
    """What the services keep up to date after a write, for every row written above at once
    (the bulk inserts bypassed the services): the role holders' stored readiness, one UPDATE
    per municipality (``ready_state.refresh_readiness``; one for all would be a CASE over every
    role of the country)."""
    for number in scale.numbers:
        refresh_readiness(RoleHolder.objects.filter(role__municipality_id=number))
