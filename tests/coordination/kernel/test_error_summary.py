"""The shared error summary (templates/partials/_error_summary.html) reaches every form: the
crispy-rendered ones and allauth's account pages, with non-field errors too."""

import pytest
from django import forms
from django.template import Context, Template
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _summary(html: str) -> str:
    start = html.index("data-error-summary")
    return html[start : html.index("</div>", start)]


def test_a_crispy_form_with_errors_links_each_error_to_its_field(client_of, coordinator_lom):
    response = client_of(coordinator_lom).post(
        reverse("coordination:partner_add", args=["3434"]), {"name": "", "kind": "nonsense"}
    )
    html = response.content.decode()
    summary = _summary(html)
    assert 'role="alert"' in html[html.index("data-error-summary") - 120 :]
    assert 'href="#id_name"' in summary and 'href="#id_kind"' in summary
    assert "Skjemaet har 2 feil" in summary


def test_an_allauth_page_gets_the_summary_with_its_form_level_error(client, volunteer):
    response = client.post(
        reverse("account_login"), {"login": volunteer.email, "password": "wrong password"}
    )
    summary = _summary(response.content.decode())
    assert "Skjemaet har 1 feil" in summary
    assert "<li>" in summary  # the form-level error is listed, without a link


def test_radio_lists_link_to_their_first_option_and_unbound_forms_show_nothing():
    class Choice(forms.Form):
        colour = forms.ChoiceField(choices=[("r", "Red")], widget=forms.RadioSelect)

    template = Template("{% load error_summary %}{% error_summary form %}")
    assert "data-error-summary" not in template.render(Context({"form": Choice()}))
    html = template.render(Context({"form": Choice({})}))
    assert 'href="#id_colour_0"' in html
