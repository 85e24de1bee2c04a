"""Issue 10, security: rate limits count per client address. Behind the documented proxy every
request comes from the proxy, so the forwarded address is trusted exactly as far as
TRUSTED_PROXY_COUNT says; and failed logins lock an account for one address only."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from coordination.kernel.client_ip import client_ip
from tests.factories import PASSWORD, UserFactory
from tests.volunteers.needs.test_public import FORM, HELP

pytestmark = pytest.mark.django_db

LOGIN = reverse("account_login")
PROXY = "10.0.0.2"  # the proxy in front of the web service: every request comes from it


def _request(forwarded: str | None = None):
    headers = {"REMOTE_ADDR": PROXY}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


@pytest.mark.parametrize(
    "count, forwarded, expected",
    [
        (0, None, PROXY),
        (0, "198.51.100.7", PROXY),  # no proxy trusted: the header is ignored
        (1, "198.51.100.7", "198.51.100.7"),
        (1, "6.6.6.6, 198.51.100.7", "198.51.100.7"),  # the client's own entry is not trusted
        (2, "6.6.6.6, 198.51.100.7, 10.0.0.9", "198.51.100.7"),
        (1, "198.51.100.7:5123", "198.51.100.7"),
        (1, "[2001:db8::1]:443", "2001:db8::1"),
        (1, None, PROXY),  # not through the proxy: the connection's address
        (2, "198.51.100.7", PROXY),  # fewer entries than proxies: never the header
        (1, "not-an-address", PROXY),
    ],
)
def test_the_client_address_is_read_exactly_as_far_as_the_proxies_are_trusted(
    settings, count, forwarded, expected
):
    settings.TRUSTED_PROXY_COUNT = count
    assert client_ip(_request(forwarded)) == expected


def _too_many(response) -> bool:
    return response.status_code == 429 or "For mange innloggingsforsøk" in str(
        response.context["form"].errors
    )


def _fail_login(client, email: str, address: str):
    return client.post(
        LOGIN,
        {"login": email, "password": "wrong"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=address,
    )


def _log_in(client, email: str, address: str):
    return client.post(
        LOGIN,
        {"login": email, "password": PASSWORD},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=address,
    )


def test_failed_logins_from_one_forwarded_address_do_not_block_another(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    UserFactory(email="ekte@samspill.example")
    for number in range(11):
        _fail_login(client, f"ukjent{number}@samspill.example", "198.51.100.7")
    blocked = _log_in(client, "ekte@samspill.example", "198.51.100.7")
    assert _too_many(blocked)  # the guesser's address is throttled, even for a right password …
    response = _log_in(client, "ekte@samspill.example", "203.0.113.9")
    assert response.status_code == 302  # … and someone else, behind the same proxy, is not
    assert client.session.get("_auth_user_id")


def test_a_forged_forwarded_address_does_not_escape_the_limit(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for number in range(11):
        _fail_login(client, f"ukjent{number}@samspill.example", f"192.0.2.{number}, 198.51.100.7")
    response = _fail_login(client, "ukjent99@samspill.example", "192.0.2.99, 198.51.100.7")
    assert _too_many(response)  # the proxy's entry counts, not what the client wrote


def test_without_trusted_proxies_the_forwarded_header_is_ignored(client, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for number in range(11):
        _fail_login(client, f"ukjent{number}@samspill.example", f"192.0.2.{number}")
    assert _too_many(_fail_login(client, "ukjent99@samspill.example", "192.0.2.99"))


def test_the_public_help_form_limits_each_address_not_the_whole_country(
    client, settings, coordinator_lom
):
    settings.TRUSTED_PROXY_COUNT = 1
    headers = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    statuses = [client.post(HELP, FORM, **headers).status_code for _ in range(6)]
    assert statuses == [302] * 5 + [429]
    other = client.post(HELP, FORM, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert other.status_code == 302


def test_a_stranger_cannot_lock_a_coordinator_out(client, settings, coordinator_lom):
    """Five wrong passwords lock the account for the address they came from only."""
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(5):
        _fail_login(client, coordinator_lom.email, "198.51.100.7")
    from_stranger = _log_in(client, coordinator_lom.email, "198.51.100.7")
    assert from_stranger.status_code == 200
    assert "For mange innloggingsforsøk" in str(from_stranger.context["form"].errors)
    response = _log_in(client, coordinator_lom.email, "203.0.113.9")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(coordinator_lom.pk)


def test_five_wrong_passwords_from_one_address_still_lock_that_address(client, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    UserFactory(email="target@samspill.example")
    for _ in range(5):
        client.post(LOGIN, {"login": "target@samspill.example", "password": "wrong"})
    response = client.post(LOGIN, {"login": "target@samspill.example", "password": PASSWORD})
    assert "For mange innloggingsforsøk" in str(response.context["form"].errors)
