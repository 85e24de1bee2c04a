import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from coordination.kernel.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _sign_up(client, email="ny.frivillig@samspill.example"):
    return client.post(
        reverse("account_signup"),
        {
            "full_name": "Ny Frivillig",
            "email": email,
            "password1": "Fjellvann-2026!",
            "password2": "Fjellvann-2026!",
        },
    )


def test_sign_up_verification_email_then_login(client):
    response = _sign_up(client)
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")

    user = User.objects.get(email="ny.frivillig@samspill.example")
    assert user.full_name == "Ny Frivillig"
    assert user.preferred_language == ""  # not chosen: their municipality's language
    assert not EmailAddress.objects.get(user=user).verified

    # Mandatory verification: no login before the link is followed.
    client.logout()
    refused = client.post(
        reverse("account_login"),
        {"login": "ny.frivillig@samspill.example", "password": "Fjellvann-2026!"},
    )
    assert refused.status_code == 302
    assert refused.url == reverse("account_email_verification_sent")
    assert client.get(reverse("coordination:my_page")).status_code == 302

    assert len(mail.outbox) >= 1
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+)", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    confirmation = client.get(link.group(1))
    assert confirmation.status_code == 200
    client.post(link.group(1))
    assert EmailAddress.objects.get(user=user).verified

    client.logout()
    logged_in = client.post(
        reverse("account_login"),
        {"login": "NY.Frivillig@samspill.example", "password": "Fjellvann-2026!"},
    )
    assert logged_in.url == reverse("coordination:my_page")
    assert "Ny Frivillig" in client.get(reverse("coordination:my_page")).content.decode()


def test_sign_up_in_english_keeps_english_as_preferred_language(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    _sign_up(client, email="english@samspill.example")
    assert User.objects.get(email="english@samspill.example").preferred_language == "en"
    assert "Please Confirm Your Email Address" in mail.outbox[0].subject


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_the_log_in_page_names_the_reset_link_as_our_texts_do(client, language):
    """Our texts tell people to choose «Glemt passord»; the link says so (msgid "Forgot
    password"), not allauth's «Glemt ditt passord?»."""
    client.post(reverse("set_language"), {"language": language, "next": "/"})
    html = client.get(reverse("account_login")).content.decode()
    assert html.count(f'href="{reverse("account_reset_password")}"') == 1
    assert "Glemt ditt passord" not in html and "Forgot your password" not in html
    if language == "en":
        assert f'<a href="{reverse("account_reset_password")}">Forgot password</a>' in html


def test_sign_up_with_taken_email_creates_no_second_account(client):
    UserFactory(email="taken@samspill.example")
    _sign_up(client, email="TAKEN@samspill.example")
    assert User.objects.filter(email__iexact="taken@samspill.example").count() == 1


def test_sign_up_refuses_weak_password_with_a_message(client):
    response = client.post(
        reverse("account_signup"),
        {
            "full_name": "X",
            "email": "weak@samspill.example",
            "password1": "123",
            "password2": "123",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["password1"]
    assert not User.objects.filter(email="weak@samspill.example").exists()


def test_repeated_failed_logins_lock_the_account_for_a_while(client):
    UserFactory(email="target@samspill.example")
    for _ in range(5):
        client.post(
            reverse("account_login"), {"login": "target@samspill.example", "password": "wrong"}
        )
    # Even the right password is refused now: guessing is throttled per account.
    response = client.post(
        reverse("account_login"), {"login": "target@samspill.example", "password": PASSWORD}
    )
    assert response.status_code == 200
    assert "For mange innloggingsforsøk" in str(response.context["form"].errors)
    assert "_auth_user_id" not in client.session


def test_many_login_requests_from_one_address_get_429(client):
    statuses = {
        client.post(
            reverse("account_login"), {"login": f"x{i}@e.example", "password": "x"}
        ).status_code
        for i in range(31)
    }
    assert 429 in statuses


def test_password_reset_for_one_address_is_limited_to_five_a_minute(client):
    UserFactory(email="glemsk@samspill.example")
    statuses = [
        client.post(reverse("account_reset_password"), {"email": "glemsk@samspill.example"})
        for _ in range(6)
    ]
    assert [r.status_code for r in statuses] == [302] * 5 + [429]
    assert len(mail.outbox) == 5
    assert "Vent noen minutter" in statuses[-1].content.decode()


def test_sign_ups_from_one_address_are_limited(client):
    statuses = [
        client.post(
            reverse("account_signup"),
            {
                "full_name": "Ny",
                "email": f"ny{number}@samspill.example",
                "password1": "Fjellvann-2026!",
                "password2": "Fjellvann-2026!",
            },
        ).status_code
        for number in range(21)
    ]
    assert statuses[:20] == [302] * 20
    assert statuses[20] == 429
    assert User.objects.filter(email="ny20@samspill.example").exists() is False


def test_password_reset_sends_a_working_link(client):
    UserFactory(email="glemsk@samspill.example")
    client.post(reverse("account_reset_password"), {"email": "glemsk@samspill.example"})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/[^\s]+)", mail.outbox[0].body)
    form_page = client.get(link.group(1), follow=True)
    assert form_page.status_code == 200
    client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link.group(1),
        {"password1": "Nytt-passord-2026", "password2": "Nytt-passord-2026"},
    )
    assert client.login(email="glemsk@samspill.example", password="Nytt-passord-2026")


def test_admin_login_goes_through_allauth(client):
    response = client.get("/admin/login/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_admin_refuses_logged_in_non_staff(client):
    client.force_login(UserFactory())
    assert client.get("/admin/login/").status_code == 403


def test_staff_reaches_admin_after_allauth_login(client):
    UserFactory(email="admin@samspill.example", is_staff=True, is_superuser=True)
    client.post(reverse("account_login"), {"login": "admin@samspill.example", "password": PASSWORD})
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize(
    ("language", "hello", "thanks"),
    [
        ("en", "Hello from Samspill!", "Thank you for using Samspill!"),
        ("nb", "Hei fra Samspill!", "Samspill"),
        ("nn", "Hei frå Samspill!", "Samspill"),
    ],
)
def test_allauth_emails_name_samspill_not_the_host(client, language, hello, thanks):
    client.post(reverse("set_language"), {"language": language, "next": "/"})
    _sign_up(client, email=f"{language}@samspill.example")
    message = mail.outbox[0]
    assert message.subject.startswith("[Samspill] ")
    assert hello in message.body
    assert thanks in message.body
    assert "from testserver" not in message.body.lower()
    assert "fra testserver" not in message.body and "frå testserver" not in message.body
