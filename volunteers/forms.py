from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.utils.translation import gettext_lazy as _

from coordination.models import Municipality, User
from coordination.uploads import UploadField

from . import importing
from .models import Interest, Volunteer, VolunteerNote
from .services import CONSENT_PURPOSE, PROFILE_FIELDS


class VolunteerProfileForm(forms.ModelForm):
    """The volunteer's own profile; on registration also their consent."""

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
        fields = PROFILE_FIELDS
        widgets = {
            "frequency": forms.RadioSelect,
            "contact_by": forms.RadioSelect,
            "gender": forms.RadioSelect,
        }

    def __init__(self, *args, user: User, with_consent: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["municipality"].queryset = Municipality.objects.order_by("name", "number")
        self.fields["municipality"].label_from_instance = lambda m: f"{m.name} ({m.county})"
        self.fields["municipality"].empty_label = _("Choose your municipality")
        self.fields["phone"].initial = user.phone
        if self.instance.pk:
            self.fields["interests"].initial = self.instance.interest_codes
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
            Fieldset(_("Where"), "municipality", "area", "willing_to_travel"),
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
            *consent,
        )

    def clean(self):
        cleaned = super().clean()
        wants_phone = cleaned.get("contact_by") in ("phone", "sms")
        if wants_phone and not (cleaned.get("phone") or self.user.phone):
            self.add_error("phone", _("Write your phone number, or choose email."))
        return cleaned


class DeclarationSignForm(forms.Form):
    agree = forms.BooleanField(
        label=_("I have read the declaration and promise to keep it."),
        error_messages={"required": _("Tick the box to sign.")},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def clean(self):
        cleaned = super().clean()
        if self.errors.pop("version", None):  # hidden: its own message would never be seen
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


class RegistryFilterForm(forms.Form):
    """Search and filters of the volunteer registry; every field optional."""

    SORTS = {
        "name": ("sort_name", "pk"),
        "-name": ("-sort_name", "-pk"),
        "area": ("area", "sort_name", "pk"),
        "newest": ("-active_since", "-pk"),
        "oldest": ("active_since", "pk"),
    }

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    interest = forms.ChoiceField(
        label=_("Would like to do"),
        required=False,
        choices=[("", _("Anything")), *Interest.choices],
    )
    when = forms.ChoiceField(
        label=_("Can help"),
        required=False,
        choices=[
            ("", _("Any time")),
            ("weekday_daytime", _("weekdays, daytime")),
            ("evenings", _("evenings")),
            ("weekends", _("weekends")),
        ],
    )
    can_drive = forms.BooleanField(label=_("Can drive"), required=False)
    declaration = forms.ChoiceField(
        label=_("Confidentiality declaration"),
        required=False,
        choices=[("", _("Any")), ("signed", _("Has signed")), ("missing", _("Has not signed"))],
    )
    active_since = forms.DateField(
        label=_("Volunteer since, at the earliest"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Active")), ("left", _("Have left")), ("all", _("All"))],
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("name", _("Name, A–Å")),
            ("-name", _("Name, Å–A")),
            ("area", _("Area")),
            ("newest", _("Newest first")),
            ("oldest", _("Oldest first")),
        ],
    )

    def apply(self, volunteers):
        """The filtered, sorted queryset (the form must be valid)."""
        data = self.cleaned_data
        status = data.get("status") or ""
        if status == "":
            volunteers = volunteers.filter(left_at__isnull=True)
        elif status == "left":
            volunteers = volunteers.filter(left_at__isnull=False)
        if text := (data.get("q") or "").strip():
            volunteers = volunteers.search(text)
        if data.get("interest"):
            volunteers = volunteers.with_interest(data["interest"])
        if data.get("when"):
            volunteers = volunteers.filter(**{data["when"]: True})
        if data.get("can_drive"):
            volunteers = volunteers.filter(can_drive=True)
        if data.get("declaration"):
            volunteers = volunteers.filter(signed_current=data["declaration"] == "signed")
        if data.get("active_since"):
            volunteers = volunteers.filter(active_since__gte=data["active_since"])
        return volunteers.order_by(*self.SORTS[data.get("sort") or "name"])


# --- import of a volunteer list, notes, consent after an import ------------------------------


class VolunteerImportForm(forms.Form):
    file = UploadField(
        kinds=("csv", "xlsx"),
        max_bytes=importing.MAX_FILE_BYTES,
        label=_("The volunteer list (CSV or Excel)"),
        error_messages={"required": _("Choose the file with the list.")},
    )


class ImportConfirmForm(forms.Form):
    """The list the coordinator saw in the preview (its record, kept until confirmed)."""

    upload = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**63 - 1)


class VolunteerNoteForm(forms.ModelForm):
    class Meta:
        model = VolunteerNote
        fields = ["text"]
        labels = {"text": _("New note")}
        help_texts = {
            "text": _("Never write health information or what a police certificate says.")
        }
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "text": {
                "required": _("Write the note first."),
                "max_length": _(
                    "A note can be at most %(limit_value)d characters; this one has %(show_value)d."
                ),
            }
        }


class ConsentForm(forms.Form):
    consent = forms.BooleanField(
        label=_("Yes, I agree that my details are stored for this purpose."),
        error_messages={"required": _("We need your consent to store your details. Tick the box.")},
    )
