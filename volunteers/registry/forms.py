"""The registry: its filters, finding one volunteer, notes, and importing a list."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Fieldset, Layout
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from coordination.kernel.models import Municipality
from coordination.kernel.text import OneLineCharField
from coordination.kernel.uploads import UploadField
from coordination.units.models import Unit
from volunteers.importing import rows as importing
from volunteers.models import (
    Consent,
    ContactBy,
    Interest,
    RoleHolder,
    Volunteer,
    VolunteerNote,
    VolunteerRole,
)
from volunteers.profile.services import CONSENT_PURPOSE, DETAIL_FIELDS, not_a_partner_message
from volunteers.screening.ready_state import (
    all_roles_ready_q,
    some_role_missing_q,
    stored_missing_q,
    stored_ready_q,
)


def holds_role(role: VolunteerRole | None) -> Q:
    """Volunteers in ``role`` (None: in any role)."""
    holders = RoleHolder.objects.filter(volunteer=OuterRef("pk"))
    return Q(Exists(holders.filter(role=role) if role is not None else holders))


def has_consent() -> Exists:
    """Volunteers with a consent recorded: one EXISTS on the consent's volunteer index."""
    return Exists(Consent.objects.filter(volunteer=OuterRef("pk")))


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
    area = forms.CharField(
        label=_("Area or village"),
        required=False,
        max_length=100,
        help_text=_("The whole name, for example Bøverdalen."),
    )
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
    consent = forms.ChoiceField(
        label=_("Consent"),
        required=False,
        choices=[("", _("Any")), ("missing", _("No consent recorded"))],
        help_text=_("Imported volunteers have none until they log in or give it by phone."),
    )
    active_since = forms.DateField(
        label=_("Volunteer since, at the earliest"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    role = forms.TypedChoiceField(
        label=_("Role"), required=False, coerce=int, empty_value=None, choices=[]
    )
    readiness = forms.ChoiceField(
        label=_("Ready for the role"),
        required=False,
        choices=[("", _("Any")), ("ready", _("Ready")), ("missing", _("Missing something"))],
        help_text=_("Without a role chosen: ready for every role they have, or not."),
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

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        # Loaded once: the choices and the readiness filter both use them.
        self.roles = {role.pk: role for role in municipality.volunteer_roles.all()}
        self.fields["role"].choices = [
            ("", _("Any role")),
            *((pk, role.name) for pk, role in self.roles.items()),
        ]

    @staticmethod
    def _readiness(volunteers, role: VolunteerRole | None, wanted: str):
        """A stored column read: the role holder's state (one EXISTS on the role's holder) or,
        without a role, the volunteer's summary of all their roles (``screening.ready_state``)."""
        if role is not None:
            return volunteers.filter(
                stored_ready_q(role) if wanted == "ready" else stored_missing_q(role)
            )
        return volunteers.filter(
            all_roles_ready_q() if wanted == "ready" else some_role_missing_q()
        )

    def apply(self, volunteers):
        """The filtered, sorted queryset (the form must be valid)."""
        data = self.cleaned_data
        role = self.roles.get(data.get("role"))
        if role is not None and not data.get("readiness"):
            volunteers = volunteers.filter(holds_role(role))
        if data.get("readiness"):
            volunteers = self._readiness(volunteers, role, data["readiness"])
        status = data.get("status") or ""
        if status == "":
            volunteers = volunteers.filter(left_at__isnull=True)
        elif status == "left":
            volunteers = volunteers.filter(left_at__isnull=False)
        if text := (data.get("q") or "").strip():
            volunteers = volunteers.search(text)
        if area := (data.get("area") or "").strip():
            volunteers = volunteers.filter(area__iexact=area)
        if data.get("interest"):
            volunteers = volunteers.with_interest(data["interest"])
        if data.get("when"):
            volunteers = volunteers.filter(**{data["when"]: True})
        if data.get("can_drive"):
            volunteers = volunteers.filter(can_drive=True)
        if data.get("declaration"):
            volunteers = volunteers.filter(signed_current=data["declaration"] == "signed")
        if data.get("consent") == "missing":
            volunteers = volunteers.filter(~has_consent())
        if data.get("active_since"):
            volunteers = volunteers.filter(active_since__gte=data["active_since"])
        return volunteers.order_by(*self.SORTS[data.get("sort") or "name"])


class VolunteerSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Find volunteers by name, email or area"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )


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


class VolunteerUnitsForm(forms.Form):
    """The units of the municipality where a volunteer helps (their contacts follow them up)."""

    units = forms.ModelMultipleChoiceField(
        label=_("Choose the units"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "The volunteer contacts of these units see the volunteer and follow them up. "
            "Tick none if the volunteer does not help at a unit."
        ),
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = Unit.objects.in_municipality(municipality)


def consent_by_phone(form: forms.BaseForm) -> Fieldset:
    """The consent the coordinator reads out on the phone, and the box they tick (added to
    ``form``); the service says what is missing, with the other errors."""
    form.fields["consent_given"] = forms.BooleanField(
        label=_("I have read the text out, and the volunteer agreed."), required=False
    )
    text = format_html(
        '<p class="mb-2">{}</p><blockquote class="border-start border-4 '
        'ps-3 mb-3" id="consent-text"><p>{}</p></blockquote>',
        _("Read this out to the volunteer and ask whether they agree:"),
        CONSENT_PURPOSE,
    )
    return Fieldset(_("Their consent"), HTML(text), "consent_given")


class ConsentByPhoneForm(forms.Form):
    """A coordinator records the consent of a volunteer who has none (imported, say): the text
    to read out and the box they tick when the volunteer has agreed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(consent_by_phone(self))


class VolunteerDetailsForm(forms.Form):
    """A coordinator registers a volunteer by phone (``register=True``: with the consent they
    read out), or changes a volunteer's details. A plain form: the service writes, never the
    form (with a login, the name and phone belong to the account)."""

    name = OneLineCharField(
        label=_("Name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={"required": _("Write the volunteer's name.")},
    )
    phone = forms.CharField(
        label=_("Phone"),
        required=False,
        max_length=20,
        validators=Volunteer._meta.get_field("phone").validators,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
        help_text=_("For example 912 34 567."),
    )
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        help_text=_("Optional. With it, the volunteer can be invited to make a login later."),
    )
    interests = forms.MultipleChoiceField(
        label=_("What would they like to do?"),
        choices=Interest.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    LABELS = {
        "area": _("Area or village"),
        "willing_to_travel": _("Can help in other parts of the municipality too"),
        "weekday_daytime": _("Weekdays, daytime"),
        "evenings": _("Evenings"),
        "weekends": _("Weekends"),
        "summer": _("In summer"),
        "winter": _("In winter"),
        "frequency": _("How often"),
        "contact_by": _("How would they like to be reached?"),
        "through_organisation": _("Organisation they volunteer through"),
    }

    def __init__(
        self,
        *args,
        register: bool,
        municipality: Municipality,
        volunteer: Volunteer | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self._add_volunteer_fields()
        organisation = self._through_organisation(municipality)
        consent = [consent_by_phone(self)] if register else []
        if register:  # someone who phoned, often without email: reached by a call
            self.fields["contact_by"].initial = ContactBy.PHONE
        if volunteer is not None:
            self._start_from(volunteer)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Fieldset(_("Who"), "name", "phone", "email"),
            Fieldset(_("Where"), "area", "willing_to_travel"),
            Fieldset(_("What"), "interests", "skills"),
            Fieldset(
                _("When can they help?"),
                "weekday_daytime",
                "evenings",
                "weekends",
                "summer",
                "winter",
                "frequency",
            ),
            Fieldset(_("How to reach them"), "contact_by"),
            *organisation,
            *consent,
        )

    def _add_volunteer_fields(self) -> None:
        """The volunteer's own fields, as the model has them, with labels for a coordinator."""
        self.fields.update(
            forms.fields_for_model(
                Volunteer,
                fields=DETAIL_FIELDS,
                widgets={
                    "frequency": forms.RadioSelect,
                    "contact_by": forms.RadioSelect,
                    "through_organisation": forms.RadioSelect,
                },
                field_classes={"area": OneLineCharField, "skills": OneLineCharField},
            )
        )
        for field, label in self.LABELS.items():
            self.fields[field].label = label
        self.fields["area"].help_text = ""
        self.fields["skills"].help_text = ""

    def _through_organisation(self, municipality: Municipality) -> list[Fieldset]:
        """Which of the municipality's partners the volunteer volunteers through (none when
        it has no partners)."""
        field = self.fields["through_organisation"]
        field.queryset = municipality.partners.order_by("name")
        if not field.queryset.exists():
            del self.fields["through_organisation"]
            return []
        field.empty_label = _("Not through an organisation")
        field.error_messages["invalid_choice"] = not_a_partner_message(municipality)
        field.help_text = _(
            "Only if they volunteer through an organisation, such as the Red Cross. Where your "
            "cooperation agreement accepts the organisation's own screening, its check of the "
            "police certificate counts."
        )
        return [Fieldset(_("Through an organisation"), "through_organisation")]

    def _start_from(self, volunteer: Volunteer) -> None:
        """Changing a volunteer: their details as they are; a login's address is theirs alone."""
        self.initial.update(
            {
                "name": volunteer.person_name,
                "phone": volunteer.contact_phone,
                "email": volunteer.contact_email,
                "interests": volunteer.interest_codes,
                **{f: getattr(volunteer, f) for f in DETAIL_FIELDS if f in self.fields},
            }
        )
        if volunteer.user_id:
            email = self.fields["email"]
            email.disabled = True
            email.help_text = _(
                "This is the volunteer's login. Only they can change it, on their own page."
            )

    def details(self) -> dict:
        skip = ("interests", "consent_given")
        return {k: v for k, v in self.cleaned_data.items() if k not in skip}
