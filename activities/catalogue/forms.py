"""The forms of the catalogue: an activity as its organiser writes it, a proposal from the
public, the coordinator's answer to one, a place, an activity type, and the catalogue's
filter."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from activities.catalogue.models import (
    Activity,
    ActivityType,
    AgeGroup,
    Category,
    FunctionLevel,
    Place,
)
from activities.catalogue.services import ACTIVITY_FIELDS, partners_of
from coordination.kernel.models import Municipality, User
from coordination.kernel.text import OneLineCharField

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEL = forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"})


def _helper(*layout) -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    if layout:
        helper.layout = Layout(*layout)
    return helper


def type_choices(municipality: Municipality) -> list[tuple[str, list[tuple[int, str]]]]:
    """The types the municipality may choose, grouped under their category."""
    types = ActivityType.objects.for_municipality(municipality)
    grouped: dict[str, list[tuple[int, str]]] = {}
    for kind in types:
        grouped.setdefault(kind.category, []).append((kind.pk, str(kind)))
    return [
        (str(label), sorted(grouped[value], key=lambda pair: pair[1]))
        for value, label in Category.choices
        if value in grouped
    ]


def _fee_rules(form: forms.Form, data: dict) -> None:
    """The fee and number rules, on the field each is about (also checked by the services)."""
    fee, reduced = data.get("fee"), data.get("reduced_fee")
    if fee is not None and reduced is not None and reduced > fee:
        form.add_error("reduced_fee", _("The reduced fee cannot be higher than the standard fee."))
    capacity, minimum = data.get("capacity"), data.get("minimum_participants")
    if capacity is not None and minimum is not None and minimum > capacity:
        form.add_error(
            "minimum_participants",
            _("The minimum number of participants cannot be more than the number of places."),
        )


class ActivityForm(forms.ModelForm):
    """An activity as its organiser writes it. A coordinator chooses the organiser (or the
    municipality); a partner representative publishes for their own organisation only."""

    age_groups = forms.MultipleChoiceField(
        label=_("Age groups"),
        choices=AgeGroup.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Leave all empty when it is for everyone."),
    )
    function_levels = forms.MultipleChoiceField(
        label=_("Function levels"),
        choices=FunctionLevel.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Leave all empty when it is for everyone."),
    )

    class Meta:
        model = Activity
        fields = ["organiser", "co_organisers", *sorted(ACTIVITY_FIELDS)]
        field_classes = {
            "title": OneLineCharField,
            "when_text": OneLineCharField,
            "accessibility": OneLineCharField,
            "contact_name": OneLineCharField,
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "pickup_route": forms.Textarea(attrs={"rows": 3}),
            "co_organisers": forms.CheckboxSelectMultiple,
            "enrolment": forms.RadioSelect,
            "period_starts_on": DATE,
            "period_ends_on": DATE,
            "sign_up_phone": TEL,
            "contact_phone": TEL,
        }

    def __init__(self, *args, municipality: Municipality, user: User, own: list[int], **kwargs):
        """``own``: the organisations ``user`` represents; empty for a coordinator (who may
        choose any partner or the municipality)."""
        super().__init__(*args, **kwargs)
        partners = partners_of(municipality)
        organiser = self.fields["organiser"]
        if own and self.instance.pk and self.instance.organiser_id not in own:
            # A co-organiser's representative changes the details, not who organises it.
            organiser.queryset = partners.filter(pk=self.instance.organiser_id)
            organiser.disabled = True
            organiser.help_text = _("Only the organiser or the coordinator can change this.")
        elif own:
            organiser.queryset = partners.filter(pk__in=own)
            organiser.required = True
            organiser.empty_label = None
            organiser.help_text = _("You publish for the organisation you represent.")
        else:
            organiser.queryset = partners
            organiser.empty_label = str(_("The municipality"))
        self.fields["co_organisers"].queryset = partners
        self.fields["co_organisers"].required = False
        self.fields["activity_type"].choices = [
            ("", _("Choose a type")),
            *type_choices(municipality),
        ]
        places = Place.objects.in_municipality(municipality)
        if self.instance.place_id:
            places = places.filter(archived=False) | places.filter(pk=self.instance.place_id)
        else:
            places = places.filter(archived=False)
        self.fields["place"].queryset = places
        self.fields["place"].empty_label = _("No usual place")
        self.fields["when_text"].required = False
        for name in ("sign_up_phone", "contact_phone"):
            self.fields[name].validators.extend(User._meta.get_field("phone").validators)
        self.helper = _helper(
            Fieldset(
                _("What it is"),
                "title",
                "description",
                "activity_type",
                "run_by_professionals",
                "organiser",
                "co_organisers",
            ),
            Fieldset(
                _("When and where"),
                "listed_only",
                "when_text",
                "place",
                "accessibility",
            ),
            Fieldset(
                _("For whom"),
                "age_groups",
                "function_levels",
                "especially_for_men",
            ),
            Fieldset(_("Price"), "fee", "reduced_fee", "free_places"),
            Fieldset(_("Transport"), "transport_offered", "pickup_route"),
            Fieldset(
                _("How to sign up"),
                "sign_up_web",
                "sign_up_phone",
                "sign_up_at_door",
                "enrolment",
                "binding",
                "period_starts_on",
                "period_ends_on",
                "capacity",
                "minimum_participants",
                "signup_deadline_hours",
            ),
            Fieldset(_("Contact"), "contact_name", "contact_phone", "contact_email"),
        )

    def clean(self):
        data = super().clean()
        _fee_rules(self, data)
        return data


class ProposalForm(forms.Form):
    """A senior or a group without an organisation proposes an activity (public, no login).
    Plain text only; ``website`` is a trap for robots (hidden from people)."""

    title = OneLineCharField(label=_("Name of the activity"), max_length=150)
    description = forms.CharField(
        label=_("What happens"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("For example: we meet, drink coffee and sing the old songs."),
    )
    activity_type = forms.TypedChoiceField(label=_("What kind of activity"), coerce=int)
    when_text = OneLineCharField(
        label=_("When and where, in your own words"),
        max_length=200,
        required=False,
        help_text=_("For example: «Thursdays at 12 in the village hall»."),
    )
    proposed_by_name = OneLineCharField(label=_("Your name"), max_length=150)
    proposed_by_phone = forms.CharField(
        label=_("Your phone number"),
        max_length=20,
        widget=TEL,
        help_text=_("The coordinator calls you to talk about it."),
        validators=User._meta.get_field("phone").validators,
    )
    proposed_by_email = forms.EmailField(
        label=_("Your email (if you have one)"), required=False, max_length=254
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity_type"].choices = [
            ("", _("Choose a type")),
            *type_choices(municipality),
        ]
        self.municipality = municipality
        # The trap for robots is written by the template, hidden from people.
        self.helper = _helper(*(name for name in self.fields if name != "website"))

    def clean_activity_type(self) -> ActivityType:
        found = (
            ActivityType.objects.for_municipality(self.municipality)
            .filter(pk=self.cleaned_data["activity_type"])
            .first()
        )
        if found is None:
            raise forms.ValidationError(_("Choose a type of activity."))
        return found


class ProposalDecisionForm(ActivityForm):
    """The coordinator approves a proposal after filling in what it needs (type, organiser,
    place, how to sign up) — or declines it with a reason the proposer is told."""

    decision = forms.ChoiceField(
        label=_("Your answer"),
        choices=[
            ("approve", _("Approve and publish it")),
            ("decline", _("Say no to it")),
        ],
        widget=forms.RadioSelect,
    )
    decline_reason = forms.CharField(
        label=_("Why not (when you say no)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The proposer is told this if they gave an email address."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fieldsets = list(self.helper.layout.fields)
        self.helper.layout = Layout(
            Fieldset(_("Your answer"), "decision", "decline_reason"), *fieldsets
        )

    def clean(self):
        decision = self.cleaned_data.get("decision")
        if decision == "decline":
            # Declining needs only the reason: the activity's fields are not checked.
            for name in list(self.errors):
                if name not in ("decision", "decline_reason"):
                    del self.errors[name]
            if not (self.cleaned_data.get("decline_reason") or "").strip():
                self.add_error("decline_reason", _("Say why, so that the proposer understands."))
            return self.cleaned_data
        return super().clean()

    def _post_clean(self):
        if self.cleaned_data.get("decision") == "decline":
            return  # nothing of the activity changes when it is declined
        super()._post_clean()


class PlaceForm(forms.ModelForm):
    class Meta:
        model = Place
        fields = [
            "name",
            "kind",
            "area",
            "address",
            "step_free",
            "accessible_toilet",
            "hearing_loop",
        ]
        field_classes = {"name": OneLineCharField, "area": OneLineCharField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["archived"] = forms.BooleanField(
                label=_("No longer in use"),
                required=False,
                initial=self.instance.archived,
                help_text=_(
                    "A place no longer in use is kept for the activities held there before, "
                    "but cannot be chosen for new ones."
                ),
            )

    def validate_unique(self):
        """The services check the name (with a plain sentence)."""


class ActivityTypeForm(forms.Form):
    category = forms.ChoiceField(label=_("Category"), choices=Category.choices)
    name = OneLineCharField(label=_("Name of the type"), max_length=100)


class RenameTypeForm(forms.Form):
    name = OneLineCharField(label=_("New name"), max_length=100)


TIMES = [
    ("", pgettext_lazy("time of day", "Any time")),
    ("daytime", _("Daytime")),
    ("evening", _("Evening (after 17)")),
    ("weekend", _("Weekend")),
]


class CatalogueFilter(forms.Form):
    """The catalogue's filter (GET, works without JavaScript)."""

    time = forms.ChoiceField(label=_("Time of day"), choices=TIMES, required=False)
    area = forms.ChoiceField(label=_("Village or area"), required=False)
    category = forms.ChoiceField(
        label=_("Category"),
        choices=[("", _("All categories")), *Category.choices],
        required=False,
    )
    transport = forms.BooleanField(label=_("Transport offered"), required=False)
    free = forms.BooleanField(label=_("Free of charge"), required=False)

    def __init__(self, *args, areas: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [("", _("All villages")), *((a, a) for a in areas)]
