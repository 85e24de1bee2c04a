"""A believable demo: Lom with its coordinator, volunteer contacts, partners and volunteers, and
Drammen with its own coordinator, so that tenancy can be seen. Idempotent: run it again and it
changes nothing but resetting the demo passwords. Each app and area adds its part in its
``demo.py`` (``@contribute.demo_step(order=…)``); ``python manage.py contributions`` lists the
steps in the order they run."""

from allauth.account.models import EmailAddress
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from coordination.apps import autodiscover
from coordination.kernel import contributions
from coordination.kernel.demo import DEMO_PASSWORD, DRAMMEN, LOM, VAGA
from coordination.kernel.services import load_municipalities
from coordination.models import Membership, Municipality, PartnerOrganisation, Role, User

# (login label, email, full name, municipality, role or None for a plain volunteer, partner name)
DEMO_PEOPLE = [
    (
        "coordinator-lom",
        "koordinator.lom@samspill.example",
        "Ingrid Bakken",
        LOM,
        Role.COORDINATOR,
        None,
    ),
    (
        "contact-lom-nursing-home",
        "kontakt.sjukeheim.lom@samspill.example",
        "Kari Sletten",
        LOM,
        Role.VOLUNTEER_CONTACT,
        None,
    ),
    (
        "contact-lom-home-care",
        "kontakt.heimeteneste.lom@samspill.example",
        "Per Haugen",
        LOM,
        Role.VOLUNTEER_CONTACT,
        None,
    ),
    (
        "partner-lom",
        "frivilligsentral.lom@samspill.example",
        "Marit Nordheim",
        LOM,
        Role.PARTNER_REPRESENTATIVE,
        "Lom frivilligsentral",
    ),
    ("volunteer-lom", "frivillig.astrid@samspill.example", "Astrid Rustad", LOM, None, None),
    ("volunteer-lom-2", "frivillig.nils@samspill.example", "Nils Brimi", LOM, None, None),
    ("volunteer-lom-3", "frivillig.randi@samspill.example", "Randi Bakkom", LOM, None, None),
    ("volunteer-lom-4", "frivillig.ola@samspill.example", "Ola Sulheim", LOM, None, None),
    ("volunteer-lom-5", "frivillig.kari.o@samspill.example", "Kari Ofigsbø", LOM, None, None),
    ("volunteer-lom-6", "frivillig.tor@samspill.example", "Tor Vole", LOM, None, None),
    (
        "coordinator-vaga",
        "koordinator.vaga@samspill.example",
        "Eirik Kleiven",
        VAGA,
        Role.COORDINATOR,
        None,
    ),
    (
        "coordinator-drammen",
        "koordinator.drammen@samspill.example",
        "Hassan Ali",
        DRAMMEN,
        Role.COORDINATOR,
        None,
    ),
    (
        "contact-drammen",
        "kontakt.drammen@samspill.example",
        "Lene Dahl",
        DRAMMEN,
        Role.VOLUNTEER_CONTACT,
        None,
    ),
]

DEMO_PARTNERS = [
    ("Lom frivilligsentral", PartnerOrganisation.Kind.VOLUNTEER_CENTRE, [LOM]),
    ("Lom pensjonistlag", PartnerOrganisation.Kind.ASSOCIATION, [LOM]),
    ("Lom sanitetslag", PartnerOrganisation.Kind.ASSOCIATION, [LOM]),
    ("Fjellmuseet i Lom", PartnerOrganisation.Kind.MUSEUM, [LOM]),
    ("Frivilligsentralen i Drammen", PartnerOrganisation.Kind.VOLUNTEER_CENTRE, [DRAMMEN]),
]

DEMO_MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}


class Command(BaseCommand):
    help = "Create the demo municipalities' people and partners (idempotent) and print logins."

    def handle(self, *args, **options):
        # The demo's story sends invitations and answers; its people have made-up addresses,
        # so those emails are kept in memory, not sent (with eager Celery, as in development).
        with override_settings(MAILERS=DEMO_MAILERS):
            self._seed()

    @transaction.atomic
    def _seed(self):
        if Municipality.objects.filter(pk__in=[LOM, DRAMMEN, VAGA]).count() != 3:
            load_municipalities()
        partners = self._partners()
        logins = [self._person(*person, partners=partners) for person in DEMO_PEOPLE]
        autodiscover("demo")
        for step in contributions.demo_steps():
            step(self)
        self.stdout.write("Demo logins (role email password):")
        for line in logins:
            self.stdout.write(line)

    def _partners(self) -> dict[str, PartnerOrganisation]:
        found = {}
        for name, kind, numbers in DEMO_PARTNERS:
            partner, _ = PartnerOrganisation.objects.get_or_create(
                name=name, defaults={"kind": kind}
            )
            partner.municipalities.add(*numbers)
            found[name] = partner
        return found

    def _person(self, label, email, full_name, number, role, partner_name, *, partners) -> str:
        user, _ = User.objects.get_or_create(email=email, defaults={"full_name": full_name})
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        if role:
            Membership.objects.get_or_create(
                user=user,
                municipality_id=number,
                role=role,
                defaults={"organisation": partners.get(partner_name)},
            )
        return f"{label} {email} {DEMO_PASSWORD}"
