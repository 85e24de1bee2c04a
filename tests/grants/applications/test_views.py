"""The applicant's pages: a happy path for each, and the forbidden paths that matter (another
organisation's representative gets 404; a sent application's edit pages are closed)."""

import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from coordination.models import Membership, Role
from grants.applications.models import Application
from grants.applications.services import submit_application
from grants.applications.services.transitions import transition
from grants.applications.workflow import Actor, Status
from tests.factories import MembershipFactory, PartnerOrganisationFactory, UserFactory
from tests.grants.factories import (
    ApplicationFactory,
    ApplicationPartnerFactory,
    AttachmentFactory,
    QuestionFactory,
    ReviewAssignmentFactory,
)


def url(name, pk):
    return reverse(f"grants:{name}", args=[pk])


@pytest.fixture
def other_rep(db):
    """A representative of another organisation in Lom."""
    user = UserFactory()
    MembershipFactory(
        user=user, role=Role.PARTNER_REPRESENTATIVE, organisation=PartnerOrganisationFactory()
    )
    return user


def test_start_an_application_as_the_organisation(client_of, rep, round_, organisation):
    client = client_of(rep, language="en")
    page = client.get(url("application_start", round_.pk))
    assert page.status_code == 200
    assert "Lom frivilligsentral, in Lom" in page.text
    response = client.post(
        url("application_start", round_.pk),
        {"applying_as": f"3434:{organisation.pk}", "title": "Turvenner"},
    )
    application = Application.objects.get(title="Turvenner")
    assert response.url == url("application_detail", application.pk)
    assert application.organisation == organisation and application.created_by == rep


def test_start_is_refused_with_a_message_when_the_round_has_closed(client_of, rep, round_):
    round_.opens_at = timezone.now() - datetime.timedelta(days=40)
    round_.closes_at = timezone.now() - datetime.timedelta(days=1)
    round_.save()
    page = client_of(rep, language="en").get(url("application_start", round_.pk))
    assert "The deadline passed at" in page.text
    assert 'name="title"' not in page.text


def test_a_volunteer_is_told_who_may_apply(client_of, volunteer, round_):
    page = client_of(volunteer, language="en").post(
        url("application_start", round_.pk), {"title": "X"}
    )
    assert page.status_code == 200
    assert "Only a municipality's volunteer coordinator" in page.text
    assert not Application.objects.exists()


def test_the_applicant_sees_the_checklist_with_links(client_of, rep, draft):
    draft.summary = ""
    draft.save()
    page = client_of(rep, language="en").get(url("application_detail", draft.pk))
    assert page.status_code == 200
    assert "Describe the project in a few sentences." in page.text
    assert url("application_edit", draft.pk) in page.text


def test_another_organisations_representative_gets_404_everywhere(client_of, other_rep, draft):
    client = client_of(other_rep, language="en")
    for name in (
        "application_detail", "application_edit", "application_budget", "application_partners",
        "application_attachments", "application_submit", "application_withdraw",
        "application_provide_information",
    ):  # fmt: skip
        assert client.get(url(name, draft.pk)).status_code == 404, name
        assert client.post(url(name, draft.pk)).status_code == 404, name


def test_my_applications_shows_only_ones_own(client_of, rep, draft, other_rep):
    theirs = ApplicationFactory(
        organisation=Membership.objects.get(user=other_rep).organisation, title="Deira søknad"
    )
    page = client_of(rep, language="en").get(reverse("grants:my_applications"))
    assert draft.title in page.text and theirs.title not in page.text
    page = client_of(other_rep, language="en").get(reverse("grants:my_applications"))
    assert draft.title not in page.text and theirs.title in page.text


def test_edit_saves_the_project_municipalities_and_answers(client_of, rep, draft):
    question = QuestionFactory(round=draft.round)
    response = client_of(rep, language="en").post(
        url("application_edit", draft.pk),
        {
            "title": "Turvenner i Lom",
            "summary": "Kort.",
            "municipalities_text": "Skjåk, 3301",
            f"question_{question.pk}": "Vi ringer rundt.",
            "contact_name": "Marit",
            "contact_email": "marit@example.no",
        },
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.title, draft.summary, draft.description) == ("Turvenner i Lom", "Kort.", "")
    assert sorted(draft.municipalities.values_list("number", flat=True)) == ["3301", "3433"]
    assert draft.answers.get().text == "Vi ringer rundt."


def test_an_unknown_municipality_is_said_plainly(client_of, rep, draft):
    page = client_of(rep, language="en").post(
        url("application_edit", draft.pk), {"title": "X", "municipalities_text": "Atlantis"}
    )
    assert page.status_code == 200
    assert "We found no municipality called «Atlantis»" in page.text


def test_budget_formset_saves_lines_and_shows_totals(client_of, rep, draft):
    year = draft.starts_on.year
    data = {
        "lines-TOTAL_FORMS": "4", "lines-INITIAL_FORMS": "1",
        "lines-0-year": year, "lines-0-description": "Skyss", "lines-0-source": "grant",
        "lines-0-amount": "120000",
        "lines-1-year": year, "lines-1-description": "Kaffi", "lines-1-source": "own",
        "lines-1-amount": "8000",
    }  # fmt: skip
    client = client_of(rep, language="en")
    assert client.post(url("application_budget", draft.pk), data).status_code == 302
    assert sorted(draft.budget_lines.values_list("amount", flat=True)) == [8000, 120000]
    page = client.get(url("application_budget", draft.pk))
    assert "128" in page.text and "Totals as saved" in page.text
    half = {**data, "lines-2-description": "Noko"}
    page = client.post(url("application_budget", draft.pk), half)
    assert page.status_code == 200 and "Line 3, year: Choose the year." in page.text


def test_partners_are_found_added_and_removed(client_of, rep, draft, mailoutbox):
    client = client_of(rep, language="en")
    page = client.get(url("application_partners", draft.pk), {"q": "Skjåk"})
    assert 'value="m3433"' in page.text
    response = client.post(
        url("application_partners", draft.pk),
        {"q": "Skjåk", "partner": "m3433", "contribution": "Heimetenesta fortel om tilbodet."},
    )
    assert response.status_code == 302
    partner = draft.partners.get()
    assert partner.municipality_id == "3433"
    remove = url("application_partner_remove", partner.pk)
    assert client.post(remove).status_code == 302
    assert not draft.partners.exists()


def test_a_partner_confirms_from_its_own_page(client_of, coordinator_lom, draft):
    partner = ApplicationPartnerFactory(application=draft)
    client = client_of(coordinator_lom, language="en")
    page = client.get(url("partner_confirm", partner.pk))
    assert draft.title in page.text and partner.contribution in page.text
    assert client.post(url("partner_confirm", partner.pk), {"answer": "yes"}).status_code == 302
    partner.refresh_from_db()
    assert partner.confirmed_at and partner.answered_by == coordinator_lom
    assert client.get(url("application_detail", draft.pk)).status_code == 200


def test_the_applicant_cannot_answer_for_the_partner(client_of, rep, draft):
    partner = ApplicationPartnerFactory(application=draft)
    assert (
        client_of(rep, language="en")
        .post(url("partner_confirm", partner.pk), {"answer": "yes"})
        .status_code
        == 404
    )


def test_attachments_upload_download_and_remove(client_of, rep, draft):
    client = client_of(rep, language="en")
    response = client.post(
        url("application_attachments", draft.pk),
        {"title": "Prosjektplan", "file": SimpleUploadedFile("plan.pdf", b"%PDF-1.4\n%%EOF\n")},
    )
    assert response.status_code == 302
    attachment = draft.attachments.get()
    download = client.get(url("attachment_download", attachment.pk))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert client.post(url("attachment_remove", attachment.pk)).status_code == 302
    assert not draft.attachments.exists()


def test_attachments_are_read_by_officers_and_impartial_reviewers_only(
    client_of, rep, draft, officer, reviewer, coordinator_drammen
):
    attachment = AttachmentFactory(application=draft)
    submit_application(by=rep, application=draft)
    download = url("attachment_download", attachment.pk)
    assert client_of(officer, language="en").get(download).status_code == 200
    assignment = ReviewAssignmentFactory(application=draft, reviewer=reviewer)
    assert client_of(reviewer, language="en").get(download).status_code == 404  # not declared yet
    assignment.impartial, assignment.declared_at = True, timezone.now()
    assignment.save()
    assert client_of(reviewer, language="en").get(download).status_code == 200
    assert client_of(coordinator_drammen, language="en").get(download).status_code == 404


def test_submit_then_every_edit_page_is_closed(
    client_of, rep, draft, django_capture_on_commit_callbacks
):
    client = client_of(rep, language="en")
    assert "Send the application now" in client.get(url("application_submit", draft.pk)).text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("application_submit", draft.pk))
    assert response.url == url("application_detail", draft.pk)
    draft.refresh_from_db()
    assert draft.status == Status.SUBMITTED and draft.number == 1
    assert [m.to for m in mail.outbox] == [[rep.email], [draft.contact_email]]
    page = client.get(url("application_detail", draft.pk))
    assert draft.reference in page.text and "What has happened" in page.text
    for name in ("application_edit", "application_budget", "application_partners",
                 "application_attachments"):  # fmt: skip
        response = client.post(url(name, draft.pk), {"title": "Endra", "summary": "Endra"})
        assert response.status_code == 302 and response.url == url("application_detail", draft.pk)
    draft.refresh_from_db()
    assert draft.title != "Endra" and draft.summary != "Endra"


def test_submit_refuses_what_is_missing(client_of, rep, draft):
    draft.description = ""
    draft.save()
    client = client_of(rep, language="en")
    page = client.get(url("application_submit", draft.pk))
    assert "Write the project description." in page.text
    client.post(url("application_submit", draft.pk))
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_withdraw_with_a_confirm_page(client_of, rep, draft):
    client = client_of(rep, language="en")
    assert "Yes, withdraw the application" in client.get(url("application_withdraw", draft.pk)).text
    client.post(url("application_withdraw", draft.pk), {"reason": "Ikkje no."})
    draft.refresh_from_db()
    assert draft.status == Status.WITHDRAWN


def test_provide_information_shows_the_request_and_sends_it_back(client_of, rep, draft, officer):
    submit_application(by=rep, application=draft)
    draft.information_request = "Kven køyrer bilen?"
    draft.save()
    transition(application=draft, name="request_information", by=officer, actor=Actor.OFFICER)
    client = client_of(rep, language="en")
    assert "Kven køyrer bilen?" in client.get(url("application_provide_information", draft.pk)).text
    assert client.get(url("application_edit", draft.pk)).status_code == 200  # open again
    client.post(url("application_provide_information", draft.pk), {"note": "Frivillige sjåførar."})
    draft.refresh_from_db()
    assert draft.status == Status.SCREENING


def test_my_page_panel_shows_drafts_and_partner_requests(client_of, coordinator_lom, draft):
    ApplicationPartnerFactory(application=draft)
    page = client_of(coordinator_lom, language="en").get(
        reverse("coordination:my_page"), follow=True
    )
    assert "Grant applications" in page.text
    assert url("partner_confirm", draft.partners.get().pk) in page.text
