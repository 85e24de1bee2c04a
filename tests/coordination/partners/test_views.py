"""Partner pages: the registry with search and filters, adding (and linking a partner another
municipality has), a partner's page with contacts and offers, the partner map, and the
agreements with their lists, status and signed document. Each: the happy path and who may
not; lists within a fixed number of queries."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from coordination.models import (
    AgreementParty,
    AuditEvent,
    CooperationAgreement,
    Membership,
    PartnerContact,
    PartnerOffer,
    PartnerOrganisation,
)
from tests.factories import PartnerOrganisationFactory

pytestmark = pytest.mark.django_db

LOM = "3434"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def url(name, *args, municipality=LOM):
    return reverse(f"coordination:{name}", args=[municipality, *args])


def _html(response) -> str:
    return response.content.decode()


def _offer(partner, kind="people", areas="", municipality=LOM):
    return PartnerOffer.objects.create(
        organisation=partner, municipality_id=municipality, kind=kind,
        description=f"{kind} fra {partner.name}", areas=areas,
    )  # fmt: skip


def _active_agreement(*partners, title="Avtale", municipality=LOM, **fields):
    today = timezone.localdate()
    agreement = CooperationAgreement.objects.create(
        municipality_id=municipality, title=title, purpose="Besøksvenner", status="active",
        starts_on=today - datetime.timedelta(days=100),
        review_on=fields.pop("review_on", today + datetime.timedelta(days=30)), **fields,
    )  # fmt: skip
    for partner in partners:
        AgreementParty.objects.create(agreement=agreement, organisation=partner)
    return agreement


# --- The registry ---------------------------------------------------------------------------


def test_partner_list_searches_and_filters_by_kind_offer_and_area(client_of, coordinator_lom):
    centre = PartnerOrganisationFactory(name="Lom frivilligsentral", kind="volunteer_centre")
    museum = PartnerOrganisationFactory(name="Fjellmuseet", kind="museum")
    PartnerOrganisationFactory(name="Drammens Museum", kind="museum", municipalities=["3301"])
    _offer(centre, "vehicles", areas="Garmo; Bøverdalen")
    _offer(museum, "premises", areas="Lom sentrum")
    client = client_of(coordinator_lom)

    def names(**query):
        response = client.get(url("partner_list"), query)
        assert response.status_code == 200
        return [p.name for p in response.context["page"].object_list]

    assert names() == ["Fjellmuseet", "Lom frivilligsentral"]
    assert names(q="frivillig") == ["Lom frivilligsentral"]
    assert names(kind="museum") == ["Fjellmuseet"]
    assert names(offer="vehicles") == ["Lom frivilligsentral"]
    assert names(area="Garmo") == ["Lom frivilligsentral"]
    assert names(area="Lom sentrum", offer="vehicles") == []
    assert "Garmo" in _html(client.get(url("partner_list")))  # the area is offered as a filter


def test_partner_list_finds_by_organisation_number_with_spaces(client_of, coordinator_lom):
    PartnerOrganisationFactory(name="Lom sanitetslag", organisation_number="923609016")
    response = client_of(coordinator_lom).get(url("partner_list"), {"q": "923 609 016"})
    assert [p.name for p in response.context["page"].object_list] == ["Lom sanitetslag"]


def test_partner_list_is_read_by_staff_but_not_by_partners_or_volunteers(
    client_of, volunteer_contact_lom, applicant, volunteer, officer, coordinator_drammen
):
    assert client_of(volunteer_contact_lom).get(url("partner_list")).status_code == 200
    for person in (applicant, volunteer, officer, coordinator_drammen):
        assert client_of(person).get(url("partner_list")).status_code == 404


def test_partner_list_and_map_stay_within_a_fixed_number_of_queries(
    client_of, coordinator_lom, django_assert_max_num_queries
):
    for n in range(60):
        partner = PartnerOrganisationFactory(
            name=f"Lag {n:02}", kind=["association", "museum"][n % 2]
        )
        _offer(partner, "people", areas="Garmo")
        _offer(partner, "money")
    _active_agreement(*PartnerOrganisation.objects.all()[:10])
    client = client_of(coordinator_lom)
    client.get(url("partner_list"))  # session and roles warmed up
    with django_assert_max_num_queries(10):
        response = client.get(url("partner_list"), {"area": "Garmo"})
    assert len(response.context["page"].object_list) == 50
    with django_assert_max_num_queries(10):
        response = client.get(url("partner_map"))
    assert len(response.context["partners"]) == 60
    with django_assert_max_num_queries(14):
        client.get(url("agreement_list"))


def test_coordinator_adds_a_partner_with_a_spaced_organisation_number(client_of, coordinator_lom):
    response = client_of(coordinator_lom).post(
        url("partner_add"),
        {"name": "Lom pensjonistlag", "kind": "association", "organisation_number": "923 609 016"},
    )
    partner = PartnerOrganisation.objects.get()
    assert response.url == url("partner_detail", partner.pk)
    assert partner.organisation_number == "923609016"


def test_wrong_organisation_number_is_explained_and_nothing_stored(client_of, coordinator_lom):
    response = client_of(coordinator_lom).post(
        url("partner_add"),
        {"name": "Lom pensjonistlag", "kind": "association", "organisation_number": "923609017"},
    )
    assert response.status_code == 200
    assert "det siste sifferet stemmer ikke" in " ".join(
        response.context["form"].errors["organisation_number"]
    )
    assert "invalid-feedback" in _html(response)
    assert not PartnerOrganisation.objects.exists()


def test_adding_a_number_drammen_has_links_it_and_says_so(client_of, coordinator_lom):
    theirs = PartnerOrganisationFactory(
        name="Røde Kors", organisation_number="923609016", municipalities=["3301"]
    )
    client = client_of(coordinator_lom)
    response = client.post(
        url("partner_add"),
        {"name": "Lom Røde Kors", "kind": "association", "organisation_number": "923609016"},
        follow=True,
    )
    assert PartnerOrganisation.objects.count() == 1
    assert set(theirs.municipalities.values_list("pk", flat=True)) == {"3301", LOM}
    page = _html(response)
    assert "allerede registrert av en annen kommune" in page
    assert "Drammen" in page  # "also works with"


def test_only_coordinators_add_or_change_partners(client_of, volunteer_contact_lom, officer):
    partner = PartnerOrganisationFactory()
    for person in (volunteer_contact_lom, officer):
        client = client_of(person)
        assert client.post(url("partner_add"), {"name": "X", "kind": "other"}).status_code == 404
        assert client.get(url("partner_edit", partner.pk)).status_code == 404
    assert PartnerOrganisation.objects.count() == 1


def test_coordinator_changes_a_partner(client_of, coordinator_lom):
    partner = PartnerOrganisationFactory(name="Lom pensjonistlag")
    client = client_of(coordinator_lom)
    assert client.get(url("partner_edit", partner.pk)).status_code == 200
    response = client.post(
        url("partner_edit", partner.pk),
        {"name": "Lom pensjonistforening", "kind": "association", "phone": "61 21 00 00"},
    )
    assert response.status_code == 302
    partner.refresh_from_db()
    assert (partner.name, partner.phone) == ("Lom pensjonistforening", "61 21 00 00")


# --- A partner's page -----------------------------------------------------------------------


def test_partner_page_shows_contacts_and_offers_of_this_municipality_only(
    client_of, coordinator_lom
):
    partner = PartnerOrganisationFactory(name="Røde Kors", municipalities=[LOM, "3301"])
    _offer(partner, "vehicles", areas="Garmo")
    _offer(partner, "money", municipality="3301")
    PartnerContact.objects.create(
        organisation=partner, municipality_id="3301", name="Ola Drammen", phone="1"
    )
    client = client_of(coordinator_lom)
    page = _html(client.get(url("partner_detail", partner.pk)))
    assert "vehicles fra Røde Kors" in page and "Garmo" in page
    assert "money fra" not in page and "Ola Drammen" not in page


def test_coordinator_adds_and_removes_a_contact_and_an_offer(client_of, coordinator_lom):
    partner = PartnerOrganisationFactory()
    client = client_of(coordinator_lom)
    response = client.post(
        url("partner_contact_add", partner.pk), {"name": "Marit Nordheim", "phone": "61211050"}
    )
    assert response.url == url("partner_detail", partner.pk)
    contact = PartnerContact.objects.get()
    assert contact.municipality_id == LOM
    response = client.post(
        url("partner_offer_add", partner.pk),
        {"kind": "premises", "description": "Møterom", "areas": "Lom sentrum, Garmo"},
    )
    offer = PartnerOffer.objects.get()
    assert offer.area_list == ["Lom sentrum", "Garmo"]
    # removing asks first: the partner page links to a page that says what happens
    detail = _html(client.get(url("partner_detail", partner.pk)))
    assert f'href="{url("partner_contact_remove", contact.pk)}"' in detail
    assert 'action="' + url("partner_contact_remove", contact.pk) not in detail
    ask = client.get(url("partner_contact_remove", contact.pk))
    assert "Marit Nordheim" in _html(ask) and 'class="btn btn-danger"' in _html(ask)
    assert client.get(url("partner_offer_remove", offer.pk)).status_code == 200
    assert PartnerContact.objects.exists() and PartnerOffer.objects.exists()
    client.post(url("partner_contact_remove", contact.pk))
    client.post(url("partner_offer_remove", offer.pk))
    assert not PartnerContact.objects.exists() and not PartnerOffer.objects.exists()


def test_a_contact_without_email_or_phone_is_explained_on_the_partner_page(
    client_of, coordinator_lom
):
    partner = PartnerOrganisationFactory()
    response = client_of(coordinator_lom).post(
        url("partner_contact_add", partner.pk), {"name": "Marit"}
    )
    assert response.status_code == 200
    assert response.context["contact_form"].non_field_errors()
    assert '<details class="mb-4" open>' in _html(response)
    assert not PartnerContact.objects.exists()


def test_partner_representative_sees_only_their_own_organisation(client_of, applicant):
    own = PartnerOrganisationFactory(name="Lom frivilligsentral")
    other = PartnerOrganisationFactory(name="Lom sanitetslag")
    Membership.objects.filter(user=applicant).update(organisation=own)
    client = client_of(applicant, language="en")
    response = client.get(url("partner_detail", own.pk))
    assert response.status_code == 200
    # issue 13: they keep their own organisation's contacts and offers
    assert "Add a contact person" in _html(response)
    assert client.get(url("partner_detail", other.pk)).status_code == 404


def test_partner_of_another_municipality_is_not_found(client_of, coordinator_lom):
    theirs = PartnerOrganisationFactory(municipalities=["3301"])
    assert client_of(coordinator_lom).get(url("partner_detail", theirs.pk)).status_code == 404


# --- The map ----------------------------------------------------------------------------------


def test_map_groups_partners_by_kind_and_filters_by_offer_and_area(
    client_of, volunteer_contact_lom
):
    centre = PartnerOrganisationFactory(name="Lom frivilligsentral", kind="volunteer_centre")
    museum = PartnerOrganisationFactory(name="Fjellmuseet", kind="museum")
    _offer(centre, "vehicles", areas="Garmo")
    _offer(museum, "knowledge")
    _active_agreement(centre)
    client = client_of(volunteer_contact_lom)
    response = client.get(url("partner_map"))
    groups = {g.kind: [p.name for p in g.partners] for g in response.context["groups"]}
    assert groups["volunteer_centre"] == ["Lom frivilligsentral"]
    assert groups["museum"] == ["Fjellmuseet"]
    assert groups["church"] == []  # the gap shows
    page = _html(response)
    assert "offer-icon-vehicles" in page and "<svg" in page
    assert "<table" in page  # the same partners as a plain list
    response = client.get(url("partner_map"), {"offer": "knowledge"})
    assert [p.name for p in response.context["partners"]] == ["Fjellmuseet"]
    # An offer without areas applies to the whole municipality, so it is in every area.
    response = client.get(url("partner_map"), {"area": "Garmo"})
    assert [p.name for p in response.context["partners"]] == ["Fjellmuseet", "Lom frivilligsentral"]


def test_map_is_not_for_partners_or_other_municipalities(client_of, applicant, coordinator_drammen):
    for person in (applicant, coordinator_drammen):
        assert client_of(person).get(url("partner_map")).status_code == 404


# --- Agreements -----------------------------------------------------------------------------


def test_coordinator_writes_an_agreement_with_parties_and_a_signed_pdf(
    client_of, coordinator_lom, django_capture_on_commit_callbacks
):
    centre = PartnerOrganisationFactory(name="Lom frivilligsentral")
    PartnerOrganisationFactory(name="Lom sanitetslag")
    client = client_of(coordinator_lom)
    assert client.get(url("agreement_add")).status_code == 200
    response = client.post(
        url("agreement_add"),
        {
            "title": "Samarbeidsavtale", "purpose": "Besøksvenner", "starts_on": "2026-12-01",
            "review_on": "2027-06-01", f"party_{centre.pk}": "on",
            f"contribution_{centre.pk}": "Rekrutterer", "municipality_contribution": "Lokale",
            "document": SimpleUploadedFile("signert avtale.pdf", PDF),
        },
    )  # fmt: skip
    agreement = CooperationAgreement.objects.get()
    assert response.url == url("agreement_detail", agreement.pk)
    assert agreement.status == "draft"
    assert agreement.document_name == "signert avtale.pdf"
    assert agreement.document.name.startswith("agreements/") and agreement.document.name.endswith(
        ".pdf"
    )
    assert [(p.organisation, p.contribution) for p in agreement.party_rows.all()] == [
        (centre, "Rekrutterer")
    ]
    page = _html(client.get(url("agreement_detail", agreement.pk)))
    assert "Rekrutterer" in page and "Lokale" in page
    download = client.get(url("agreement_document", agreement.pk))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf"
    assert "no-store" in download["Cache-Control"]
    assert AuditEvent.objects.filter(verb="viewed", object_id=str(agreement.pk)).exists()
    # A new file replaces the old one, which is removed from storage.
    old = agreement.document.name
    storage = agreement.document.storage
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url("agreement_edit", agreement.pk),
            {
                "title": "Samarbeidsavtale", "purpose": "Besøksvenner", "starts_on": "2026-12-01",
                "review_on": "2027-06-01", f"party_{centre.pk}": "on",
                "document": SimpleUploadedFile("ny.pdf", PDF),
            },
        )  # fmt: skip
    agreement.refresh_from_db()
    assert agreement.document_name == "ny.pdf" and agreement.document.name != old
    assert storage.exists(agreement.document.name) and not storage.exists(old)


def test_agreement_form_lists_the_parties_first_and_the_other_partners_by_type(
    client_of, coordinator_lom
):
    centre = PartnerOrganisationFactory(name="Lom frivilligsentral", kind="volunteer_centre")
    museum = PartnerOrganisationFactory(name="Norsk Fjellmuseum", kind="museum")
    lag = PartnerOrganisationFactory(name="Lom sanitetslag", kind="association")
    agreement = _active_agreement(centre)
    client = client_of(coordinator_lom)

    def shown(response):
        form = response.context["form"]
        chosen = [partner for partner, *_ in form.chosen_party_fields()]
        others = [
            (str(label), [partner for partner, *_ in rows])
            for label, rows in form.other_party_groups()
        ]
        return chosen, others

    new = client.get(url("agreement_add"))
    assert shown(new) == (
        [],
        [("Frivilligsentral", [centre]), ("Lag eller forening", [lag]), ("Museum", [museum])],
    )
    assert '<details class="agreement-more-parties" open>' in _html(new)
    edit = client.get(url("agreement_edit", agreement.pk))
    assert shown(edit) == ([centre], [("Lag eller forening", [lag]), ("Museum", [museum])])
    assert '<details class="agreement-more-parties">' in _html(edit)
    # Something written for a partner not ticked is shown among the chosen, with the error.
    refused = client.post(
        url("agreement_edit", agreement.pk),
        {
            "title": "Avtale", "purpose": "P", "starts_on": "2026-12-01", "review_on": "2027-06-01",
            f"party_{centre.pk}": "on", f"contribution_{museum.pk}": "Lokaler",
        },
    )  # fmt: skip
    assert refused.status_code == 200
    assert shown(refused) == ([centre, museum], [("Lag eller forening", [lag])])
    assert f"contribution_{museum.pk}" in refused.context["form"].errors
    # A box to find a partner by name only when there are many to choose among.
    assert 'id="party-filter"' not in _html(new)
    for number in range(7):
        PartnerOrganisationFactory(name=f"Lag nummer {number}")
    assert 'id="party-filter"' in _html(client.get(url("agreement_add")))


def test_agreement_form_refuses_a_file_that_is_not_a_pdf(client_of, coordinator_lom):
    centre = PartnerOrganisationFactory()
    response = client_of(coordinator_lom).post(
        url("agreement_add"),
        {
            "title": "Avtale", "purpose": "P", "starts_on": "2026-12-01", "review_on": "2027-06-01",
            f"party_{centre.pk}": "on",
            "document": SimpleUploadedFile("avtale.pdf", b"<html>not a pdf</html>"),
        },
    )  # fmt: skip
    assert response.status_code == 200
    assert "document" in response.context["form"].errors
    assert not CooperationAgreement.objects.exists()


def test_agreement_without_parties_is_explained(client_of, coordinator_lom):
    PartnerOrganisationFactory()
    response = client_of(coordinator_lom).post(
        url("agreement_add"),
        {"title": "Avtale", "purpose": "P", "starts_on": "2026-12-01", "review_on": "2027-06-01"},
    )
    assert response.status_code == 200
    assert "alert-danger" in _html(response)
    assert "Velg minst én samarbeidspartner" in _html(response)
    assert not CooperationAgreement.objects.exists()


def test_coordinator_activates_and_ends_an_agreement(client_of, coordinator_lom):
    centre = PartnerOrganisationFactory()
    agreement = _active_agreement(centre)
    agreement.status = "draft"
    agreement.save()
    client = client_of(coordinator_lom)
    client.post(url("agreement_status", agreement.pk), {"status": "active"})
    agreement.refresh_from_db()
    assert agreement.status == "active"
    response = client.post(url("agreement_status", agreement.pk), {"status": "draft"}, follow=True)
    agreement.refresh_from_db()
    assert agreement.status == "active"
    assert "alert-danger" in _html(response)


def test_ending_an_agreement_is_never_one_click_and_never_the_primary_button(
    client_of, coordinator_lom
):
    agreement = _active_agreement(PartnerOrganisationFactory(name="Lom frivilligsentral"))
    client = client_of(coordinator_lom)
    detail = _html(client.get(url("agreement_detail", agreement.pk)))
    end = url("agreement_end", agreement.pk)
    assert f'class="btn btn-outline-danger" href="{end}"' in detail
    assert 'name="status" value="ended"' not in detail
    # the old one-click form is turned to the page that asks first
    response = client.post(url("agreement_status", agreement.pk), {"status": "ended"})
    assert response["Location"] == end
    agreement.refresh_from_db()
    assert agreement.status == "active"
    page = _html(client.get(end))
    assert "Lom frivilligsentral" in page and "gjenåpne" in page
    assert '<button type="submit" class="btn btn-outline-danger">' in page
    assert "btn-danger" not in page.replace("btn-outline-danger", "")
    client.post(end)
    agreement.refresh_from_db()
    assert agreement.status == "ended"


def test_coordinator_reopens_an_ended_agreement_after_a_confirm_page(client_of, coordinator_lom):
    agreement = _active_agreement(PartnerOrganisationFactory())
    agreement.status = "ended"
    agreement.save()
    client = client_of(coordinator_lom)
    reopen = url("agreement_reopen", agreement.pk)
    assert reopen in _html(client.get(url("agreement_detail", agreement.pk)))
    assert client.get(reopen).status_code == 200
    agreement.refresh_from_db()
    assert agreement.status == "ended"
    response = client.post(reopen, {"ends_on": "2001-01-01"})
    assert response.status_code == 200
    assert "data-error-summary" in _html(response)
    agreement.refresh_from_db()
    assert agreement.status == "ended"
    assert client.post(reopen, {"ends_on": ""}).status_code == 302
    agreement.refresh_from_db()
    assert (agreement.status, agreement.ends_on) == ("active", None)


def test_agreement_lists_active_due_for_review_and_expired(client_of, volunteer_contact_lom):
    today = timezone.localdate()
    partner = PartnerOrganisationFactory()
    soon = _active_agreement(partner, title="Snart")
    later = _active_agreement(
        partner, title="Seinare", review_on=today + datetime.timedelta(days=90)
    )
    gone = _active_agreement(partner, title="Ute", ends_on=today - datetime.timedelta(days=1),
                             review_on=today - datetime.timedelta(days=40))  # fmt: skip
    client = client_of(volunteer_contact_lom)

    def titles(show):
        return [a.title for a in client.get(url("agreement_list"), {"show": show}).context["page"]]

    assert titles("active") == [later.title, soon.title]
    assert titles("review") == [soon.title]
    assert titles("expired") == [gone.title]
    assert titles("nonsense") == titles("active")


def test_agreement_pages_for_representatives_of_a_party_only(client_of, applicant):
    own = PartnerOrganisationFactory()
    Membership.objects.filter(user=applicant).update(organisation=own)
    ours = _active_agreement(own, document=SimpleUploadedFile("a.pdf", PDF), document_name="a.pdf")
    other = _active_agreement(PartnerOrganisationFactory(), title="Annen")
    client = client_of(applicant)
    assert client.get(url("agreement_detail", ours.pk)).status_code == 200
    assert client.get(url("agreement_document", ours.pk)).status_code == 200
    assert client.get(url("agreement_detail", other.pk)).status_code == 404
    assert client.get(url("agreement_edit", ours.pk)).status_code == 404
    assert client.get(url("agreement_list")).status_code == 404


def test_agreement_without_a_document_has_no_download(client_of, coordinator_lom):
    agreement = _active_agreement(PartnerOrganisationFactory())
    assert (
        client_of(coordinator_lom).get(url("agreement_document", agreement.pk)).status_code == 404
    )


def test_coordinator_changes_a_contact_and_an_offer(client_of, coordinator_lom):
    partner = PartnerOrganisationFactory()
    contact = PartnerContact.objects.create(
        organisation=partner, municipality_id=LOM, name="Marit", phone="61211050"
    )
    offer = _offer(partner, "vehicles", areas="Garmo")
    client = client_of(coordinator_lom)
    assert 'value="Marit"' in _html(client.get(url("partner_contact_edit", contact.pk)))
    response = client.post(
        url("partner_contact_edit", contact.pk),
        {"name": "Marit Nordheim", "role": "Dagleg leiar", "phone": "61211050"},
    )
    assert response.url == url("partner_detail", partner.pk)
    contact.refresh_from_db()
    assert (contact.name, contact.role) == ("Marit Nordheim", "Dagleg leiar")
    assert "Garmo" in _html(client.get(url("partner_offer_edit", offer.pk)))
    client.post(
        url("partner_offer_edit", offer.pk),
        {"kind": "people", "description": "Sjåførar", "areas": "Garmo, Bøverdalen"},
    )
    offer.refresh_from_db()
    assert (offer.kind, offer.area_list) == ("people", ["Garmo", "Bøverdalen"])
    assert PartnerOffer.objects.count() == 1 and PartnerContact.objects.count() == 1


def test_a_contact_change_without_a_way_to_reach_them_is_explained(client_of, coordinator_lom):
    contact = PartnerContact.objects.create(
        organisation=PartnerOrganisationFactory(), municipality_id=LOM, name="Marit", phone="1"
    )
    response = client_of(coordinator_lom).post(
        url("partner_contact_edit", contact.pk), {"name": "Marit"}
    )
    assert response.status_code == 200 and response.context["form"].non_field_errors()
    contact.refresh_from_db()
    assert contact.phone == "1"


def test_contacts_and_offers_are_changed_by_coordinators_of_the_municipality_only(
    client_of, volunteer_contact_lom, coordinator_drammen, coordinator_lom
):
    partner = PartnerOrganisationFactory(municipalities=[LOM, "3301"])
    theirs = PartnerContact.objects.create(
        organisation=partner, municipality_id="3301", name="Ola", phone="1"
    )
    offer = _offer(partner)
    assert (
        client_of(volunteer_contact_lom).get(url("partner_offer_edit", offer.pk)).status_code == 404
    )
    assert (
        client_of(coordinator_drammen).get(url("partner_offer_edit", offer.pk)).status_code == 404
    )
    # Drammen's contact at the shared partner is not reachable from Lom's pages.
    client = client_of(coordinator_lom)
    assert client.get(url("partner_contact_edit", theirs.pk)).status_code == 404
    assert client.post(url("partner_contact_remove", theirs.pk)).status_code == 404
    assert PartnerContact.objects.filter(pk=theirs.pk).exists()
