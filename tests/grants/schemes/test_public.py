"""The public grant pages: the rounds that take applications, and a round's page in the
reader's language (bokmål where a text has no translation), closed rounds saying so."""

import datetime

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.grants.factories import oslo
from tests.grants.schemes import made

pytestmark = pytest.mark.django_db


@pytest.fixture
def visitor(client):
    """An anonymous visitor who chose English with the language switcher."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _public(round_):
    return reverse("grants:round_public", args=[round_.pk])


def test_the_list_shows_open_and_upcoming_rounds_not_closed_ones(visitor):
    now = timezone.now()
    made.round_(scheme=made.scheme(name="Åpen ordning"), name="Åpen runde")
    made.round_(
        scheme=made.scheme(name="Senere ordning"),
        opens_at=now + datetime.timedelta(days=5),
        closes_at=now + datetime.timedelta(days=50),
    )
    made.round_(
        scheme=made.scheme(name="Lukket ordning"),
        opens_at=now - datetime.timedelta(days=50),
        closes_at=now - datetime.timedelta(seconds=1),
    )
    page = visitor.get(reverse("grants:round_list"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Åpen ordning – Åpen runde" in html
    assert "Senere ordning" in html and "Opening later" in html
    assert "Lukket ordning" not in html
    assert "Helsedirektoratet" in html and "Norwegian time" in html


def test_the_list_takes_a_bounded_number_of_queries(visitor):
    made.round_()
    visitor.get(reverse("grants:round_list"))
    with CaptureQueriesContext(connection) as few:
        visitor.get(reverse("grants:round_list"))
    for _ in range(6):
        made.round_()
    with CaptureQueriesContext(connection) as many:
        visitor.get(reverse("grants:round_list"))
    assert len(many) == len(few)


def test_the_round_page_tells_what_it_funds_and_until_when(visitor):
    scheme = made.scheme(name="Aktivitetstiltak", max_amount=500_000, max_years=3)
    round_ = made.round_(
        scheme=scheme,
        opens_at=oslo(2026, 1, 15, 9),
        closes_at=oslo(2099, 3, 12, 12),
        light_limit=50_000,
        progress_report_due=datetime.date(2100, 1, 15),
        final_report_due=datetime.date(2100, 4, 1),
    )
    made.criterion(round=round_, name="Skyss", name_en="Transport", weight=2)
    made.condition(round=round_, text="Ikke engangstiltak.", text_en="Not a one-off event.")
    html = visitor.get(_public(round_)).content.decode()
    assert "Applications are accepted until 12 March 2099 at 12:00 Norwegian time." in html
    assert "Transport" in html and "weight 2" in html
    assert "Not a one-off event." in html
    assert "For up to 3 years." in html
    assert "light application" in html
    assert "A progress report is due 15 January 2100." in html
    assert "is due 1 April 2100." in html


def test_the_round_page_is_in_nynorsk_with_bokmal_where_nothing_is_translated(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nn"
    scheme = made.scheme(
        name="Aktivitetstiltak for eldre",
        name_nn="Aktivitetstiltak for eldre (nynorsk)",
        purpose="Tiltak mot ensomhet.",
    )
    round_ = made.round_(scheme=scheme)
    made.criterion(
        round=round_, name="Partnerskap og samarbeid", name_nn="Partnarskap og samarbeid"
    )
    made.condition(round=round_, text="Lavterskel og åpent for alle.")
    html = client.get(_public(round_)).content.decode()
    assert '<html lang="nn">' in html
    assert "Aktivitetstiltak for eldre (nynorsk)" in html
    assert "Partnarskap og samarbeid" in html
    assert "Tiltak mot ensomhet." in html  # no nynorsk purpose: the bokmål
    assert "Lavterskel og åpent for alle." in html


def test_the_round_page_in_english(visitor):
    scheme = made.scheme(name="Aktivitetstiltak", name_en="Activity measures", purpose_en="Fun.")
    round_ = made.round_(scheme=scheme, name="2027")
    html = visitor.get(_public(round_)).content.decode()
    assert '<html lang="en">' in html
    assert "Activity measures – 2027" in html and "Fun." in html


def test_a_closed_round_still_shows_and_says_it_is_closed(visitor):
    round_ = made.round_(
        opens_at=oslo(2025, 1, 1, 9),
        closes_at=oslo(2025, 3, 1, 12),
        final_report_due=datetime.date(2026, 4, 1),
    )
    page = visitor.get(_public(round_))
    html = page.content.decode()
    assert page.status_code == 200
    assert "This round is closed. The deadline was 1 March 2025 at 12:00 Norwegian time." in html
    assert "Start an application" not in html


def test_an_open_round_has_the_apply_button(visitor):
    round_ = made.round_()
    html = visitor.get(_public(round_)).content.decode()
    assert f'href="{reverse("grants:application_start", args=[round_.pk])}"' in html


def test_an_upcoming_round_has_no_apply_button(visitor):
    now = timezone.now()
    round_ = made.round_(
        opens_at=now + datetime.timedelta(days=3), closes_at=now + datetime.timedelta(days=30)
    )
    html = visitor.get(_public(round_)).content.decode()
    apply = reverse("grants:application_start", args=[round_.pk])
    assert "This round opens" in html and f'href="{apply}"' not in html


def test_an_unknown_round_is_not_found(visitor):
    assert visitor.get(reverse("grants:round_public", args=[999_999])).status_code == 404
