"""The routine binder's forms: a routine's text (a new version), approval, owner and
co-authors, copying starter routines, and the list's filter."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from coordination.kernel.models import Membership, Role, User
from coordination.kernel.steps import Step
from coordination.kernel.text import OneLineCharField
from coordination.routines.models import Routine, RoutineTopic
from coordination.routines.services import MAX_BODY, MAX_NOTE, MAX_TITLE
from coordination.routines.starters import STARTER_ROUTINES


class CalendarDateField(forms.DateField):
    """A date picked in the browser's own calendar."""

    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RoutineForm(forms.Form):
    """What a routine says. Co-authors see only the text fields; coordinators also place it
    among the 8 steps and the topics."""

    title = OneLineCharField(label=_("Title"), max_length=MAX_TITLE)
    step = forms.TypedChoiceField(
        label=_("Step"),
        choices=[("", _("Choose a step")), *Step.choices],
        coerce=int,
        help_text=_("Which of the 8 steps the routine belongs to."),
    )
    topic = forms.ChoiceField(
        label=_("Topic"), choices=[("", _("Choose a topic")), *RoutineTopic.choices]
    )
    body = forms.CharField(
        label=_("What the routine says"),
        max_length=MAX_BODY,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_(
            "Plain text. Write the steps one a line, numbered, and leave an empty line between "
            "paragraphs."
        ),
    )
    note = forms.CharField(
        label=_("What changed"),
        max_length=MAX_NOTE,
        required=False,
        help_text=_("A short note for the version list, e.g. “New phone number for the unit”."),
    )

    def __init__(self, *args, may_place: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_place:
            del self.fields["step"]
            del self.fields["topic"]


class ApproveRoutineForm(forms.Form):
    next_review = CalendarDateField(
        label=_("Next review"),
        help_text=_("Usually 12 months from today."),
    )


class RoutinePeopleForm(forms.Form):
    owner = forms.ModelChoiceField(
        label=_("Owner"),
        queryset=User.objects.none(),
        empty_label=None,
        help_text=_("Who keeps the routine up to date and is reminded before the review."),
    )
    co_authors = forms.ModelMultipleChoiceField(
        label=_("Co-authors"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Volunteer contacts and partner representatives who may propose new versions. Only "
            "a coordinator approves."
        ),
    )

    def __init__(self, *args, routine: Routine, **kwargs):
        super().__init__(*args, **kwargs)
        members = Membership.objects.in_municipality(routine.municipality_id)
        self.fields["owner"].queryset = User.objects.filter(
            is_active=True, pk__in=members.values("user_id")
        ).order_by("full_name", "pk")
        # Anyone with a role may be ticked: the service refuses the wrong roles, explained.
        self.fields["co_authors"].queryset = User.objects.filter(
            pk__in=members.values("user_id")
        ).order_by("full_name", "pk")
        roles: dict[int, list[str]] = {}
        for user_id, role in members.values_list("user_id", "role"):
            roles.setdefault(user_id, []).append(str(Role(role).label))
        self.fields["owner"].label_from_instance = lambda user: self._label(user, roles)
        self.fields["co_authors"].label_from_instance = lambda user: self._label(user, roles)

    @staticmethod
    def _label(user: User, roles: dict[int, list[str]]) -> str:
        """The person and their roles, so the coordinator sees who may co-author."""
        return f"{user.full_name or user.email} ({', '.join(sorted(roles.get(user.pk, [])))})"


class StarterRoutinesForm(forms.Form):
    keys = forms.MultipleChoiceField(
        label=_("Starter routines to copy"),
        choices=[(starter.key, starter.key) for starter in STARTER_ROUTINES],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick at least one starter routine.")},
    )

    def __init__(self, *args, language: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keys"].choices = [
            (starter.key, starter.title(language)) for starter in STARTER_ROUTINES
        ]


class RoutineFilterForm(forms.Form):
    topic = forms.ChoiceField(
        label=_("Topic"), required=False, choices=[("", _("All topics")), *RoutineTopic.choices]
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Draft or approved")), *Routine.Status.choices],
    )
    due = forms.BooleanField(label=_("Only those due for review"), required=False)
    overdue = forms.BooleanField(label=_("Only those overdue for review"), required=False)
