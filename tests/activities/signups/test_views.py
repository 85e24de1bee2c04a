"""The sign-up pages: the public form and its receipt, and the organiser's pages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from activities.models import SessionStatus, SignUp, SignUpStatus
from tests.activities.factories import ActivityFactory, SessionFactory, SignUpFactory

pytestmark = pytest.mark.django_db

FORM = {
    "participant_name": "Ingrid Bakken",
    "participant_phone": "412 34 567",
    "needs_transport": "yes",
    "pickup_address": "Bøverdalsvegen 12",
    "pickup_area": "Bøverdalen",
    "return_trip": "on",
    "mobility_aids": ["walker"],
    "fee_category": "free",
    "reminder": "none",
}


def _url(name, *args):
    return reverse(f"activities:{name}", args=args)


def test_a_participant_signs_up_with_transport_and_sees_the_receipt(client):
    session = SessionFactory(activity=ActivityFactory(transport_offered=True, capacity=5))
    page = client.get(_url("session_sign_up", "3434", session.pk))
    assert page.status_code == 200
    assert "5" in page.content.decode()
    response = client.post(_url("session_sign_up", "3434", session.pk), FORM)
    signup = SignUp.objects.get()
    assert response.url == _url("signup_receipt", signup.token)
    assert signup.needs_transport and signup.mobility_aids == ["walker"]
    receipt = client.get(response.url).content.decode()
    assert "Ingrid Bakken" in receipt and "Bøverdalsvegen 12" in receipt


def test_a_missing_address_is_shown_in_the_error_summary(client):
    session = SessionFactory(activity=ActivityFactory(transport_offered=True))
    response = client.post(
        _url("session_sign_up", "3434", session.pk), {**FORM, "pickup_address": ""}
    )
    assert response.status_code == 200
    assert "data-error-summary" in response.content.decode()
    assert not SignUp.objects.exists()


def test_an_unknown_token_is_404(client):
    assert client.get(_url("signup_receipt", "x" * 32)).status_code == 404


def test_the_participant_cancels_through_the_link(client):
    signup = SignUpFactory()
    response = client.post(_url("signup_cancel", signup.token))
    assert response.status_code == 302
    signup.refresh_from_db()
    assert signup.status == SignUpStatus.CANCELLED


def test_a_binding_sign_up_tells_the_participant_to_call(client):
    signup = SignUpFactory(binding=True, session__activity__contact_phone="61 21 00 00")
    response = client.post(_url("signup_cancel", signup.token))
    assert "61 21 00 00" in response.content.decode()
    signup.refresh_from_db()
    assert signup.status == SignUpStatus.CONFIRMED


def test_the_organiser_sees_participants_and_waiting_list(client_of, coordinator_lom):
    session = SessionFactory()
    SignUpFactory(session=session, participant_name="Anna Li", on_behalf="relative",
                  signed_up_by_name="Per Li")  # fmt: skip
    SignUpFactory(session=session, participant_name="Berit Ås", status=SignUpStatus.WAITING)
    page = client_of(coordinator_lom).get(_url("session_participants", "3434", session.pk))
    text = page.content.decode()
    assert "Anna Li" in text and "Per Li" in text and "Berit Ås" in text


def test_a_representative_of_another_organisation_gets_404(client_of, applicant):
    session = SessionFactory()
    for name in ("session_participants", "participant_add", "session_cancel"):
        assert client_of(applicant).get(_url(name, "3434", session.pk)).status_code == 404


def test_the_participant_list_reads_a_bounded_number_of_queries(client_of, coordinator_lom):
    client = client_of(coordinator_lom)

    def count(n):
        session = SessionFactory()
        SignUpFactory.create_batch(n, session=session, needs_transport=True,
                                   pickup_address="Vegen 1")  # fmt: skip
        with CaptureQueriesContext(connection) as queries:
            assert client.get(_url("session_participants", "3434", session.pk)).status_code == 200
        return len(queries)

    count(1)  # the first request fills the caches (the municipality's language)
    assert count(2) == count(12)


def test_the_reminder_call_list_reads_a_bounded_number_of_queries(client_of, coordinator_lom):
    import datetime

    from django.utils import timezone

    from tests.activities.factories import at

    client = client_of(coordinator_lom)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    def count(n):
        SignUp.objects.all().delete()
        session = SessionFactory(starts_at=at(tomorrow, 11), ends_at=at(tomorrow, 13))
        SignUpFactory.create_batch(n, session=session, reminder="phone")
        with CaptureQueriesContext(connection) as queries:
            page = client.get(_url("reminder_calls", "3434"))
        assert page.content.decode().count("tel:+4741234567") == n
        return len(queries)

    count(1)  # the first request fills the caches (the municipality's language)
    assert count(2) == count(12)


def test_staff_sign_up_someone_by_phone(client_of, volunteer_contact_lom):
    session = SessionFactory(activity=ActivityFactory(sign_up_web=False))
    response = client_of(volunteer_contact_lom).post(
        _url("participant_add", "3434", session.pk),
        {
            "participant_name": "Olav Moen",
            "participant_phone": "61 00 00 00",
            "mobility_aids": [],
            "fee_category": "free",
            "reminder": "phone",
        },  # fmt: skip
    )
    assert response.status_code == 302
    signup = SignUp.objects.get()
    assert signup.on_behalf == "organiser" and signup.signed_up_by == volunteer_contact_lom


def test_the_organiser_cancels_a_session_with_a_reason(client_of, coordinator_lom):
    session = SessionFactory()
    response = client_of(coordinator_lom).post(
        _url("session_cancel", "3434", session.pk), {"reason": "Hallen er tatt"}
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.status == SessionStatus.CANCELLED and session.status_note == "Hallen er tatt"


def test_my_page_lists_my_own_sign_ups(client_of):
    from activities.signups.contributions import export_signups
    from tests.factories import UserFactory

    person = UserFactory()
    signup = SignUpFactory(participant_user=person)
    page = client_of(person).get(reverse("coordination:my_page"))
    assert _url("signup_receipt", signup.token) in page.content.decode()
    assert export_signups(person)[0]["name"] == signup.participant_name


def test_the_receipt_is_never_cached_and_not_indexed(client):
    signup = SignUpFactory()
    response = client.get(_url("signup_receipt", signup.token))
    assert "no-store" in response["Cache-Control"]
    assert 'name="robots" content="noindex"' in response.content.decode()


def test_the_receipt_speaks_the_municipalitys_language(client):
    signup = SignUpFactory()  # Lom writes nynorsk
    response = client.get(_url("signup_receipt", signup.token))
    assert '<html lang="nn">' in response.content.decode()


def test_the_period_sign_up_page_reads_a_bounded_number_of_queries(client):
    import datetime

    from activities.models import Enrolment

    def count(n):
        activity = ActivityFactory(enrolment=Enrolment.FOR_PERIOD, capacity=10)
        first = SessionFactory(activity=activity)
        for week in range(1, n):
            SessionFactory(
                activity=activity, starts_at=first.starts_at + datetime.timedelta(weeks=week)
            )
        SignUpFactory(session=None, activity=activity, municipality=activity.municipality)
        with CaptureQueriesContext(connection) as queries:
            page = client.get(_url("activity_sign_up", "3434", activity.pk))
        assert page.status_code == 200
        return len(queries)

    count(1)  # the first request fills the caches (the municipality's language)
    assert count(2) == count(12)


def test_staff_on_the_public_form_may_sign_up_as_the_organiser(client, client_of, coordinator_lom):
    session = SessionFactory()
    url = _url("session_sign_up", "3434", session.pk)
    assert 'value="organiser"' not in client.get(url).content.decode()
    staff = client_of(coordinator_lom)
    assert 'value="organiser"' in staff.get(url).content.decode()
    form = {**FORM, "needs_transport": "no", "pickup_address": "", "for_someone_else": "on",
            "on_behalf": "organiser", "signed_up_by_name": "Ingrid Bakken"}  # fmt: skip
    assert staff.post(url, form).status_code == 302
    signup = SignUp.objects.get()
    assert signup.on_behalf == "organiser" and signup.signed_up_by == coordinator_lom
    assert signup.participant_user is None


def test_the_coordination_overview_links_to_the_reminder_calls(client_of, coordinator_lom):
    page = client_of(coordinator_lom).get(reverse("coordination:overview", args=["3434"]))
    assert _url("reminder_calls", "3434") in page.content.decode()
