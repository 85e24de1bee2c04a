"""A partner shared by several municipalities (issue 10, security finding "a shared partner can
be edited by any municipality that links it"): only the municipality that registered it, or the
organisation's own representatives, change the shared details; every change and every link is
in the audit log of every municipality that works with the partner."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation

from coordination.models import AuditEvent, PartnerContact, PartnerOrganisation, Role
from coordination.partners import services
from tests.factories import MembershipFactory, UserFactory, municipality

pytestmark = pytest.mark.django_db

LOM, DRAMMEN = "3434", "3301"
NUMBER = "923609016"


@pytest.fixture
def lom_centre(lom, drammen, coordinator_lom, coordinator_drammen):
    """Lom registers its volunteer centre; Drammen links it by its organisation number."""
    partner, linked = services.create_partner(
        municipality=lom, by=coordinator_lom, name="Lom frivilligsentral",
        kind="volunteer_centre", organisation_number=NUMBER, email="post@lom.example",
    )  # fmt: skip
    assert not linked
    again, linked = services.create_partner(
        municipality=drammen, by=coordinator_drammen, name="Whatever",
        kind="association", organisation_number=NUMBER,
    )  # fmt: skip
    assert linked and again == partner
    return partner


def _edit(partner, **changes):
    fields = {
        "name": partner.name,
        "kind": partner.kind,
        "email": partner.email,
        "phone": partner.phone,
        "organisation_number": partner.organisation_number,
    }
    fields.update(changes)
    return fields


def test_the_registering_municipality_is_stored(lom_centre, lom):
    assert lom_centre.created_in == lom
    assert lom_centre.keeper_municipality_id == LOM


def test_a_linking_municipality_cannot_change_the_shared_details(
    lom_centre, drammen, coordinator_drammen
):
    with pytest.raises(PermissionDenied):
        services.update_partner(
            municipality=drammen, by=coordinator_drammen, partner=lom_centre,
            **_edit(lom_centre, name="Angriper AS", email="angriper@evil.example"),
        )  # fmt: skip
    lom_centre.refresh_from_db()
    assert (lom_centre.name, lom_centre.email) == ("Lom frivilligsentral", "post@lom.example")


def test_linking_municipality_gets_no_form_and_a_post_changes_nothing(
    client, lom_centre, coordinator_drammen
):
    client.force_login(coordinator_drammen)
    edit = reverse("coordination:partner_edit", args=[DRAMMEN, lom_centre.pk])
    with translation.override("nb"):
        page = client.get(edit, HTTP_ACCEPT_LANGUAGE="nb")
    assert page.status_code == 200
    assert page.context["form"] is None
    html = page.content.decode()
    assert "Lom" in html and 'name="email"' not in html
    before = AuditEvent.objects.count()
    response = client.post(edit, _edit(lom_centre, name="Angriper AS", email="x@evil.example"))
    assert response.status_code == 302
    lom_centre.refresh_from_db()
    assert (lom_centre.name, lom_centre.email) == ("Lom frivilligsentral", "post@lom.example")
    assert AuditEvent.objects.count() == before


def test_linking_municipality_keeps_its_own_contacts(lom_centre, drammen, coordinator_drammen):
    contact = services.create_contact(
        municipality=drammen, by=coordinator_drammen, partner=lom_centre,
        name="Kari Kontakt", email="kari@drammen.example",
    )  # fmt: skip
    assert PartnerContact.objects.get(pk=contact.pk).municipality_id == DRAMMEN
    assert AuditEvent.objects.filter(municipality_id=DRAMMEN, object_id=str(contact.pk)).exists()


def test_the_keeper_changes_the_details_and_every_municipality_sees_it_in_its_log(
    lom_centre, lom, coordinator_lom
):
    services.update_partner(
        municipality=lom, by=coordinator_lom, partner=lom_centre,
        **_edit(lom_centre, email="ny@lom.example"),
    )  # fmt: skip
    lom_centre.refresh_from_db()
    assert lom_centre.email == "ny@lom.example"
    changed = AuditEvent.objects.filter(
        verb="changed",
        object_id=str(lom_centre.pk),
        code__in=["partner.saved", "partner.changed_by"],
    )
    assert set(changed.values_list("municipality_id", flat=True)) == {LOM, DRAMMEN}


def test_linking_is_recorded_in_the_registering_municipality_s_log(lom_centre):
    assert AuditEvent.objects.filter(
        municipality_id=LOM,
        object_id=str(lom_centre.pk),
        code="partner.linked_by",
        params__by="Drammen",
    ).exists()


def test_the_organisation_s_own_representative_may_change_the_details(lom_centre, drammen):
    representative = UserFactory()
    MembershipFactory(
        user=representative, municipality=municipality(DRAMMEN),
        role=Role.PARTNER_REPRESENTATIVE, organisation=lom_centre,
    )  # fmt: skip
    services.update_partner(
        municipality=drammen, by=representative, partner=lom_centre,
        **_edit(lom_centre, phone="61 21 00 00"),
    )  # fmt: skip
    assert PartnerOrganisation.objects.get(pk=lom_centre.pk).phone == "61 21 00 00"
    assert set(
        AuditEvent.objects.filter(
            verb="changed", code__in=["partner.saved", "partner.changed_by"]
        ).values_list("municipality_id", flat=True)
    ) == {LOM, DRAMMEN}


def test_the_representative_opens_the_edit_page_of_their_own_organisation_only(client, lom_centre):
    representative = UserFactory()
    MembershipFactory(
        user=representative, municipality=municipality(LOM),
        role=Role.PARTNER_REPRESENTATIVE, organisation=lom_centre,
    )  # fmt: skip
    other = PartnerOrganisation.objects.create(name="Annen", kind="association")
    other.municipalities.add(LOM)
    client.force_login(representative)
    edit = reverse("coordination:partner_edit", args=[LOM, lom_centre.pk])
    assert client.get(edit).context["form"] is not None
    response = client.post(edit, _edit(lom_centre, email="ny@frivilligsentral.example"))
    assert response.status_code == 302
    assert PartnerOrganisation.objects.get(pk=lom_centre.pk).email == "ny@frivilligsentral.example"
    other_edit = reverse("coordination:partner_edit", args=[LOM, other.pk])
    assert client.get(other_edit).status_code == 404
    assert client.post(other_edit, _edit(other, name="X")).status_code == 404
    assert PartnerOrganisation.objects.get(pk=other.pk).name == "Annen"
