"""The demo's volunteers linked to the units where they help, so that each volunteer contact
sees the volunteers of their own unit (issue 10). Built through the service a coordinator
uses; runs after the units and the volunteers exist."""

from coordination.kernel.contributions import contribute
from coordination.kernel.demo import coordinator_of
from coordination.units.models import Unit
from volunteers.models import Volunteer
from volunteers.units.services import set_volunteer_units

# Lom: the nursing home's contact follows Astrid, Kari and Randi; home care's Nils, Ola and Tor.
LOM_UNITS = {
    "Lom sjukeheim": ["frivillig.astrid", "frivillig.kari.o", "frivillig.randi"],
    "Heimetenesta i Lom": ["frivillig.nils", "frivillig.ola", "frivillig.tor"],
}


@contribute.demo_step(order=95)  # after the units, the volunteers and the staircase
def seed_volunteer_units(command=None) -> None:
    coordinator = coordinator_of("3434")
    if coordinator is not None:
        for name, people in LOM_UNITS.items():
            unit = Unit.objects.in_municipality("3434").filter(name=name).first()
            emails = [f"{person}@samspill.example" for person in people]
            for volunteer in Volunteer.objects.in_municipality("3434").filter(
                user__email__in=emails
            ):
                set_volunteer_units(
                    volunteer=volunteer, units=[unit] if unit else [], by=coordinator
                )
    # Drammen: its volunteers shared out over its units in turn; every seventh at none.
    coordinator = coordinator_of("3301")
    units = list(Unit.objects.in_municipality("3301").order_by("name", "pk"))
    if coordinator is None or not units:
        return
    volunteers = Volunteer.objects.in_municipality("3301").active().order_by("pk")
    for index, volunteer in enumerate(volunteers):
        chosen = [] if index % 7 == 6 else [units[index % len(units)]]
        set_volunteer_units(volunteer=volunteer, units=chosen, by=coordinator)
