"""Screening: roles and what they require, courses, police certificate checks."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coordination.text import OneLineCharField

from ..models import (
    CertificateCheck,
    CertificateKind,
    Course,
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
        field_classes = {"name": OneLineCharField}
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
