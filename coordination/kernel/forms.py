from __future__ import annotations

from typing import Any

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.db.models import Model
from django.utils.translation import gettext_lazy as _

from coordination.kernel import languages
from coordination.kernel.contact import PublicContact
from coordination.kernel.models import Municipality, Role, User
from coordination.kernel.text import OneLineCharField


class SignupForm(AllauthSignupForm):
    """allauth's sign-up with the person's name. A language chosen with the switcher before
    signing up is kept as their preferred language; otherwise they see their municipality's
    written standard until they choose (kernel.languages)."""

    full_name = OneLineCharField(
        label=_("Full name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    field_order = ["full_name", "email", "password1", "password2"]

    def custom_signup(self, request, user: User) -> None:
        user.full_name = self.cleaned_data["full_name"].strip()
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) if request else None
        user.preferred_language = chosen if languages.is_language(chosen) else ""
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
            "preferred_language": _(
                "The portal and our emails to you use this language. Not chosen: the language "
                "your municipality writes in."
            ),
        }
        labels = {"preferred_language": _("Language")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language = self.fields["preferred_language"]
        assert isinstance(language, forms.ChoiceField)
        language.choices = [("", _("As my municipality writes")), *settings.LANGUAGES]


class MembershipForm(forms.Form):
    """Give a person a role in the municipality (an invitation when they have no account)."""

    email = forms.EmailField(
        label=_("Their email address"),
        help_text=_(
            "If they have no account in Samspill yet, they get an invitation by email, and the "
            "role when they sign up with this address."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    role = forms.ChoiceField(label=_("Role"), choices=[("", _("Choose a role")), *Role.choices])
    organisation: forms.ModelChoiceField[Model] = forms.ModelChoiceField(
        label=_("Organisation"),
        help_text=_(
            "For a partner representative: the organisation they speak for. For a coordinator "
            "who works at the volunteer centre or another partner: that organisation."
        ),
        queryset=None,  # the municipality's partners, set below (the kernel knows no area)
        required=False,
        empty_label=_("No organisation"),
    )

    def __init__(self, *args: Any, municipality: Municipality, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisation = self.fields["organisation"]
        assert isinstance(organisation, forms.ModelChoiceField)
        organisation.queryset = municipality.partners.all()


class CoordinatorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.full_name or obj.email


class PublicContactForm(forms.ModelForm):
    """What the municipality's public page shows about whom to call (nothing until chosen)."""

    class Meta:
        model = PublicContact
        fields = ["coordinator", "show_name", "phone", "email", "when_to_call"]
        field_classes = {"coordinator": CoordinatorChoiceField, "when_to_call": OneLineCharField}
        widgets = {
            "phone": forms.TextInput(attrs={"autocomplete": "off", "inputmode": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "off"}),
        }

    def __init__(self, *args: Any, municipality: Municipality, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        coordinator = self.fields["coordinator"]
        assert isinstance(coordinator, forms.ModelChoiceField)
        coordinator.queryset = User.objects.filter(
            is_active=True,
            memberships__municipality=municipality,
            memberships__role=Role.COORDINATOR,
        ).order_by("full_name")
        coordinator.empty_label = _("No one chosen")


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
    "PublicContactForm",
    "SignupForm",
]
