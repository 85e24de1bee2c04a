"""Forms for partners, their contacts and offers, and cooperation agreements. The services do
the writing; these forms only read and check what was typed."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from coordination.kernel.text import OneLineCharField
from coordination.kernel.uploads import UploadField
from coordination.partners.models import (
    CooperationAgreement,
    OfferKind,
    PartnerContact,
    PartnerOffer,
    PartnerOrganisation,
)
from coordination.partners.services import compact_organisation_number


class CalendarDateField(forms.DateField):
    """A date picked in the browser's own calendar."""

    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


PHONE = forms.TextInput(attrs={"inputmode": "tel"})


class PartnerForm(forms.ModelForm):
    """A partner's shared details. Never bound to the partner itself (``initial_for``): the
    service compares what was typed with what is stored."""

    organisation_number = forms.CharField(
        label=_("Organisation number"),
        max_length=20,
        required=False,
        help_text=_(
            "9 digits, e.g. 923 609 016. If another municipality already works with the "
            "organisation, it becomes your partner too."
        ),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    class Meta:
        model = PartnerOrganisation
        fields = ["name", "kind", "organisation_number", "email", "phone"]
        field_classes = {"name": OneLineCharField}
        labels = {
            "name": _("Name of the organisation"),
            "kind": _("Type of organisation"),
            "email": _("Email"),
            "phone": _("Phone"),
        }
        widgets = {"phone": PHONE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Choose a type")), *PartnerOrganisation.Kind.choices]

    def clean_organisation_number(self) -> str:
        return compact_organisation_number(self.cleaned_data.get("organisation_number") or "")

    def validate_constraints(self) -> None:
        """A number another partner has is not the form's to refuse: the service links the
        organisation another municipality registered, or says who has the number."""

    @classmethod
    def initial_for(cls, partner: PartnerOrganisation) -> dict:
        return {
            "name": partner.name,
            "kind": partner.kind,
            "organisation_number": partner.organisation_number_display,
            "email": partner.email,
            "phone": partner.phone,
        }


class PartnerSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search by name or organisation number"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    kind = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("All types")), *PartnerOrganisation.Kind.choices],
    )
    offer = forms.ChoiceField(
        label=_("Offers"),
        required=False,
        choices=[("", _("Anything")), *OfferKind.choices],
    )
    area = forms.ChoiceField(label=_("Area or village"), required=False)

    def __init__(self, *args, areas: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [("", _("All areas")), *((a, a) for a in areas)]


class ContactForm(forms.ModelForm):
    class Meta:
        model = PartnerContact
        fields = ["name", "role", "email", "phone"]
        labels = {
            "name": _("Name"),
            "role": _("Role at the partner"),
            "email": _("Email"),
            "phone": _("Phone"),
        }
        help_texts = {"role": _("For example leader or daily manager.")}
        widgets = {"phone": PHONE}


class OfferForm(forms.ModelForm):
    class Meta:
        model = PartnerOffer
        fields = ["kind", "description", "areas"]
        labels = {
            "kind": _("What do they offer?"),
            "description": _("Describe it in a few words"),
            "areas": _("Areas or villages"),
        }
        help_texts = {
            "description": _(
                "For example: the meeting room on Tuesdays, or two drivers for the Friday club."
            ),
            "areas": _(
                "Separate them with commas. Leave it empty if it applies to the whole municipality."
            ),
        }
        widgets = {"kind": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = OfferKind.choices  # no empty choice among the buttons


SCREENING_HELP = _(
    "Tick this if the organisation checks the police certificates of the volunteers who "
    "volunteer through it, and you have agreed to rely on that. While the agreement is in "
    "force, their police certificate counts as checked for your roles; they must still sign "
    "the declaration and take the courses."
)


class AgreementForm(forms.Form):
    """An agreement's text and dates, and for each of the municipality's partners whether it is
    a party, what it contributes, and whether the municipality accepts its own screening of its
    volunteers (``party_<id>``, ``contribution_<id>``, ``screening_<id>``)."""

    PARTY_PREFIXES = ("party_", "contribution_", "screening_")
    screening_help = SCREENING_HELP  # said once, above the parties

    title = OneLineCharField(label=_("Title"), max_length=200)
    purpose = forms.CharField(
        label=_("Purpose"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )
    municipality_contribution = forms.CharField(
        label=_("What the municipality contributes"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    responsibilities = forms.CharField(
        label=_("Who is responsible for what"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    contact_persons = forms.CharField(
        label=_("Contact persons"),
        required=False,
        max_length=2000,
        help_text=_("One a line: name, organisation, phone or email."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    starts_on = CalendarDateField(label=_("Start date"))
    ends_on = CalendarDateField(
        label=_("End date"), required=False, help_text=_("Leave it empty if it runs until ended.")
    )
    review_on = CalendarDateField(
        label=_("Review date"), help_text=_("When you and the partners go through it together.")
    )
    document = UploadField(kinds=("pdf",), label=_("The signed agreement"), required=False)

    def __init__(self, *args, partners, agreement: CooperationAgreement | None = None, **kwargs):
        self.partners = list(partners)
        current = {}
        accepted: list[int] = []
        if agreement is not None:
            rows = list(agreement.party_rows.all())
            current = {row.organisation_id: row.contribution for row in rows}
            accepted = [row.organisation_id for row in rows if row.screening_accepted]
            kwargs.setdefault(
                "initial",
                {
                    "title": agreement.title,
                    "purpose": agreement.purpose,
                    "municipality_contribution": agreement.municipality_contribution,
                    "responsibilities": agreement.responsibilities,
                    "contact_persons": agreement.contact_persons,
                    "starts_on": agreement.starts_on,
                    "ends_on": agreement.ends_on,
                    "review_on": agreement.review_on,
                    **{f"party_{pk}": True for pk in current},
                    **{f"contribution_{pk}": text for pk, text in current.items()},
                    **{f"screening_{pk}": True for pk in accepted},
                },
            )
        super().__init__(*args, **kwargs)
        for partner in self.partners:
            self.fields[f"party_{partner.pk}"] = forms.BooleanField(
                label=_("%(name)s is a party") % {"name": partner.name}, required=False
            )
            self.fields[f"contribution_{partner.pk}"] = forms.CharField(
                label=_("What %(name)s contributes") % {"name": partner.name},
                required=False,
                max_length=5000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"screening_{partner.pk}"] = forms.BooleanField(
                label=_(
                    "We accept the screening %(name)s does of its own volunteers (police "
                    "certificate)"
                )
                % {"name": partner.name},
                required=False,
            )

    def main_fields(self):
        return [self[name] for name in self.fields if not name.startswith(self.PARTY_PREFIXES)]

    def party_fields(self):
        """(partner, party field, contribution field, screening field) for each partner."""
        return [
            (
                partner,
                self[f"party_{partner.pk}"],
                self[f"contribution_{partner.pk}"],
                self[f"screening_{partner.pk}"],
            )
            for partner in self.partners
        ]

    @staticmethod
    def _is_chosen(party, contribution, screening) -> bool:
        """Ticked, or with something written or wrong: shown among the chosen parties."""
        written = str(contribution.value() or "").strip()
        return bool(
            party.value()
            or written
            or screening.value()
            or party.errors
            or contribution.errors
            or screening.errors
        )

    def chosen_party_fields(self):
        """The parties ticked (or, on a new form, already parties), each with its boxes."""
        return [row for row in self.party_fields() if self._is_chosen(*row[1:])]

    # From how many partners to choose among the form offers a box to find one by name.
    FIND_FROM = 10

    def other_party_groups(self) -> list[tuple[str, list]]:
        """The rest of the municipality's partners, grouped by type (a long list stays
        readable): ``[(type label, [(partner, party, contribution, screening), ...]), ...]``."""
        by_kind: dict[str, list] = {}
        for row in self.party_fields():
            if not self._is_chosen(*row[1:]):
                by_kind.setdefault(row[0].kind, []).append(row)
        return [
            (label, by_kind[kind])
            for kind, label in PartnerOrganisation.Kind.choices
            if kind in by_kind
        ]

    def clean(self):
        data = super().clean()
        chosen = [p for p in self.partners if data.get(f"party_{p.pk}")]
        for partner in self.partners:
            if data.get(f"contribution_{partner.pk}") and partner not in chosen:
                self.add_error(
                    f"contribution_{partner.pk}",
                    _("Tick that %(name)s is a party, or leave this empty.")
                    % {"name": partner.name},
                )
            if data.get(f"screening_{partner.pk}") and partner not in chosen:
                self.add_error(
                    f"screening_{partner.pk}",
                    _(
                        "Tick that %(name)s is a party first: only a party's screening can be "
                        "accepted under the agreement."
                    )
                    % {"name": partner.name},
                )
        return data

    def parties(self) -> dict:
        return {
            partner: self.cleaned_data.get(f"contribution_{partner.pk}") or ""
            for partner in self.partners
            if self.cleaned_data.get(f"party_{partner.pk}")
        }

    def service_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "purpose": data["purpose"],
            "municipality_contribution": data.get("municipality_contribution") or "",
            "responsibilities": data.get("responsibilities") or "",
            "contact_persons": data.get("contact_persons") or "",
            "starts_on": data["starts_on"],
            "ends_on": data.get("ends_on"),
            "review_on": data["review_on"],
            "document": data.get("document") or None,
            "parties": self.parties(),
            "screening_accepted": [
                partner
                for partner in self.partners
                if self.cleaned_data.get(f"party_{partner.pk}")
                and self.cleaned_data.get(f"screening_{partner.pk}")
            ],
        }


class AgreementStatusForm(forms.Form):
    status = forms.ChoiceField(choices=CooperationAgreement.Status.choices)


class AgreementReopenForm(forms.Form):
    """Reopening an ended agreement: until when it is in force again."""

    ends_on = forms.DateField(
        label=_("New end date (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Leave it empty if the agreement is in force until it is ended."),
    )


AGREEMENT_LISTS = {
    "active": pgettext_lazy("agreements in force", "Active"),
    "review": _("Due for review within 60 days"),
    "expired": _("Expired or ended"),
    "draft": _("Drafts"),
    "all": _("All"),
}


def agreement_list_choice(value) -> str:
    if not isinstance(value, str) or value not in AGREEMENT_LISTS:
        return "active"
    return value


class CorrectionForm(PartnerForm):
    """The shared details as they should be, and why: a proposal to those who keep them."""

    comment = forms.CharField(
        label=_("Why (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: «The phone number changed in March.»"),
    )

    class Meta(PartnerForm.Meta):
        help_texts = {"name": _("Change what is wrong; leave the rest as it is.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation_number"].help_text = _("9 digits, e.g. 923 609 016.")


class CorrectionDecisionForm(forms.Form):
    """Accept or decline a proposed correction (a reason when declining)."""

    decision = forms.ChoiceField(
        label=_("Your answer"),
        choices=[
            ("accept", _("Accept: change the details as proposed")),
            ("decline", _("Decline: keep the details as they are")),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason (needed when you decline)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
