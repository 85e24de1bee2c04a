"""The demo shows the readiness gate as a new user meets it: ``volunteer-lom-2`` (Nils, who
has not signed the declaration) sees his invitation without the person and is told to sign
first; ``volunteer-lom`` (Astrid, ready) sees the person she visits. The demo's roles are
described, and the visiting friend's police certificate has its legal basis."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from coordination.models import User
from volunteers.models import Assignment, Invitation, VolunteerRole

pytestmark = pytest.mark.django_db


def test_the_demo_volunteer_who_has_not_signed_is_told_to_sign_and_sees_no_person(client):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    nils = User.objects.get(email="frivillig.nils@samspill.example")
    invitation = Invitation.objects.get(volunteer__user=nils, status="pending")
    need = invitation.need
    client.force_login(nils)
    html = client.get(reverse("volunteers:invitation", args=[invitation.pk])).content.decode()
    # Nils has not chosen a language: Lom writes nynorsk, so his pages are in nynorsk.
    assert '<html lang="nn">' in html
    assert "Før du kan seie ja" in html and "Skriv under på teieerklæringa." in html
    # (The demo's address is only "<area>, Lom", the same words as where the help is.)
    assert need.person_name not in html and need.person_phone not in html
    assert "Rolla: Sjåfør" in html and "Dette gjer du ikkje" in html
    response = client.post(
        reverse("volunteers:invitation", args=[invitation.pk]), {"answer": "accept"}
    )
    assert response.status_code == 200
    assert not Assignment.objects.filter(volunteer__user=nils).exists()

    astrid = User.objects.get(email="frivillig.astrid@samspill.example")
    pairing = Assignment.objects.get(volunteer__user=astrid, status="active")
    client.force_login(astrid)
    html = client.get(reverse("volunteers:own_assignment", args=[pairing.pk])).content.decode()
    assert pairing.need.person_name in html

    for role in VolunteerRole.objects.filter(municipality_id="3434"):
        assert role.is_described, role
        assert not role.requires_certificate or role.certificate_legal_basis, role
