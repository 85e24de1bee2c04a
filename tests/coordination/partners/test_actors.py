"""Partners as actors (issue 13): a representative keeps their own organisation's details,
contacts and offers, and nothing else; once an organisation has a representative, the
municipality that registered it no longer changes its shared details; other municipalities
propose corrections that the keepers accept or decline."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from coordination.models import (
    AuditEvent,
    PartnerContact,
    PartnerCorrection,
    PartnerOffer,
    PartnerOrganisation,
    Role,
)
from coordination.partners import services
from tests.factories import MembershipFactory, PartnerOrganisationFactory, UserFactory, municipality

pytestmark = pytest.mark.django_db

LOM, DRAMMEN = "3434", "3301"
NUMBER = "923609016"


@pytest.fixture
def centre(lom, drammen, coordinator_lom, coordinator_drammen):
    """Lom registers its volunteer centre; Drammen works with it too (linked by number)."""
    partner, _ = services.create_partner(
        municipality=lom, by=coordinator_lom, name="Lom frivilligsentral",
        kind="volunteer_centre", organisation_number=NUMBER, phone="61 21 10 50",
    )  # fmt: skip
    services.create_partner(
        municipality=drammen, by=coordinator_drammen, name="X", kind="association",
        organisation_number=NUMBER,
    )  # fmt: skip
    return partner


@pytest.fixture
def marit(centre):
    """The centre's representative in Lom."""
    user = UserFactory(full_name="Marit Nordheim")
    MembershipFactory(
        user=user, municipality=municipality(LOM), role=Role.PARTNER_REPRESENTATIVE,
        organisation=centre,
    )  # fmt: skip
    return user


def _details(partner, **changes):
    fields = {
        "name": partner.name,
        "kind": partner.kind,
        "organisation_number": partner.organisation_number,
        "email": partner.email,
        "phone": partner.phone,
    }
    return {**fields, **changes}


def _url(name, *args, number=LOM):
    return reverse(f"coordination:{name}", args=[number, *args])


# --- The representative keeps contacts and offers ------------------------------------------


def test_representative_adds_and_changes_their_own_offer_and_it_is_audited(
    client_of, centre, marit
):
    client = client_of(marit, language="en")
    response = client.post(
        _url("partner_offer_add", centre.pk),
        {"kind": "vehicles", "description": "Sjåførar til fredagsklubben", "areas": "Garmo"},
    )
    assert response.status_code == 302
    offer = PartnerOffer.objects.get(organisation=centre, municipality_id=LOM)
    response = client.post(
        _url("partner_offer_edit", offer.pk),
        {"kind": "vehicles", "description": "Sjåførar til legetimar", "areas": "Garmo"},
    )
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.description == "Sjåførar til legetimar"
    assert AuditEvent.objects.filter(
        actor=marit, object_id=str(offer.pk), code="partner.offer", verb="changed"
    ).exists()


def test_representative_adds_a_contact_for_their_organisation(client_of, centre, marit):
    response = client_of(marit).post(
        _url("partner_contact_add", centre.pk), {"name": "Per Vaktar", "phone": "900 00 000"}
    )
    assert response.status_code == 302
    assert PartnerContact.objects.filter(organisation=centre, name="Per Vaktar").exists()


def test_representative_cannot_touch_another_organisation(client_of, centre, marit):
    other = PartnerOrganisationFactory(name="Lom sanitetslag")
    offer = PartnerOffer.objects.create(
        organisation=other, municipality_id=LOM, kind="people", description="Strikkekafé"
    )
    contact = PartnerContact.objects.create(
        organisation=other, municipality_id=LOM, name="Kari", phone="1"
    )
    client = client_of(marit)
    new_offer = {"kind": "money", "description": "Angrep", "areas": ""}
    assert client.post(_url("partner_offer_add", other.pk), new_offer).status_code == 404
    assert client.post(_url("partner_offer_edit", offer.pk), new_offer).status_code == 404
    assert client.post(_url("partner_offer_remove", offer.pk)).status_code == 404
    assert client.post(_url("partner_contact_remove", contact.pk)).status_code == 404
    assert client.post(_url("partner_edit", other.pk), _details(other, name="X")).status_code == 404
    offer.refresh_from_db()
    assert offer.description == "Strikkekafé"
    assert PartnerContact.objects.filter(pk=contact.pk).exists()
    assert PartnerOrganisation.objects.get(pk=other.pk).name == "Lom sanitetslag"
    with pytest.raises(PermissionDenied):
        services.create_offer(
            municipality=municipality(LOM), by=marit, partner=other, kind="money",
            description="Angrep",
        )  # fmt: skip


def test_representative_in_lom_does_not_keep_drammen_s_relation(centre, marit):
    """Drammen's contacts and offers at the centre are Drammen's own."""
    with pytest.raises(PermissionDenied):
        services.create_offer(
            municipality=municipality(DRAMMEN), by=marit, partner=centre, kind="people",
            description="Besøksvener",
        )  # fmt: skip


# --- Shared details: once the organisation speaks for itself ----------------------------------


def test_registering_municipality_keeps_the_details_until_there_is_a_representative(
    centre, lom, coordinator_lom
):
    services.update_partner(
        partner=centre, municipality=lom, by=coordinator_lom, **_details(centre, phone="1")
    )
    MembershipFactory(
        user=UserFactory(), municipality=lom, role=Role.PARTNER_REPRESENTATIVE,
        organisation=centre,
    )  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.update_partner(
            partner=centre, municipality=lom, by=coordinator_lom, **_details(centre, phone="2")
        )
    assert PartnerOrganisation.objects.get(pk=centre.pk).phone == "1"


def test_representative_changes_the_details_every_municipality_sees(centre, marit):
    services.update_partner(
        partner=centre, municipality=municipality(LOM), by=marit,
        **_details(centre, email="post@frivilligsentral.example"),
    )  # fmt: skip
    assert PartnerOrganisation.objects.get(pk=centre.pk).email == "post@frivilligsentral.example"
    logs = AuditEvent.objects.filter(actor=marit, object_id=str(centre.pk))
    assert set(logs.values_list("municipality_id", flat=True)) == {LOM, DRAMMEN}


# --- Corrections ---------------------------------------------------------------------------


def test_another_municipality_can_only_propose_never_change(
    client_of, centre, marit, coordinator_drammen
):
    client = client_of(coordinator_drammen, language="en")
    edit = _url("partner_edit", centre.pk, number=DRAMMEN)
    client.post(edit, _details(centre, name="Angriper AS"))
    assert PartnerOrganisation.objects.get(pk=centre.pk).name == "Lom frivilligsentral"
    page = client.get(edit)
    assert "Propose a correction" in page.content.decode()
    response = client.post(
        _url("partner_correction_propose", centre.pk, number=DRAMMEN),
        {**_details(centre, phone="61 21 99 99"), "comment": "Nytt nummer frå mars"},
    )
    assert response.status_code == 302
    correction = PartnerCorrection.objects.get()
    assert (correction.municipality_id, correction.proposed_by) == (DRAMMEN, coordinator_drammen)
    assert correction.status == PartnerCorrection.Status.PROPOSED
    assert PartnerOrganisation.objects.get(pk=centre.pk).phone == "61 21 10 50"
    assert AuditEvent.objects.filter(
        municipality_id=DRAMMEN, code="partner.correction_proposed"
    ).exists()


def test_proposal_that_changes_nothing_is_refused(centre, marit, drammen, coordinator_drammen):
    with pytest.raises(ValidationError):
        services.propose_correction(
            partner=centre, municipality=drammen, by=coordinator_drammen, **_details(centre)
        )
    assert not PartnerCorrection.objects.exists()


def test_the_keeper_cannot_propose_to_themself(centre, marit):
    with pytest.raises(PermissionDenied):
        services.propose_correction(
            partner=centre, municipality=municipality(LOM), by=marit, **_details(centre, phone="1")
        )


def _proposed(centre, drammen, coordinator_drammen, **changes):
    return services.propose_correction(
        partner=centre, municipality=drammen, by=coordinator_drammen, **_details(centre, **changes)
    )


def test_representative_accepts_and_the_details_change_audited_in_both(
    client_of, centre, marit, drammen, coordinator_drammen
):
    correction = _proposed(centre, drammen, coordinator_drammen, phone="61 21 99 99")
    client = client_of(marit, language="en")
    detail = client.get(_url("partner_detail", centre.pk)).content.decode()
    assert "See the correction and answer" in detail
    page = client.get(_url("partner_correction_decide", correction.pk))
    assert "61 21 99 99" in page.content.decode()
    response = client.post(_url("partner_correction_decide", correction.pk), {"decision": "accept"})
    assert response.status_code == 302
    assert PartnerOrganisation.objects.get(pk=centre.pk).phone == "61 21 99 99"
    correction.refresh_from_db()
    assert (correction.status, correction.decided_by) == ("accepted", marit)
    accepted = AuditEvent.objects.filter(code="partner.correction_accepted")
    assert set(accepted.values_list("municipality_id", flat=True)) == {LOM, DRAMMEN}


def test_my_page_tells_the_representative_a_correction_waits(
    client_of, centre, marit, drammen, coordinator_drammen
):
    client = client_of(marit, language="en")
    my_page = reverse("coordination:my_page")
    assert "waits for your answer" not in client.get(my_page).content.decode()
    _proposed(centre, drammen, coordinator_drammen, phone="61 21 99 99")
    page = client.get(my_page).content.decode()
    assert "1 proposed correction to your details waits for your answer." in page


def test_representative_declines_with_a_reason_and_nothing_changes(
    client_of, centre, marit, drammen, coordinator_drammen
):
    correction = _proposed(centre, drammen, coordinator_drammen, name="Feil namn")
    client = client_of(marit)
    decide = _url("partner_correction_decide", correction.pk)
    assert client.post(decide, {"decision": "decline"}).status_code == 200  # a reason is needed
    assert PartnerCorrection.objects.get().status == "proposed"
    assert (
        client.post(decide, {"decision": "decline", "reason": "Namnet er rett"}).status_code == 302
    )
    correction.refresh_from_db()
    assert (correction.status, correction.reason) == ("declined", "Namnet er rett")
    assert PartnerOrganisation.objects.get(pk=centre.pk).name == "Lom frivilligsentral"
    with pytest.raises(ValidationError):  # decided once only
        services.decide_correction(
            correction=correction, municipality=municipality(LOM), by=marit, accept=True
        )
    assert PartnerOrganisation.objects.get(pk=centre.pk).name == "Lom frivilligsentral"


def test_proposer_cannot_decide_their_own_correction(
    client_of, centre, marit, drammen, coordinator_drammen, coordinator_lom
):
    correction = _proposed(centre, drammen, coordinator_drammen, phone="1")
    for person, number in ((coordinator_drammen, DRAMMEN), (coordinator_lom, LOM)):
        response = client_of(person).post(
            _url("partner_correction_decide", correction.pk, number=number), {"decision": "accept"}
        )
        assert response.status_code == 404
        with pytest.raises(PermissionDenied):
            services.decide_correction(
                correction=correction, municipality=municipality(number), by=person, accept=True
            )
    assert PartnerOrganisation.objects.get(pk=centre.pk).phone == "61 21 10 50"


def test_without_a_representative_the_registering_municipality_answers(
    client_of, centre, drammen, coordinator_drammen, coordinator_lom
):
    correction = _proposed(centre, drammen, coordinator_drammen, email="ny@lom.example")
    response = client_of(coordinator_lom).post(
        _url("partner_correction_decide", correction.pk), {"decision": "accept"}
    )
    assert response.status_code == 302
    assert PartnerOrganisation.objects.get(pk=centre.pk).email == "ny@lom.example"


def test_an_accepted_number_another_partner_holds_is_refused_and_nothing_changes(
    centre, marit, drammen, coordinator_drammen
):
    correction = _proposed(centre, drammen, coordinator_drammen, organisation_number="")
    PartnerOrganisation.objects.filter(pk=centre.pk).update(organisation_number="")
    other = PartnerOrganisationFactory(organisation_number=NUMBER, municipalities=[DRAMMEN])
    correction.organisation_number = other.organisation_number
    correction.save()
    with pytest.raises(ValidationError):
        services.decide_correction(
            correction=correction, municipality=municipality(LOM), by=marit, accept=True
        )
    assert PartnerCorrection.objects.get().status == "proposed"


# --- A coordinator at the volunteer centre ----------------------------------------------------


def test_a_coordinator_may_work_at_the_volunteer_centre_and_the_roles_page_says_so(
    client_of, centre, lom, coordinator_lom
):
    from coordination.kernel.services import add_membership

    colleague = UserFactory(email="hub@lom.example", full_name="Hanne Hub")
    membership = add_membership(
        municipality=lom, email="hub@lom.example", role=Role.COORDINATOR, by=coordinator_lom,
        organisation=centre,
    )  # fmt: skip
    assert membership.organisation == centre
    page = client_of(coordinator_lom).get(reverse("coordination:overview", args=[LOM]))
    html = page.content.decode()
    assert "Hanne Hub" in html and "Lom frivilligsentral" in html
    assert colleague.memberships.get().organisation_id == centre.pk


def test_privacy_page_says_who_is_responsible_for_what(client_of, coordinator_lom):
    html = client_of(coordinator_lom, language="en").get(reverse("coordination:privacy"))
    text = html.content.decode()
    assert "A partner organisation" in text and "is responsible for its own details" in text
    assert "Is the processor" in text
