"""A volunteer's "all your data" page speaks the reader's language: labels, coded values and
dates; the downloadable file keeps the codes and ISO dates."""

import datetime
import json
import re
from decimal import Decimal

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse
from django.utils import translation

from coordination.kernel import account_data, audit
from coordination.kernel.models import Membership, Role
from tests.factories import (
    AssignmentFactory,
    CourseFactory,
    HoursEntryFactory,
    InvitationFactory,
    UserFactory,
    VolunteerFactory,
    VolunteerRoleFactory,
)
from volunteers.models import CertificateCheck, Consent, CourseCompletion, RoleHolder

pytestmark = pytest.mark.django_db


def _full_volunteer():
    """A volunteer with something in every part of the export."""
    person = UserFactory(full_name="Kari Fjellstad", preferred_language="nb")
    volunteer = VolunteerFactory(user=person, area="Bøverdalen", interests=["visiting_friend"])
    holder = RoleHolder.objects.create(volunteer=volunteer, role=VolunteerRoleFactory())
    CertificateCheck.objects.create(
        holder=holder, kind="limited", presented_on="2026-01-05", approved=True,
        renew_by="2029-01-05",
    )  # fmt: skip
    CourseCompletion.objects.create(
        volunteer=volunteer, course=CourseFactory(), completed_on="2026-02-03"
    )
    Consent.objects.create(volunteer=volunteer, purpose_version=1, purpose_text="Samtykke")
    assignment = AssignmentFactory(volunteer=volunteer, started_on=datetime.date(2026, 3, 1))
    HoursEntryFactory(volunteer=volunteer, assignment=assignment, hours=Decimal("2.5"),
                      km=Decimal("12"))  # fmt: skip
    InvitationFactory(volunteer=volunteer)
    Authenticator.objects.create(user=person, type=Authenticator.Type.TOTP, data={})
    audit.record(person, "changed", volunteer, code="volunteer.left")
    return volunteer


def _keys(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for item in value.values() for k in _keys(item)}
    if isinstance(value, list):
        return {k for item in value for k in _keys(item)}
    return set()


def test_every_key_of_the_export_has_a_label(lom):
    volunteer = _full_volunteer()
    Membership.objects.create(user=volunteer.user, municipality=lom, role=Role.VOLUNTEER_CONTACT)
    data = account_data.export_for(volunteer.user)
    keys = set().union(*(_keys(v) for k, v in data.items() if k != "exported_at"))
    assert {"hours", "police_certificate_checks", "why_it_ended", "two_factor_methods"} <= keys
    assert keys - set(account_data.LABELS) == set()


def test_the_page_says_labels_values_and_dates_in_bokmal(client_of):
    volunteer = _full_volunteer()
    with translation.override("nb"):
        html = client_of(volunteer.user).get(reverse("coordination:my_data_page")).content.decode()
    text = re.sub(r"<[^>]+>", " ", html)
    english = ("Weekday daytime", "Visiting friend", "visiting_friend", "Preferred language",
               "Date joined", "pending", "limited", "totp", "Contact by", "Km rate")  # fmt: skip
    for word in english:
        assert word not in text, word
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text), "a date in ISO form"
    assert "Besøksvenn" in text and "Hverdager på dagtid" in text
    assert "5. januar 2026" in text and "2,5" in text
    assert "Kode fra en autentiseringsapp" in text
    assert "Sluttet som frivillig" in text


def test_the_file_keeps_codes_and_iso_dates(client_of):
    volunteer = _full_volunteer()
    response = client_of(volunteer.user).get(reverse("coordination:my_data_download"))
    data = json.loads(response.content)
    check = data["volunteer_screening"][0]["roles"][0]["police_certificate_checks"][0]
    assert check == {"kind": "limited", "presented_on": "2026-01-05", "approved": True,
                     "renew_by": "2029-01-05"}  # fmt: skip
    assert data["volunteer"][0]["interests"] == ["visiting_friend"]
    assert data["volunteer"][0]["hours"][0]["hours"] == "2.50"
    assert data["account"]["two_factor_methods"] == ["totp"]
