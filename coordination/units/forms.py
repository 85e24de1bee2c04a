"""Units, their volunteer contacts, and forum meetings."""

from django import forms
from django.utils.translation import gettext_lazy as _

from coordination.kernel.models import Membership, Role
from coordination.units.models import ForumMeeting, Unit, UnitKind


class UnitForm(forms.ModelForm):
    class Meta:
        model = Unit
        fields = ["name", "kind", "address", "leader_name", "phone"]
        help_texts = {
            "address": _("Optional. For example Lomsvegen 12, or the area it serves."),
            "leader_name": _("Optional. The name of the person who leads the unit."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Choose the kind of unit")), *UnitKind.choices]


class ContactChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Membership) -> str:
        return obj.user.full_name or obj.user.email


class UnitContactForm(forms.Form):
    """Choose one of the municipality's volunteer contacts for a unit."""

    membership = ContactChoiceField(
        label=_("Volunteer contact"),
        queryset=Membership.objects.none(),
        empty_label=_("Choose a volunteer contact"),
        error_messages={
            "invalid_choice": _(
                "Choose one of the municipality's volunteer contacts in the list. Only a "
                "person with the role volunteer contact can be a unit's contact."
            )
        },
        help_text=_(
            "People with the role volunteer contact in the municipality. Give someone the role "
            "on the coordination overview first."
        ),
    )

    def __init__(self, *args, unit: Unit, **kwargs):
        super().__init__(*args, **kwargs)
        # The service refuses any other role or municipality too, with its own message.
        self.fields["membership"].queryset = (
            Membership.objects.in_municipality(unit.municipality_id)
            .filter(role=Role.VOLUNTEER_CONTACT)
            .exclude(unit_links__unit=unit)
            .select_related("user")
            .order_by("user__full_name", "pk")
        )


class AttendeesField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj: Membership) -> str:
        return f"{obj.user.full_name or obj.user.email} ({obj.get_role_display()})"


class ForumMeetingForm(forms.ModelForm):
    starts_at = forms.DateTimeField(
        label=_("Date and time"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    attendees = AttendeesField(
        label=_("Who attended"),
        queryset=Membership.objects.none(),
        required=False,
        help_text=_("Fill this in after the meeting."),
    )

    class Meta:
        model = ForumMeeting
        fields = ["starts_at", "place", "agenda", "attendees"]
        widgets = {"agenda": forms.Textarea(attrs={"rows": 6})}
        help_texts = {"agenda": _("One item a line is easiest to read.")}

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = members


class MinutesForm(forms.ModelForm):
    attendees = AttendeesField(
        label=_("Who attended"), queryset=Membership.objects.none(), required=False
    )

    class Meta:
        model = ForumMeeting
        fields = ["minutes", "attendees"]
        widgets = {"minutes": forms.Textarea(attrs={"rows": 12})}

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = members
