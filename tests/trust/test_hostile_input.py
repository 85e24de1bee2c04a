"""Hostile input against every form a person can submit in Samspill.

For each form — allauth's account pages under /accounts/ (log in, sign up, password reset and
change, email, reauthenticate, two-factor activation) and the project's own (profile, add and
remove role, delete account, municipality search, audit log filter, language switch) —
hypothesis sends arbitrary and deliberately nasty input: control characters, NUL bytes, lone
surrogates (as the raw bytes a browser or a script could send), right-to-left marks, emoji,
100 000 characters, lists where one value is expected, missing and extra fields, markup,
SQL-looking strings, off-site "next" addresses and bodies that are not UTF-8.
What a person must always get:

1. never a server error, and never a redirect off the site;
2. refused input changes nothing (rows are compared before and after);
3. a refused form is shown again with a visible error message;
4. text that is stored is only ever shown as text, never as markup;
5. every HTML answer is under a Content-Security-Policy without inline script.

Each hypothesis example runs in its own rolled-back transaction, with a fresh client and an
empty cache (allauth keeps its rate limits there), so examples cannot affect each other. What is
sent and what is checked on every answer live in tests/trust/hostile.py, for every
test_hostile_*.py.
"""

import json
from urllib.parse import quote_plus

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings as django_settings
from django.core import mail
from django.urls import reverse
from django.utils.html import escape
from hypothesis import example, given
from hypothesis import strategies as st

from coordination.kernel.text import one_line
from coordination.models import Membership, Municipality, Role, User
from tests.factories import (
    PASSWORD,
    MembershipFactory,
    PartnerOrganisationFactory,
    UserFactory,
    municipality,
)
from tests.trust.hostile import (
    ERROR_MARKUP,
    FORM_CONTENT_TYPE,
    MARKUP,
    OFF_SITE,
    as_received,
    assert_explained,
    assert_shown_only_as_text,
    checked,
    client_for,
    encode,
    few,
    form_data,
    get,
    hostile,
    is_off_site,
    nasty_text,
    one_or_many,
    post,
    rolled_back,
    rows,
    sometimes_valid,
)

LANGUAGE_CODES = [code for code, _name in django_settings.LANGUAGES]

pytestmark = pytest.mark.django_db

LOM, DRAMMEN = "3434", "3301"
STRONG_PASSWORD = "Fjellvann-2026!"


# --- allauth: log in, sign up, password reset ----------------------------------------------


@hostile
@given(
    data=form_data(
        login=sometimes_valid("frivillig@samspill.example", " FRIVILLIG@samspill.example "),
        password=nasty_text,
        remember=nasty_text,
    )
)
@example(
    data={"login": "frivillig@samspill.example", "password": "'; DROP TABLE coordination_user; --"}
)
@example(data={"login": '" OR 1=1 --', "password": '" OR 1=1 --'})
@example(data={"login": ["a@b.example", "frivillig@samspill.example"], "password": ["x", "y"]})
@example(data={})
def test_login_refuses_any_wrong_input_with_a_message_and_logs_nobody_in(db, data):
    with rolled_back():
        UserFactory(email="frivillig@samspill.example")
        before = rows(User.objects.all(), EmailAddress.objects.all())
        client = client_for()
        response = post(client, reverse("account_login"), data)
        if response.status_code != 429:
            assert_explained(response)
        assert "_auth_user_id" not in client.session
        assert rows(User.objects.all(), EmailAddress.objects.all()) == before


@hostile
@given(
    data=form_data(
        full_name=sometimes_valid("Ny Person", "Åse Ødegård-Ærø"),
        email=sometimes_valid("ny@samspill.example", "NY@Samspill.Example"),
        password1=sometimes_valid(STRONG_PASSWORD),
        password2=sometimes_valid(STRONG_PASSWORD),
    )
)
@example(data={"full_name": "", "email": "ny@samspill.example", "password1": "", "password2": ""})
@example(
    data={
        "full_name": "A" * 100_000,
        "email": "ny@samspill.example",
        "password1": STRONG_PASSWORD,
        "password2": STRONG_PASSWORD,
    }
)
@example(
    data={
        "full_name": "Ny Person",
        "email": "ny@samspill.example",
        "password1": STRONG_PASSWORD,
        "password2": STRONG_PASSWORD,
        "next": "https://evil.example/",
    }
)
@example(
    data={
        "full_name": "Ny\x00Person",
        "email": "ny@samspill.example",
        "password1": STRONG_PASSWORD,
        "password2": STRONG_PASSWORD,
    }
)
def test_sign_up_refuses_invalid_input_with_a_message_and_creates_no_account(db, data):
    with rolled_back():
        before = rows(User.objects.all(), EmailAddress.objects.all())
        response = post(client_for(), reverse("account_signup"), data)
        if response.status_code == 302:  # accepted: then exactly as typed, and valid
            created = User.objects.exclude(pk__in=[row["id"] for row in before[0]]).get()
            created.full_clean()
            assert created.email.lower() == "ny@samspill.example"
            assert not created.is_staff and not created.is_superuser
            assert not EmailAddress.objects.get(user=created).verified
        else:
            if response.status_code != 429:
                assert_explained(response)
            assert rows(User.objects.all(), EmailAddress.objects.all()) == before


@hostile
@given(
    data=form_data(email=sometimes_valid("frivillig@samspill.example", "ukjent@samspill.example"))
)
@example(data={"email": "'; DROP TABLE coordination_user; --@samspill.example"})
@example(data={"email": ["frivillig@samspill.example", "x"]})
@example(data={"email": "frivillig@samspill.example", "next": "//evil.example/"})
def test_password_reset_refuses_what_is_not_an_email_address_and_sends_nothing(db, data):
    with rolled_back():
        UserFactory(email="frivillig@samspill.example")
        before = rows(User.objects.all())
        response = post(client_for(), reverse("account_reset_password"), data)
        if response.status_code != 302:  # 302: a well-formed address, the same answer for all
            if response.status_code != 429:
                assert_explained(response)
            assert mail.outbox == []
        assert rows(User.objects.all()) == before


# --- allauth: pages for a logged-in person --------------------------------------------------


@hostile
@given(
    data=form_data(
        oldpassword=sometimes_valid(PASSWORD),
        password1=sometimes_valid(STRONG_PASSWORD),
        password2=sometimes_valid(STRONG_PASSWORD),
    )
)
@example(data={"oldpassword": "", "password1": STRONG_PASSWORD, "password2": STRONG_PASSWORD})
@example(data={"oldpassword": PASSWORD, "password1": "A" * 100_000, "password2": "A" * 100_000})
@example(data={"oldpassword": PASSWORD, "password1": "Fjell\x00vann-2026", "password2": "x"})
def test_password_change_refuses_invalid_input_with_a_message_and_keeps_the_old_password(
    volunteer, data
):
    with rolled_back():
        client = client_for(volunteer)
        before = rows(User.objects.all())
        response = post(client, reverse("account_change_password"), data)
        volunteer.refresh_from_db()
        if response.status_code == 302:  # accepted: the new password, and nothing else, changed
            assert volunteer.check_password(as_received(data["password1"]))
            after = rows(User.objects.all())[0]
            for old, new in zip(before[0], after, strict=True):
                assert {k for k in old if old[k] != new[k]} <= {"password"}
        else:
            if response.status_code != 429:
                assert_explained(response)
            assert rows(User.objects.all()) == before
            assert volunteer.check_password(PASSWORD)


@hostile
@given(
    action=st.sampled_from(["action_add", "action_send", "action_remove", "action_primary", None]),
    data=form_data(
        email=sometimes_valid("nabo@samspill.example", "ny.adresse@samspill.example", "OWN")
    ),
)
@example(action="action_remove", data={"email": "OWN"})
@example(action="action_add", data={"email": "nabo@samspill.example"})
@example(action="action_add", data={"email": "'; DROP TABLE coordination_user; --"})
def test_email_change_never_takes_an_address_away_or_changes_it_unverified(volunteer, action, data):
    if data.get("email") == "OWN":
        data = {**data, "email": volunteer.email}
    if action:
        data = {**data, action: ""}
    with rolled_back():
        UserFactory(email="nabo@samspill.example")
        client = client_for(volunteer)
        before = rows(User.objects.all(), EmailAddress.objects.all())
        others_before = rows(EmailAddress.objects.exclude(user=volunteer))
        response = post(client, reverse("account_email"), data)
        if response.status_code == 200:
            assert_explained(response)
            assert rows(User.objects.all(), EmailAddress.objects.all()) == before
        # Whatever happened: the login address changes only after the new one is verified,
        # the verified address stays, and nobody else's address is touched.
        assert rows(User.objects.all())[0] == before[0]
        assert EmailAddress.objects.filter(
            user=volunteer, email=volunteer.email, verified=True, primary=True
        ).exists()
        assert not EmailAddress.objects.filter(user=volunteer, verified=True).exclude(
            email=volunteer.email
        )
        assert rows(EmailAddress.objects.exclude(user=volunteer)) == others_before


@hostile
@given(data=form_data(password=nasty_text))
@example(data={"password": ""})
@example(data={"password": [PASSWORD + "x", "x"]})
def test_reauthenticate_refuses_a_wrong_password_with_a_message(volunteer, data):
    with rolled_back():
        client = client_for(volunteer)
        response = post(client, reverse("account_reauthenticate"), data)
        if response.status_code != 429:
            assert_explained(response)
        # Still not reauthenticated: two-factor setup still asks for the password first.
        activate = checked(client.get(reverse("mfa_activate_totp")))
        assert activate.status_code == 302
        assert activate["Location"].startswith(reverse("account_reauthenticate"))


@few
@given(data=form_data(code=nasty_text | st.integers(0, 999_999).map("{:06}".format)))
@example(data={"code": "000000 OR 1=1"})
@example(data={"code": ""})
def test_two_factor_activation_refuses_a_wrong_code_and_turns_nothing_on(volunteer, data):
    with rolled_back():
        client = client_for(volunteer)
        checked(client.post(reverse("account_reauthenticate"), {"password": PASSWORD}))
        assert checked(client.get(reverse("mfa_activate_totp"))).status_code == 200
        response = post(client, reverse("mfa_activate_totp"), data)
        if response.status_code != 429:
            assert_explained(response)
        assert not Authenticator.objects.filter(user=volunteer).exists()


# --- The project's own forms --------------------------------------------------------------


@hostile
@given(
    data=form_data(
        full_name=sometimes_valid("Astrid R. Rustad", "Åse Ødegård-Ærø"),
        phone=sometimes_valid("912 34 567", "+47 912 34 567", ""),
        preferred_language=sometimes_valid(*LANGUAGE_CODES, ""),
    )
)
@example(data={"full_name": "", "phone": "call me maybe", "preferred_language": "xx"})
@example(data={"full_name": "A" * 100_000, "phone": "", "preferred_language": "nb"})
@example(data={"full_name": "Astrid\x00", "phone": "", "preferred_language": "nb"})
@example(data={"full_name": "Astrid", "phone": "912 34 567\x00", "preferred_language": "nb"})
@example(data={"full_name": ["Astrid", ""], "phone": ["1"], "preferred_language": ["nb", "xx"]})
@example(
    data={"full_name": "Astrid", "preferred_language": "nb", "is_staff": "on", "email": "a@b.no"}
)
def test_profile_form_never_fails_and_never_stores_invalid_input(volunteer, data):
    with rolled_back():
        client = client_for(volunteer)
        before = rows(User.objects.all())
        response = post(client, reverse("coordination:profile_edit"), data)
        if response.status_code == 302:  # accepted: only these three fields, and valid ones
            volunteer.refresh_from_db()
            volunteer.full_clean()
            after = {row["id"]: row for row in rows(User.objects.all())[0]}
            for row in before[0]:
                changed = {column for column in row if row[column] != after[row["id"]][column]}
                mine = row["id"] == volunteer.pk
                assert changed <= ({"full_name", "phone", "preferred_language"} if mine else set())
        else:
            assert_explained(response)
            assert rows(User.objects.all()) == before


@pytest.fixture
def lom_team(coordinator_lom, coordinator_drammen):
    """A coordinator in Lom with people to add and remove, and things in Drammen they must not
    touch."""
    return {
        "coordinator": coordinator_lom,
        "registered": UserFactory(email="registrert@samspill.example", full_name="Per Haugen"),
        "contact": MembershipFactory(municipality=municipality(LOM), role=Role.VOLUNTEER_CONTACT),
        "drammen": Membership.objects.get(user=coordinator_drammen),
        "lom_partner": PartnerOrganisationFactory(municipalities=[LOM]),
        "drammen_partner": PartnerOrganisationFactory(municipalities=[DRAMMEN]),
    }


@hostile
@given(
    data=form_data(
        email=sometimes_valid("registrert@samspill.example", " REGISTRERT@samspill.example "),
        role=sometimes_valid(*Role.values),
        organisation=sometimes_valid("", "lom_partner", "drammen_partner")
        | st.integers(-(2**70), 2**70).map(str),
    )
)
@example(data={"email": "registrert@samspill.example", "role": "superuser"})
@example(data={"email": "registrert@samspill.example", "role": Role.PARTNER_REPRESENTATIVE})
@example(
    data={
        "email": "registrert@samspill.example",
        "role": Role.PARTNER_REPRESENTATIVE,
        "organisation": "drammen_partner",
    }
)
@example(data={"email": "'; DROP TABLE coordination_user; --", "role": Role.COORDINATOR})
@example(
    data={"email": "registrert@samspill.example", "role": "coordinator", "municipality": DRAMMEN}
)
def test_add_role_refuses_invalid_input_with_a_message_and_adds_nobody(lom_team, data):
    partners = {
        "lom_partner": lom_team["lom_partner"],
        "drammen_partner": lom_team["drammen_partner"],
    }
    if isinstance(data.get("organisation"), str) and data["organisation"] in partners:
        data = {**data, "organisation": str(partners[data["organisation"]].pk)}
    with rolled_back():
        before = rows(Membership.objects.all())
        client = client_for(lom_team["coordinator"])
        response = post(client, reverse("coordination:membership_add", args=[LOM]), data)
        if response.status_code == 302:  # accepted: exactly one role, in Lom, for that person
            added = Membership.objects.exclude(pk__in=[row["id"] for row in before[0]]).get()
            added.full_clean()
            assert added.municipality_id == LOM
            assert added.user == lom_team["registered"]
            assert added.organisation in (None, lom_team["lom_partner"])
            assert rows(Membership.objects.exclude(pk=added.pk)) == before
        else:
            assert_explained(response)
            assert rows(Membership.objects.all()) == before


@hostile
@given(
    target=st.sampled_from(["own", "contact", "drammen"]) | st.integers(0, 2**70),
    place=st.sampled_from([LOM, DRAMMEN]) | nasty_text,
    data=form_data(),
)
@example(target="own", place=LOM, data={})
@example(target="drammen", place=LOM, data={"municipality": DRAMMEN})
@example(target="drammen", place=DRAMMEN, data={})
@example(target=2**63, place=LOM, data={})
@example(target="contact", place="34\x0034", data={})
def test_remove_role_only_removes_a_role_the_coordinator_may_remove(lom_team, target, place, data):
    own = Membership.objects.get(user=lom_team["coordinator"])
    known = {"own": own.pk, "contact": lom_team["contact"].pk, "drammen": lom_team["drammen"].pk}
    pk = known.get(target, target)
    which = {value: key for key, value in known.items()}.get(pk)  # a random number may hit one
    url = "/coordination/{}/roles/{}/remove/".format(
        quote_plus(place.encode("utf-8", "surrogatepass"), safe=""), pk
    )
    with rolled_back():
        before = rows(Membership.objects.all())
        client = client_for(lom_team["coordinator"])
        response = post(client, url, data)
        if place == LOM and which == "contact":  # the one removal that is allowed
            assert response.status_code == 302
            assert rows(Membership.objects.all()) == [[r for r in before[0] if r["id"] != pk]]
        elif place == LOM and which == "own":  # refused, the last coordinator: with a message
            assert response.status_code == 302
            page = checked(client.get(response["Location"]))
            assert 'class="alert alert-danger"' in page.content.decode()
            assert rows(Membership.objects.all()) == before
        else:  # another municipality's role, or no such role: as if it did not exist
            assert response.status_code == 404
            assert rows(Membership.objects.all()) == before


@hostile
@given(
    who=st.sampled_from(["volunteer", "coordinator"]),
    reauthenticated=st.booleans(),
    data=form_data(),
)
@example(who="coordinator", reauthenticated=True, data={})
@example(who="volunteer", reauthenticated=True, data={"user": "OTHER", "id": "OTHER"})
@example(who="volunteer", reauthenticated=False, data={"email": "OTHER"})
def test_account_deletion_only_ever_deletes_the_person_asking_and_never_someone_with_a_role(
    volunteer, coordinator_lom, who, reauthenticated, data
):
    person, other = (
        (volunteer, coordinator_lom) if who == "volunteer" else (coordinator_lom, volunteer)
    )
    # Fields naming someone else must not matter.
    data = {name: str(other.pk) if value == "OTHER" else value for name, value in data.items()}
    everything = (User.objects.all(), EmailAddress.objects.all(), Membership.objects.all())
    with rolled_back():
        client = client_for(person)
        if reauthenticated:
            checked(client.post(reverse("account_reauthenticate"), {"password": PASSWORD}))
        before = rows(*everything)
        response = post(client, reverse("coordination:account_delete"), data)
        assert response.status_code == 302
        if not reauthenticated:  # the password first
            assert response["Location"].startswith(reverse("account_reauthenticate"))
            assert rows(*everything) == before
        elif who == "coordinator":  # refused: hand over the role first, says the page
            assert response["Location"] == reverse("coordination:my_page")
            page = checked(client.get(response["Location"]))
            assert 'class="alert alert-danger"' in page.content.decode()
            assert rows(*everything) == before
        else:  # deleted: that person, with their addresses, and nobody else
            assert not User.objects.filter(pk=person.pk).exists()
            assert rows(*everything) == [
                [row for row in before[0] if row["id"] != person.pk],
                [row for row in before[1] if row["user_id"] != person.pk],
                before[2],
            ]


@hostile
@given(
    query=nasty_text | st.sampled_from(["Lom", "lom", "3301", "Innlandet", "%", "_", "\\"]),
    page=nasty_text | st.integers().map(str) | st.just("9" * 5000),
    htmx=st.booleans(),
    extra=st.dictionaries(st.text(max_size=10), one_or_many(), max_size=2),
)
@example(query="'; DROP TABLE coordination_user; --", page="1", htmx=False, extra={})
@example(query="Lom", page="-1", htmx=True, extra={})
@example(query=["Lom", "Drammen"], page=["2", "x"], htmx=True, extra={})
def test_municipality_search_never_fails_for_any_query_or_page(db, query, page, htmx, extra):
    headers = {"HX-Request": "true"} if htmx else {}
    fields = {**extra, "q": query, "page": page}
    with rolled_back():
        response = get(
            client_for(), reverse("coordination:municipality_directory"), fields, headers=headers
        )
        assert response.status_code == 200
        html = response.content.decode()
        typed = as_received(query) if query else ""
        if htmx:
            assert "<html" not in html  # the results only
        else:
            assert f'value="{escape(typed)}"' in html  # the search box keeps it, as text
            if response.context["form"].errors:
                assert any(marker in html for marker in ERROR_MARKUP), "a refusal without a word"
        for payload, live_part in MARKUP:
            if live_part and payload in typed:
                assert live_part not in html
        assert Municipality.objects.count() == 357


@few
@given(
    query=st.text(min_size=101).filter(lambda q: len(q.strip()) > 100)
    | st.builds("{}\x00{}".format, st.text(max_size=10), st.text(max_size=10))
)
@example(query="Lom" * 34)
@example(query="Lom\x00")
def test_municipality_search_explains_a_query_it_cannot_use_and_keeps_it(db, query):
    response = get(client_for(), reverse("coordination:municipality_directory"), {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert any(marker in html for marker in ERROR_MARKUP), "no message for an unusable search"
    assert f'value="{escape(as_received(query))}"' in html
    assert response.context["page"].paginator.count == 0  # not silently every municipality


@hostile
@given(
    language=one_or_many(sometimes_valid(*LANGUAGE_CODES, "de", "en-us", "EN", "nn-NO", "")),
    next_url=one_or_many(sometimes_valid(*OFF_SITE, "/my/", "/municipalities/?q=Lom", "")),
    query_next=st.none() | st.sampled_from(OFF_SITE),
    referer=st.none() | st.sampled_from([*OFF_SITE, "http://testserver/municipalities/"]),
    logged_in=st.booleans(),
)
@example(language="en", next_url="//evil.example/", query_next=None, referer=None, logged_in=True)
@example(
    language="xx", next_url="", query_next=None, referer="https://evil.example/", logged_in=False
)
def test_language_switch_never_redirects_off_site_or_stores_an_unknown_language(
    volunteer, language, next_url, query_next, referer, logged_in
):
    url = reverse("set_language")
    if query_next is not None:
        url += "?" + encode({"next": query_next})
    headers = {"referer": referer} if referer else {}
    chosen = as_received(language) if language else None
    with rolled_back():
        client = client_for(volunteer if logged_in else None)
        before = rows(User.objects.filter(pk=volunteer.pk))
        response = post(client, url, {"language": language, "next": next_url}, headers=headers)
        assert response.status_code in (302, 204)
        if response.status_code == 302:
            assert not is_off_site(response["Location"]), response["Location"]
        volunteer.refresh_from_db()
        if logged_in and chosen in LANGUAGE_CODES:
            assert volunteer.preferred_language == chosen
        else:
            assert rows(User.objects.filter(pk=volunteer.pk)) == before
        page = checked(client.get("/"))
        assert (
            f'<html lang="{chosen if chosen in LANGUAGE_CODES else "nb"}">' in page.content.decode()
        )


# --- Bodies that are not forms at all ------------------------------------------------------

FORM_PAGES = [
    ("account_login", None),
    ("account_signup", None),
    ("account_reset_password", None),
    ("account_change_password", "volunteer"),
    ("account_email", "volunteer"),
    ("account_reauthenticate", "volunteer"),
    ("coordination:profile_edit", "volunteer"),
    ("coordination:membership_add", "coordinator"),
    ("coordination:membership_remove", "coordinator"),
    ("set_language", "volunteer"),
    ("coordination:account_delete", "coordinator"),
]


@pytest.mark.parametrize(("page", "who"), FORM_PAGES, ids=[name for name, _ in FORM_PAGES])
@few
@given(
    body=st.binary() | st.sampled_from([b"\xff\xfe\xfa", b"%ff%fe%fa=%ff", b"a=%00%ed%a0%80"]),
    content_type=st.sampled_from(
        [
            FORM_CONTENT_TYPE,
            "application/x-www-form-urlencoded; charset=no-such-charset",
            "application/x-www-form-urlencoded; charset=utf-16",
            "multipart/form-data; boundary=samspill",
            "multipart/form-data",
            "application/json",
            "text/plain",
        ]
    ),
)
@example(body=b"\xff\xfe\xfa", content_type=FORM_CONTENT_TYPE)
def test_every_form_survives_a_body_that_is_not_a_form(
    coordinator_lom, volunteer, page, who, body, content_type
):
    user = {"volunteer": volunteer, "coordinator": coordinator_lom, None: None}[who]
    args = {
        "coordination:membership_add": [LOM],
        "coordination:membership_remove": [LOM, Membership.objects.get(user=coordinator_lom).pk],
    }.get(page, [])
    everything = (User.objects.all(), EmailAddress.objects.all(), Membership.objects.all())
    with rolled_back():
        client = client_for(user)
        before = rows(*everything)
        # generic(), not post(): post() would re-encode the body to the charset it names
        url = reverse(page, args=args)
        response = checked(client.generic("POST", url, body, content_type=content_type))
        assert response.status_code in (200, 302, 400, 429)
        if response["Content-Type"].startswith("application/json"):
            answer = json.loads(response.content)  # allauth answers a JSON request in JSON
            assert not is_off_site(answer.get("location", "/"))
            if "form" in answer:
                assert response.status_code == 400  # refused; the errors are in answer["form"]
        elif response.status_code == 200:
            assert_explained(response)
        assert rows(*everything) == before


@few
@given(query=st.binary())
@example(query=b"q=\xff\xfe\xfa&page=\xed\xa0\x80")
def test_municipality_search_survives_a_query_string_that_is_not_utf8(db, query):
    response = checked(
        client_for().get(
            reverse("coordination:municipality_directory"), QUERY_STRING=query.decode("latin-1")
        )
    )
    assert response.status_code == 200


# --- Stored text is only ever shown as text -------------------------------------------------

stored_names = st.builds(
    "{}{}{}".format,
    st.text(st.characters(exclude_characters="\x00"), max_size=8),
    st.sampled_from([payload for payload, _ in MARKUP] + [" ".join(p for p, _ in MARKUP[:3])]),
    st.text(st.characters(exclude_characters="\x00"), max_size=8),
)


def pages_showing(person, coordinator) -> dict:
    """Give ``person`` a role in Lom and collect every page that then shows them."""
    by_coordinator = client_for(coordinator)
    add_url = reverse("coordination:membership_add", args=[LOM])
    added = by_coordinator.post(
        add_url, {"email": person.email, "role": Role.VOLUNTEER_CONTACT}, follow=True
    )
    membership = Membership.objects.get(user=person, municipality_id=LOM)
    pages = {
        "role added": added,  # the overview, with "<name> is now volunteer contact."
        "overview": by_coordinator.get(reverse("coordination:overview", args=[LOM])),
        "remove role": by_coordinator.get(
            reverse("coordination:membership_remove", args=[LOM, membership.pk])
        ),
    }
    pages["audit log"] = by_coordinator.get(reverse("coordination:audit_log", args=[LOM]))
    by_person = client_for(person)
    pages["my page"] = by_person.get(reverse("coordination:my_page"))
    pages["profile"] = by_person.get(reverse("coordination:profile_edit"))
    # "Download my data" holds the name too: as JSON to keep, never as a page to render.
    download = by_person.get(reverse("coordination:my_data_download"))
    assert download["Content-Type"] == "application/json"
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert json.loads(download.content)["account"]["full_name"] == person.full_name
    for page in pages.values():
        assert checked(page).status_code == 200
    return {name: page.content.decode() for name, page in pages.items()}


@few
@given(name=stored_names)
@example(name="<script>alert(1)</script>")
@example(name="<img src=x onerror=alert(1)>")
@example(name="{{ 7*7 }}")
def test_name_from_the_profile_is_shown_as_text_on_every_page(coordinator_lom, volunteer, name):
    with rolled_back():
        response = post(
            client_for(volunteer),
            reverse("coordination:profile_edit"),
            {"full_name": name, "phone": "", "preferred_language": "nb"},
        )
        volunteer.refresh_from_db()
        if response.status_code != 302:  # e.g. only whitespace around nothing
            assert_explained(response)
            return
        # A name is one line (issue 10): breaks and control characters become spaces.
        assert volunteer.full_name == one_line(as_received(name))
        for html in pages_showing(volunteer, coordinator_lom).values():
            assert_shown_only_as_text(html, volunteer.full_name)


# A quoted local part may hold markup (though no spaces) and still be a valid address.
MARKUP_EMAILS = [
    "ny@samspill.example",
    '"<script>alert(1)</script>"@samspill.example',
    '"<img/src=x/onerror=alert(1)>"@samspill.example',
    '"{{7*7}}"@samspill.example',
]


@few
@given(name=stored_names, email=st.sampled_from(MARKUP_EMAILS))
@example(name="<script>alert(1)</script>", email=MARKUP_EMAILS[1])
@example(name="<img src=x onerror=alert(1)>", email=MARKUP_EMAILS[2])
@example(name="{{ 7*7 }}", email=MARKUP_EMAILS[3])
def test_name_and_email_from_sign_up_are_shown_as_text_on_every_page(coordinator_lom, name, email):
    with rolled_back():
        response = post(
            client_for(),
            reverse("account_signup"),
            {
                "full_name": name,
                "email": email,
                "password1": STRONG_PASSWORD,
                "password2": STRONG_PASSWORD,
            },
        )
        if response.status_code != 302:
            assert_explained(response)
            return
        person = User.objects.get(email__iexact=email)
        assert person.full_name == one_line(as_received(name))
        for page, html in pages_showing(person, coordinator_lom).items():
            assert_shown_only_as_text(html, person.full_name)
            assert_shown_only_as_text(html, person.email, on_page=page in ("overview", "my page"))


# --- The municipality in the address (part of every role form's action) -------------------

MUNICIPALITY_PAGES = [
    "/municipalities/{}/",
    "/coordination/{}/",
    "/coordination/{}/roles/add/",
    "/coordination/{}/roles/1/remove/",
    "/coordination/{}/audit/",
]


@hostile
@given(
    place=nasty_text.filter(lambda t: not (len(t) == 4 and t.isascii() and t.isdigit())),
    page=st.sampled_from(MUNICIPALITY_PAGES),
    method=st.sampled_from(["get", "post"]),
)
@example(place="\x00", page="/municipalities/{}/", method="get")
@example(place="34\x0034", page="/coordination/{}/roles/add/", method="post")
def test_an_unknown_municipality_in_the_address_is_not_found_never_a_server_error(
    coordinator_lom, place, page, method
):
    url = page.format(quote_plus(place.encode("utf-8", "surrogatepass"), safe=""))
    with rolled_back():
        before = rows(Membership.objects.all())
        client = client_for(coordinator_lom)
        response = checked(getattr(client, method)(url))
        assert response.status_code in (404, 405)  # 405: the public page is GET only
        assert rows(Membership.objects.all()) == before


@few
@given(verb=one_or_many(), page=one_or_many(nasty_text | st.integers().map(str)))
@example(verb="created", page="9" * 5000)
def test_audit_log_filter_never_fails_for_any_choice_or_page(coordinator_lom, verb, page):
    url = reverse("coordination:audit_log", args=[LOM])
    with rolled_back():
        response = get(client_for(coordinator_lom), url, {"verb": verb, "page": page})
        assert response.status_code == 200


@pytest.mark.django_db
def test_a_body_over_the_limit_is_refused_whole_and_changes_nothing():
    """DATA_UPLOAD_MAX_MEMORY_SIZE: a form post of more than 1 MB gets the plain 400 page."""
    users_before = rows(User.objects.all())
    fields = {
        "email": "stor@samspill.example",
        "full_name": "A" * (django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1),
        "password1": STRONG_PASSWORD,
        "password2": STRONG_PASSWORD,
    }
    response = client_for().post(
        reverse("account_signup"), encode(fields), content_type=FORM_CONTENT_TYPE
    )
    assert response.status_code == 400
    assert "Samspill" in response.content.decode()  # the site's own page, not a bare error
    assert rows(User.objects.all()) == users_before
