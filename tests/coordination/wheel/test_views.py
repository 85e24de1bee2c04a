"""The annual wheel's pages: the wheel with its list by month and year navigation, and the
municipality's own events; who may and may not."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from coordination.kernel.contributions import dashboard_panels
from coordination.models import WheelEvent
from coordination.routines import contributions as contrib_routines
from coordination.wheel import contributions as contrib_wheel
from tests.factories import RoutineFactory, WheelEventFactory, municipality

pytestmark = pytest.mark.django_db

LOM = "3434"


def url(name, *args):
    return reverse(f"coordination:{name}", args=[LOM, *args])


def _html(response) -> str:
    return response.content.decode()


@pytest.mark.parametrize("persona", ["coordinator_lom", "volunteer_contact_lom", "applicant"])
def test_everyone_with_a_role_sees_the_wheel_and_its_list(client_of, request, persona):
    WheelEventFactory(
        title="Introduksjonskurs", category="course", month=3, day=12, description="Lom bygdesenter"
    )
    page = _html(
        client_of(request.getfixturevalue(persona)).get(url("wheel_detail"), {"year": 2027})
    )
    assert "<svg" in page and 'role="img"' in page
    assert "<title>Introduksjonskurs – Introduksjonskurs, 12. mars</title>" in page
    assert '<h3 class="h5" id="month-3">Mars' in page
    assert "12. " in page and "(Introduksjonskurs)" in page
    assert "Kategorier" in page  # the legend
    assert "Lom bygdesenter" in page
    assert "Årshjul 2027 – Lom" in page
    assert "?year=2026" in page and "?year=2028" in page
    # Coordinates are never written with a decimal comma (bokmål formats numbers so).
    assert re.search(r'(?:x|y)="-?\d+,\d', page) is None and ">2027</text>" in page


def test_people_without_a_role_in_the_municipality_get_404(
    client_of, volunteer, coordinator_drammen
):
    for person in (volunteer, coordinator_drammen):
        assert client_of(person).get(url("wheel_detail")).status_code == 404


def test_the_current_month_is_highlighted(client_of, coordinator_lom):
    page = _html(client_of(coordinator_lom).get(url("wheel_detail")))
    month = timezone.localdate().month
    assert page.count("wheel-month-current") == 1
    assert f'wheel-list-month wheel-list-current" aria-labelledby="month-{month}"' in page


@pytest.mark.parametrize("year", ["abc", "1999", "2101", "", "2027.5"])
def test_a_year_that_cannot_be_shown_is_explained_and_this_year_shown(
    client_of, coordinator_lom, year
):
    response = client_of(coordinator_lom).get(url("wheel_detail"), {"year": year})
    assert response.status_code == 200
    assert response.context["year"] == timezone.localdate().year
    assert "Det året kan ikke vises" in _html(response)


def test_only_the_coordinator_links_own_events_to_their_edit_page(
    client_of, coordinator_lom, volunteer_contact_lom
):
    event = WheelEventFactory(title="Sommerfest", month=6)
    edit = url("wheel_event_edit", event.pk)
    assert edit in _html(client_of(coordinator_lom).get(url("wheel_detail")))
    assert edit not in _html(client_of(volunteer_contact_lom).get(url("wheel_detail")))


def test_routine_reviews_link_to_the_routine(client_of, coordinator_lom, volunteer_contact_lom):
    routine = RoutineFactory(owner=coordinator_lom, approved=True, title="Velkomst")
    page = _html(
        client_of(volunteer_contact_lom).get(
            url("wheel_detail"), {"year": routine.next_review.year}
        )
    )
    assert f'<a href="{url("routine_detail", routine.pk)}">Gjennomgang: Velkomst</a>' in page
    assert "Gjennomgang av rutiner" in page


def test_the_coordinator_adds_changes_and_removes_an_event(client_of, coordinator_lom):
    client = client_of(coordinator_lom)
    response = client.post(
        url("wheel_event_list"),
        {"title": "Julebord", "category": "recognition", "month": "12", "day": "5",
         "recurring": "yes", "description": "Takk til alle frivillige."},
    )  # fmt: skip
    assert response.url == url("wheel_event_list")
    event = WheelEvent.objects.get()
    assert (event.month, event.day, event.recurring) == (12, 5, True)
    listed = client.get(url("wheel_event_list")).content.decode()
    assert "5. desember – hvert år" in listed  # the month by name, not only the day
    response = client.post(
        url("wheel_event_edit", event.pk),
        {"title": "Julebord 2027", "category": "recognition", "month": "12", "recurring": "no",
         "year": "2027"},
    )  # fmt: skip
    event.refresh_from_db()
    assert (event.title, event.recurring, event.year, event.day) == (
        "Julebord 2027",
        False,
        2027,
        None,
    )
    asked = client.get(url("wheel_event_delete", event.pk)).content.decode()
    assert "Vil du ta Julebord 2027 ut av årshjulet?" in asked
    assert url("wheel_event_edit", event.pk) in asked  # "No, go back"
    assert WheelEvent.objects.exists()
    client.post(url("wheel_event_delete", event.pk))
    assert not WheelEvent.objects.exists()


def test_the_event_form_explains_a_missing_year_and_a_day_that_does_not_exist(
    client_of, coordinator_lom
):
    client = client_of(coordinator_lom)
    response = client.post(
        url("wheel_event_list"),
        {"title": "Fest", "category": "recognition", "month": "2", "day": "30", "recurring": "yes"},
    )
    assert "day" in response.context["form"].errors
    response = client.post(
        url("wheel_event_list"),
        {"title": "Fest", "category": "recognition", "month": "2", "recurring": "no"},
    )
    assert "year" in response.context["form"].errors
    assert not WheelEvent.objects.exists()


def test_managing_events_is_for_the_coordinator_only(client_of, volunteer_contact_lom):
    event = WheelEventFactory()
    client = client_of(volunteer_contact_lom)
    assert client.get(url("wheel_event_list")).status_code == 404
    assert client.post(url("wheel_event_delete", event.pk)).status_code == 404
    assert WheelEvent.objects.count() == 1


def test_the_wheel_takes_a_fixed_number_of_queries(
    client_of, coordinator_lom, django_assert_max_num_queries
):
    for n in range(80):
        WheelEventFactory(month=n % 12 + 1, day=n % 28 + 1)
    for _n in range(30):
        RoutineFactory(owner=coordinator_lom, approved=True)
    client = client_of(coordinator_lom)
    # 10, and 2 for the activities' seasons and one-off meetings (activities/schedule)
    with django_assert_max_num_queries(12):
        response = client.get(url("wheel_detail"))
    assert response.status_code == 200
    assert response.context["wheel"]["total"] >= 80


def test_the_events_list_takes_a_fixed_number_of_queries(
    client_of, coordinator_lom, django_assert_max_num_queries
):
    for n in range(60):
        WheelEventFactory(month=n % 12 + 1)
    client = client_of(coordinator_lom)
    with django_assert_max_num_queries(10):
        response = client.get(url("wheel_event_list"))
    assert len(response.context["page"].object_list) == 50


# --- Dashboard panels ----------------------------------------------------------------------


def test_dashboard_panels_link_every_number_to_the_list_behind_it(rf, coordinator_lom):
    lom = municipality(LOM)
    today = timezone.localdate()
    soon = RoutineFactory(owner=coordinator_lom, approved=True)
    soon.next_review = today + datetime.timedelta(days=10)
    soon.save()
    late = RoutineFactory(owner=coordinator_lom, approved=True)
    late.next_review = today - datetime.timedelta(days=1)
    late.save()
    RoutineFactory(owner=coordinator_lom)  # a draft
    WheelEventFactory(title="Denne måneden", month=today.month)
    request = rf.get("/")
    request.user = coordinator_lom
    panels = {panel.order: panel for panel in dashboard_panels(request, lom)}
    routines, wheel = panels[60], panels[70]
    assert (
        routines.context["due_soon"],
        routines.context["overdue"],
        routines.context["drafts"],
    ) == (1, 1, 1)
    assert "Denne måneden" in [item.title for item in wheel.context["items"]]
    assert all(item.month == today.month for item in wheel.context["items"])
    from django.template.loader import render_to_string

    html = render_to_string(routines.template, routines.context)
    assert "/coordination/3434/routines/?due=on" in html and "?status=draft" in html
    assert "/coordination/3434/routines/?overdue=on" in html
    html = render_to_string(wheel.template, wheel.context)
    assert "Denne måneden" in html and "/coordination/3434/wheel/" in html


def test_only_coordinators_get_the_routines_panel(rf, volunteer_contact_lom, coordinator_drammen):
    lom = municipality(LOM)
    for person, expected in ((volunteer_contact_lom, None), (coordinator_drammen, None)):
        request = rf.get("/")
        request.user = person
        assert contrib_routines.routines_panel(request, lom) is expected
    request = rf.get("/")
    request.user = volunteer_contact_lom
    assert contrib_wheel.wheel_panel(request, lom) is not None
    request.user = coordinator_drammen
    assert contrib_wheel.wheel_panel(request, lom) is None


@pytest.mark.parametrize("persona", ["applicant", "coordinator_lom"])
def test_my_page_leads_to_the_binder_and_the_wheel(client_of, request, persona):
    page = _html(client_of(request.getfixturevalue(persona)).get(reverse("coordination:my_page")))
    assert url("routine_list") in page and url("wheel_detail") in page


def test_my_page_has_no_binder_for_a_volunteer_without_a_role(client_of, volunteer):
    page = _html(client_of(volunteer).get(reverse("coordination:my_page")))
    assert "/routines/" not in page


def test_the_overview_links_to_the_binder_and_the_wheel(client_of, volunteer_contact_lom):
    page = _html(client_of(volunteer_contact_lom).get(reverse("coordination:overview", args=[LOM])))
    assert url("routine_list") in page and url("wheel_detail") in page
