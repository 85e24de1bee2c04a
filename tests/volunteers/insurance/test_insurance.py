"""Insurance for volunteers (issue 10): the coordinator writes who insures volunteers and for
what, per municipality; volunteers in roles where it matters, or asked to drive, see it."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from coordination.models import AuditEvent
from tests.factories import (
    InvitationFactory,
    NeedFactory,
    VolunteerFactory,
    VolunteerRoleFactory,
)
from volunteers.insurance.services import (
    create_insurance,
    insurance_for_need,
    insurance_for_volunteer,
    update_insurance,
)
from volunteers.models import InsuranceInfo, RoleHolder

pytestmark = pytest.mark.django_db

EDIT = reverse("volunteers:insurance_edit", args=["3434"])
TEXT = {
    "insured_by": "Lom kommune, gjennom KLP",
    "covers": "Ulykker og skader mens du hjelper",
    "own_car": "Din egen bilforsikring gjelder; kommunen dekker egenandelen",
    "if_something_happens": "",
}


def _save(by, lom, roles=()):
    info = InsuranceInfo.objects.filter(municipality=lom).first()
    if info is not None:
        return update_insurance(info=info, by=by, roles=roles, **TEXT)
    return create_insurance(municipality=lom, by=by, roles=roles, **TEXT)


def test_the_coordinator_writes_it_once_per_municipality(coordinator_lom, lom):
    first = _save(coordinator_lom, lom)
    again = update_insurance(info=first, by=coordinator_lom, roles=[], **{**TEXT, "covers": "Alt"})
    assert first.pk == again.pk and InsuranceInfo.objects.get().covers == "Alt"
    assert AuditEvent.objects.filter(code="volunteers.insurance").count() == 2


def test_nobody_else_writes_it(volunteer_contact_lom, coordinator_drammen, lom):
    for person in (volunteer_contact_lom, coordinator_drammen):
        with pytest.raises(PermissionDenied):
            _save(person, lom)
    assert not InsuranceInfo.objects.exists()


def test_roles_of_another_municipality_are_refused(coordinator_lom, lom):
    drammen_role = VolunteerRoleFactory(municipality_id="3301")
    with pytest.raises(PermissionDenied):
        _save(coordinator_lom, lom, roles=[drammen_role])


def test_the_form_page_saves_and_is_linked_from_the_roles(client_of, coordinator_lom):
    role = VolunteerRoleFactory(name="Handlehjelp")
    client = client_of(coordinator_lom)
    roles_page = client.get(reverse("volunteers:role_list", args=["3434"])).content.decode()
    assert EDIT in roles_page
    missing = client.post(EDIT, {**TEXT, "insured_by": ""})
    assert missing.status_code == 200 and missing.context["form"].errors["insured_by"]
    assert not InsuranceInfo.objects.exists()
    assert client.post(EDIT, {**TEXT, "roles": [role.pk]}).status_code == 302
    assert list(InsuranceInfo.objects.get().roles.all()) == [role]
    assert "KLP" in client.get(EDIT).content.decode()


def test_a_volunteer_in_a_role_where_it_matters_sees_it_on_their_page(
    client_of, coordinator_lom, volunteer, lom
):
    marked = VolunteerRoleFactory(name="Handlehjelp", interest="practical_help")
    plain = VolunteerRoleFactory(name="Besøksvenn")
    own = VolunteerFactory(user=volunteer)
    RoleHolder.objects.create(volunteer=own, role=plain)
    _save(coordinator_lom, lom, roles=[marked])
    page = client_of(volunteer).get(reverse("volunteers:own_page")).content.decode()
    assert "KLP" not in page
    RoleHolder.objects.create(volunteer=own, role=marked)
    page = client_of(volunteer).get(reverse("volunteers:own_page")).content.decode()
    assert "KLP" in page and "egenandelen" in page


def test_a_driving_role_always_shows_it(coordinator_lom, lom):
    driver = VolunteerFactory()
    RoleHolder.objects.create(volunteer=driver, role=VolunteerRoleFactory(interest="transport"))
    assert insurance_for_volunteer(driver) is None  # nothing written yet
    _save(coordinator_lom, lom)
    assert insurance_for_volunteer(driver) is not None


def test_the_invitation_to_drive_shows_it(client_of, coordinator_lom, volunteer, lom):
    _save(coordinator_lom, lom)
    own = VolunteerFactory(user=volunteer)
    ride = InvitationFactory(need=NeedFactory(needs_driver=True), volunteer=own)
    visit = InvitationFactory(need=NeedFactory(), volunteer=own)
    client = client_of(volunteer)
    html = client.get(reverse("volunteers:invitation", args=[ride.pk])).content.decode()
    assert "egenandelen" in html
    html = client.get(reverse("volunteers:invitation", args=[visit.pk])).content.decode()
    assert "KLP" not in html


def test_the_invitation_shows_it_for_a_role_marked_where_it_matters(coordinator_lom, lom):
    role = VolunteerRoleFactory(interest="practical_help")
    need = NeedFactory(kind="practical_help", practical_decision="no")
    _save(coordinator_lom, lom)
    assert insurance_for_need(need) is None
    _save(coordinator_lom, lom, roles=[role])
    assert insurance_for_need(need) is not None
    assert insurance_for_need(NeedFactory(municipality_id="3301", needs_driver=True)) is None
