"""The partner pages in a real browser: no WCAG 2.1 A/AA violation that axe-core finds on the
partner list, the partner map and an agreement (also with errors shown); and a partner added
with the keyboard alone."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import expect

from coordination.models import (
    AgreementParty,
    CooperationAgreement,
    PartnerOffer,
    PartnerOrganisation,
)
from tests.e2e.conftest import (
    LANGUAGES,
    assert_accessible,
    log_in_by_keyboard,
    speak,
    tab_to,
    type_into,
)
from tests.factories import PASSWORD, PartnerOrganisationFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def partners(coordinator_lom):
    cache.clear()
    centre = PartnerOrganisationFactory(name="Lom frivilligsentral", kind="volunteer_centre")
    museum = PartnerOrganisationFactory(name="Fjellmuseet i Lom", kind="museum")
    for partner, kind, areas in (
        (centre, "people", ""),
        (centre, "vehicles", "Garmo"),
        (museum, "premises", "Lom sentrum"),
        (museum, "knowledge", ""),
    ):
        PartnerOffer.objects.create(organisation=partner, municipality_id="3434", kind=kind,
                                    description=f"Tilbud: {kind}", areas=areas)  # fmt: skip
    today, days = timezone.localdate(), datetime.timedelta
    agreement = CooperationAgreement.objects.create(
        municipality_id="3434", title="Samarbeidsavtale med Lom frivilligsentral",
        purpose="Fleire heimebuande eldre skal ha nokon å snakke med.", status="active",
        starts_on=today - days(200), review_on=today + days(40),
        municipality_contribution="Lokale og køyregodtgjersle",
    )  # fmt: skip
    AgreementParty.objects.create(agreement=agreement, organisation=centre, contribution="Kurs")
    return {"centre": centre, "museum": museum, "agreement": agreement}


@pytest.mark.parametrize("language", LANGUAGES)
def test_partner_pages_have_no_wcag_violations(
    live_server, page, axe, coordinator_lom, partners, language
):
    speak(page, live_server.url, language, coordinator_lom)
    log_in_by_keyboard(page, live_server.url, coordinator_lom.email, PASSWORD)
    base = live_server.url + "/coordination/3434/partners/"
    for path in (
        "",
        "?offer=vehicles&area=Garmo",
        "map/",
        "map/?offer=knowledge",
        f"{partners['centre'].pk}/",
        "agreements/",
        "agreements/?show=review",
        f"agreements/{partners['agreement'].pk}/",
        "agreements/add/",
    ):
        page.goto(base + path)
        expect(page.locator("html")).to_have_attribute("lang", language)
        assert_accessible(axe, page)
    # Errors shown: a wrong organisation number; an agreement without parties.
    page.goto(base + "add/")
    page.locator("#id_name").fill("Lom sanitetslag")
    page.locator("#id_kind").select_option("association")
    page.locator("#id_organisation_number").fill("923609017")
    page.locator("main form[method=post] button[type=submit]").click()
    expect(page.locator("#id_organisation_number")).to_have_attribute("aria-invalid", "true")
    assert_accessible(axe, page)
    page.goto(base + "agreements/add/")
    page.locator("main form[method=post] button[type=submit]").click()
    expect(page.locator("#id_title")).to_have_attribute("aria-invalid", "true")
    assert_accessible(axe, page)


def test_coordinator_adds_a_partner_by_keyboard(live_server, page, axe, coordinator_lom, partners):
    log_in_by_keyboard(page, live_server.url, coordinator_lom.email, PASSWORD)
    page.goto(live_server.url + "/coordination/3434/partners/")
    tab_to(page, text="Legg til en samarbeidspartner")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/partners/add/$"))
    type_into(page, "Lom pensjonistlag", label="Navnet på organisasjonen")
    tab_to(page, label="Type organisasjon")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # Lag eller forening
    type_into(page, "923 609 016", label="Organisasjonsnummer")
    tab_to(page, text="Legg til samarbeidspartneren")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Lom pensjonistlag")
    partner = PartnerOrganisation.objects.get(name="Lom pensjonistlag")
    assert (partner.kind, partner.organisation_number) == ("association", "923609016")
    expect(page).to_have_url(re.compile(rf"/partners/{partner.pk}/$"))
    expect(page.locator(".messages")).to_contain_text("Lom pensjonistlag er lagt til.")
    expect(page.locator("main")).to_contain_text("923 609 016")
    assert_accessible(axe, page)


def test_agreement_form_finds_a_partner_and_opens_its_text_box_when_ticked(
    live_server, page, axe, coordinator_lom, partners
):
    PartnerOrganisationFactory(name="Lom sanitetslag", kind="association")
    for number in range(1, 9):  # ten partners: the form offers to find one by name
        PartnerOrganisationFactory(name=f"Lag nummer {number}", kind="association")
    log_in_by_keyboard(page, live_server.url, coordinator_lom.email, PASSWORD)
    agreement, museum = partners["agreement"], partners["museum"]
    page.goto(live_server.url + f"/coordination/3434/partners/agreements/{agreement.pk}/edit/")
    page.locator("summary", has_text="Legg til flere parter").click()
    page.get_by_label("Finn en samarbeidspartner etter navn").fill("fjell")
    expect(page.locator("[data-party-name='Fjellmuseet i Lom']")).to_be_visible()
    expect(page.locator("[data-party-name='Lom sanitetslag']")).to_be_hidden()
    expect(page.locator("#party-filter-count")).to_have_text("Viser 1 av 10 samarbeidspartnere")
    contribution = page.locator(f"#id_contribution_{museum.pk}")
    expect(contribution).to_be_hidden()
    page.locator(f"#id_party_{museum.pk}").press("Space")
    expect(contribution).to_be_visible()
    assert_accessible(axe, page)
    contribution.fill("Lokaler til kurset")
    page.locator("main form[method=post] button[type=submit]").click()
    expect(page.locator(".messages")).to_be_visible()
    assert dict(agreement.party_rows.values_list("organisation__name", "contribution")) == {
        "Lom frivilligsentral": "Kurs",
        "Fjellmuseet i Lom": "Lokaler til kurset",
    }
