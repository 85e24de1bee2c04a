"""The one sign-up form (the public page, and the organiser's "sign up by phone"), and the
reason asked for when an organiser cancels a meeting."""

from __future__ import annotations

from typing import Any

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.utils.translation import gettext_lazy as _

from activities.catalogue.models import Activity
from activities.signups.models import FeeCategory, MobilityAid, OnBehalf, Reminder
from activities.signups.services import fee_categories
from coordination.kernel.models import User
from coordination.kernel.text import OneLineCharField

YES_NO = [("no", _("No, I get there myself")), ("yes", _("Yes, I need a ride"))]
PHONE_VALIDATORS = User._meta.get_field("phone").validators


def _helper(*layout: Any) -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    helper.layout = Layout(*layout)
    return helper


class SignUpForm(forms.Form):
    """Who is coming, who signs them up, transport, anything else, the fee and the reminder.
    ``staff``: the organiser signs someone up by phone (they are the one signing up)."""

    participant_name = OneLineCharField(
        label=_("Name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={"required": _("Write the name of the person who is coming.")},
    )
    participant_phone = forms.CharField(
        label=_("Phone"),
        max_length=20,
        required=False,
        validators=PHONE_VALIDATORS,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
        help_text=_("So that the organiser (and the driver) can reach you, e.g. 912 34 567."),
    )
    participant_email = forms.EmailField(
        label=_("Email (if you have one)"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    for_someone_else = forms.BooleanField(
        label=_("I am signing up for someone else"), required=False
    )
    on_behalf = forms.ChoiceField(
        label=_("You are"),
        required=False,
        widget=forms.RadioSelect,
        choices=[
            (OnBehalf.RELATIVE, OnBehalf.RELATIVE.label),
            (OnBehalf.HOME_CARE, OnBehalf.HOME_CARE.label),
        ],  # fmt: skip
    )
    signed_up_by_name = OneLineCharField(
        label=_("Your name"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    signed_up_by_phone = forms.CharField(
        label=_("Your phone"),
        max_length=20,
        required=False,
        validators=PHONE_VALIDATORS,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    needs_transport = forms.ChoiceField(
        label=_("Do you need a ride there?"),
        choices=YES_NO,
        initial="no",
        widget=forms.RadioSelect,
    )
    pickup_address = OneLineCharField(
        label=_("Pick-up address"),
        max_length=200,
        required=False,
        help_text=_("Where the driver should pick you up, e.g. Bøverdalsvegen 12."),
    )
    pickup_area = OneLineCharField(label=_("Village or area"), max_length=100, required=False)
    return_trip = forms.BooleanField(
        label=_("I need a ride home too"), required=False, initial=True
    )
    mobility_aids = forms.MultipleChoiceField(
        label=_("Do you bring a mobility aid?"),
        required=False,
        choices=MobilityAid.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    accessibility_needs = forms.CharField(
        label=_("Anything the organiser should know"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: hears badly, needs a seat near the door. Only if you want to."),
    )
    fee_category = forms.ChoiceField(label=_("What you pay"), widget=forms.RadioSelect)
    reminder = forms.ChoiceField(
        label=_("A reminder the day before"),
        choices=Reminder.choices,
        initial=Reminder.NONE,
        widget=forms.RadioSelect,
    )

    def __init__(
        self, *args, activity: Activity, staff: bool = False, organiser: bool = False, **kwargs
    ):
        """``organiser``: the person may also say they sign up as the organiser (by phone)."""
        super().__init__(*args, **kwargs)
        self.activity = activity
        self.staff = staff
        if organiser and not staff:
            who_signs = self.fields["on_behalf"]
            assert isinstance(who_signs, forms.ChoiceField)
            who_signs.choices = [
                *list(who_signs.choices),  # type: ignore[arg-type]
                (OnBehalf.ORGANISER, OnBehalf.ORGANISER.label),
            ]
        offered = fee_categories(activity)
        labels = dict(FeeCategory.choices)
        fee_field = self.fields["fee_category"]
        assert isinstance(fee_field, forms.ChoiceField)
        fee_field.choices = [(value, labels[value]) for value in offered]
        self.fields["fee_category"].initial = offered[0]
        who = [Fieldset(_("Who is coming"), "participant_name", "participant_phone",
                        "participant_email")]  # fmt: skip
        if staff:
            for name in ("for_someone_else", "on_behalf", "signed_up_by_name",
                         "signed_up_by_phone"):  # fmt: skip
                del self.fields[name]
        else:
            who.append(
                Fieldset(
                    _("Signing up for someone else?"),
                    "for_someone_else",
                    "on_behalf",
                    "signed_up_by_name",
                    "signed_up_by_phone",
                )
            )
        transport = []
        if activity.transport_offered:
            transport.append(
                Fieldset(
                    _("Transport"),
                    "needs_transport",
                    "pickup_address",
                    "pickup_area",
                    "return_trip",
                    "mobility_aids",
                )
            )
        else:
            for name in ("needs_transport", "pickup_address", "pickup_area", "return_trip"):
                del self.fields[name]
            transport.append(Fieldset(_("Getting there"), "mobility_aids"))
        if len(offered) == 1:
            self.fields["fee_category"].widget = forms.HiddenInput()
            fee = []
        else:
            fee = [Fieldset(_("The fee"), "fee_category")]
        self.helper = _helper(
            *who,
            *transport,
            Fieldset(_("Anything else"), "accessibility_needs"),
            *fee,
            Fieldset(_("Reminder"), "reminder", *(["fee_category"] if not fee else [])),
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("for_someone_else"):
            if not data.get("on_behalf"):
                self.add_error("on_behalf", _("Choose who you are."))
            if not data.get("signed_up_by_name"):
                self.add_error("signed_up_by_name", _("Write your own name."))
        if data.get("needs_transport") == "yes" and not data.get("pickup_address"):
            self.add_error(
                "pickup_address", _("Write the address where the driver should pick you up.")
            )
        return data

    def service_arguments(self) -> dict[str, Any]:
        """The cleaned data as ``services.sign_up`` takes it."""
        data = self.cleaned_data
        someone_else = bool(data.get("for_someone_else"))
        on_behalf: str
        if self.staff:
            on_behalf = OnBehalf.ORGANISER
        else:
            on_behalf = data.get("on_behalf", "") if someone_else else ""
        return {
            "participant_name": data["participant_name"],
            "participant_phone": data.get("participant_phone", ""),
            "participant_email": data.get("participant_email", ""),
            "on_behalf": on_behalf,
            "signed_up_by_name": data.get("signed_up_by_name", "") if someone_else else "",
            "signed_up_by_phone": data.get("signed_up_by_phone", "") if someone_else else "",
            "reminder": data["reminder"],
            "needs_transport": data.get("needs_transport") == "yes",
            "pickup_address": data.get("pickup_address", ""),
            "pickup_area": data.get("pickup_area", ""),
            "return_trip": bool(data.get("return_trip")),
            "mobility_aids": data.get("mobility_aids") or [],
            "accessibility_needs": data.get("accessibility_needs", ""),
            "fee_category": data["fee_category"],
        }


class CancelSessionForm(forms.Form):
    reason = OneLineCharField(
        label=_("Why the meeting is cancelled"),
        max_length=300,
        help_text=_(
            "Everyone signed up is told, with this reason. For example: the hall is taken."
        ),
        error_messages={"required": _("Write why the meeting is cancelled.")},
    )
