"""Demo data for starting Samspill (issue 13): the national administrator, a pending request
to start Samspill from Skjåk (a neighbour of Lom without Samspill), and a colleague in Lom
invited before she has an account. Made through the services; a second run changes nothing."""

from __future__ import annotations

from coordination.kernel import invitations
from coordination.kernel.contributions import contribute
from coordination.kernel.demo import DEMO_PASSWORD, LOM, coordinator_of, demo_login
from coordination.kernel.models import Municipality, Role, RoleInvitation, User
from coordination.starting import services
from coordination.starting.models import StartRequest

SKJAK = "3433"
NATIONAL_ADMIN = ("nasjonal.admin@samspill.example", "Nora Riksheim")
SKJAK_REQUEST = {
    "full_name": "Berit Holen",
    "position": "Kommunalsjef for helse og omsorg",
    "email": "berit.holen@skjak.samspill.example",
    "phone": "612 14 000",
    "message": "Vi vil gjerne samarbeide med Lom om frivillige, og treng ein stad å starte.",
}
LOM_COLLEAGUE = "ny.kontakt.lom@samspill.example"


def national_administrator() -> User:
    email, full_name = NATIONAL_ADMIN
    return demo_login(email, full_name, is_national_administrator=True)


@contribute.demo_step(order=97)
def starting_demo(command) -> None:
    admin = national_administrator()
    command.stdout.write(f"national-admin {admin.email} {DEMO_PASSWORD}")
    skjak = Municipality.objects.get(pk=SKJAK)
    if not skjak.uses_samspill() and not StartRequest.objects.in_municipality(skjak).exists():
        services.receive_start_request(municipality=skjak, fields=SKJAK_REQUEST)
    if not RoleInvitation.objects.in_municipality(LOM).for_email(LOM_COLLEAGUE).exists():
        invitations.invite_to_role(
            municipality=Municipality.objects.get(pk=LOM),
            email=LOM_COLLEAGUE,
            role=Role.VOLUNTEER_CONTACT,
            by=coordinator_of(LOM),
        )
