"""The volunteer's own forms: profile, consent, the declaration; and publishing it."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Fieldset, Layout
from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from coordination.kernel.models import Municipality, User
from coordination.kernel.text import OneLineCharField
from volunteers.models import Interest, Volunteer
from volunteers.profile.services import (
    CONSENT_PURPOSE,
    PROFILE_FIELDS,
    REGISTRATION_FIELDS,
    not_a_partner_message,
)

MUNICIPALITY_NOT_EDITABLE = _(
    "Your details here belong to this municipality. To help in another one, register there "
    "from your page. Nothing was saved."
)


class VolunteerProfileForm(forms.ModelForm):
    """The volunteer's own profile; on registration also their consent. The municipality is
    chosen on registration only: afterwards it is shown, never a field (issue 10)."""

    interests = forms.MultipleChoiceField(
        label=_("What would you like to do?"),
        choices=Interest.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one thing you would like to do.")},
    )
    phone = forms.CharField(
        label=_("Phone"),
        required=False,
        max_length=20,
        validators=User._meta.get_field("phone").validators,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        help_text=_("Needed if we should call you or send you text messages."),
    )

    class Meta:
        model = Volunteer
        fields = REGISTRATION_FIELDS
        field_classes = dict.fromkeys(("area", "skills", "languages"), OneLineCharField)
        widgets = {
            "frequency": forms.RadioSelect,
            "contact_by": forms.RadioSelect,
            "gender": forms.RadioSelect,
            "through_organisation": forms.RadioSelect,
        }

    def __init__(
        self,
        *args,
        user: User,
        with_consent: bool,
        copy_from: Volunteer | None = None,
        **kwargs,
    ):
        if copy_from is not None:  # joining a neighbouring municipality: start from what they
            kwargs["initial"] = {  # share with the first; they choose what to share here
                **{f: getattr(copy_from, f) for f in PROFILE_FIELDS},
                "interests": copy_from.interest_codes,
            }
        super().__init__(*args, **kwargs)
        self.user = user
        if self.instance.pk:
            del self.fields["municipality"]
            where = HTML(
                format_html(
                    '<p class="mb-3"><strong>{}</strong> {}<br><span class="form-text">{}</span>'
                    "</p>",
                    _("Municipality:"),
                    self.instance.municipality.name,
                    _(
                        "To help in a neighbouring municipality too, or after you move, "
                        "register there from your page."
                    ),
                )
            )
        else:
            field = self.fields["municipality"]
            # issue 13: only where a coordinator can welcome them (uses Samspill)
            # ... and not where they already volunteer (one membership per municipality)
            field.queryset = (
                Municipality.objects.in_use()
                .exclude(volunteers__user=user)
                .order_by("name", "number")
            )
            field.label_from_instance = lambda m: f"{m.name} ({m.county})"
            field.empty_label = _("Choose your municipality")
            field.error_messages["invalid_choice"] = _(
                "Choose one of the municipalities in the list. You can register only once in "
                "each municipality."
            )
            field.help_text = _(
                "The municipality where you would like to help. Only municipalities that use "
                "Samspill are listed; for the others, their page in the list of municipalities "
                "says whom to contact. You can help in more municipalities later."
            )
            where = "municipality"
        organisation = self._through_organisation()
        self.fields["phone"].initial = user.phone
        if self.instance.pk:
            self.fields["interests"].initial = self.instance.interest_codes
        elif copy_from is not None:
            self.fields["municipality"].empty_label = _("Choose the other municipality")
        consent = []
        if with_consent:
            self.fields["consent"] = forms.BooleanField(
                label=_("Yes, I agree that my details are stored for this purpose."),
                help_text=CONSENT_PURPOSE,
                error_messages={
                    "required": _("We need your consent to store your details. Tick the box.")
                },
            )
            consent = [Fieldset(_("Your consent"), "consent")]
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Fieldset(_("Where"), where, "area", "willing_to_travel"),
            Fieldset(_("What"), "interests", "skills", "languages"),
            Fieldset(
                _("When can you help?"),
                "weekday_daytime",
                "evenings",
                "weekends",
                "summer",
                "winter",
                "frequency",
            ),  # fmt: skip
            Fieldset(_("Transport"), "can_drive", "has_car"),
            Fieldset(_("How we reach you"), "contact_by", "phone"),
            Fieldset(_("About you"), "gender"),
            *organisation,
            *consent,
        )

    def _through_organisation(self) -> list[Fieldset]:
        """The partner organisations of the volunteer's municipality, to say which one they
        volunteer through. Not on registration: the municipality is not chosen yet."""
        if not self.instance.pk:
            del self.fields["through_organisation"]
            return []
        municipality = self.instance.municipality
        field = self.fields["through_organisation"]
        field.queryset = municipality.partners.order_by("name")
        field.empty_label = _("Not through an organisation")
        field.error_messages["invalid_choice"] = not_a_partner_message(municipality)
        if not field.queryset.exists():
            del self.fields["through_organisation"]
            return []
        return [Fieldset(_("Through an organisation"), "through_organisation")]

    def clean(self):
        cleaned = super().clean()
        posted = self.data.get("municipality")
        if self.instance.pk and posted not in (None, "", self.instance.municipality_id):
            raise forms.ValidationError(MUNICIPALITY_NOT_EDITABLE, code="municipality")
        wants_phone = cleaned.get("contact_by") in ("phone", "sms")
        if wants_phone and not (cleaned.get("phone") or self.user.phone):
            self.add_error("phone", _("Write your phone number, or choose email."))
        return cleaned


class LeaveForm(forms.Form):
    delete_now = forms.BooleanField(
        label=_("Also delete my volunteer details now, instead of a year after I stop."),
        help_text=_(
            "Your name, contact details, interests and notes are removed at once. The hours you "
            "gave stay in the statistics without your name."
        ),
        required=False,
    )


class DeclarationSignForm(forms.Form):
    agree = forms.BooleanField(
        label=_("I have read the declaration and promise to keep it."),
        error_messages={"required": _("Tick the box to sign.")},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, current_version: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.current_version = current_version

    def clean(self):
        cleaned = super().clean()
        # Hidden: its own message would never be seen. A version other than the one shown now
        # means the declaration changed since the person opened it.
        if self.errors.pop("version", None) or cleaned.get("version") not in (
            None,
            self.current_version,
        ):
            self.add_error(
                None, _("The declaration has changed since you opened it. Read it again.")
            )
        return cleaned


class DeclarationPublishForm(forms.Form):
    body = forms.CharField(
        label=_("The text of the confidentiality declaration"),
        widget=forms.Textarea(attrs={"rows": 14}),
        max_length=20_000,
        help_text=_(
            "When you publish a new version, every active volunteer is asked to sign it, and is "
            "not ready for tasks until they have."
        ),
    )


class ConsentForm(forms.Form):
    consent = forms.BooleanField(
        label=_("Yes, I agree that my details are stored for this purpose."),
        error_messages={"required": _("We need your consent to store your details. Tick the box.")},
    )
