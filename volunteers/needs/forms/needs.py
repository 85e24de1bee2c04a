"""A need as the coordinator or a unit's volunteer contact writes it down, as a person or their
relative asks for help on the public form, the list's filter, and a need's next step."""

from __future__ import annotations

from crispy_forms.layout import Fieldset
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coordination.kernel.models import User
from coordination.kernel.text import OneLineCharField
from volunteers.needs.forms.layout import DATE, _helper
from volunteers.needs.models import ConsentBasis, Need, NeedStatus, NeedStep, PracticalDecision
from volunteers.needs.services.needs import NEED_CONSENT_TEXT, NEED_FIELDS, PUBLIC_NEED_FIELDS
from volunteers.profile.models import Interest

TIMES = ("weekday_daytime", "evenings", "weekends")
PHONE_FIELDS = ("person_phone", "contact_phone")
# Names, places and short notes that can reach an email (a subject names the area): one line.
ONE_LINE = dict.fromkeys(
    (
        "area",
        "person_name",
        "address",
        "contact_name",
        "home_care_contact",
        "access_notes",
        "language",
    ),
    OneLineCharField,
)


def _check_phones(form: forms.ModelForm) -> None:
    """The same rule for phone numbers as on a person's own profile (e.g. 912 34 567)."""
    for name in PHONE_FIELDS:
        if name in form.fields:
            form.fields[name].validators.extend(User._meta.get_field("phone").validators)


def _practical_decision(form: forms.ModelForm) -> None:
    """Radio buttons without an empty choice; answered only for practical help (the model
    says so when it is missing)."""
    field = form.fields["practical_decision"]
    field.choices = PracticalDecision.choices
    field.required = False


class NeedForm(forms.ModelForm):
    """A need as the coordinator or a unit's volunteer contact writes it down. On reporting,
    the person's consent is confirmed too."""

    class Meta:
        model = Need
        fields = NEED_FIELDS
        field_classes = ONE_LINE
        widgets = {
            "kind": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 3}),
            "considerations": forms.Textarea(attrs={"rows": 3}),
            "frequency": forms.RadioSelect,
            "gender_preference": forms.RadioSelect,
            "consent_basis": forms.RadioSelect,
            "practical_decision": forms.RadioSelect,
            "person_phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
            "contact_phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
        }

    def __init__(self, *args, with_consent: bool, **kwargs):
        super().__init__(*args, **kwargs)
        _check_phones(self)
        _practical_decision(self)
        consent = ["consent_basis", "consent_note", "very_vulnerable"]
        if with_consent:
            self.fields["consent"] = forms.BooleanField(
                label=_("Consent has been given for storing these details for this purpose."),
                help_text=NEED_CONSENT_TEXT,
                error_messages={
                    "required": _(
                        "We can only store the details with consent. Tick the box to say that "
                        "consent has been given, by the person or by someone who may consent "
                        "for them."
                    )
                },
            )
            consent.append("consent")
        self.helper = _helper(
            Fieldset(_("What help"), "kind", "description", "practical_decision", "frequency"),
            Fieldset(_("Where and when"), "area", *TIMES, "needs_driver"),
            Fieldset(_("Who would fit"), "language", "gender_preference"),
            Fieldset(
                _("The person (seen only by the coordinator and the volunteers who help)"),
                *Need.PERSONAL_FIELDS,
            ),
            Fieldset(_("Consent"), *consent),
        )


class PublicNeedForm(forms.ModelForm):
    """The public form for a person who needs help, or a relative: few fields, plain words.
    ``website`` is a trap for spam robots: people never see it, robots fill it in."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    consent = forms.BooleanField(
        label=_("Yes, the details may be stored for this purpose."),
        help_text=NEED_CONSENT_TEXT,
        error_messages={
            "required": _(
                "We can only store the details with consent. Tick the box if the person agrees, "
                "or if you may consent for them."
            )
        },
    )

    class Meta:
        model = Need
        fields = PUBLIC_NEED_FIELDS
        field_classes = ONE_LINE
        labels = {
            "kind": _("What would help?"),
            "description": _("Tell us a little more"),
            "area": _("Village or part of the municipality"),
            "needs_driver": _("The person needs a lift"),
            "person_name": _("Name of the person who needs help"),
            "person_phone": _("Their phone number"),
            "address": _("Their address"),
            "contact_name": _("Your name, if you write for someone else"),
            "contact_phone": _("Your phone number, if you write for someone else"),
            "consent_basis": _("Who agrees?"),
            "practical_decision": _(
                "Does the person already get practical help at home from the municipality "
                "(a decision for practical assistance)?"
            ),
            "consent_note": _("If the home care service agrees for the person: who, and why"),
        }
        help_texts = {
            "description": _(
                "For example: she would like someone to talk to on Tuesdays, or he needs a lift "
                "to the day centre. You do not need to write about illness; if something matters "
                "for the help, say what, for example that she hears badly or uses a walker."
            ),
            "practical_decision": _("Only if you ask for practical help."),
            "consent_note": _(
                "Only when the home care service agrees on behalf of someone who cannot "
                "agree themself."
            ),
            "person_phone": _("The coordinator will call to talk about what would help."),
        }
        widgets = {
            "kind": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 4}),
            "consent_basis": forms.RadioSelect,
            "practical_decision": forms.RadioSelect,
            "person_name": forms.TextInput(attrs={"autocomplete": "off"}),
            "person_phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "contact_phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _check_phones(self)
        self.fields["kind"].choices = [
            choice for choice in Interest.choices if choice[0] != Interest.ACTIVITY_LEADING
        ]
        _practical_decision(self)
        self.fields["consent_basis"].choices = [
            (ConsentBasis.SELF, _("The person who needs help agrees (or it is me)")),
            (
                ConsentBasis.POWER_OF_ATTORNEY,
                _("I have a lasting power of attorney (fremtidsfullmakt) for the person"),
            ),
            (ConsentBasis.GUARDIAN, _("I am the person's guardian (verge)")),
            (
                ConsentBasis.HOME_CARE,
                _("The home care service agrees on behalf of the person, who cannot agree"),
            ),
        ]
        self.fields["person_phone"].required = True
        self.fields["person_phone"].error_messages["required"] = _(
            "Write a phone number, so that the coordinator can call."
        )
        self.fields["person_name"].error_messages["required"] = _(
            "Write the name of the person who needs help."
        )
        self.fields["kind"].error_messages["required"] = _("Choose what would help.")
        self.fields["description"].error_messages["required"] = _(
            "Write a few words about what would help."
        )
        self.fields["area"].error_messages["required"] = _("Write where the person lives.")
        self.helper = _helper(
            Fieldset(
                _("What help is needed?"),
                "kind",
                "description",
                "practical_decision",
                "needs_driver",
            ),
            Fieldset(_("When would suit?"), *TIMES),
            Fieldset(_("Who needs help?"), "person_name", "person_phone", "address", "area"),
            Fieldset(
                _("About you, if you write for someone else"), "contact_name", "contact_phone"
            ),
            Fieldset(_("Consent"), "consent_basis", "consent_note", "consent"),
        )


class NeedFilterForm(forms.Form):
    step = forms.ChoiceField(
        label=_("Step"), required=False, choices=[("", _("All steps")), *NeedStatus.choices]
    )
    kind = forms.ChoiceField(
        label=_("What kind of help"),
        required=False,
        choices=[("", _("All kinds")), *Interest.choices],
    )


class StepForm(forms.ModelForm):
    class Meta:
        model = NeedStep
        fields = ["step", "happened_on", "notes"]
        labels = {"step": _("Next step"), "happened_on": _("Date"), "notes": _("Notes")}
        widgets = {"happened_on": DATE, "notes": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "notes": _(
                "What was said or agreed. No diagnoses or other health information. Needed when "
                "going back to an earlier step."
            )
        }
        error_messages = {
            "step": {"required": _("Choose a step."), "invalid_choice": _("Choose a step.")}
        }

    def __init__(self, *args, need: Need, **kwargs):
        kwargs.setdefault("initial", {})
        steps = NeedStatus.values
        following = steps.index(need.status) + 1
        kwargs["initial"].setdefault("step", steps[min(following, len(steps) - 1)])
        kwargs["initial"].setdefault("happened_on", timezone.localdate())
        super().__init__(*args, **kwargs)
        self.fields["step"].choices = [c for c in NeedStatus.choices if c[0] != need.status]
        self.helper = _helper()
