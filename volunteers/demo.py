"""Demo volunteers in Lom for ``seed_demo``: mixed profiles, a published declaration, some
signed. Idempotent."""

from allauth.account.models import EmailAddress
from django.utils import translation

from coordination.management.commands.seed_demo import DEMO_PASSWORD, LOM
from coordination.models import Membership, Role, User

from .models import DeclarationText, Signature, Volunteer, VolunteerInterest
from .services import starter_declaration_text

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


def seed_volunteers(command) -> None:
    coordinator = Membership.objects.filter(municipality_id=LOM, role=Role.COORDINATOR).first()
    declaration = DeclarationText.objects.filter(municipality_id=LOM).order_by("-version").first()
    if declaration is None:
        with translation.override("nb"):
            body = starter_declaration_text()
        declaration = DeclarationText.objects.create(
            municipality_id=LOM, version=1, body=body, published_by=coordinator and coordinator.user
        )
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
        if signed:
            Signature.objects.get_or_create(volunteer=volunteer, text=declaration)
