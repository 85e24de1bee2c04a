"""Role clarity: every role says what the volunteer does and does not do, shown in the
invitation, on the volunteer's page and in the role list; the starter roles ship with good
ones. A role that requires a police certificate states its legal basis (written by the
coordinator) and accepts the kinds the coordinator chose — readiness and matching use them."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import InvitationFactory, NeedFactory, VolunteerFactory, VolunteerRoleFactory
from volunteers.matching.ranking import propose_for_need
from volunteers.models import CertificateCheck, RoleHolder, VolunteerRole
from volunteers.screening import services as screening
from volunteers.screening.readiness import Missing, missing_for
from volunteers.screening.starter_roles import STARTER_ROLES, starter_role

pytestmark = pytest.mark.django_db

LOM = "3434"
TODAY = timezone.localdate()
DESCRIBED = {
    "what_you_do": "Besøker og prater\n- Går tur sammen",
    "what_you_do_not_do": "Gir medisiner\nTar seg av penger eller nøkler",
}
LEGAL_BASIS = "Lom krever begrenset politiattest for roller der du er alene med sårbare."


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


def _role(**fields):
    return VolunteerRoleFactory(name="Besøksvenn", **DESCRIBED, **fields)


def _html(response):
    return response.content.decode()


# --- the service ----------------------------------------------------------------------------


@pytest.mark.parametrize("missing", ["what_you_do", "what_you_do_not_do"])
def test_a_role_must_say_what_the_volunteer_does_and_does_not_do(coordinator_lom, lom, missing):
    with pytest.raises(ValidationError) as refused:
        screening.create_role(
            municipality=lom, by=coordinator_lom, name="Besøksvenn", **{**DESCRIBED, missing: " "}
        )
    assert list(refused.value.message_dict) == [missing]
    assert not VolunteerRole.objects.exists()


def test_a_role_requiring_a_certificate_must_state_its_legal_basis(coordinator_lom, lom):
    with pytest.raises(ValidationError) as refused:
        screening.create_role(
            municipality=lom, by=coordinator_lom, name="Besøksvenn", **DESCRIBED,
            requires_certificate=True, certificate_kinds=["limited"],
        )  # fmt: skip
    assert "legal basis" in refused.value.message_dict["certificate_legal_basis"][0]
    assert not VolunteerRole.objects.exists()


def test_a_role_requiring_a_certificate_must_name_the_kinds_it_accepts(coordinator_lom, lom):
    with pytest.raises(ValidationError) as refused:
        screening.create_role(
            municipality=lom, by=coordinator_lom, name="Besøksvenn", **DESCRIBED,
            requires_certificate=True, certificate_legal_basis=LEGAL_BASIS,
        )  # fmt: skip
    assert "certificate_kinds" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        screening.create_role(
            municipality=lom, by=coordinator_lom, name="Besøksvenn", **DESCRIBED,
            requires_certificate=True, certificate_kinds=["limited", "made_up"],
            certificate_legal_basis=LEGAL_BASIS,
        )  # fmt: skip
    assert "certificate_kinds" in refused.value.message_dict
    assert not VolunteerRole.objects.exists()


def test_the_coordinator_chooses_the_kinds_and_writes_the_basis(coordinator_lom, lom):
    role = screening.create_role(
        municipality=lom, by=coordinator_lom, name="Besøksvenn", **DESCRIBED,
        requires_certificate=True, certificate_kinds=["ordinary", "limited", "ordinary"],
        certificate_legal_basis=f"  {LEGAL_BASIS} ",
    )  # fmt: skip
    assert role.certificate_kinds == ["limited", "ordinary"]
    assert role.certificate_legal_basis == LEGAL_BASIS
    assert (
        role.certificate_kinds_text == "limited police certificate or ordinary police certificate"
    )
    # No certificate: nothing about one is kept.
    screening.update_role(
        role=role, by=coordinator_lom, name="Besøksvenn", **DESCRIBED,
        requires_certificate=False, certificate_kinds=["limited"],
        certificate_legal_basis=LEGAL_BASIS,
    )  # fmt: skip
    role.refresh_from_db()
    assert (role.requires_certificate, role.certificate_kinds, role.certificate_legal_basis) == (
        False, [], "",
    )  # fmt: skip


def test_a_certificate_of_a_kind_the_role_does_not_accept_cannot_be_approved(coordinator_lom):
    role = _role(certificate_kinds=["limited"], certificate_legal_basis=LEGAL_BASIS)
    holder = RoleHolder.objects.create(volunteer=VolunteerFactory(), role=role)
    with pytest.raises(ValidationError) as refused:
        screening.record_certificate_check(
            holder=holder, kind="ordinary", presented_on=TODAY, approved=True, by=coordinator_lom
        )
    assert "accepts only: limited police certificate" in refused.value.message_dict["kind"][0]
    assert not CertificateCheck.objects.exists()
    # Recording that it was not OK is allowed.
    screening.record_certificate_check(
        holder=holder, kind="ordinary", presented_on=TODAY, approved=False, by=coordinator_lom
    )


# --- readiness and matching use the kinds the role accepts ------------------------------------


def _volunteer_with_check(role, kind):
    volunteer = VolunteerFactory(interests=["visiting_friend"])
    holder = RoleHolder.objects.create(volunteer=volunteer, role=role)
    CertificateCheck.objects.create(holder=holder, kind=kind, presented_on=TODAY, approved=True)
    return volunteer


def test_readiness_and_matching_use_the_accepted_kinds_not_a_built_in_rule(lom):
    """An ordinary certificate used to cover a limited one by a rule in the code; now the
    role says what it accepts."""
    role = _role(certificate_kinds=["limited"], certificate_legal_basis=LEGAL_BASIS)
    with_limited = _volunteer_with_check(role, "limited")
    with_ordinary = _volunteer_with_check(role, "ordinary")
    found = missing_for([with_limited, with_ordinary])
    assert found[with_limited.pk][0].ready
    assert [m.kind for m in found[with_ordinary.pk][0].missing] == [Missing.CERTIFICATE]
    need = NeedFactory()
    assert [p.volunteer for p in propose_for_need(need)] == [with_limited]

    role.certificate_kinds = ["limited", "ordinary"]
    role.save()
    assert {p.volunteer for p in propose_for_need(need)} == {with_limited, with_ordinary}


def test_an_expired_certificate_of_an_accepted_kind_does_not_match(lom):
    role = _role(certificate_kinds=["ordinary"], certificate_legal_basis=LEGAL_BASIS)
    volunteer = _volunteer_with_check(role, "ordinary")
    check = CertificateCheck.objects.get()
    check.renew_by = TODAY - datetime.timedelta(days=1)
    check.save()
    assert propose_for_need(NeedFactory()) == []
    assert [m.kind for m in missing_for([volunteer])[volunteer.pk][0].missing] == [Missing.RENEWAL]


# --- shown in the invitation, on the volunteer's page and in the role list --------------------


def test_the_invitation_describes_the_role_and_its_legal_basis(client_of, volunteer):
    _role(certificate_kinds=["limited"], certificate_legal_basis=LEGAL_BASIS)
    own = VolunteerFactory(user=volunteer, interests=["visiting_friend"])
    invitation = InvitationFactory(need=NeedFactory(), volunteer=own)
    html = _html(client_of(volunteer).get(reverse("volunteers:invitation", args=[invitation.pk])))
    assert "Rollen: Besøksvenn" in html
    assert "Dette gjør du" in html and "Dette gjør du ikke" in html
    assert "<li>Går tur sammen</li>" in html  # one thing a line, as a list
    assert "<li>Gir medisiner</li>" in html
    assert "Rollen krever politiattest: begrenset politiattest." in html
    assert LEGAL_BASIS in html


def test_the_volunteers_page_describes_each_of_their_roles(client_of, volunteer):
    role = _role(certificate_kinds=["limited"], certificate_legal_basis=LEGAL_BASIS)
    RoleHolder.objects.create(
        volunteer=VolunteerFactory(user=volunteer, interests=["visiting_friend"]), role=role
    )
    html = _html(client_of(volunteer).get(reverse("volunteers:own_page")))
    assert "Rollen: Besøksvenn" in html
    assert "<li>Tar seg av penger eller nøkler</li>" in html
    assert LEGAL_BASIS in html


def test_the_role_list_shows_the_descriptions_and_flags_a_role_without(client_of, coordinator_lom):
    _role(certificate_kinds=["limited"], certificate_legal_basis=LEGAL_BASIS)
    VolunteerRoleFactory(name="Sjåfør", interest="transport")  # made before descriptions
    html = _html(client_of(coordinator_lom).get(reverse("volunteers:role_list", args=[LOM])))
    assert "<li>Besøker og prater</li>" in html and "<li>Gir medisiner</li>" in html
    assert LEGAL_BASIS in html
    assert "Beskriv hva den frivillige gjør og ikke gjør" in html


def test_the_role_form_requires_the_description_and_the_basis(client_of, coordinator_lom):
    client = client_of(coordinator_lom)
    url = reverse("volunteers:role_list", args=[LOM])
    response = client.post(url, {"name": "Besøksvenn", "requires_certificate": "yes"})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"what_you_do", "what_you_do_not_do"}
    response = client.post(
        url,
        {"name": "Besøksvenn", **DESCRIBED, "requires_certificate": "yes",
         "certificate_kinds": ["limited"]},
    )  # fmt: skip
    assert set(response.context["form"].errors) == {"certificate_legal_basis"}
    assert "invalid-feedback" in _html(response)
    assert not VolunteerRole.objects.exists()


# --- the starter roles ----------------------------------------------------------------------


@pytest.mark.parametrize("key", STARTER_ROLES)
def test_the_starter_roles_say_what_a_volunteer_never_does(key):
    for language in ("nb", "nn", "en"):
        role = starter_role(key, language)
        assert role["name"] and len(role["what_you_do"].splitlines()) >= 3
    not_nb = starter_role(key, "nb")["what_you_do_not_do"].casefold()
    not_nn = starter_role(key, "nn")["what_you_do_not_do"].casefold()
    not_en = starter_role(key, "en")["what_you_do_not_do"].casefold()
    assert "helsehjelp" in not_nb and "helsehjelp" in not_nn and "health care" in not_en
    assert "penger" in not_nb and "pengar" in not_nn and "money" in not_en
    assert "nøkler" in not_nb and "nøklar" in not_nn and "keys" in not_en
    if key == "visiting_friend":
        assert "medisiner" in not_nb and "personlig stell" in not_nb
        assert "medisinar" in not_nn and "personleg stell" in not_nn
        assert "medicine" in not_en and "personal care" in not_en


def test_a_coordinator_starts_a_role_from_a_suggestion(client_of, coordinator_lom):
    client = client_of(coordinator_lom)
    url = reverse("volunteers:role_list", args=[LOM])
    html = _html(client.get(url, {"starter": "visiting_friend"}))  # the coordinator reads bokmål
    assert "Gir medisiner eller annen helsehjelp" in html
    form = client.get(url, {"starter": "visiting_friend"}).context["form"]
    data = {
        name: form.initial[name]
        for name in ("name", "interest", "what_you_do", "what_you_do_not_do")
    }
    assert client.post(url, {**data, "requires_certificate": "no"}).status_code == 302
    role = VolunteerRole.objects.get(name="Besøksvenn")
    assert role.is_described and not role.requires_certificate
    assert "Tar deg av penger, bankkort, nøkler eller post" in role.what_you_do_not_do_lines


def test_the_migration_keeps_what_each_existing_role_accepted():
    """Before, one kind was stored and an ordinary certificate covered a limited one by a rule
    in the code; the migration writes that meaning into each role's accepted kinds."""
    import importlib
    from types import SimpleNamespace

    migration = importlib.import_module(
        "volunteers.migrations.0006_role_descriptions_certificate_kinds"
    )
    roles = [
        SimpleNamespace(certificate_kind="limited", save=lambda **kw: None),
        SimpleNamespace(certificate_kind="ordinary", save=lambda **kw: None),
    ]
    model = SimpleNamespace(objects=SimpleNamespace(exclude=lambda **kw: roles))
    migration.kinds_from_kind(SimpleNamespace(get_model=lambda *args: model), None)
    assert [(r.requires_certificate, r.certificate_kinds) for r in roles] == [
        (True, ["limited", "ordinary"]),
        (True, ["ordinary"]),
    ]


def test_the_role_edit_form_shows_what_the_role_accepts(client_of, coordinator_lom):
    role = _role(certificate_kinds=["ordinary"], certificate_legal_basis=LEGAL_BASIS)
    response = client_of(coordinator_lom).get(reverse("volunteers:role_edit", args=[LOM, role.pk]))
    form = response.context["form"]
    assert form.initial["requires_certificate"] == "yes"
    assert form.initial["certificate_kinds"] == ["ordinary"]
    html = _html(response)
    assert re.search(r'name="certificate_kinds" value="ordinary"[^>]*checked', html)
    assert not re.search(r'name="certificate_kinds" value="limited"[^>]*checked', html)
    assert LEGAL_BASIS in html
