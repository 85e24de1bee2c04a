"""The readiness gate and the role descriptions in a real browser: a volunteer who has not
signed sees the invitation without the person and a link to sign; an assigned volunteer whose
declaration changed sees the details hidden and why; the role list and form with the
descriptions and the police certificate's legal basis. No WCAG 2.1 A/AA violation axe finds."""

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, log_in_by_keyboard
from tests.factories import PASSWORD, InvitationFactory, NeedFactory, VolunteerFactory
from tests.factories import VolunteerRoleFactory as RoleFactory
from volunteers.models import Assignment, RoleHolder, Signature
from volunteers.profile import services
from volunteers.screening.starter_roles import starter_role

pytestmark = pytest.mark.django_db(transaction=True)

BASIS = "Lom krever politiattest fordi besøksvenner er alene med personer som kan være sårbare."


@pytest.fixture
def gate(coordinator_lom, volunteer, lom):
    cache.clear()
    declaration = services.publish_declaration(
        municipality=lom, body="Jeg lover å bevare taushet om det jeg får vite. " * 2,
        by=coordinator_lom,
    )  # fmt: skip
    role = RoleFactory(
        **starter_role("visiting_friend", "nb"), requires_certificate=False,
    )  # fmt: skip
    driver = RoleFactory(
        **starter_role("driver", "nb"), certificate_kinds=["limited", "ordinary"],
        certificate_legal_basis=BASIS,
    )  # fmt: skip
    own = VolunteerFactory(user=volunteer, interests=["visiting_friend"])
    RoleHolder.objects.create(volunteer=own, role=role)
    RoleHolder.objects.create(volunteer=own, role=driver)
    invitation = InvitationFactory(
        need=NeedFactory(person_name="Olga Haugen", description="Tur på tirsdager"),
        volunteer=own, invited_by=coordinator_lom,
    )  # fmt: skip
    helping = NeedFactory(person_name="Per Haugen", person_phone="61299999")
    Signature.objects.create(volunteer=own, text=declaration)
    assignment = Assignment.objects.create(need=helping, volunteer=own)
    Signature.objects.filter(volunteer=own).delete()  # as if a new version came since
    return {"invitation": invitation, "assignment": assignment, "role": role}


def test_an_unready_volunteer_sees_no_person_and_how_to_get_ready(
    live_server, page, axe, volunteer, gate
):
    log_in_by_keyboard(page, live_server.url, volunteer.email, PASSWORD)
    page.goto(live_server.url + f"/volunteer/invitations/{gate['invitation'].pk}/")
    main = page.locator("main")
    expect(main).to_contain_text("Før du kan si ja")
    expect(main).to_contain_text("Dette gjør du ikke")
    expect(main).not_to_contain_text("Olga Haugen")
    expect(page.get_by_role("link", name="Les og skriv under på erklæringen").first).to_be_visible()
    expect(page.get_by_role("button", name="Ja, jeg vil hjelpe")).to_have_count(0)
    page.screenshot(path="/tmp/readiness-invitation.png", full_page=True)
    assert_accessible(axe, page)

    page.goto(live_server.url + f"/volunteer/assignments/{gate['assignment'].pk}/")
    expect(main).to_contain_text("Opplysningene om personen er skjult inntil videre")
    expect(main).not_to_contain_text("Per Haugen")
    page.screenshot(path="/tmp/readiness-assignment.png", full_page=True)
    assert_accessible(axe, page)

    page.goto(live_server.url + "/volunteer/")
    expect(main).to_contain_text(BASIS)
    page.screenshot(path="/tmp/readiness-own-page.png", full_page=True)
    assert_accessible(axe, page)


def test_the_role_list_and_form_with_descriptions(live_server, page, axe, coordinator_lom, gate):
    log_in_by_keyboard(page, live_server.url, coordinator_lom.email, PASSWORD)
    page.goto(live_server.url + "/coordination/3434/roles/")
    expect(page.locator("main table")).to_contain_text("Gir medisiner eller annen helsehjelp")
    expect(page.locator("main table")).to_contain_text(BASIS)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path="/tmp/readiness-role-list.png", full_page=True)
    assert_accessible(axe, page)
    # A role that requires a certificate without the legal basis: explained, nothing saved.
    page.goto(live_server.url + "/coordination/3434/roles/?starter=driver")
    page.locator("#id_name").fill("Sjåfør med attest")
    page.locator("#id_requires_certificate_1").check()
    page.locator("#id_certificate_kinds_0").check()
    page.locator("main form[method=post] button[type=submit]").click()
    expect(page.locator("#id_certificate_legal_basis")).to_have_attribute("aria-invalid", "true")
    page.screenshot(path="/tmp/readiness-role-form.png", full_page=True)
    assert_accessible(axe, page)
