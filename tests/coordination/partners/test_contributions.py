"""What partners contribute to shared pages: the annual wheel, the staircase evidence, the
dashboard panel and overview links; and the demo, which must be idempotent."""

import datetime

import pytest
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone, translation

from coordination.kernel import contributions
from coordination.models import (
    AgreementParty,
    CooperationAgreement,
    PartnerContact,
    PartnerOffer,
    PartnerOrganisation,
)
from coordination.partners.contributions import (
    active_agreement,
    agreements_with_partners,
    dashboard_panel,
    partners_mapped,
)
from tests.factories import PartnerOrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _agreement(*partners, status="active", **fields):
    today = timezone.localdate()
    defaults = {"starts_on": today - datetime.timedelta(days=10),
                "review_on": today + datetime.timedelta(days=20)}  # fmt: skip
    agreement = CooperationAgreement.objects.create(
        municipality_id="3434", title=fields.pop("title", "Avtale"), purpose="P", status=status,
        **{**defaults, **fields},
    )  # fmt: skip
    for partner in partners:
        AgreementParty.objects.create(agreement=agreement, organisation=partner)
    return agreement


def test_everything_is_registered():
    assert contributions.WHEEL_CATEGORIES["agreement"] == "Agreements"
    assert {"partners_mapped", "active_agreement", "agreements_with_partners"} <= set(
        contributions.EVIDENCE
    )
    assert dashboard_panel in contributions.DASHBOARD_PANELS


def test_wheel_shows_review_and_end_dates_of_the_year(lom):
    agreement = _agreement(
        PartnerOrganisationFactory(), title="Fredagsklubben",
        review_on=datetime.date(2027, 3, 1), ends_on=datetime.date(2027, 12, 31),
        starts_on=datetime.date(2026, 1, 1),
    )  # fmt: skip
    _agreement(title="Gammel", status="ended", starts_on=datetime.date(2026, 1, 1),
               review_on=datetime.date(2027, 5, 1))  # fmt: skip
    entries = contributions.wheel_entries(lom, 2027)
    assert [(e.date, e.title, e.category) for e in entries] == [
        (datetime.date(2027, 3, 1), "Review: Fredagsklubben", "agreement"),
        (datetime.date(2027, 12, 31), "Ends: Fredagsklubben", "agreement"),
    ]
    assert entries[0].url == f"/coordination/3434/partners/agreements/{agreement.pk}/"
    assert contributions.wheel_entries(lom, 2028) == []


def test_partners_mapped_needs_three_partners_with_offers(lom):
    partners = [PartnerOrganisationFactory() for _ in range(3)]
    for partner in partners[:2]:
        PartnerOffer.objects.create(
            organisation=partner, municipality=lom, kind="people", description="x"
        )
    found = partners_mapped(lom)
    assert not found.met and found.summary == "2 partners, 2 offers mapped"
    PartnerOffer.objects.create(
        organisation=partners[2], municipality=lom, kind="money", description="y"
    )
    PartnerOffer.objects.create(
        organisation=partners[2], municipality=lom, kind="premises", description="z"
    )
    found = partners_mapped(lom)
    assert found.met and found.summary == "3 partners, 4 offers mapped"
    assert found.url == "/coordination/3434/partners/map/"


def test_active_agreement_evidence(lom):
    assert active_agreement(lom).summary == "0 active agreements"
    _agreement(status="draft")
    assert not active_agreement(lom).met
    _agreement(title="B")
    _agreement(title="C")
    found = active_agreement(lom)
    assert found.met and found.summary == "2 active agreements"


def test_agreements_with_partners_needs_80_percent(lom):
    partners = [PartnerOrganisationFactory() for _ in range(4)]
    assert not agreements_with_partners(lom).met
    _agreement(*partners[:3])
    _agreement(partners[3], status="draft", title="Utkast")
    found = agreements_with_partners(lom)
    assert not found.met and found.summary == "3 of 4 partners have an active agreement"
    PartnerOrganisationFactory(municipalities=["3301"])  # Drammen's does not count
    _agreement(partners[3], title="Ny")
    assert agreements_with_partners(lom).met


def test_dashboard_panel_links_each_number_and_is_for_staff_only(lom, coordinator_lom, applicant):
    today = timezone.localdate()
    partner = PartnerOrganisationFactory()
    _agreement(partner)
    _agreement(partner, title="Utløpt", starts_on=today - datetime.timedelta(days=100),
               review_on=today - datetime.timedelta(days=50),
               ends_on=today - datetime.timedelta(days=1))  # fmt: skip
    request = RequestFactory().get("/")
    request.user = coordinator_lom
    panel = dashboard_panel(request, lom)
    assert panel.order == 50
    assert (panel.context["active"], panel.context["review"], panel.context["expired"],
            panel.context["partners"]) == (1, 1, 1, 1)  # fmt: skip
    from django.template.loader import render_to_string

    html = render_to_string(panel.template, panel.context)
    for query in ("show=active", "show=review", "show=expired"):
        assert f"/coordination/3434/partners/agreements/?{query}" in html
    assert "/coordination/3434/partners/map/" in html
    request.user = applicant
    assert dashboard_panel(request, lom) is None


def test_overview_links_to_partner_pages(client_of, coordinator_lom):
    html = client_of(coordinator_lom).get("/coordination/3434/").content.decode()
    assert "/coordination/3434/partners/map/" in html


def test_demo_is_believable_and_idempotent():
    devnull = open("/dev/null", "w")  # noqa: SIM115
    call_command("seed_demo", stdout=devnull)
    counted = [m.objects.count() for m in (PartnerOrganisation, PartnerContact, PartnerOffer,
                                           CooperationAgreement, AgreementParty)]  # fmt: skip
    call_command("seed_demo", stdout=devnull)
    assert counted == [m.objects.count() for m in (PartnerOrganisation, PartnerContact,
                       PartnerOffer, CooperationAgreement, AgreementParty)]  # fmt: skip
    from coordination.models import Municipality

    lom, drammen = Municipality.objects.get(pk="3434"), Municipality.objects.get(pk="3301")
    assert partners_mapped(lom).met and active_agreement(lom).met
    assert not agreements_with_partners(lom).met  # Lom is on its way (level 2 going on 3)
    lom_agreements = CooperationAgreement.objects.filter(municipality=lom)
    assert set(lom_agreements.values_list("status", flat=True)) == {"active", "draft"}
    assert drammen.partners.count() == 8
    assert agreements_with_partners(drammen).met
    assert partners_mapped(drammen).met
    # issue 13: Lom frivilligsentral's representative keeps its offers and its details
    from coordination.models import AuditEvent, User

    marit = User.objects.get(email="frivilligsentral.lom@samspill.example")
    offer = PartnerOffer.objects.get(
        municipality=lom, description="Sjåførar til fredagsklubben og til legetimar på Otta"
    )
    assert AuditEvent.objects.filter(actor=marit, object_id=str(offer.pk)).exists()
    assert PartnerOrganisation.objects.get(name="Lom frivilligsentral").organisation_number


def test_my_page_leads_a_partner_representative_to_their_organisation(client_of, applicant):
    from coordination.models import Membership

    own = PartnerOrganisationFactory(name="Lom frivilligsentral")
    Membership.objects.filter(user=applicant).update(organisation=own)
    signed = _agreement(own, title="Samarbeidsavtale")
    _agreement(own, title="Utkast til avtale", status="draft")
    html = client_of(applicant).get("/my/").content.decode()
    assert f"/coordination/3434/partners/{own.pk}/" in html
    assert f"/coordination/3434/partners/agreements/{signed.pk}/" in html
    assert "Utkast til avtale" not in html


def test_my_page_has_no_partner_panel_for_others(client_of, volunteer):
    assert "/partners/" not in client_of(volunteer).get("/my/").content.decode()
