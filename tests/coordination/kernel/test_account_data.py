import json

import pytest
from django.urls import reverse

from coordination.kernel import audit, retention
from coordination.kernel.models import Membership, User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _log_in_with_password(client, user):
    """Log in and confirm the password again, as deleting an account asks."""
    client.force_login(user)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    return client


def test_download_holds_everything_about_the_person_and_nothing_about_others(
    client_of, coordinator_lom, coordinator_drammen, lom
):
    audit.record(coordinator_lom, "viewed", lom, summary="teamliste")
    audit.record(coordinator_drammen, "viewed", lom, summary="annen person")
    response = client_of(coordinator_lom).get(reverse("coordination:my_data_download"))
    assert response["Content-Disposition"] == 'attachment; filename="samspill-mine-data.json"'
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["account"]["email"] == coordinator_lom.email
    assert data["account"]["email_addresses"] == [
        {"email": coordinator_lom.email, "verified": True, "primary": True}
    ]
    assert [(r["municipality"], r["role"]) for r in data["roles"]] == [("Lom", "coordinator")]
    assert [e["details"] for e in data["your_actions_in_the_audit_log"]] == ["teamliste"]
    assert coordinator_drammen.email not in response.content.decode()


def test_person_without_a_role_deletes_their_account(client, volunteer):
    _log_in_with_password(client, volunteer)
    page = client.get(reverse("coordination:account_delete"))
    assert page.status_code == 200
    client.post(reverse("coordination:account_delete"))
    assert not User.objects.filter(pk=volunteer.pk).exists()
    assert "_auth_user_id" not in client.session


def test_person_with_a_role_is_told_to_hand_it_over_first(client, coordinator_lom):
    _log_in_with_password(client, coordinator_lom)
    response = client.post(reverse("coordination:account_delete"), follow=True)
    assert "Be frivillighetskoordinatoren din fjerne rollen" in response.content.decode()
    assert User.objects.filter(pk=coordinator_lom.pk).exists()
    assert Membership.objects.filter(user=coordinator_lom).exists()


def test_deleting_asks_for_the_password_again_after_a_while(client, settings):
    person = UserFactory()
    client.force_login(person)  # no recent authentication recorded in the session
    response = client.post(reverse("coordination:account_delete"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_reauthenticate"))
    assert User.objects.filter(pk=person.pk).exists()


def test_privacy_page_lists_every_retention_rule_the_code_applies(client):
    html = client.get(reverse("coordination:privacy")).content.decode()
    assert len(retention.RULES) >= 2
    for rule in retention.RULES.values():
        assert str(rule.what) in html and str(rule.kept_for) in html


def test_accessibility_statement_names_the_level_and_how_to_report(client, settings):
    html = client.get(reverse("coordination:accessibility")).content.decode()
    assert "WCAG" in html and "2.1" in html and "AA" in html
    assert f"mailto:{settings.SUPPORT_EMAIL}" in html
