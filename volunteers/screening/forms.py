"""Screening: roles and what they require, courses, police certificate checks."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coordination.kernel.text import OneLineCharField
from volunteers.models import (
    CertificateCheck,
    CertificateKind,
    Course,
    CourseCompletion,
    CourseSession,
    Interest,
    RoleHolder,
    Volunteer,
    VolunteerRole,
)

CERTIFICATE_HELP = _(
    "Record only that you saw the police certificate, when, and whether it was OK for the "
    "role. Never keep a copy and never write down what it says: Samspill deliberately has no "
    "place for a file or comments about it."
)


DESCRIPTION_REQUIRED = {
    "what_you_do": _("Say in plain words what the volunteer does in this role."),
    "what_you_do_not_do": _(
        "Say what the volunteer does not do in this role, for example give medicine or "
        "handle money."
    ),
}


class CalendarDateField(forms.DateField):
    """A date picked in the browser's own calendar."""

    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class VolunteerRoleForm(forms.ModelForm):
    """A role, what the volunteer does and does not do in it, and what it requires; the
    service writes it."""

    requires_certificate = forms.TypedChoiceField(
        label=_("Does the role require a police certificate?"),
        choices=[("no", _("No")), ("yes", _("Yes"))],
        coerce=lambda value: value == "yes",
        empty_value=False,
        required=False,
        initial="no",
        widget=forms.RadioSelect,
    )
    certificate_kinds = forms.MultipleChoiceField(
        label=_("Police certificates the role accepts"),
        choices=CertificateKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Tick every kind that is good enough for the role. Samspill does not decide this "
            "for you."
        ),
    )

    class Meta:
        model = VolunteerRole
        fields = [
            "name",
            "interest",
            "what_you_do",
            "what_you_do_not_do",
            "requires_certificate",
            "certificate_kinds",
            "certificate_legal_basis",
            "certificate_valid_months",
            "required_courses",
        ]
        field_classes = {"name": OneLineCharField}
        widgets = {
            "what_you_do": forms.Textarea(attrs={"rows": 4}),
            "what_you_do_not_do": forms.Textarea(attrs={"rows": 4}),
            "certificate_legal_basis": forms.Textarea(attrs={"rows": 2}),
            "required_courses": forms.CheckboxSelectMultiple,
        }
        labels = {
            "what_you_do": _("What you do"),
            "what_you_do_not_do": _("What you do not do"),
            "certificate_legal_basis": _("Why the role requires a police certificate"),
        }
        help_texts = {
            "required_courses": _("Courses someone must complete before they are ready."),
        }

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["interest"].choices = [("", _("None in particular")), *Interest.choices]
        self.fields["required_courses"].queryset = municipality.courses.all()
        self.fields["certificate_valid_months"].widget.attrs.update(
            {"min": 1, "max": 120, "inputmode": "numeric"}
        )
        for name, message in DESCRIPTION_REQUIRED.items():
            self.fields[name].required = True
            self.fields[name].error_messages["required"] = message
        if self.instance.pk and not self.is_bound:
            self.initial["requires_certificate"] = (
                "yes" if self.instance.requires_certificate else "no"
            )


class CourseForm(forms.ModelForm):
    class Meta:
        model = Course
        fields = ["name", "description", "is_introductory"]
        field_classes = {"name": OneLineCharField}
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}


class CourseSessionForm(forms.ModelForm):
    starts_at = forms.DateTimeField(
        label=_("Starts"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    class Meta:
        model = CourseSession
        fields = ["starts_at", "place"]
        field_classes = {"place": OneLineCharField}


class GiveRoleForm(forms.ModelForm):
    class Meta:
        model = RoleHolder
        fields = ["role"]
        labels = {"role": _("Role")}

    def __init__(self, *args, volunteer: Volunteer, **kwargs):
        super().__init__(*args, instance=RoleHolder(volunteer=volunteer), **kwargs)
        field = self.fields["role"]
        field.empty_label = _("Choose a role")
        field.queryset = VolunteerRole.objects.in_municipality(volunteer.municipality_id).exclude(
            holders__volunteer=volunteer
        )


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
            {
                "kind": next(iter(holder.role.certificate_kinds), ""),
                "presented_on": timezone.localdate(),
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = CertificateKind.choices


class CompletionForm(forms.ModelForm):
    completed_on = CalendarDateField(label=_("Completed on"), initial=timezone.localdate)

    class Meta:
        model = CourseCompletion
        fields = ["course", "completed_on"]
        labels = {"course": _("Course")}

    def __init__(self, *args, volunteer: Volunteer, **kwargs):
        super().__init__(*args, instance=CourseCompletion(volunteer=volunteer), **kwargs)
        field = self.fields["course"]
        field.empty_label = _("Choose a course")
        field.queryset = Course.objects.in_municipality(volunteer.municipality_id).exclude(
            completions__volunteer=volunteer
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
