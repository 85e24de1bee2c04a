"""Inviting proposed volunteers to a need, and the volunteer's answer."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class InviteForm(forms.Form):
    """A checkbox per proposed volunteer; only proposals can be chosen."""

    volunteers = forms.TypedMultipleChoiceField(
        label=_("Invite"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one volunteer to invite."),
            "invalid_choice": _(
                "A volunteer you chose is no longer proposed. Look at the list again."
            ),
        },
    )
    message = forms.CharField(
        label=_("Message to the volunteers (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Sent with the invitation. Do not write the person's name or health."),
    )

    def __init__(self, *args, proposals, **kwargs):
        super().__init__(*args, **kwargs)
        self.proposals = {p.volunteer.pk: p for p in proposals}
        self.fields["volunteers"].choices = [
            (pk, str(p.volunteer)) for pk, p in self.proposals.items()
        ]

    def chosen(self) -> list:
        return [self.proposals[pk] for pk in self.cleaned_data["volunteers"]]


class AnswerForm(forms.Form):
    """The volunteer's answer: the button they press says yes or no."""

    answer = forms.ChoiceField(
        choices=[("accept", _("Yes")), ("decline", _("No"))],
        widget=forms.HiddenInput,
        error_messages={
            "required": _("Press “Yes, I will help” or “No, thank you”."),
            "invalid_choice": _("Press “Yes, I will help” or “No, thank you”."),
        },
    )
    reason = forms.CharField(
        label=_("If you say no: why? (optional)"),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("It helps the coordinator to ask you about something that suits you better."),
    )

    def clean(self):
        cleaned = super().clean()
        if self.errors.pop("answer", None):  # hidden: its own message would never be seen
            self.add_error(None, _("Press “Yes, I will help” or “No, thank you”."))
        return cleaned


class AnswerForVolunteerForm(forms.Form):
    """The answer a volunteer gave by text message or on the phone, recorded by the coordinator."""

    answer = forms.ChoiceField(
        label=_("The volunteer's answer"),
        choices=[("accept", _("Yes, they will help")), ("decline", _("No, thank you"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the volunteer's answer.")},
    )
    channel = forms.ChoiceField(
        label=_("How they answered"),
        choices=[("sms", _("By text message")), ("phone", _("On the phone"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how the volunteer gave the answer.")},
    )
