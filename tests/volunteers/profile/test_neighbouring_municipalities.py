"""A person who helps in neighbouring municipalities (Lom and Skjåk "think regionally"): one
login, one membership in each, and each municipality sees only its own (issue 13)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from coordination.kernel.models import Role
from coordination.kernel.permissions import volunteer_places
from tests.factories import (
    HoursEntryFactory,
    MembershipFactory,
    NeedFactory,
    VolunteerFactory,
    municipality,
)
from volunteers.hours.totals import own_summary, per_volunteer
from volunteers.leaving.services import anonymise_volunteer
from volunteers.models import (
    Consent,
    DeclarationText,
    HoursEntry,
    Signature,
    Volunteer,
    VolunteerNote,
)
from volunteers.profile.services import CONSENT_VERSION
from volunteers.screening.readiness import readiness_for_need

pytestmark = pytest.mark.django_db

SKJAK = "3433"

JOIN_SKJAK = {
    "municipality": SKJAK,
    "area": "Bismo",
    "interests": ["transport"],
    "skills": "",
    "languages": "norsk",
    "weekday_daytime": "on",
    "summer": "on",
    "winter": "on",
    "can_drive": "on",
    "frequency": "monthly",
    "contact_by": "email",
    "phone": "",
    "consent": "on",
}


@pytest.fixture
def coordinator_skjak(db):
    return MembershipFactory(municipality=municipality(SKJAK), role=Role.COORDINATOR).user


@pytest.fixture
def in_lom(volunteer, coordinator_lom):
    """Astrid volunteers in Lom (Bøverdalen, visiting friend)."""
    return VolunteerFactory(user=volunteer, area="Bøverdalen", interests=["visiting_friend"])


@pytest.fixture
def in_both(in_lom, coordinator_skjak):
    """... and in Skjåk too, where she drives (Bismo)."""
    return in_lom, VolunteerFactory(
        user=in_lom.user, municipality=municipality(SKJAK), area="Bismo", interests=["transport"]
    )


def test_a_volunteer_joins_a_neighbouring_municipality_with_consent_of_its_own(
    client_of, in_lom, coordinator_skjak
):
    client = client_of(in_lom.user)
    form = client.get(reverse("volunteers:register"))
    choices = [str(m.pk) for m in form.context["form"].fields["municipality"].queryset]
    assert SKJAK in choices and "3434" not in choices  # not where she already is
    assert form.context["form"]["area"].value() == "Bøverdalen"  # starts from what she shares
    assert "Hjelp i en nabokommune også" in form.content.decode()

    response = client.post(reverse("volunteers:register"), JOIN_SKJAK)

    skjak = Volunteer.objects.get(user=in_lom.user, municipality_id=SKJAK)
    assert response.url == reverse("volunteers:declaration") + f"?in={SKJAK}"
    assert (skjak.area, skjak.interest_codes) == ("Bismo", ["transport"])
    assert Consent.objects.get(volunteer=skjak).purpose_version == CONSENT_VERSION
    in_lom.refresh_from_db()
    assert (in_lom.area, in_lom.interest_codes) == ("Bøverdalen", ["visiting_friend"])
    assert sorted(volunteer_places(in_lom.user)) == ["3433", "3434"]


def test_a_second_membership_in_the_same_municipality_is_refused(
    client_of, in_lom, coordinator_skjak
):
    response = client_of(in_lom.user).post(
        reverse("volunteers:register"), {**JOIN_SKJAK, "municipality": "3434"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["municipality"] == [
        "Velg en av kommunene i listen. Du kan bare registrere deg én gang i hver kommune."
    ]
    assert Volunteer.objects.filter(user=in_lom.user).count() == 1


def test_my_page_shows_one_municipality_at_a_time_and_remembers_the_choice(client_of, in_both):
    lom, skjak = in_both
    client = client_of(lom.user)
    page = client.get(reverse("volunteers:own_page")).content.decode()
    assert "Bøverdalen" in page and "Bismo" not in page
    assert f'href="?in={SKJAK}"' in page and 'aria-current="page"' in page

    page = client.get(reverse("volunteers:own_page") + f"?in={SKJAK}").content.decode()
    assert "Bismo" in page and "Bøverdalen" not in page

    # The profile page, with no parameter, now edits what she shares with Skjåk.
    form = client.get(reverse("volunteers:profile_edit")).context["form"]
    assert form.instance == skjak


def test_a_parameter_for_a_municipality_she_is_not_in_shows_her_own(client_of, in_lom):
    page = client_of(in_lom.user).get(reverse("volunteers:own_page") + "?in=3005")
    assert page.context["volunteer"] == in_lom


def test_each_municipality_sees_only_its_own_membership(
    client_of, in_both, coordinator_lom, coordinator_skjak
):
    lom, skjak = in_both
    VolunteerNote.objects.create(volunteer=skjak, text="Køyrer berre om sommaren")

    as_lom = client_of(coordinator_lom)

    def detail(number, pk):
        return as_lom.get(reverse("volunteers:volunteer_detail", args=[number, pk]))

    assert detail(SKJAK, skjak.pk).status_code == 404
    assert detail("3434", skjak.pk).status_code == 404
    page = detail("3434", lom.pk).content.decode()
    assert "Bøverdalen" in page
    assert "Bismo" not in page and "Køyrer berre" not in page and "Skjåk" not in page
    listing = as_lom.get(reverse("volunteers:registry", args=["3434"])).context["page"]
    assert [v.pk for v in listing] == [lom.pk]


def test_the_declaration_of_one_municipality_does_not_make_her_ready_in_the_other(in_both):
    lom, skjak = in_both
    for place in ("3434", SKJAK):
        DeclarationText.objects.create(municipality_id=place, version=1, body="…")
    lom_text = DeclarationText.objects.get(municipality_id="3434")
    Signature.objects.create(volunteer=lom, text=lom_text)

    assert readiness_for_need(lom, NeedFactory(municipality=municipality("3434"))).ready
    in_skjak = readiness_for_need(skjak, NeedFactory(municipality=municipality(SKJAK)))
    assert not in_skjak.ready
    assert f"?in={SKJAK}" in in_skjak.steps[0].url


def test_stopping_in_one_municipality_keeps_the_other(client_of, in_both):
    lom, skjak = in_both
    client = client_of(lom.user)
    response = client.post(reverse("volunteers:leave") + f"?in={SKJAK}", {})
    assert response.status_code == 302
    lom.refresh_from_db()
    skjak.refresh_from_db()
    assert skjak.left_at is not None and lom.left_at is None
    assert volunteer_places(lom.user) == frozenset({"3434"})


def test_a_coordinator_anonymising_their_membership_leaves_the_other_and_the_login(
    in_both, coordinator_skjak
):
    lom, skjak = in_both
    anonymise_volunteer(volunteer=skjak, by=coordinator_skjak)
    skjak.refresh_from_db()
    lom.refresh_from_db()
    assert skjak.user is None and skjak.area == ""
    assert lom.user is not None and lom.area == "Bøverdalen"


def test_hours_count_where_they_were_given(in_both):
    lom, skjak = in_both
    HoursEntryFactory(volunteer=lom, status="approved", hours=2)
    HoursEntryFactory(volunteer=skjak, status="approved", hours=5)
    entries = HoursEntry.objects.in_municipality("3434")
    rows = list(per_volunteer(entries, timezone.localdate().year))
    assert [(row["volunteer"], row["approved_hours"]) for row in rows] == [(lom.pk, 2)]
    assert own_summary(skjak)["approved_hours"] == 5


def test_her_data_export_has_each_municipality(client_of, in_both):
    lom, _skjak = in_both
    data = client_of(lom.user).get(reverse("coordination:my_data_download")).json()
    assert [entry["area"] for entry in data["volunteer"]] == ["Bøverdalen", "Bismo"]
    assert [entry["municipality"] for entry in data["volunteer"]] == ["Lom", "Skjåk"]
