"""The receipt: reference, title, the time received in Norwegian time, that the application is
locked; in the applicant's language (a nynorsk municipality's applicant reads nynorsk)."""

from unittest.mock import patch

import time_machine

from coordination.kernel import mail
from grants.applications.services import submit_application
from tests.grants.factories import oslo

SENT_AT = oslo(2026, 12, 20, 14, 30, 5)


def _submit(draft, rep, capture):
    round_ = draft.round
    round_.opens_at, round_.closes_at = oslo(2026, 11, 1), oslo(2027, 1, 15, 12)
    round_.save()
    with time_machine.travel(SENT_AT, tick=False), capture(execute=True):
        submit_application(by=rep, application=draft)
    draft.refresh_from_db()


def test_the_receipt_goes_to_the_submitter_and_the_contact(
    draft, rep, mailoutbox, django_capture_on_commit_callbacks
):
    rep.preferred_language = "en"
    rep.save()
    draft.contact_email = "kontakt@frivilligsentral.example"
    draft.save()
    _submit(draft, rep, django_capture_on_commit_callbacks)
    assert [email.to for email in mailoutbox] == [[rep.email], ["kontakt@frivilligsentral.example"]]
    email = mailoutbox[0]
    assert email.subject == f"Receipt: your application {draft.reference} has been received"
    assert f"Reference: {draft.reference}" in email.body
    assert f"Project: {draft.title}" in email.body
    assert "Received: 14:30 on Dec. 20, 2026 (Norwegian time)" in email.body
    assert "The application is now locked and can no longer be changed." in email.body
    assert f"/grants/applications/{draft.pk}/" in email.body


def _languages_written(draft, rep, capture) -> list[tuple[str, str]]:
    """(address, language) of each email sent when ``draft`` is submitted."""
    with patch("coordination.kernel.mail._send", wraps=mail._send) as sent:
        _submit(draft, rep, capture)
    return [(call.args[0], call.args[3]) for call in sent.call_args_list]


def test_a_nynorsk_municipalitys_applicant_gets_the_receipt_in_nynorsk(
    draft, rep, mailoutbox, django_capture_on_commit_callbacks
):
    rep.preferred_language = ""  # not chosen: Lom writes nynorsk
    rep.save()
    draft.contact_email = "kontakt@frivilligsentral.example"
    draft.save()
    written = _languages_written(draft, rep, django_capture_on_commit_callbacks)
    assert written == [(rep.email, "nn"), ("kontakt@frivilligsentral.example", "nn")]
    assert "20. desember 2026" in mailoutbox[0].body


def test_a_bokmal_municipalitys_applicant_gets_bokmal(
    draft, rep, drammen, mailoutbox, django_capture_on_commit_callbacks
):
    rep.memberships.update(municipality=drammen)
    rep.preferred_language = ""
    rep.save()
    draft.municipality = drammen
    draft.contact_email = rep.email
    draft.save()
    written = _languages_written(draft, rep, django_capture_on_commit_callbacks)
    assert written == [(rep.email, "nb")]


def test_a_persons_own_choice_of_language_wins(
    draft, rep, mailoutbox, django_capture_on_commit_callbacks
):
    rep.preferred_language = "en"
    rep.save()
    draft.contact_email = rep.email
    draft.save()
    written = _languages_written(draft, rep, django_capture_on_commit_callbacks)
    assert written == [(rep.email, "en")]
    assert mailoutbox[0].subject.startswith("Receipt:")
