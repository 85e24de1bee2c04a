"""The hostile-input guarantees of test_hostile_input.py for the partner forms: adding and
changing a partner, contacts, offers, agreements (with parties and their contributions), the
status of an agreement, and the registry's and map's search and filters. Never a 500; refused
input explained and nothing stored; stored text shown only as text.

Ids are not known when hypothesis draws the data, so the strategies use placeholders (PARTNER,
DRAMMEN_PARTNER, …) that each test replaces with the real id before sending."""

import pytest
from django.urls import resolve as resolve_url
from django.urls import reverse
from hypothesis import example, given

from coordination.models import (
    AgreementParty,
    CooperationAgreement,
    PartnerContact,
    PartnerOffer,
    PartnerOrganisation,
)
from tests.factories import PartnerOrganisationFactory
from tests.trust.hostile import (
    assert_explained,
    assert_shown_only_as_text,
    client_for,
    few,
    form_data,
    get,
    nasty_text,
    post,
    resolve,
    rolled_back,
    rows,
    sometimes_valid,
)

pytestmark = pytest.mark.django_db

LOM = "3434"
PARTNER_TABLES = (
    PartnerOrganisation.objects.all(),
    PartnerOrganisation.municipalities.through.objects.all(),
    PartnerContact.objects.all(),
    PartnerOffer.objects.all(),
    CooperationAgreement.objects.all(),
    AgreementParty.objects.all(),
)
NUMBERS = ("923609016", "923 609 016", "923609017", "12345678", "DRAMMEN_NUMBER", "")
DATES = ("2026-01-05", "2027-06-01", "2099-01-01", "05.01.2026", "2026-02-30")


def post_and_check(user, address: str, data: dict, saved) -> None:
    """Send the form as ``user`` (rolled back afterwards). When it is taken (a redirect),
    ``saved(client, response, before)`` checks what was stored and shown; otherwise the page
    must explain why, and nothing may have changed."""
    with rolled_back():
        before = rows(*PARTNER_TABLES)
        client = client_for(user)
        response = post(client, address, data)
        if response.status_code == 302:
            saved(client, response, before)
        else:
            assert_explained(response)
            assert rows(*PARTNER_TABLES) == before


@pytest.fixture
def lom_objects(lom):
    partner = PartnerOrganisationFactory(name="Lom frivilligsentral", organisation_number="")
    drammen = PartnerOrganisationFactory(
        name="Røde Kors Drammen", organisation_number="974633698", municipalities=["3301"]
    )
    agreement = CooperationAgreement.objects.create(
        municipality_id=LOM, title="Avtale", purpose="P", starts_on="2026-01-01",
        review_on="2026-12-01",
    )  # fmt: skip
    AgreementParty.objects.create(agreement=agreement, organisation=partner)
    return {
        "PARTNER": partner.pk,
        "OTHER_PARTNER": PartnerOrganisationFactory(name="Lom sanitetslag").pk,
        "DRAMMEN_PARTNER": drammen.pk,
        "DRAMMEN_NUMBER": "974633698",
        "partner": partner,
        "agreement": agreement,
    }


@few
@given(
    data=form_data(
        name=sometimes_valid("Lom pensjonistlag", "Ny <b>forening</b>"),
        kind=sometimes_valid("association", "museum"),
        organisation_number=sometimes_valid(*NUMBERS),
        email=sometimes_valid("post@lag.example", ""),
        phone=sometimes_valid("61 21 00 00", ""),
    )
)
@example(
    data={"name": "Lom Røde Kors", "kind": "association", "organisation_number": "DRAMMEN_NUMBER"}
)
@example(data={"name": "Feil", "kind": "association", "organisation_number": "923609017"})
@example(data={"name": "<script>alert(1)</script>", "kind": "other"})
def test_partner_form_never_fails_and_stores_only_valid_partners(
    coordinator_lom, lom_objects, data
):
    def saved(client, response, before):
        partner = PartnerOrganisation.objects.get(pk=resolve_url(response["Location"]).kwargs["pk"])
        if partner.pk == lom_objects["DRAMMEN_PARTNER"]:
            assert PartnerOrganisation.objects.count() == len(before[0])  # linked, no copy
        partner.full_clean(exclude=["municipalities"])
        page = get(client, response["Location"]).content.decode()
        assert_shown_only_as_text(page, partner.name)

    address = reverse("coordination:partner_add", args=[LOM])
    post_and_check(coordinator_lom, address, resolve(data, lom_objects, in_names=True), saved)


@few
@given(
    data=form_data(
        name=sometimes_valid("Lom frivilligsentral", "Lom sanitetslag"),
        kind=sometimes_valid("volunteer_centre"),
        organisation_number=sometimes_valid(*NUMBERS),
    )
)
@example(data={"name": "X", "kind": "volunteer_centre", "organisation_number": "DRAMMEN_NUMBER"})
def test_partner_edit_never_fails(coordinator_lom, lom_objects, data):
    partner = lom_objects["partner"]

    def saved(client, response, before):
        partner.refresh_from_db()
        partner.full_clean(exclude=["municipalities"])
        assert partner.organisation_number != "974633698"  # never another's number

    address = reverse("coordination:partner_edit", args=[LOM, partner.pk])
    post_and_check(coordinator_lom, address, resolve(data, lom_objects, in_names=True), saved)


@few
@given(
    data=form_data(
        name=sometimes_valid("Marit Nordheim"),
        role=nasty_text,
        email=sometimes_valid("marit@lag.example", ""),
        phone=sometimes_valid("61211050", ""),
    )
)
def test_contact_form_never_fails_and_shows_text_only_as_text(coordinator_lom, lom_objects, data):
    def saved(client, response, before):
        contact = PartnerContact.objects.get()
        assert contact.municipality_id == LOM
        page = get(client, response["Location"]).content.decode()
        assert_shown_only_as_text(page, contact.name)
        if contact.role:
            assert_shown_only_as_text(page, contact.role)

    address = reverse("coordination:partner_contact_add", args=[LOM, lom_objects["PARTNER"]])
    post_and_check(coordinator_lom, address, data, saved)


@few
@given(
    data=form_data(
        kind=sometimes_valid("people", "premises", "money"),
        description=sometimes_valid("Møterom", "<img src=x onerror=alert(1)>"),
        areas=nasty_text,
    )
)
def test_offer_form_never_fails_and_shows_text_only_as_text(coordinator_lom, lom_objects, data):
    def saved(client, response, before):
        offer = PartnerOffer.objects.get()
        page = get(client, response["Location"]).content.decode()
        assert_shown_only_as_text(page, offer.description)
        for area in offer.area_list:
            assert_shown_only_as_text(page, area, on_page=False)
        map_page = get(client, reverse("coordination:partner_map", args=[LOM])).content.decode()
        assert_shown_only_as_text(map_page, offer.description)

    address = reverse("coordination:partner_offer_add", args=[LOM, lom_objects["PARTNER"]])
    post_and_check(coordinator_lom, address, data, saved)


@few
@given(
    data=form_data(
        title=sometimes_valid("Samarbeidsavtale", "<script>alert(1)</script>"),
        purpose=sometimes_valid("Besøksvenner"),
        starts_on=sometimes_valid(*DATES),
        ends_on=sometimes_valid(*DATES, ""),
        review_on=sometimes_valid(*DATES),
        party_PARTNER=sometimes_valid("on"),
        contribution_PARTNER=nasty_text,
        party_DRAMMEN_PARTNER=sometimes_valid("on"),
        contribution_OTHER_PARTNER=nasty_text,
    )
)
@example(data={"title": "A", "purpose": "P", "starts_on": "2026-01-05", "review_on": "2027-06-01",
               "party_DRAMMEN_PARTNER": "on"})  # fmt: skip
@example(data={"title": "A", "purpose": "P", "starts_on": "2026-01-05", "review_on": "2027-06-01",
               "party_PARTNER": "on", "contribution_PARTNER": "<script>alert(1)"})  # fmt: skip
def test_agreement_form_never_fails_and_takes_only_lom_partners(coordinator_lom, lom_objects, data):
    def saved(client, response, before):
        agreement = CooperationAgreement.objects.order_by("-pk").first()
        assert agreement.status == "draft"
        assert {p.pk for p in agreement.parties.all()} <= {
            lom_objects["PARTNER"],
            lom_objects["OTHER_PARTNER"],
        }
        page = get(client, response["Location"]).content.decode()
        assert_shown_only_as_text(page, agreement.title)
        for party in agreement.party_rows.all():
            assert_shown_only_as_text(page, party.contribution, on_page=False)

    address = reverse("coordination:agreement_add", args=[LOM])
    post_and_check(coordinator_lom, address, resolve(data, lom_objects, in_names=True), saved)


@few
@given(data=form_data(status=sometimes_valid("active", "ended", "draft")))
def test_status_change_never_fails_and_follows_the_steps(coordinator_lom, lom_objects, data):
    agreement = lom_objects["agreement"]
    with rolled_back():
        address = reverse("coordination:agreement_status", args=[LOM, agreement.pk])
        response = post(client_for(coordinator_lom), address, data)
        assert response.status_code == 302
        agreement.refresh_from_db()
        assert agreement.status in ("draft", "active")


@few
@given(
    data=form_data(
        q=nasty_text,
        kind=sometimes_valid("museum", ""),
        offer=sometimes_valid("people", ""),
        area=nasty_text,
        page=sometimes_valid("1", "2", "-1", "999999999999999999999"),
    )
)
@example(data={"show": ["active", "review"], "page": "0"})
def test_searching_and_filtering_never_fails(coordinator_lom, lom_objects, data):
    client = client_for(coordinator_lom)
    for name in ("partner_list", "partner_map", "agreement_list"):
        response = get(client, reverse(f"coordination:{name}", args=[LOM]), data)
        assert response.status_code == 200
        form = response.context.get("form")
        if form is not None and form.errors:
            assert "invalid-feedback" in response.content.decode()
