"""What every needs form shares: the date widget and the form helper (no form tag of its own)."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout
from django import forms

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _helper(*layout) -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    if layout:
        helper.layout = Layout(*layout)
    return helper
