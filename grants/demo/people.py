"""The grants demo's people: the national grant-maker's officer and reviewers, Lom's own
officer, the organisations' representatives, and who speaks for an applicant or a partner."""

from __future__ import annotations

import datetime

from django.utils import timezone

from coordination.kernel.demo import DEMO_PASSWORD, DRAMMEN, LOM, coordinator_of, demo_login
from coordination.models import Membership, PartnerOrganisation, Role, User
from grants.applications.models import Application

NATIONAL = "Helsedirektoratet"
OFFICER = ("saksbehandlar.helsedir@samspill.example", "Sigrid Lien")
REVIEWERS = [
    ("fagvurderar.helsedir@samspill.example", "Olav Moen"),
    ("fagvurderar2.helsedir@samspill.example", "Hanne Berg"),
]
LOM_OFFICER = ("saksbehandlar.lom@samspill.example", "Eli Garmo")
# Representatives of the organisations that apply (besides Lom frivilligsentral's Marit).
REPRESENTATIVES = [
    ("pensjonistlag.lom@samspill.example", "Ragnhild Sulheim", LOM, "Lom pensjonistlag"),
    (
        "frivilligsentral.drammen@samspill.example",
        "Jonas Berg",
        DRAMMEN,
        "Frivilligsentralen i Drammen",
    ),
]


def representative_of(name: str) -> User:
    return (
        Membership.objects.filter(role=Role.PARTNER_REPRESENTATIVE, organisation__name=name)
        .select_related("user")
        .order_by("pk")
        .first()
        .user
    )


def demo_people(command) -> dict[str, User]:
    people = {"officer": demo_login(*OFFICER)}
    people["reviewers"] = [demo_login(*person) for person in REVIEWERS]
    for email, full_name, number, organisation in REPRESENTATIVES:
        user = demo_login(email, full_name)
        Membership.objects.get_or_create(
            user=user,
            municipality_id=number,
            role=Role.PARTNER_REPRESENTATIVE,
            defaults={"organisation": PartnerOrganisation.objects.get(name=organisation)},
        )
    for label, (email, _name) in [
        ("grant-officer", OFFICER),
        ("grant-reviewer", REVIEWERS[0]),
        ("grant-reviewer-2", REVIEWERS[1]),
        ("grant-officer-lom", LOM_OFFICER),
        ("partner-lom-pensioners", REPRESENTATIVES[0][:2]),
        ("partner-drammen", REPRESENTATIVES[1][:2]),
    ]:
        command.stdout.write(f"{label} {email} {DEMO_PASSWORD}")
    return people


def speaker_for(partner) -> User:
    if partner.organisation_id:
        return representative_of(partner.organisation.name)
    return coordinator_of(partner.municipality_id)


def applicant_of(application: Application) -> User:
    if application.organisation_id:
        return representative_of(application.organisation.name)
    return coordinator_of(application.municipality_id)


def moment(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))
