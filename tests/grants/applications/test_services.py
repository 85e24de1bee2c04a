"""The applicant's services: starting as whom, writing, the budget, partners, attachments,
what is missing before sending, sending, withdrawing and answering for more information."""

import datetime
import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from coordination.models import Municipality, Role
from grants.applications import services
from grants.applications.forms import AttachmentForm
from grants.applications.models import Answer, Application, ApplicationEvent, BudgetLine
from grants.applications.services.transitions import transition
from grants.applications.workflow import Actor, Status
from grants.schemes.models import ApplicantKind
from tests.activities.factories import ActivityFactory
from tests.factories import MembershipFactory, PartnerOrganisationFactory, UserFactory
from tests.grants.factories import (
    ApplicationFactory,
    ApplicationPartnerFactory,
    AttachmentFactory,
    QuestionFactory,
)

GRANT, OWN, OTHER = BudgetLine.Source.GRANT, BudgetLine.Source.OWN, BudgetLine.Source.OTHER


# --- Starting --------------------------------------------------------------------------------


def test_a_representative_applies_for_the_organisation_with_contact_from_the_user(
    rep, organisation, round_, lom
):
    [choice] = services.applying_as(rep, round_)
    assert (choice.municipality, choice.organisation) == (lom, organisation)
    application = services.start_application(
        by=rep, round=round_, title=" Fredagstreff ", municipality=lom, organisation=organisation
    )
    assert application.status == Status.DRAFT
    assert application.title == "Fredagstreff"
    assert application.grant_maker == round_.grant_maker
    assert (application.contact_name, application.contact_email) == (rep.full_name, rep.email)
    assert application.created_by == rep


def test_a_coordinator_applies_for_the_municipality(coordinator_lom, round_, lom):
    [choice] = services.applying_as(coordinator_lom, round_)
    assert choice.organisation is None
    application = services.start_application(
        by=coordinator_lom, round=round_, title="Skyss", municipality=lom
    )
    assert application.organisation is None and application.municipality == lom


def test_nobody_applies_for_what_they_do_not_speak_for(rep, coordinator_drammen, round_, lom):
    with pytest.raises(PermissionDenied):
        services.start_application(
            by=coordinator_drammen, round=round_, title="X", municipality=lom
        )
    with pytest.raises(PermissionDenied):  # a representative is not the municipality
        services.start_application(by=rep, round=round_, title="X", municipality=lom)


def test_the_schemes_applicant_kinds_are_respected(rep, organisation, round_, lom):
    round_.scheme.applicant_kinds = ApplicantKind.MUNICIPALITIES
    round_.scheme.save()
    assert services.applying_as(rep, round_) == []
    with pytest.raises(ValidationError, match="Organisations cannot apply"):
        services.start_application(
            by=rep, round=round_, title="X", municipality=lom, organisation=organisation
        )


def test_light_only_where_the_round_has_it(rep, organisation, round_, lom):
    with pytest.raises(ValidationError, match="no light application"):
        services.start_application(
            by=rep, round=round_, title="X", municipality=lom, organisation=organisation, light=True
        )
    round_.light_limit = 50_000
    round_.save()
    application = services.start_application(
        by=rep, round=round_, title="X", municipality=lom, organisation=organisation, light=True
    )
    assert application.light


# --- Writing ---------------------------------------------------------------------------------


def test_saving_a_draft_never_requires_completeness(draft, rep):
    services.update_application(by=rep, application=draft, summary="", description="")
    draft.refresh_from_db()
    assert draft.summary == "" and draft.status == Status.DRAFT


def test_the_project_period_must_fit_the_schemes_years(draft, rep):
    draft.round.scheme.max_years = 2
    draft.round.scheme.save()
    with pytest.raises(ValidationError, match="at most 2"):
        services.update_application(
            by=rep,
            application=draft,
            starts_on=datetime.date(2028, 1, 1),
            ends_on=datetime.date(2030, 6, 30),
        )
    with pytest.raises(ValidationError, match="must end after it starts"):
        services.update_application(
            by=rep,
            application=draft,
            starts_on=datetime.date(2028, 5, 1),
            ends_on=datetime.date(2028, 4, 1),
        )


def test_answers_are_kept_and_only_the_light_forms_questions_count(draft, rep):
    asked = QuestionFactory(round=draft.round, in_light_form=True)
    not_light = QuestionFactory(round=draft.round, in_light_form=False)
    services.save_answers(by=rep, application=draft, answers={asked.pk: " Vi ringer rundt. "})
    assert Answer.objects.get(application=draft, question=asked).text == "Vi ringer rundt."
    draft.light = True
    draft.save()
    with pytest.raises(ValidationError):
        services.save_answers(by=rep, application=draft, answers={not_light.pk: "x"})


def test_only_published_activities_of_the_municipalities_involved_are_linked(draft, rep):
    lom_activity = ActivityFactory()
    drammen_activity = ActivityFactory(municipality=Municipality.objects.get(pk="3301"))
    services.set_activities(by=rep, application=draft, activities=[lom_activity])
    assert list(draft.activities.all()) == [lom_activity]
    with pytest.raises(ValidationError):
        services.set_activities(by=rep, application=draft, activities=[drammen_activity])
    services.set_municipalities(
        by=rep, application=draft, municipalities=[Municipality.objects.get(pk="3301")]
    )
    services.set_activities(by=rep, application=draft, activities=[drammen_activity])
    assert list(draft.activities.all()) == [drammen_activity]


# --- Budget ----------------------------------------------------------------------------------


def test_budget_totals_per_year_and_source(draft, rep):
    year = draft.starts_on.year
    draft.ends_on = datetime.date(year + 1, 12, 31)
    draft.save()
    services.replace_budget(
        by=rep,
        application=draft,
        lines=[
            {"year": year, "description": "Skyss", "source": GRANT, "amount": 100_000},
            {"year": year, "description": "Lokaler", "source": OWN, "amount": 20_000},
            {"year": year + 1, "description": "Skyss", "source": GRANT, "amount": 80_000},
            {"year": year + 1, "description": "Kommunen", "source": OTHER, "amount": 5_000},
        ],
    )
    totals = services.budget_totals(draft.budget_lines.all())
    assert totals.year_total == {year: 120_000, year + 1: 85_000}
    assert totals.by_source == {GRANT: 180_000, OWN: 20_000, OTHER: 5_000}
    assert totals.total == 205_000
    assert totals.rows[0] == {"year": year, "amounts": [100_000, 20_000, 0], "total": 120_000}
    assert draft.requested_amount() == 180_000


def test_budget_years_lie_within_the_project_period(draft, rep):
    outside = draft.starts_on.year + 1
    with pytest.raises(ValidationError, match="outside the project period"):
        services.replace_budget(
            by=rep,
            application=draft,
            lines=[{"year": outside, "description": "x", "source": GRANT, "amount": 1}],
        )
    assert draft.budget_lines.count() == 1  # unchanged


def test_budget_years_within_the_schemes_longest_duration(draft, rep):
    draft.starts_on = draft.ends_on = None
    draft.save()
    draft.round.scheme.max_years = 1
    draft.round.scheme.save()
    first = draft.round.closes_at.year
    with pytest.raises(ValidationError, match="at most 1"):
        services.replace_budget(
            by=rep,
            application=draft,
            lines=[
                {"year": first, "description": "x", "source": GRANT, "amount": 1},
                {"year": first + 1, "description": "y", "source": GRANT, "amount": 1},
            ],
        )


# --- What is missing -------------------------------------------------------------------------


def test_a_complete_draft_misses_nothing(draft):
    assert services.missing_for_submission(draft) == []


def test_missing_for_submission_says_each_thing_in_a_sentence(draft):
    draft.summary = draft.target_groups = ""
    draft.contact_email = ""
    draft.save()
    draft.budget_lines.all().delete()
    QuestionFactory(round=draft.round, text="How do you reach those who are alone?")
    ApplicationPartnerFactory(application=draft)
    assert services.missing_for_submission(draft) == [
        "Describe the project in a few sentences.",
        "Say who the project is for.",
        "Give the name and email of a contact person.",
        "Answer the question «How do you reach those who are alone?».",
        "Add at least one budget line with money applied for here.",
        "Lom has not yet confirmed taking part.",
    ]
    sections = [item.section for item in services.missing_items(draft)]
    assert sections == ["application_edit"] * 4 + ["application_budget", "application_partners"]


def test_requested_amount_within_max_per_year_and_the_light_limit(draft):
    draft.budget_lines.update(amount=600_000)  # the scheme gives 500 000 a year
    assert services.missing_for_submission(draft) == [
        "You apply for 600\xa0000 kroner; this scheme gives at most 500\xa0000 kroner a year "
        "(500\xa0000 kroner for your budget's years)."
    ]
    draft.budget_lines.update(amount=60_000)
    draft.light = True
    draft.save()
    draft.round.light_limit = 50_000
    draft.round.save()
    assert services.missing_for_submission(draft)[0].startswith(
        "A light application can ask for at most 50\xa0000 kroner"
    )


def test_partnership_required_and_declines_and_light_attachments(draft):
    draft.round.scheme.partnership_required = True
    draft.round.scheme.save()
    assert services.missing_for_submission(draft) == [
        "This scheme requires a partner: add at least one."
    ]
    ApplicationPartnerFactory(application=draft, declined_at=datetime.datetime.now(datetime.UTC))
    assert services.missing_for_submission(draft) == [
        "Lom has said no to taking part: remove it from the application."
    ]
    draft.partners.update(declined_at=None, confirmed_at=datetime.datetime.now(datetime.UTC))
    draft.light = True
    draft.save()
    AttachmentFactory(application=draft)
    assert services.missing_for_submission(draft) == [
        "A light application has no attachments: remove them."
    ]


# --- Partners --------------------------------------------------------------------------------


def test_adding_a_partner_asks_its_representatives_to_confirm(
    draft, rep, mailoutbox, django_capture_on_commit_callbacks
):
    other = PartnerOrganisationFactory(name="Lom pensjonistlag")
    representative = UserFactory(email="leder@pensjonistlag.example")
    MembershipFactory(user=representative, role=Role.PARTNER_REPRESENTATIVE, organisation=other)
    with django_capture_on_commit_callbacks(execute=True):
        partner = services.add_partner(
            by=rep, application=draft, contribution="Kjører", organisation=other
        )
    assert partner.organisation == other and not partner.is_confirmed
    [email] = mailoutbox
    assert email.to == ["leder@pensjonistlag.example"]
    assert draft.title in email.body and f"/grants/partners/{partner.pk}/" in email.body


def test_a_municipality_partner_asks_its_coordinators(
    draft, rep, coordinator_lom, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.add_partner(
            by=rep,
            application=draft,
            contribution="Heimetenesta",
            municipality=coordinator_lom.memberships.get().municipality,
        )
    assert [email.to for email in mailoutbox] == [[coordinator_lom.email]]


def test_a_partner_cannot_be_added_twice_or_be_the_applicant(draft, rep, organisation, lom):
    services.add_partner(by=rep, application=draft, contribution="x", municipality=lom)
    with pytest.raises(ValidationError, match="already"):
        services.add_partner(by=rep, application=draft, contribution="x", municipality=lom)
    with pytest.raises(ValidationError, match="its own partner"):
        services.add_partner(by=rep, application=draft, contribution="x", organisation=organisation)


def test_partners_confirm_from_their_own_login(draft, rep, coordinator_lom, coordinator_drammen):
    partner = ApplicationPartnerFactory(application=draft)  # Lom municipality
    with pytest.raises(PermissionDenied):
        services.answer_partnership(by=rep, partner=partner, confirm=True)
    with pytest.raises(PermissionDenied):
        services.answer_partnership(by=coordinator_drammen, partner=partner, confirm=True)
    services.answer_partnership(by=coordinator_lom, partner=partner, confirm=True)
    partner.refresh_from_db()
    assert partner.confirmed_at and partner.answered_by == coordinator_lom
    assert services.missing_for_submission(draft) == []
    services.answer_partnership(by=coordinator_lom, partner=partner, confirm=False)
    partner.refresh_from_db()
    assert partner.declined_at and partner.confirmed_at is None


def test_partner_waiting_list(draft, coordinator_lom, coordinator_drammen):
    partner = ApplicationPartnerFactory(application=draft)
    assert services.partnerships_waiting_for(coordinator_lom) == [partner]
    assert services.partnerships_waiting_for(coordinator_drammen) == []


# --- Attachments -----------------------------------------------------------------------------


def _docx() -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return data.getvalue()


def _odt() -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return data.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "stored"),
    [
        ("plan.pdf", b"%PDF-1.4\n%%EOF\n", "pdf"),
        ("plan.docx", _docx(), "docx"),
        ("plan.odt", _odt(), "odt"),
    ],
)
def test_attachments_of_the_allowed_kinds_are_stored(draft, rep, name, data, stored):
    form = AttachmentForm({"title": "Prosjektplan"}, {"file": SimpleUploadedFile(name, data)})
    assert form.is_valid(), form.errors
    attachment = services.add_attachment(
        by=rep, application=draft, title="Prosjektplan", file=form.cleaned_data["file"]
    )
    assert attachment.original_name == name
    assert attachment.file.name.endswith(f".{stored}") and "plan" not in attachment.file.name


def test_a_file_pretending_to_be_a_document_is_refused():
    form = AttachmentForm(
        {"title": "Plan"}, {"file": SimpleUploadedFile("plan.docx", b"<script>x</script>")}
    )
    assert not form.is_valid()
    assert "is not a PDF, Word, OpenDocument" in str(form.errors["file"])


def test_a_light_application_has_no_attachments(draft, rep):
    draft.light = True
    draft.save()
    with pytest.raises(ValidationError, match="light application has no attachments"):
        services.add_attachment(
            by=rep, application=draft, title="x", file=SimpleUploadedFile("a.pdf", b"%PDF-1.4")
        )


# --- Sending, locking, withdrawing, more information ----------------------------------------


def test_submitting_numbers_the_application_and_records_the_event(draft, rep, round_):
    ApplicationFactory(round=round_, status=Status.SUBMITTED, number=7)
    services.submit_application(by=rep, application=draft)
    draft.refresh_from_db()
    assert draft.status == Status.SUBMITTED and draft.number == 8 and draft.submitted_at
    event = ApplicationEvent.objects.get(application=draft)
    assert (event.transition, event.actor, event.to_status) == ("submit", rep, Status.SUBMITTED)


def test_only_the_applicant_submits(draft, coordinator_lom):
    with pytest.raises(PermissionDenied):
        services.submit_application(by=coordinator_lom, application=draft)


def test_an_incomplete_application_is_refused_with_what_is_missing(draft, rep):
    draft.summary = ""
    draft.save()
    with pytest.raises(ValidationError) as refused:
        services.submit_application(by=rep, application=draft)
    assert refused.value.messages == ["Describe the project in a few sentences."]


def test_a_sent_application_is_locked_for_every_edit(draft, rep, coordinator_lom, lom):
    partner = ApplicationPartnerFactory(
        application=draft, confirmed_at=datetime.datetime.now(datetime.UTC)
    )
    attachment = AttachmentFactory(application=draft)
    question = QuestionFactory(round=draft.round, required=False)
    services.submit_application(by=rep, application=draft)
    locked = "The application has been submitted and is locked."
    pdf = SimpleUploadedFile("a.pdf", b"%PDF-1.4")
    new = PartnerOrganisationFactory()
    edits = [
        lambda: services.update_application(by=rep, application=draft, summary="Ny"),
        lambda: services.save_answers(by=rep, application=draft, answers={question.pk: "x"}),
        lambda: services.set_municipalities(by=rep, application=draft, municipalities=[lom]),
        lambda: services.set_activities(by=rep, application=draft, activities=[]),
        lambda: services.replace_budget(by=rep, application=draft, lines=[]),
        lambda: services.add_partner(by=rep, application=draft, contribution="x", organisation=new),
        lambda: services.remove_partner(by=rep, partner=partner),
        lambda: services.answer_partnership(by=coordinator_lom, partner=partner, confirm=False),
        lambda: services.add_attachment(by=rep, application=draft, title="x", file=pdf),
        lambda: services.remove_attachment(by=rep, attachment=attachment),
        lambda: services.submit_application(by=rep, application=draft),
    ]  # fmt: skip
    for edit in edits:
        with pytest.raises(ValidationError) as refused:
            edit()
        assert refused.value.messages == [locked]
    draft.refresh_from_db()
    assert draft.summary != "Ny" and draft.budget_lines.count() == 1
    assert draft.partners.count() == 1 and draft.attachments.count() == 1


def test_withdrawing_records_the_reason(draft, rep):
    services.withdraw_application(by=rep, application=draft, reason="Vi fekk pengar andre stader.")
    draft.refresh_from_db()
    assert draft.status == Status.WITHDRAWN
    assert draft.events.get().note == "Vi fekk pengar andre stader."


def test_more_information_opens_the_application_and_sends_it_back(draft, rep, officer):
    services.submit_application(by=rep, application=draft)
    transition(application=draft, name="request_information", by=officer, actor=Actor.OFFICER)
    services.update_application(by=rep, application=draft, summary="Betre forklart.")
    with pytest.raises(ValidationError):
        services.provide_information(by=rep, application=draft, note=" ")
    services.provide_information(by=rep, application=draft, note="Vi har forklart skyssen.")
    draft.refresh_from_db()
    assert draft.status == Status.SCREENING and draft.summary == "Betre forklart."
    with pytest.raises(ValidationError, match="locked"):
        services.update_application(by=rep, application=draft, summary="Igjen")


def test_information_is_sent_back_only_when_the_application_is_still_complete(draft, rep, officer):
    services.submit_application(by=rep, application=draft)
    transition(application=draft, name="request_information", by=officer, actor=Actor.OFFICER)
    services.update_application(by=rep, application=draft, description="")
    with pytest.raises(ValidationError) as refused:
        services.provide_information(by=rep, application=draft, note="Endra.")
    assert refused.value.messages == ["Write the project description."]
    draft.refresh_from_db()
    assert draft.status == Status.MORE_INFORMATION


def test_the_same_partner_added_at_the_same_moment_is_refused_in_words(draft, rep, lom):
    from unittest.mock import patch

    from django.db import IntegrityError

    with (
        patch(
            "grants.applications.models.ApplicationPartner.objects.create",
            side_effect=IntegrityError,
        ),
        pytest.raises(ValidationError, match="already in the application"),
    ):
        services.add_partner(by=rep, application=draft, contribution="x", municipality=lom)


def test_the_applicant_hears_the_partners_answer(
    draft, rep, coordinator_lom, mailoutbox, django_capture_on_commit_callbacks
):
    partner = ApplicationPartnerFactory(application=draft)
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_partnership(by=coordinator_lom, partner=partner, confirm=False)
    [email] = mailoutbox
    assert email.to == [rep.email]
    assert "Lom" in email.subject and draft.title in email.body


def test_the_status_in_words_is_its_label_in_the_language_of_the_page():
    with translation.override("nn"):
        shown = [Application(status=value).get_status_display() for value in Status.values]
        assert shown == [str(label) for label in Status.labels]
    assert Application(status="no_longer_a_status").get_status_display() == "no_longer_a_status"
