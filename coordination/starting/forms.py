from django import forms
from django.utils.translation import gettext_lazy as _

from coordination.kernel.text import OneLineCharField
from coordination.starting.models import StartRequest


class StartRequestForm(forms.ModelForm):
    """Who asks to start Samspill, and how to reach them. ``website`` is a trap for robots
    (hidden from people; a filled-in trap stores nothing)."""

    website = forms.CharField(required=False, label=_("Leave this field empty"))

    class Meta:
        model = StartRequest
        fields = ["full_name", "position", "email", "phone", "message"]
        field_classes = {"full_name": OneLineCharField, "position": OneLineCharField}
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "position": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "message": forms.Textarea(attrs={"rows": 4}),
        }


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The requester gets this in the email that tells them the decision."),
    )
