"""``seed_scale``'s first steps: a coordinator in every municipality, partner organisations all
over the country (about 480 volunteer centres and many associations) and the annual wheel's
events. See ``coordination.kernel.scale``."""

from __future__ import annotations

from coordination.kernel.contributions import contribute
from coordination.kernel.models import Membership, Role, User
from coordination.kernel.scale import Scale, coordinator_email
from coordination.partners.models import PartnerOrganisation
from coordination.wheel.models import WheelCategory, WheelEvent

VOLUNTEER_CENTRES = 480
ORGANISATIONS = 3_000  # associations, churches, museums besides the volunteer centres
ORGANISATION_KINDS = [
    (PartnerOrganisation.Kind.ASSOCIATION, "Pensjonistlag"),
    (PartnerOrganisation.Kind.ASSOCIATION, "Sanitetsforening"),
    (PartnerOrganisation.Kind.ASSOCIATION, "Eldreråd"),
    (PartnerOrganisation.Kind.CHURCH, "Menighet"),
    (PartnerOrganisation.Kind.MUSEUM, "Bygdemuseum"),
    (PartnerOrganisation.Kind.BUSINESS, "Butikken"),
]
WHEEL = [
    (1, WheelCategory.MEETING, "Frivilligforum"),
    (2, WheelCategory.GRANT_DEADLINE, "Søknadsfrist tilskot til eldre"),
    (3, WheelCategory.COURSE, "Introduksjonskurs for nye frivillige"),
    (5, WheelCategory.CAMPAIGN, "Frivilligdagen på torget"),
    (6, WheelCategory.ACTIVITY, "Sommartur for eldre"),
    (9, WheelCategory.COURSE, "Introduksjonskurs, haust"),
    (10, WheelCategory.MEETING, "Frivilligforum, haust"),
    (12, WheelCategory.RECOGNITION, "Julebord for frivillige"),
]


@contribute.scale_step(order=10)
def coordinators(scale: Scale) -> None:
    """One coordinator per municipality (``koordinator.<number>@scale.example``)."""
    users = scale.bulk(
        User,
        (
            User(email=coordinator_email(number), full_name=f"Koordinator {number}", password="!")
            for number in scale.numbers
        ),
    )
    scale.bulk(
        Membership,
        (
            Membership(user=user, municipality_id=number, role=Role.COORDINATOR)
            for user, number in zip(users, scale.numbers, strict=True)
        ),
    )
    scale.made["coordinators"] = {
        number: user.pk for user, number in zip(users, scale.numbers, strict=True)
    }


@contribute.scale_step(order=11)
def partners(scale: Scale) -> None:
    """Volunteer centres (one in most municipalities, several in the big ones) and other
    organisations, weighted by √population so that small places have theirs too."""
    factor = max(scale.volunteers / 100_000, 0.01)
    centres = scale.spread(max(1, int(VOLUNTEER_CENTRES * factor)), power=0.5)
    others = scale.spread(max(1, int(ORGANISATIONS * factor)), power=0.5)
    homes = [(PartnerOrganisation.Kind.VOLUNTEER_CENTRE, "Frivilligsentral", n) for n in centres]
    homes += [(*ORGANISATION_KINDS[i % len(ORGANISATION_KINDS)], n) for i, n in enumerate(others)]
    organisations = scale.bulk(
        PartnerOrganisation,
        (
            PartnerOrganisation(
                name=f"{label} {i}",
                kind=kind,
                email=f"post{i}@lag.{scale.seed}.example",
                created_in_id=number,
            )  # fmt: skip
            for i, (kind, label, number) in enumerate(homes)
        ),
    )
    through = PartnerOrganisation.municipalities.through
    scale.bulk(
        through,
        (
            through(partnerorganisation_id=o.pk, municipality_id=o.created_in_id)
            for o in organisations
        ),
    )
    scale.made["organisations"] = [(o.pk, o.created_in_id) for o in organisations]


@contribute.scale_step(order=12)
def wheel(scale: Scale) -> None:
    """The annual wheel's own events in every municipality (the other apps add theirs)."""
    scale.bulk(
        WheelEvent,
        (
            WheelEvent(
                municipality_id=number,
                title=title,
                category=category,
                month=month,
                day=scale.rng.randint(1, 28),
                recurring=True,
            )  # fmt: skip
            for number in scale.numbers
            for month, category, title in WHEEL
        ),
    )
