"""The notes the safeguards before pairing ask for: what was clarified with the service, and how
the extra check for a very vulnerable person was done."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from volunteers.needs.forms.layout import _helper


class SafeguardNoteForm(forms.Form):
    """A short note saying what was clarified with the service, or how the extra check for a
    very vulnerable person was done."""

    note = forms.CharField(
        label=pgettext_lazy("a written note", "Note"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Write a short note.")},
    )

    def __init__(self, *args, label: str, help_text: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["note"].label = label
        self.fields["note"].help_text = help_text
        self.helper = _helper()


def service_clarified_form(data=None) -> SafeguardNoteForm:
    return SafeguardNoteForm(
        data,
        prefix="service",
        label=_("What was clarified with the service"),
        help_text=_(
            "For example: talked with the home care service on 3 March; they keep the cleaning, "
            "the volunteer goes shopping with her."
        ),
    )


def extra_check_form(data=None) -> SafeguardNoteForm:
    return SafeguardNoteForm(
        data,
        prefix="check",
        label=_("How the extra check was done"),
        help_text=_(
            "For example: who consented and how, that the person wants the help, and who the "
            "volunteer calls if something is wrong."
        ),
    )
