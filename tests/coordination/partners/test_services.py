"""Partners and agreements: organisation numbers, one organisation shared between
municipalities, contacts and offers, the rules of an agreement and its status steps."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from coordination.models import (
    AgreementParty,
    AuditEvent,
    CooperationAgreement,
    PartnerOffer,
    PartnerOrganisation,
    validate_organisation_number,
)
from coordination.partners import services
from tests.factories import PartnerOrganisationFactory

pytestmark = pytest.mark.django_db

VALID = "923609016"
TODAY = datetime.date(2026, 12, 1)


@pytest.fixture(autouse=True)
def _english():
    """The messages are checked in English (the bokmål is checked by the view tests)."""
    with translation.override("en"):
        yield


# --- Organisation numbers -------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["923609016", "923 609 016", " 923 609 016 "])
def test_organisation_number_with_spaces_is_accepted_and_compacted(typed):
    assert services.compact_organisation_number(typed) == VALID


@pytest.mark.parametrize(
    ("typed", "code", "words"),
    [
        ("923609017", "checksum", "last digit does not match"),
        ("12345678", "length", "9 digits"),
        ("9236090160", "length", "9 digits"),
        ("92360901A", "format", "only digits"),
    ],
)
def test_organisation_number_refused_with_a_clear_message(typed, code, words):
    with pytest.raises(ValidationError) as caught:
        validate_organisation_number(typed)
    assert caught.value.error_list[0].code == code
    with pytest.raises(ValidationError) as caught:
        services.compact_organisation_number(typed)
    assert words in " ".join(caught.value.messages)


def test_empty_organisation_number_is_allowed():
    assert services.compact_organisation_number("  ") == ""


def test_model_validation_refuses_a_wrong_check_digit():
    partner = PartnerOrganisation(name="Feil AS", kind="business", organisation_number="923609017")
    with pytest.raises(ValidationError) as caught:
        partner.full_clean(exclude=["municipalities"])
    assert "organisation_number" in caught.value.message_dict


# --- Partners -------------------------------------------------------------------------------


def test_coordinator_adds_a_partner_in_her_municipality(lom, coordinator_lom):
    partner, linked = services.create_partner(
        municipality=lom, by=coordinator_lom, name=" Lom pensjonistlag ", kind="association",
        organisation_number="923 609 016", email="post@pensjonist.example",
    )  # fmt: skip
    assert not linked
    assert (partner.name, partner.organisation_number) == ("Lom pensjonistlag", VALID)
    assert list(partner.municipalities.all()) == [lom]
    assert AuditEvent.objects.filter(verb="created", object_id=str(partner.pk)).exists()


def test_same_organisation_number_links_the_existing_partner_instead_of_a_copy(
    lom, drammen, coordinator_lom, coordinator_drammen
):
    first, _ = services.create_partner(
        municipality=drammen, by=coordinator_drammen, name="Røde Kors", kind="association",
        organisation_number=VALID,
    )  # fmt: skip
    again, linked = services.create_partner(
        municipality=lom, by=coordinator_lom, name="Lom Røde Kors", kind="association",
        organisation_number="923 609 016",
    )  # fmt: skip
    assert linked and again == first
    assert PartnerOrganisation.objects.count() == 1
    assert set(first.municipalities.values_list("pk", flat=True)) == {lom.pk, drammen.pk}
    assert again.name == "Røde Kors"  # the shared details are kept as they were


def test_adding_a_partner_twice_in_one_municipality_is_explained(lom, coordinator_lom):
    services.create_partner(
        municipality=lom, by=coordinator_lom, name="A", kind="association",
        organisation_number=VALID,
    )  # fmt: skip
    with pytest.raises(ValidationError) as caught:
        services.create_partner(
            municipality=lom, by=coordinator_lom, name="B", kind="association",
            organisation_number=VALID,
        )  # fmt: skip
    assert "already in your partner registry" in caught.value.message_dict["organisation_number"][0]


def test_changing_to_another_partners_number_is_refused(lom, coordinator_lom):
    PartnerOrganisationFactory(name="Første", organisation_number=VALID)
    other = PartnerOrganisationFactory(name="Andre")
    with pytest.raises(ValidationError) as caught:
        services.update_partner(
            municipality=lom, by=coordinator_lom, partner=other, name="Andre",
            kind="association", organisation_number=VALID,
        )  # fmt: skip
    assert "Første" in caught.value.message_dict["organisation_number"][0]


def test_only_coordinators_of_the_municipality_add_partners(
    lom, coordinator_drammen, volunteer_contact_lom
):
    for person in (coordinator_drammen, volunteer_contact_lom):
        with pytest.raises(PermissionDenied):
            services.create_partner(municipality=lom, by=person, name="X", kind="association")


def test_another_municipalitys_partner_cannot_be_changed_from_here(lom, coordinator_lom):
    theirs = PartnerOrganisationFactory(municipalities=["3301"])
    with pytest.raises(PermissionDenied):
        services.update_partner(
            municipality=lom, by=coordinator_lom, partner=theirs, name="X", kind="association"
        )


def test_partner_needs_a_name_and_a_known_kind(lom, coordinator_lom):
    with pytest.raises(ValidationError) as caught:
        services.create_partner(municipality=lom, by=coordinator_lom, name="  ", kind="association")
    assert "name" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        services.create_partner(municipality=lom, by=coordinator_lom, name="X", kind="pirates")
    assert "kind" in caught.value.message_dict


# --- Contacts and offers --------------------------------------------------------------------


def test_contact_needs_a_way_to_be_reached(lom, coordinator_lom):
    partner = PartnerOrganisationFactory()
    with pytest.raises(ValidationError):
        services.create_contact(municipality=lom, by=coordinator_lom, partner=partner, name="Marit")
    contact = services.create_contact(
        municipality=lom, by=coordinator_lom, partner=partner, name="Marit", phone="61211050"
    )
    assert contact.municipality == lom
    services.remove_contact(contact=contact, by=coordinator_lom)
    assert not partner.contacts.exists()


def test_offer_areas_are_a_list_without_repeats(lom, coordinator_lom):
    partner = PartnerOrganisationFactory()
    offer = services.create_offer(
        municipality=lom, by=coordinator_lom, partner=partner, kind="vehicles",
        description="  To  sjåførar ", areas="Garmo, Bøverdalen\ngarmo;  Lom sentrum ,",
    )  # fmt: skip
    assert offer.description == "To sjåførar"
    assert offer.area_list == ["Garmo", "Bøverdalen", "Lom sentrum"]


def test_offer_needs_a_known_kind_and_a_description(lom, coordinator_lom):
    partner = PartnerOrganisationFactory()
    with pytest.raises(ValidationError):
        services.create_offer(
            municipality=lom, by=coordinator_lom, partner=partner, kind="gold", description="x"
        )
    with pytest.raises(ValidationError):
        services.create_offer(
            municipality=lom, by=coordinator_lom, partner=partner, kind="money", description=" "
        )
    assert not PartnerOffer.objects.exists()


def test_offers_only_for_partners_of_the_municipality(lom, coordinator_lom):
    theirs = PartnerOrganisationFactory(municipalities=["3301"])
    with pytest.raises(PermissionDenied):
        services.create_offer(
            municipality=lom, by=coordinator_lom, partner=theirs, kind="money", description="x"
        )


# --- Agreements -----------------------------------------------------------------------------


def _agreement(lom, by, **changes):
    fields = {
        "title": "Samarbeidsavtale", "purpose": "Besøksvenner",
        "starts_on": TODAY, "review_on": TODAY + datetime.timedelta(days=180),
        "parties": {PartnerOrganisationFactory(): "Rekrutterer besøksvenner"},
    }  # fmt: skip
    fields.update(changes)
    return services.create_agreement(municipality=lom, by=by, **fields)


def test_agreement_is_saved_as_a_draft_with_each_partys_contribution(lom, coordinator_lom):
    centre = PartnerOrganisationFactory(name="Lom frivilligsentral")
    agreement = _agreement(lom, coordinator_lom, parties={centre: " Kurs "})
    assert agreement.status == CooperationAgreement.Status.DRAFT
    assert AgreementParty.objects.get(agreement=agreement).contribution == "Kurs"
    other = PartnerOrganisationFactory(name="Lom sanitetslag")
    services.update_agreement(
        municipality=lom, by=coordinator_lom, agreement=agreement, title="Ny", purpose="P",
        starts_on=TODAY, review_on=TODAY, parties={other: "Pengar"},
    )  # fmt: skip
    assert list(agreement.parties.all()) == [other]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"parties": {}}, "parties"),
        ({"title": " "}, "title"),
        ({"purpose": ""}, "purpose"),
        ({"ends_on": TODAY - datetime.timedelta(days=1)}, "ends_on"),
        ({"review_on": TODAY - datetime.timedelta(days=1)}, "review_on"),
        (
            {
                "ends_on": TODAY + datetime.timedelta(days=30),
                "review_on": TODAY + datetime.timedelta(days=31),
            },
            "review_on",
        ),
    ],
)
def test_agreement_rules_are_explained_on_the_field(lom, coordinator_lom, changes, field):
    with pytest.raises(ValidationError) as caught:
        _agreement(lom, coordinator_lom, **changes)
    assert field in caught.value.message_dict
    assert not CooperationAgreement.objects.exists()


def test_agreement_parties_must_be_partners_of_the_municipality(lom, coordinator_lom):
    theirs = PartnerOrganisationFactory(municipalities=["3301"])
    with pytest.raises(ValidationError) as caught:
        _agreement(lom, coordinator_lom, parties={theirs: ""})
    assert "parties" in caught.value.message_dict


def test_status_goes_draft_active_ended_and_never_back_to_draft(lom, coordinator_lom):
    agreement = _agreement(lom, coordinator_lom)
    with pytest.raises(ValidationError):
        services.set_agreement_status(agreement=agreement, by=coordinator_lom, status="ended")
    agreement = services.set_agreement_status(
        agreement=agreement, by=coordinator_lom, status="active"
    )
    assert agreement.status == "active"
    agreement = services.set_agreement_status(
        agreement=agreement, by=coordinator_lom, status="ended"
    )
    assert agreement.status == "ended"
    assert agreement.ends_on == max(timezone.localdate(), agreement.starts_on)
    for status in ("draft", "nonsense"):
        with pytest.raises(ValidationError):
            services.set_agreement_status(agreement=agreement, by=coordinator_lom, status=status)


def test_an_ended_agreement_is_reopened_with_a_new_end_date_and_audited(lom, coordinator_lom):
    agreement = _agreement(lom, coordinator_lom)
    services.set_agreement_status(agreement=agreement, by=coordinator_lom, status="active")
    services.set_agreement_status(agreement=agreement, by=coordinator_lom, status="ended")
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as caught:
        services.set_agreement_status(
            agreement=agreement, by=coordinator_lom, status="active", ends_on=yesterday
        )
    assert "ends_on" in caught.value.message_dict
    agreement.refresh_from_db()
    assert agreement.status == "ended"
    agreement = services.set_agreement_status(
        agreement=agreement, by=coordinator_lom, status="active", ends_on=None
    )
    assert (agreement.status, agreement.ends_on) == ("active", None)
    assert AuditEvent.objects.filter(
        object_id=str(agreement.pk), code="agreement.reopened"
    ).exists()


def test_only_coordinators_change_the_status(lom, coordinator_lom, volunteer_contact_lom):
    agreement = _agreement(lom, coordinator_lom)
    with pytest.raises(PermissionDenied):
        services.set_agreement_status(
            agreement=agreement, by=volunteer_contact_lom, status="active"
        )


def test_active_due_and_expired_lists(lom, coordinator_lom):
    today = timezone.localdate()
    days = datetime.timedelta
    soon = _agreement(
        lom, coordinator_lom, title="Snart", starts_on=today - days(300), review_on=today + days(59)
    )
    later = _agreement(
        lom, coordinator_lom, title="Seinare", starts_on=today, review_on=today + days(61)
    )
    gone = _agreement(
        lom, coordinator_lom, title="Ute", starts_on=today - days(300),
        ends_on=today - days(1), review_on=today - days(30),
    )  # fmt: skip
    CooperationAgreement.objects.update(status="active")
    agreements = CooperationAgreement.objects.all()
    assert set(agreements.active()) == {soon, later}
    assert list(agreements.due_for_review()) == [soon]
    assert list(agreements.expired()) == [gone]
