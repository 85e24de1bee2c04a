from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coordination.models import Municipality, User
from coordination.uploads import UploadField

from . import importing
from .models import (
    CertificateCheck,
    CertificateKind,
    Course,
    CourseSession,
    Interest,
    RoleHolder,
    Volunteer,
    VolunteerNote,
    VolunteerRole,
)
from .readiness import ready_q
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


def holds_role(role: VolunteerRole | None) -> Q:
    """Volunteers in ``role`` (None: in any role)."""
    holders = RoleHolder.objects.filter(volunteer=OuterRef("pk"))
    return Q(Exists(holders.filter(role=role) if role is not None else holders))


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

    def _readiness(self, volunteers, role: VolunteerRole | None, wanted: str):
        """One statement whatever the number of volunteers: each role's requirements become
        EXISTS clauses of it (building them reads each role's courses and the declaration)."""
        if role is not None:
            if wanted == "ready":
                return volunteers.filter(ready_q(role))
            return volunteers.filter(holds_role(role) & ~ready_q(role))
        missing_any = Q(pk__in=[])
        for one in self.roles.values():
            missing_any |= holds_role(one) & ~ready_q(one)
        if wanted == "ready":
            return volunteers.filter(holds_role(None) & ~missing_any)
        return volunteers.filter(missing_any)

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


# --- Screening: roles, courses, police certificate checks -----------------------------------

CERTIFICATE_HELP = _(
    "Record only that you saw the police certificate, when, and whether it was OK for the "
    "role. Never keep a copy and never write down what it says: Samspill deliberately has no "
    "place for a file or comments about it."
)


class CalendarDateField(forms.DateField):
    """A date picked in the browser's own calendar."""

    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class VolunteerRoleForm(forms.ModelForm):
    """A role and what it requires; the service writes it."""

    class Meta:
        model = VolunteerRole
        fields = [
            "name",
            "interest",
            "certificate_kind",
            "certificate_valid_months",
            "required_courses",
        ]
        widgets = {
            "certificate_kind": forms.RadioSelect,
            "required_courses": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "certificate_kind": _(
                "The police certificate the coordinator must see before someone is ready for "
                "the role. An ordinary certificate also covers a role that needs a limited one."
            ),
            "required_courses": _("Courses someone must complete before they are ready."),
        }

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["interest"].choices = [("", _("None in particular")), *Interest.choices]
        self.fields["required_courses"].queryset = municipality.courses.all()
        self.fields["certificate_valid_months"].widget.attrs.update(
            {"min": 1, "max": 120, "inputmode": "numeric"}
        )


class CourseForm(forms.ModelForm):
    class Meta:
        model = Course
        fields = ["name", "description", "is_introductory"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}


class CourseSessionForm(forms.ModelForm):
    starts_at = forms.DateTimeField(
        label=_("Starts"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    class Meta:
        model = CourseSession
        fields = ["starts_at", "place"]


class GiveRoleForm(forms.Form):
    role = forms.ModelChoiceField(
        label=_("Role"), queryset=VolunteerRole.objects.none(), empty_label=_("Choose a role")
    )

    def __init__(self, *args, volunteer: Volunteer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].queryset = VolunteerRole.objects.filter(
            municipality_id=volunteer.municipality_id
        ).exclude(holders__volunteer=volunteer)


class CertificateCheckForm(forms.ModelForm):
    approved = forms.TypedChoiceField(
        label=_("Was it OK for the role?"),
        choices=[("yes", _("Yes, it was OK")), ("no", _("No, it was not OK"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        help_text=CERTIFICATE_HELP,
    )
    presented_on = CalendarDateField(label=_("The day it was presented"))

    class Meta:
        model = CertificateCheck
        fields = ["kind", "presented_on", "approved"]
        widgets = {"kind": forms.RadioSelect}
        labels = {"kind": _("Kind of police certificate")}

    def __init__(self, *args, holder: RoleHolder, **kwargs):
        kwargs.setdefault(
            "initial",
            {"kind": holder.role.certificate_kind, "presented_on": timezone.localdate()},
        )
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = CertificateKind.choices


class CompletionForm(forms.Form):
    course = forms.ModelChoiceField(
        label=_("Course"), queryset=Course.objects.none(), empty_label=_("Choose a course")
    )
    completed_on = CalendarDateField(label=_("Completed on"), initial=timezone.localdate)

    def __init__(self, *args, volunteer: Volunteer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = Course.objects.filter(
            municipality_id=volunteer.municipality_id
        ).exclude(completions__volunteer=volunteer)


class VolunteerSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Find volunteers by name, email or area"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )


class LimitedMultipleChoiceField(forms.ModelMultipleChoiceField):
    """At most ``limit`` ticked at once (a page of the list), so no request grows a query."""

    def __init__(self, *args, limit: int, **kwargs):
        self.limit = limit
        super().__init__(*args, **kwargs)

    def clean(self, value):
        if value and not isinstance(value, str) and len(value) > self.limit:
            raise forms.ValidationError(
                _("Tick at most %(limit)s volunteers at a time.") % {"limit": self.limit}
            )
        return super().clean(value)


class SessionCompletionsForm(forms.Form):
    """Tick the volunteers who completed a session. The template draws the checkboxes for the
    volunteers on the page; the field checks any ids sent in one query."""

    volunteers = LimitedMultipleChoiceField(
        label=_("Volunteers who completed the course"),
        queryset=Volunteer.objects.none(),
        limit=200,
        error_messages={"required": _("Tick at least one volunteer.")},
    )
    completed_on = CalendarDateField(label=_("Completed on"))

    def __init__(self, *args, session: CourseSession, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["volunteers"].queryset = Volunteer.objects.active().filter(
            municipality_id=session.course.municipality_id
        )
        self.fields["completed_on"].widget.attrs["class"] = "form-control"
