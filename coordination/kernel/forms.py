from __future__ import annotations

from typing import Any

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.db.models import Model
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from coordination.kernel.models import Municipality, Role, User
from coordination.kernel.text import OneLineCharField


class SignupForm(AllauthSignupForm):
    """allauth's sign-up with the person's name; the language they signed up in is kept as
    their preferred language."""

    full_name = OneLineCharField(
        label=_("Full name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    field_order = ["full_name", "email", "password1", "password2"]

    def custom_signup(self, request, user: User) -> None:
        user.full_name = self.cleaned_data["full_name"].strip()
        user.preferred_language = (get_language() or "nb")[:2]
        user.save(update_fields=["full_name", "preferred_language"])


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "phone", "preferred_language"]
        field_classes = {"full_name": OneLineCharField}
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }
        help_texts = {
            "phone": _("Optional. Norwegian numbers need no country code."),
            "preferred_language": _("The portal and our emails to you use this language."),
        }


class MembershipForm(forms.Form):
    """Give a registered person a role in the municipality."""

    email = forms.EmailField(
        label=_("Their email address"),
        help_text=_("The person must already have registered in Samspill."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    role = forms.ChoiceField(label=_("Role"), choices=[("", _("Choose a role")), *Role.choices])
    organisation: forms.ModelChoiceField[Model] = forms.ModelChoiceField(
        label=_("Organisation (for partner representatives)"),
        queryset=None,  # the municipality's partners, set below (the kernel knows no area)
        required=False,
        empty_label=_("No organisation"),
    )

    def __init__(self, *args: Any, municipality: Municipality, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisation = self.fields["organisation"]
        assert isinstance(organisation, forms.ModelChoiceField)
        organisation.queryset = municipality.partners.all()


class MunicipalitySearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search by name, number or county"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )


__all__ = [
    "MembershipForm",
    "MunicipalitySearchForm",
    "ProfileForm",
    "SignupForm",
]
