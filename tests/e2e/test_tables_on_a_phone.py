"""Tables work on a phone and the responsibility map on a laptop (issue 10): at 375 px every
link and button in a table is on the screen, not hidden off to the right of a scrolling table;
at 1280 px the responsibility map shows every column. Pages are those the demo's coordinator
and volunteer reach by following links."""

import pytest
from django.core.management import call_command
from django.test import Client

from coordination.models import User
from tests.crawl import html_pages

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 812}
LAPTOP = {"width": 1280, "height": 800}

OFF_SCREEN = """(width) => Array.from(document.querySelectorAll("main table a, main table button"))
    .filter((el) => !el.closest(".visually-hidden") && el.getClientRects().length)
    .map((el) => [el.getBoundingClientRect(), (el.innerText || "").trim().slice(0, 40)])
    .filter(([box]) => box.left < 0 || box.right > width + 0.5)
    .map(([box, text]) => `${text} at ${Math.round(box.left)}-${Math.round(box.right)} px`)"""


def _log_in(context, base_url: str, email: str) -> None:
    client = Client()
    client.force_login(User.objects.get(email=email))
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": base_url}])


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.mark.parametrize(
    "email", ["koordinator.lom@samspill.example", "frivillig.astrid@samspill.example"]
)
def test_every_table_action_is_on_the_screen_at_375_px(live_server, browser, demo, email):
    client = Client()
    client.force_login(User.objects.get(email=email))
    pages = [url for url, html in html_pages(client, 60).items() if "<table" in html]
    assert pages, "no page with a table was reached"
    context = browser.new_context(viewport=PHONE)
    _log_in(context, live_server.url, email)
    page = context.new_page()
    problems = {}
    for url in pages:
        page.goto(live_server.url + url)
        off = page.evaluate(OFF_SCREEN, PHONE["width"])
        page.locator("main table").first.scroll_into_view_if_needed()
        page.screenshot(path=f"/tmp/forms-375-{url.strip('/').replace('/', '-')}.png")
        if off:
            problems[url] = off
    context.close()
    assert not problems, problems


def test_the_responsibility_map_shows_every_column_at_1280_px(live_server, browser, demo):
    context = browser.new_context(viewport=LAPTOP)
    _log_in(context, live_server.url, "koordinator.lom@samspill.example")
    page = context.new_page()
    for path in ("/coordination/3434/responsibility/", "/coordination/3434/responsibility/edit/"):
        page.goto(live_server.url + path)
        page.screenshot(path=f"/tmp/forms-1280{path.rstrip('/').replace('/', '-')}.png")
        table = page.locator("main table").first
        headers = table.locator("thead th")
        assert headers.count() > 3
        for index in range(headers.count()):
            box = headers.nth(index).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= LAPTOP["width"], (
                path,
                headers.nth(index).inner_text(),
                box,
            )
        assert page.evaluate(
            "() => Array.from(document.querySelectorAll('main .table-responsive'))"
            ".every((el) => el.scrollWidth <= el.clientWidth + 1)"
        ), path
    context.close()
