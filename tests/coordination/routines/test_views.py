"""The routine binder's pages: the list grouped by the 8 steps with its filters, a routine and
its versions, writing, approving, co-authors and starter routines; who may and may not."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from coordination.models import Routine, RoutineVersion
from coordination.routines import services
from tests.factories import MembershipFactory, RoutineFactory, UserFactory, municipality

pytestmark = pytest.mark.django_db

LOM = "3434"


def url(name, *args):
    return reverse(f"coordination:{name}", args=[LOM, *args])


def _html(response) -> str:
    return response.content.decode()


@pytest.fixture
def binder(coordinator_lom, volunteer_contact_lom):
    """An approved routine with a newer draft version, a draft co-authored by the nursing
    home's contact, and an overdue one."""
    lom = municipality(LOM)
    welcome = services.create_routine(
        municipality=lom, by=coordinator_lom, title="Velkomst av nye frivillige",
        body="1. Ring innen en uke.", step=6, topic="welcoming",
    )  # fmt: skip
    services.approve_routine(routine=welcome, by=coordinator_lom)
    services.edit_routine(
        routine=welcome, by=coordinator_lom, title="Velkomst av nye frivillige",
        body="1. Ring innen tre dager.", note="Raskere svar.",
    )  # fmt: skip
    worried = services.create_routine(
        municipality=lom, by=coordinator_lom, title="Melde fra om uro",
        body="1. Ring 113 ved fare.", step=6, topic="worried",
    )  # fmt: skip
    worried.co_authors.add(volunteer_contact_lom)
    old = RoutineFactory(owner=coordinator_lom, approved=True, title="Taushetserklæring", step=5)
    old.next_review = timezone.localdate() - datetime.timedelta(days=3)
    old.save()
    return {"welcome": welcome, "worried": worried, "old": old}


def test_the_list_groups_routines_by_step_and_flags_overdue(client_of, coordinator_lom, binder):
    page = _html(client_of(coordinator_lom).get(url("routine_list")))
    assert "Steg 5: Prioriter kompetanse" in page or "Steg 5:" in page
    assert page.index("Taushetserklæring") < page.index("Velkomst av nye frivillige")
    assert "Forfalt" in page
    assert "Ny versjon venter på godkjenning" in page
    assert "Ingrid Bakken" in page


@pytest.mark.parametrize("persona", ["applicant"])
def test_everyone_with_a_role_reads_the_approved_routines_only(client_of, request, binder, persona):
    client = client_of(request.getfixturevalue(persona))
    page = _html(client.get(url("routine_list")))
    assert "Velkomst av nye frivillige" in page and "Taushetserklæring" in page
    assert "Melde fra om uro" not in page  # a draft
    detail = _html(client.get(url("routine_detail", binder["welcome"].pk)))
    assert "Ring innen en uke." in detail and "Ring innen tre dager." not in detail
    assert client.get(url("routine_detail", binder["worried"].pk)).status_code == 404
    newer = binder["welcome"].versions.get(number=2)
    assert client.get(url("routine_version_detail", newer.pk)).status_code == 404
    assert client.get(url("routine_edit", binder["welcome"].pk)).status_code == 404


def test_a_volunteer_without_a_role_and_another_municipality_see_nothing(
    client_of, volunteer, coordinator_drammen, binder
):
    for person in (volunteer, coordinator_drammen):
        client = client_of(person)
        assert client.get(url("routine_list")).status_code == 404
        assert client.get(url("routine_detail", binder["welcome"].pk)).status_code == 404


def test_filters_by_topic_status_and_due(client_of, coordinator_lom, binder):
    client = client_of(coordinator_lom)
    page = _html(client.get(url("routine_list"), {"topic": "worried"}))
    assert "Melde fra om uro" in page and "Taushetserklæring" not in page
    page = _html(client.get(url("routine_list"), {"status": "draft"}))
    assert "Taushetserklæring" not in page and "Velkomst av nye frivillige" in page
    page = _html(client.get(url("routine_list"), {"due": "on"}))
    assert "Taushetserklæring" in page and "Melde fra om uro" not in page


def test_filters_the_overdue_ones(client_of, coordinator_lom, binder):
    soon = RoutineFactory(
        owner=coordinator_lom, approved=True, title="Kjøring til dagsenteret", step=6
    )
    soon.next_review = timezone.localdate() + datetime.timedelta(days=10)
    soon.save()
    client = client_of(coordinator_lom)
    page = _html(client.get(url("routine_list"), {"due": "on"}))
    assert "Taushetserklæring" in page and "Kjøring til dagsenteret" in page
    page = _html(client.get(url("routine_list"), {"overdue": "on"}))
    assert "Taushetserklæring" in page
    assert "Kjøring til dagsenteret" not in page and "Velkomst av nye frivillige" not in page
    assert "Melde fra om uro" not in page
    binder["old"].next_review = timezone.localdate()
    binder["old"].save()
    page = _html(client.get(url("routine_list"), {"overdue": "on"}))
    assert "Taushetserklæring" not in page and "Ingen rutiner passer." in page


def test_a_coordinator_writes_a_routine(client_of, coordinator_lom, lom):
    response = client_of(coordinator_lom).post(
        url("routine_create"),
        {"title": "Skyss", "step": "6", "topic": "transport", "body": "1. Bilbelte."},
    )
    routine = Routine.objects.get()
    assert response.url == url("routine_detail", routine.pk)
    assert (routine.title, routine.status, routine.owner) == ("Skyss", "draft", coordinator_lom)


def test_the_routine_form_explains_what_is_missing(client_of, coordinator_lom, lom):
    response = client_of(coordinator_lom).post(url("routine_create"), {"title": "Skyss"})
    assert response.status_code == 200
    assert {"body", "step", "topic"} <= set(response.context["form"].errors)
    assert "invalid-feedback" in _html(response)
    assert not Routine.objects.exists()


def test_a_co_author_proposes_a_version_without_step_or_topic(
    client_of, volunteer_contact_lom, binder
):
    routine = binder["worried"]
    client = client_of(volunteer_contact_lom)
    form = client.get(url("routine_edit", routine.pk)).context["form"]
    assert "step" not in form.fields and "title" in form.fields
    response = client.post(
        url("routine_edit", routine.pk),
        {"title": routine.title, "body": "1. Ring 113 ved fare.\n2. Ring vakttelefonen.",
         "note": "Vakttelefonen.", "step": "1"},
    )  # fmt: skip
    assert response.status_code == 302
    routine.refresh_from_db()
    version = routine.versions.order_by("-number").first()
    assert (version.number, version.changed_by, routine.step) == (2, volunteer_contact_lom, 6)
    assert client.get(url("routine_approve", routine.pk)).status_code == 404


def test_a_contact_who_is_not_a_co_author_cannot_edit(client_of, volunteer_contact_lom, binder):
    response = client_of(volunteer_contact_lom).post(
        url("routine_edit", binder["welcome"].pk), {"title": "X", "body": "Y"}
    )
    assert response.status_code == 404
    assert binder["welcome"].versions.count() == 2


def test_the_coordinator_approves_the_latest_version(client_of, coordinator_lom, binder):
    routine = binder["welcome"]
    day = timezone.localdate() + datetime.timedelta(days=200)
    response = client_of(coordinator_lom).post(
        url("routine_approve", routine.pk), {"next_review": day.isoformat()}
    )
    assert response.status_code == 302
    routine.refresh_from_db()
    assert (routine.status, routine.approved_version.number, routine.next_review) == (
        "approved", 2, day,
    )  # fmt: skip


def test_approval_explains_a_date_in_the_past(client_of, coordinator_lom, binder):
    routine = binder["worried"]
    response = client_of(coordinator_lom).post(
        url("routine_approve", routine.pk), {"next_review": "2020-01-01"}
    )
    assert "next_review" in response.context["form"].errors
    routine.refresh_from_db()
    assert routine.status == "draft"


def test_co_authors_who_may_not_be_are_refused_with_their_name(client_of, coordinator_lom, binder):
    """A second coordinator of Lom approves routines; co-authors only propose."""
    colleague = MembershipFactory(user=UserFactory(full_name="Sigrid Lien")).user
    routine = binder["welcome"]
    response = client_of(coordinator_lom).post(
        url("routine_people", routine.pk),
        {"owner": coordinator_lom.pk, "co_authors": [colleague.pk]},
    )
    assert response.status_code == 200
    assert "Sigrid Lien" in str(response.context["form"].errors["co_authors"])
    assert not routine.co_authors.exists()


def test_the_version_page_shows_the_changes(client_of, coordinator_lom, binder):
    newer = binder["welcome"].versions.get(number=2)
    client = client_of(coordinator_lom)
    page = _html(client.get(url("routine_version_detail", newer.pk)))
    assert "Endringer fra versjon 1" in page
    assert (
        "<del>1. Ring innen en uke.</del>" in page and "<ins>1. Ring innen tre dager.</ins>" in page
    )
    versions = _html(client.get(url("routine_versions", binder["welcome"].pk)))
    assert "Versjon 2" in versions and "Versjon 1" in versions and "Raskere svar." in versions


def test_archiving_takes_it_out_of_the_binder(client_of, coordinator_lom, binder):
    client = client_of(coordinator_lom)
    asked = _html(client.get(url("routine_archive", binder["old"].pk)))
    assert "Vil du ta Taushetserklæring ut av rutinepermen?" in asked
    assert url("routine_detail", binder["old"].pk) in asked  # "No, go back"
    assert Routine.objects.get(pk=binder["old"].pk).status == "approved"
    response = client.post(url("routine_archive", binder["old"].pk))
    assert response.url == url("routine_list")
    assert "Taushetserklæring" not in _html(client.get(url("routine_list")))
    assert "Taushetserklæring" in _html(client.get(url("routine_list"), {"status": "archived"}))


def test_starter_routines_are_copied_and_a_second_copy_skipped(client_of, coordinator_lom, lom):
    client = client_of(coordinator_lom)
    page = _html(client.get(url("routine_starters")))
    assert "Taushetserklæring" in page and "Kontroll av politiattest" in page
    client.post(url("routine_starters"), {"keys": ["welcome", "confidentiality"]})
    assert Routine.objects.count() == 2
    response = client.post(url("routine_starters"), {"keys": ["welcome"]}, follow=True)
    assert Routine.objects.count() == 2
    assert "ble hoppet over" in _html(response)
    assert "Finnes allerede i rutinepermen" in _html(client.get(url("routine_starters")))


def test_starter_page_refuses_nothing_ticked(client_of, coordinator_lom, lom):
    response = client_of(coordinator_lom).post(url("routine_starters"), {})
    assert response.status_code == 200
    assert "Kryss av for minst én startrutine." in _html(response)


def test_starter_page_is_for_coordinators_only(client_of, volunteer_contact_lom, lom):
    client = client_of(volunteer_contact_lom)
    assert client.get(url("routine_starters")).status_code == 404
    assert client.post(url("routine_starters"), {"keys": ["welcome"]}).status_code == 404
    assert not Routine.objects.exists()


def test_the_list_takes_a_fixed_number_of_queries(
    client_of, coordinator_lom, applicant, django_assert_max_num_queries
):
    for n in range(60):
        RoutineFactory(owner=coordinator_lom, approved=True, step=n % 8 + 1)
    for person in (coordinator_lom, applicant):
        client = client_of(person)
        with django_assert_max_num_queries(12):
            response = client.get(url("routine_list"))
        assert response.status_code == 200
        assert len(response.context["page"].object_list) == 50


def test_the_versions_list_takes_a_fixed_number_of_queries(
    client_of, coordinator_lom, django_assert_max_num_queries
):
    routine = RoutineFactory(owner=coordinator_lom, approved=True)
    for n in range(2, 30):
        RoutineVersion.objects.create(
            routine=routine, number=n, title="T", body="B", changed_by=coordinator_lom
        )
    client = client_of(coordinator_lom)
    with django_assert_max_num_queries(10):
        response = client.get(url("routine_versions", routine.pk))
    assert response.status_code == 200 and len(response.context["page"].object_list) == 29


def test_the_people_page_names_each_persons_role(client_of, coordinator_lom, binder):
    page = _html(client_of(coordinator_lom).get(url("routine_people", binder["welcome"].pk)))
    assert "Kari Sletten (Frivillighetskontakt)" in page
    assert "Ingrid Bakken (Frivillighetskoordinator)" in page


# --- issue 10 (security): a former co-author ----------------------------------------------------


def test_a_former_co_author_gets_404_on_the_draft_and_never_its_title(
    client_of, volunteer_contact_lom, binder
):
    """They no longer hold a co-author's role (now a volunteer in Lom, who reads the binder):
    the draft they once co-authored is gone from their view — 404 on its pages (never a 500),
    its title nowhere."""
    from coordination.kernel.permissions import forget_roles
    from coordination.models import Membership
    from tests.factories import VolunteerFactory

    Membership.objects.filter(user=volunteer_contact_lom).delete()
    VolunteerFactory(user=volunteer_contact_lom)
    forget_roles(volunteer_contact_lom)
    routine = binder["worried"]
    version = routine.versions.get()
    client = client_of(volunteer_contact_lom)
    for name, pk in [
        ("routine_detail", routine.pk),
        ("routine_versions", routine.pk),
        ("routine_version_detail", version.pk),
        ("routine_edit", routine.pk),
    ]:
        response = client.get(url(name, pk))
        assert response.status_code == 404, name
        assert "Melde fra om uro" not in _html(response), name
    binder_page = client.get(url("routine_list"))
    assert binder_page.status_code == 200
    assert "Melde fra om uro" not in _html(binder_page)
    assert "Velkomst av nye frivillige" in _html(binder_page)  # the approved ones stay
