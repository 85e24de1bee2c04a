"""Every page of the applicant's side validates (the Nu HTML Checker, as in
tests/trust/test_html_validates.py): the draft with its checklist, forms with errors, the
partner's page, a sent application with its case events."""

import json
import shutil
import subprocess

import pytest
from django.urls import reverse

from grants.applications.services import submit_application
from tests.grants.factories import ApplicationPartnerFactory, AttachmentFactory, QuestionFactory
from tests.trust.test_html_validates import _vnu_jar


def test_the_applicants_pages_validate(client_of, rep, draft, coordinator_lom, tmp_path):
    jar, java = _vnu_jar(), shutil.which("java")
    if jar is None or java is None:
        pytest.fail("vnu.jar and Java are needed: run bin/system-deps --test and `uv sync`")
    QuestionFactory(round=draft.round, required=False)
    partner = ApplicationPartnerFactory(application=draft)
    AttachmentFactory(application=draft)
    pages = {}
    client = client_of(rep, language="en")
    names = ("application_detail", "application_edit", "application_budget",
             "application_attachments", "application_submit", "application_withdraw")  # fmt: skip
    for name in names:
        pages[name] = client.get(reverse(f"grants:{name}", args=[draft.pk]))
    pages["start"] = client.get(reverse("grants:application_start", args=[draft.round.pk]))
    pages["start-errors"] = client.post(reverse("grants:application_start", args=[draft.round.pk]))
    pages["edit-errors"] = client.post(
        reverse("grants:application_edit", args=[draft.pk]), {"municipalities_text": "Atlantis"}
    )
    pages["budget-errors"] = client.post(
        reverse("grants:application_budget", args=[draft.pk]),
        {"lines-TOTAL_FORMS": "1", "lines-INITIAL_FORMS": "0", "lines-0-description": "x"},
    )
    pages["partners-search"] = client.get(
        reverse("grants:application_partners", args=[draft.pk]), {"q": "Lom"}
    )
    pages["partner-remove"] = client.get(
        reverse("grants:application_partner_remove", args=[partner.pk])
    )
    pages["mine"] = client.get(reverse("grants:my_applications"))
    pages["partner"] = client_of(coordinator_lom, language="en").get(
        reverse("grants:partner_confirm", args=[partner.pk])
    )
    draft.partners.update(confirmed_at=draft.created_at)
    submit_application(by=rep, application=draft)
    pages["sent"] = client.get(reverse("grants:application_detail", args=[draft.pk]))
    folder = tmp_path / "pages"  # beside the test's private media, not among it
    folder.mkdir()
    for name, response in pages.items():
        assert response.status_code == 200, name
        (folder / f"{name}.html").write_text(response.text, encoding="utf-8")
    result = subprocess.run(
        [java, "-jar", str(jar), "--errors-only", "--format", "json", *sorted(folder.iterdir())],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = sorted(
        f"{m.get('url', '').rsplit('/', 1)[-1]} line {m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error"
    )
    assert errors == []
