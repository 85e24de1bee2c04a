"""The optional lookup in the Central Coordinating Register for Legal Entities: done by a
background job after a partner is saved (never in the request), only when BRREG_LOOKUP_URL is
set; what the register says is stored and shown; failures are logged and change nothing. The
register is played by a tiny HTTP server on 127.0.0.1 started by the test."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.urls import reverse

from coordination.models import PartnerOrganisation
from coordination.partners import register as brreg
from coordination.partners import services
from tests.factories import PartnerOrganisationFactory

pytestmark = pytest.mark.django_db

NUMBER = "923609016"


class FakeRegister(BaseHTTPRequestHandler):
    # path -> (status, body, delay in seconds)
    answers: dict = {}
    asked: list = []

    def do_GET(self):  # noqa: N802 (the standard library's name)
        FakeRegister.asked.append(self.path)
        status, body, delay = FakeRegister.answers.get(self.path, (404, b"{}", 0))
        time.sleep(delay)
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # the client gave up waiting (the timeout test): nothing to report


@pytest.fixture
def register(settings):
    server = QuietServer(("127.0.0.1", 0), FakeRegister)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    FakeRegister.answers, FakeRegister.asked = {}, []
    settings.BRREG_LOOKUP_URL = f"http://127.0.0.1:{server.server_port}/enheter/{{number}}"
    yield FakeRegister
    server.shutdown()
    server.server_close()


def _answer(register, status=200, body=None, delay=0, number=NUMBER):
    data = body if isinstance(body, bytes) else json.dumps(body or {}).encode()
    register.answers[f"/enheter/{number}"] = (status, data, delay)


def test_saving_a_partner_looks_it_up_after_the_save(
    register, client_of, coordinator_lom, django_capture_on_commit_callbacks
):
    _answer(register, body={"organisasjonsnummer": NUMBER, "navn": "LOM PENSJONISTLAG",
                            "registrertIFrivillighetsregisteret": True})  # fmt: skip
    client = client_of(coordinator_lom)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(
            reverse("coordination:partner_add", args=["3434"]),
            {
                "name": "Lom pensjonistlag",
                "kind": "association",
                "organisation_number": "923 609 016",
            },
        )
    assert register.asked == []  # not during the request
    partner = PartnerOrganisation.objects.get()
    assert partner.register_checked_at is None
    assert len(callbacks) == 1
    callbacks[0]()  # the transaction committed: the job runs (eagerly in tests)
    assert register.asked == [f"/enheter/{NUMBER}"]
    partner.refresh_from_db()
    assert partner.register_found is True
    assert partner.register_name == "LOM PENSJONISTLAG"
    assert partner.in_voluntary_register is True
    assert partner.register_checked_at is not None
    page = client.get(reverse("coordination:partner_detail", args=["3434", partner.pk]))
    html = page.content.decode()
    assert "Registrert som LOM PENSJONISTLAG." in html
    assert "Registrert i Frivillighetsregisteret." in html


def test_no_lookup_when_the_setting_is_empty(
    settings, lom, coordinator_lom, django_capture_on_commit_callbacks
):
    settings.BRREG_LOOKUP_URL = ""
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        partner, _ = services.create_partner(
            municipality=lom, by=coordinator_lom, name="Lag", kind="association",
            organisation_number=NUMBER,
        )  # fmt: skip
    assert callbacks == []
    partner.refresh_from_db()
    assert partner.register_checked_at is None


def test_not_in_the_register_is_stored_as_such(register):
    partner = PartnerOrganisationFactory(organisation_number=NUMBER)
    _answer(register, status=404, body={"feilmelding": "Ingen enhet"})
    assert brreg.look_up_in_register(organisation=partner) is True
    partner.refresh_from_db()
    assert (partner.register_found, partner.register_name) == (False, "")
    assert partner.in_voluntary_register is None and partner.register_checked_at


@pytest.mark.parametrize(
    "answer",
    [
        {"status": 500, "body": b"Internal error"},
        {"status": 200, "body": b"<html>not json</html>"},
        {"status": 200, "body": b"[1, 2]"},
        {"status": 200, "body": {"navn": "SEIN"}, "delay": 1.5},
    ],
)
def test_a_failed_lookup_is_logged_and_leaves_the_fields_as_they_were(
    register, settings, caplog, answer, monkeypatch
):
    monkeypatch.setattr(brreg, "REGISTER_TIMEOUT_SECONDS", 0.5)
    partner = PartnerOrganisationFactory(
        organisation_number=NUMBER, register_name="LOM PENSJONISTLAG", register_found=True,
        in_voluntary_register=True,
    )  # fmt: skip
    before = PartnerOrganisation.objects.filter(pk=partner.pk).values().get()
    _answer(register, **answer)
    assert brreg.look_up_in_register(organisation=partner) is False
    assert PartnerOrganisation.objects.filter(pk=partner.pk).values().get() == before
    assert "Register lookup of 923609016 failed" in caplog.text


def test_an_unreachable_register_is_a_logged_failure(settings, caplog):
    settings.BRREG_LOOKUP_URL = "http://127.0.0.1:9/enheter/{number}"  # nothing listens there
    partner = PartnerOrganisationFactory(organisation_number=NUMBER)
    assert brreg.look_up_in_register(organisation=partner) is False
    partner.refresh_from_db()
    assert partner.register_checked_at is None
    assert "failed" in caplog.text


def test_the_job_skips_a_partner_that_is_gone(register):
    from coordination.partners.tasks import look_up_partner_in_register

    assert look_up_partner_in_register.delay(organisation=999_999).get() is False
    assert register.asked == []


@pytest.mark.parametrize(
    "pattern", ["file:///etc/passwd?{number}", "http://127.0.0.1:9/{number}/{other}", "{0}"]
)
def test_a_misconfigured_lookup_address_is_refused_and_logged(settings, caplog, pattern):
    settings.BRREG_LOOKUP_URL = pattern
    partner = PartnerOrganisationFactory(organisation_number=NUMBER)
    assert brreg.look_up_in_register(organisation=partner) is False
    partner.refresh_from_db()
    assert partner.register_checked_at is None
    assert "failed" in caplog.text
