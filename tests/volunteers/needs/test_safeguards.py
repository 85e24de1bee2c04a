"""Safeguards on needs (issue 10): practical help the municipality has decided to give is
clarified with the service before anyone is invited; who consented is recorded (the person, a
lasting power of attorney, a guardian, or the home care service with a note); a very
vulnerable person's need gets an extra check before invitations; the needs list shows whom each
need is for to those who may see the person."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from coordination.models import AuditEvent
from tests.factories import (
    AssignmentFactory,
    NeedFactory,
    VolunteerFactory,
)
from volunteers.matching.ranking import Proposal
from volunteers.models import ConsentBasis, Invitation, Need, PracticalDecision
from volunteers.needs import services

pytestmark = pytest.mark.django_db

LIST = reverse("volunteers:need_list", args=["3434"])
REPORT = reverse("volunteers:need_report", args=["3434"])
HELP = reverse("volunteers:help_form", args=["3434"])
FIELDS = {
    "kind": "practical_help",
    "description": "Handle med henne på fredager",
    "area": "Lom sentrum",
    "weekday_daytime": True,
    "person_name": "Olga Haugen",
    "person_phone": "61211234",
    "consent_basis": ConsentBasis.SELF,
}


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


def _url(name, *args):
    return reverse(f"volunteers:{name}", args=["3434", *args])


def _invite(need, by):
    volunteer = VolunteerFactory(interests=[need.kind])
    return services.invite_volunteers(
        need=need, proposals=[Proposal(volunteer=volunteer, score=1, reasons=[])], by=by
    )


# --- 1. never replace staff in statutory tasks --------------------------------------------


def test_practical_help_must_say_whether_there_is_a_decision(coordinator_lom, lom):
    with pytest.raises(ValidationError) as refused:
        services.report_need(municipality=lom, fields=FIELDS, consented=True, by=coordinator_lom)
    assert "practical_decision" in refused.value.message_dict
    assert not Need.objects.exists()
    other = services.report_need(
        municipality=lom, fields={**FIELDS, "kind": "walks"}, consented=True, by=coordinator_lom
    )
    assert not other.needs_service_clarified  # only practical help asks


@pytest.mark.parametrize("decision", [PracticalDecision.YES, PracticalDecision.UNKNOWN])
def test_with_a_decision_nobody_is_invited_until_clarified_with_the_service(
    coordinator_lom, decision
):
    need = NeedFactory(kind="practical_help", practical_decision=decision)
    with pytest.raises(ValidationError) as refused:
        _invite(need, coordinator_lom)
    assert "Clarify with the service first" in " ".join(refused.value.messages)
    assert not Invitation.objects.exists()
    with pytest.raises(ValidationError) as no_note:
        services.record_service_clarified(need=need, by=coordinator_lom, note="  ")
    assert "note" in no_note.value.message_dict
    services.record_service_clarified(
        need=need, by=coordinator_lom, note="Hjemmetjenesten beholder vasken"
    )
    need.refresh_from_db()
    assert need.service_clarified_by == coordinator_lom and need.service_clarified_at
    assert len(_invite(need, coordinator_lom)) == 1
    assert AuditEvent.objects.filter(code="need.service_clarified").exists()


def test_without_a_decision_practical_help_is_invited_as_before(coordinator_lom):
    need = NeedFactory(kind="practical_help", practical_decision=PracticalDecision.NO)
    assert len(_invite(need, coordinator_lom)) == 1
    with pytest.raises(ValidationError):
        services.record_service_clarified(need=need, by=coordinator_lom, note="Ikke nødvendig")


def test_changing_the_decision_asks_to_clarify_again(coordinator_lom):
    need = NeedFactory(kind="practical_help", practical_decision=PracticalDecision.UNKNOWN)
    services.record_service_clarified(need=need, by=coordinator_lom, note="Avklart")
    services.update_need(need=need, fields={"practical_decision": "yes"}, by=coordinator_lom)
    need.refresh_from_db()
    assert need.waits_for_service and need.service_clarified_note == ""


def test_only_the_coordinator_records_the_clarification(volunteer_contact_lom):
    need = NeedFactory(kind="practical_help", practical_decision=PracticalDecision.YES)
    with pytest.raises(PermissionDenied):
        services.record_service_clarified(need=need, by=volunteer_contact_lom, note="Avklart")


def test_the_need_page_tells_the_coordinator_and_hides_the_invite_button(
    client_of, coordinator_lom
):
    need = NeedFactory(kind="practical_help", practical_decision=PracticalDecision.YES)
    VolunteerFactory(interests=["practical_help"])
    client = client_of(coordinator_lom)
    page = client.get(_url("need_detail", need.pk))
    html = page.content.decode()
    assert page.context["invite_blockers"]
    assert _url("need_service_clarified", need.pk) in html
    assert _url("need_invite", need.pk) not in html
    refused = client.post(_url("need_service_clarified", need.pk), {"service-note": ""})
    assert refused.status_code == 200 and refused.context["form"].errors["note"]
    done = client.post(_url("need_service_clarified", need.pk), {"service-note": "Avklart"})
    assert done.status_code == 302
    html = client.get(_url("need_detail", need.pk)).content.decode()
    assert _url("need_invite", need.pk) in html and "Avklart" in html


def test_posting_an_invitation_before_clarifying_is_refused_with_a_message(
    client_of, coordinator_lom
):
    need = NeedFactory(kind="practical_help", practical_decision=PracticalDecision.YES)
    volunteer = VolunteerFactory(interests=["practical_help"])
    response = client_of(coordinator_lom).post(
        _url("need_invite", need.pk), {"volunteers": [volunteer.pk]}
    )
    assert response.status_code == 200
    said = " ".join(response.context["form"].non_field_errors())
    assert "Clarify with the service first" in said or "Avklar først med tjenesten" in said
    assert not Invitation.objects.exists()


def test_the_forms_ask_for_what_the_volunteer_needs_to_know_not_diagnoses(
    client_of, client, coordinator_lom
):
    for html in (
        client_of(coordinator_lom).get(REPORT).content.decode(),
        client.get(HELP).content.decode(),
    ):
        assert "dementia" not in html and "demens" not in html
        assert 'name="practical_decision"' in html
    with translation.override("en"):
        assert "walker" in str(Need._meta.get_field("considerations").help_text)


def test_the_public_form_asks_about_the_decision_for_practical_help(client, coordinator_lom):
    form = {
        "kind": "practical_help",
        "description": "Hjelp med å handle",
        "person_name": "Olga Haugen",
        "person_phone": "61211234",
        "area": "Lom sentrum",
        "consent_basis": "self",
        "consent": "on",
        "website": "",
    }
    missing = client.post(HELP, form)
    assert missing.status_code == 200 and missing.context["form"].errors["practical_decision"]
    assert client.post(HELP, {**form, "practical_decision": "unknown"}).status_code == 302
    assert Need.objects.get().waits_for_service


# --- 2. consent for people who cannot consent themselves ---------------------------------


@pytest.mark.parametrize(
    "basis", [ConsentBasis.SELF, ConsentBasis.POWER_OF_ATTORNEY, ConsentBasis.GUARDIAN]
)
def test_who_consented_is_recorded(coordinator_lom, lom, basis):
    need = services.report_need(
        municipality=lom,
        fields={**FIELDS, "kind": "walks", "consent_basis": basis},
        consented=True,
        by=coordinator_lom,
    )
    assert need.consent_basis == basis


def test_the_home_care_service_consents_only_with_a_note(coordinator_lom, lom):
    fields = {**FIELDS, "kind": "walks", "consent_basis": ConsentBasis.HOME_CARE}
    with pytest.raises(ValidationError) as refused:
        services.report_need(municipality=lom, fields=fields, consented=True, by=coordinator_lom)
    assert "consent_note" in refused.value.message_dict
    assert not Need.objects.exists()
    need = services.report_need(
        municipality=lom,
        fields={**fields, "consent_note": "Sykepleier Eva, personen kan ikke samtykke selv"},
        consented=True,
        by=coordinator_lom,
    )
    assert need.consent_note.startswith("Sykepleier Eva")


def test_the_coordinators_form_offers_every_basis_and_the_vulnerable_box(
    client_of, coordinator_lom
):
    html = client_of(coordinator_lom).get(REPORT).content.decode()
    for basis in ConsentBasis.values:
        assert f'value="{basis}"' in html
    assert 'name="very_vulnerable"' in html and 'name="consent_note"' in html


def test_the_public_form_cannot_mark_a_person_very_vulnerable(client, coordinator_lom, lom):
    need = services.report_need(
        municipality=lom, fields={**FIELDS, "kind": "walks", "very_vulnerable": True},
        consented=True,
    )  # fmt: skip
    assert not need.very_vulnerable  # the coordinator decides that


def test_a_very_vulnerable_persons_need_waits_for_the_extra_check(coordinator_lom):
    need = NeedFactory(very_vulnerable=True)
    with pytest.raises(ValidationError) as refused:
        _invite(need, coordinator_lom)
    assert "very vulnerable" in " ".join(refused.value.messages)
    with pytest.raises(ValidationError):
        services.confirm_extra_check(need=need, by=coordinator_lom, note="")
    services.confirm_extra_check(need=need, by=coordinator_lom, note="Verge bekreftet på telefon")
    need.refresh_from_db()
    assert (need.extra_check_by, need.extra_check_note) == (
        coordinator_lom,
        "Verge bekreftet på telefon",
    )
    assert len(_invite(need, coordinator_lom)) == 1


def test_the_extra_check_is_only_for_a_very_vulnerable_person(coordinator_lom):
    with pytest.raises(ValidationError):
        services.confirm_extra_check(need=NeedFactory(), by=coordinator_lom, note="Sjekket")


def test_the_extra_check_through_the_need_page(client_of, coordinator_lom, volunteer_contact_lom):
    need = NeedFactory(very_vulnerable=True)
    VolunteerFactory(interests=["visiting_friend"])
    assert (
        client_of(volunteer_contact_lom)
        .post(_url("need_extra_check", need.pk), {"check-note": "Sjekket"})
        .status_code
        == 404
    )
    client = client_of(coordinator_lom)
    html = client.get(_url("need_detail", need.pk)).content.decode()
    assert _url("need_extra_check", need.pk) in html and _url("need_invite", need.pk) not in html
    assert (
        client.post(_url("need_extra_check", need.pk), {"check-note": "Sjekket"}).status_code == 302
    )
    need.refresh_from_db()
    assert need.extra_check_note == "Sjekket"


# --- 3. the needs list shows whom each need is for -------------------------------------


def test_the_coordinator_sees_whom_each_need_is_for(client_of, coordinator_lom):
    NeedFactory(person_name="Olga Haugen")
    response = client_of(coordinator_lom).get(LIST)
    assert "Olga Haugen" in response.content.decode()
    assert AuditEvent.objects.filter(code="needs.names_listed").exists()


def test_a_volunteer_contact_sees_no_names_in_the_list(client_of, volunteer_contact_lom):
    NeedFactory(person_name="Olga Haugen")
    html = client_of(volunteer_contact_lom).get(LIST).content.decode()
    assert "Olga Haugen" not in html


def test_a_volunteer_contact_who_helps_as_a_volunteer_sees_only_that_name(
    client_of, volunteer_contact_lom
):
    helped = NeedFactory(person_name="Olga Haugen")
    NeedFactory(person_name="Per Hansen")
    AssignmentFactory(need=helped, volunteer=VolunteerFactory(user=volunteer_contact_lom))
    html = client_of(volunteer_contact_lom).get(LIST).content.decode()
    assert "Olga Haugen" in html and "Per Hansen" not in html


def test_names_in_the_list_cost_no_query_per_need(
    client_of, coordinator_lom, django_assert_max_num_queries
):
    client = client_of(coordinator_lom)
    NeedFactory.create_batch(3)
    client.get(LIST)
    with django_assert_max_num_queries(50) as few:
        client.get(LIST)
    NeedFactory.create_batch(30, person_name="Kari Nordmann")
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(LIST).content.decode()
    assert html.count("Kari Nordmann") == 30


def test_an_anonymised_need_shows_no_name(client_of, coordinator_lom):
    from django.utils import timezone

    NeedFactory(person_name="Gone Person", anonymised_at=timezone.now())
    assert "Gone Person" not in client_of(coordinator_lom).get(LIST).content.decode()


def test_another_coordinator_sees_nothing(client_of, coordinator_drammen):
    NeedFactory(person_name="Olga Haugen")
    response = client_of(coordinator_drammen).get(LIST)
    assert response.status_code == 404


def test_anonymising_a_need_clears_the_notes_about_consent_and_the_checks():
    from volunteers.retention import anonymise_needs

    need = NeedFactory(
        consent_basis=ConsentBasis.HOME_CARE,
        consent_note="Sykepleier Eva for Olga",
        service_clarified_note="Avklart med Olgas hjemmetjeneste",
        extra_check_note="Olgas verge ringte",
    )
    anonymise_needs(Need.objects.filter(pk=need.pk))
    need.refresh_from_db()
    assert (need.consent_note, need.service_clarified_note, need.extra_check_note) == ("", "", "")


def test_a_hostile_or_too_long_note_is_refused_or_shown_as_text(client_of, coordinator_lom):
    need = NeedFactory(very_vulnerable=True)
    client = client_of(coordinator_lom)
    too_long = client.post(_url("need_extra_check", need.pk), {"check-note": "x" * 301})
    assert too_long.status_code == 200 and too_long.context["form"].errors["note"]
    need.refresh_from_db()
    assert need.extra_check_at is None
    client.post(_url("need_extra_check", need.pk), {"check-note": "<script>alert(1)</script>\nok"})
    html = client.get(_url("need_detail", need.pk)).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; ok" in html  # one line, escaped
