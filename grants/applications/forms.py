"""The applicant's forms: one per thing a person fills in (starting, the project, the budget,
a partner, a file, a partner's answer, withdrawing, sending more information)."""

from __future__ import annotations

import io
import zipfile
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from activities.catalogue.models import Activity
from coordination.kernel.models import Municipality
from coordination.kernel.text import OneLineCharField
from coordination.kernel.uploads import MAX_UPLOAD_BYTES, UploadField
from coordination.partners.models import PartnerOrganisation
from grants.applications import services
from grants.applications.models import Application, BudgetLine
from grants.schemes.models import Question, Round

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class StartForm(forms.Form):
    """As whom the person applies, the project's name, and (when the round has one) the light
    application."""

    applying_as = forms.ChoiceField(label=_("Who applies?"), widget=forms.RadioSelect)
    title = OneLineCharField(
        label=_("Name of the project"),
        max_length=200,
        help_text=_("A short name you and the grant-maker will know it by. You can change it."),
    )
    light = forms.BooleanField(label=_("Light application"), required=False)

    def __init__(self, *args, choices: list[services.ApplyingAs], round: Round, **kwargs):
        super().__init__(*args, **kwargs)
        self.choices = {choice.key: choice for choice in choices}
        field = self.fields["applying_as"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(choice.key, self._label(choice)) for choice in choices]
        if len(choices) == 1:
            field.initial = choices[0].key
        if round.light_limit is None:
            del self.fields["light"]
        else:
            self.fields["light"].help_text = _(
                "For projects asking for at most %(limit)s kroner: a shorter form with fewer "
                "questions and no attachments."
            ) % {"limit": f"{round.light_limit:,}".replace(",", "\u00a0")}

    @staticmethod
    def _label(choice: services.ApplyingAs) -> str:
        if choice.organisation is None:
            return str(_("%(municipality)s (the municipality applies)")) % {
                "municipality": choice.municipality.official_name
            }
        return str(_("%(organisation)s, in %(municipality)s")) % {
            "organisation": choice.organisation.name,
            "municipality": choice.municipality.name,
        }

    def service_arguments(self) -> dict[str, Any]:
        choice = self.choices[self.cleaned_data["applying_as"]]
        return {
            "title": self.cleaned_data["title"],
            "municipality": choice.municipality,
            "organisation": choice.organisation,
            "light": self.cleaned_data.get("light", False),
        }


def municipalities_from_text(text: str) -> list[Municipality]:
    """Municipalities named by number or name, separated by commas (or new lines)."""
    found: list[Municipality] = []
    for part in text.replace("\n", ",").replace(";", ",").split(","):
        word = part.strip()
        if not word:
            continue
        matches = list(
            Municipality.objects.filter(number=word)
            if word.isdigit()
            else Municipality.objects.filter(Q(name__iexact=word) | Q(official_name__iexact=word))
        )
        if not matches:
            raise ValidationError(
                _(
                    "We found no municipality called «%(word)s». Check the spelling, or write "
                    "its number."
                ),
                params={"word": word},
            )
        if len(matches) > 1:
            raise ValidationError(
                _(
                    "There are %(count)s municipalities called «%(word)s»: write the number "
                    "instead (%(numbers)s)."
                ),
                params={
                    "count": len(matches),
                    "word": word,
                    "numbers": ", ".join(f"{m.number} {m.county}" for m in matches),
                },
            )
        if matches[0] not in found:
            found.append(matches[0])
    return found


class ActivityChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.title} ({obj.municipality.name})"


class ApplicationForm(forms.ModelForm):
    """The project, the municipalities involved, the activities it builds on and the round's
    own questions. Nothing is required to save a draft."""

    municipalities_text = forms.CharField(
        label=_("Municipalities involved"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Where the project takes place, besides your own municipality. Write the names or "
            "the numbers, separated by commas, e.g. «Lom, Skjåk» or «3434, 3433»."
        ),
    )
    activities = ActivityChoiceField(
        label=_("Activities in Samspill that the project runs or builds on"),
        queryset=Activity.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Optional. Only published activities in the municipalities involved."),
    )

    class Meta:
        model = Application
        fields = list(services.PROJECT_FIELDS)
        field_classes = {"title": OneLineCharField, "contact_name": OneLineCharField}
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 8}),
            "target_groups": forms.Textarea(attrs={"rows": 4}),
            "planned_activities": forms.Textarea(attrs={"rows": 5}),
            "continuation": forms.Textarea(attrs={"rows": 4}),
            "starts_on": DATE,
            "ends_on": DATE,
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }
        help_texts = {
            "target_groups": _(
                "E.g. home-dwelling elderly, people with dementia, those who live alone."
            ),
            "continuation": _("What goes on when the grant ends: who runs it, and how."),
        }

    def __init__(self, *args, application: Application, **kwargs):
        kwargs["instance"] = application
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        numbers = application.municipalities.order_by("name")
        self.fields["municipalities_text"].initial = ", ".join(m.name for m in numbers)
        activities = self.fields["activities"]
        assert isinstance(activities, forms.ModelMultipleChoiceField)
        activities.queryset = services.linkable_activities(application)
        activities.initial = list(application.activities.values_list("pk", flat=True))
        if not activities.queryset.exists():
            del self.fields["activities"]
        answers = {answer.question_id: answer.text for answer in application.answers.all()}
        self.questions: list[Question] = list(services.questions_for(application))
        for question in self.questions:
            self.fields[f"question_{question.pk}"] = forms.CharField(
                label=question.text,
                help_text=question.help_text,
                required=False,
                max_length=5000,
                initial=answers.get(question.pk, ""),
                widget=forms.Textarea(attrs={"rows": 4}),
            )

    def clean_title(self) -> str:
        title = (self.cleaned_data.get("title") or "").strip()
        if not title:
            raise ValidationError(_("Write the name of the project."))
        return title

    def clean_municipalities_text(self) -> list[Municipality]:
        return municipalities_from_text(self.cleaned_data.get("municipalities_text") or "")

    def project_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in services.PROJECT_FIELDS}

    def answers(self) -> dict[int, str]:
        return {q.pk: self.cleaned_data.get(f"question_{q.pk}", "") for q in self.questions}


class BudgetLineForm(forms.Form):
    """One line; a line left empty is left out."""

    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False)
    description = forms.CharField(label=_("What the money is for"), max_length=200, required=False)
    source = forms.ChoiceField(label=_("Who pays"), required=False)
    amount = forms.IntegerField(label=_("Amount (kroner)"), min_value=1, required=False)

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        year = self.fields["year"]
        source = self.fields["source"]
        assert isinstance(year, forms.ChoiceField) and isinstance(source, forms.ChoiceField)
        year.choices = [("", _("Choose the year")), *((y, str(y)) for y in years)]
        source.choices = [("", _("Choose who pays")), *BudgetLine.Source.choices]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        given = [data.get(name) for name in ("year", "description", "source", "amount")]
        if any(value not in (None, "") for value in given):
            for name, message in (
                ("year", _("Choose the year.")),
                ("description", _("Write what the money is for.")),
                ("source", _("Choose who pays.")),
                ("amount", _("Write the amount in kroner.")),
            ):
                if data.get(name) in (None, "") and name not in self.errors:
                    self.add_error(name, message)
        return data

    @property
    def line(self) -> dict[str, Any] | None:
        data = self.cleaned_data
        if not data or data.get("year") in (None, ""):
            return None
        return {name: data[name] for name in ("year", "description", "source", "amount")}


class BaseBudgetFormSet(forms.BaseFormSet):
    def lines(self) -> list[dict[str, Any]]:
        return [form.line for form in self.forms if form.line is not None]


BudgetFormSet = cast(
    type[BaseBudgetFormSet],
    forms.formset_factory(BudgetLineForm, formset=BaseBudgetFormSet, extra=3),
)


class PartnerSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search by name"),
        required=False,
        max_length=100,
        help_text=_("Part of the name of the organisation or the municipality."),
    )


class PartnerForm(forms.Form):
    """The partner found by the search (an organisation «o12» or a municipality «m3434») and
    what it does in the project."""

    partner = forms.ChoiceField(label=_("Choose the partner"), widget=forms.RadioSelect)
    contribution = forms.CharField(
        label=_("What the partner does in the project"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, query: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["partner"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = partner_choices(query)

    def service_arguments(self) -> dict[str, Any]:
        key = self.cleaned_data["partner"]
        found: dict[str, Any] = {"contribution": self.cleaned_data["contribution"]}
        if key.startswith("o"):
            found["organisation"] = PartnerOrganisation.objects.get(pk=int(key[1:]))
        else:
            found["municipality"] = Municipality.objects.get(pk=key[1:])
        return found


def _where(organisation: PartnerOrganisation) -> str:
    names = ", ".join(m.name for m in organisation.municipalities.all())
    return names or str(organisation.get_kind_display())


def partner_choices(query: str, limit: int = 20) -> list[tuple[str, str]]:
    query = query.strip()
    if len(query) < 2:
        return []
    organisations = (
        PartnerOrganisation.objects.filter(name__icontains=query)
        .prefetch_related("municipalities")
        .order_by("name")[:limit]
    )
    municipalities = Municipality.objects.filter(
        Q(name__icontains=query) | Q(official_name__icontains=query) | Q(number=query)
    ).order_by("name")[:limit]
    choices = [(f"o{o.pk}", f"{o.name} ({_where(o)})") for o in organisations]
    choices += [(f"m{m.pk}", f"{m.official_name} ({m.county})") for m in municipalities]
    return choices


def _office_kind(uploaded: UploadedFile) -> str | None:
    """Word (docx) or OpenDocument text (odt), judged by what is inside the file."""
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names and archive.read("mimetype").strip() == (
                b"application/vnd.oasis.opendocument.text"
            ):
                return "odt"
    except (zipfile.BadZipFile, KeyError):
        return None
    return None


ATTACHMENT_KINDS_LABEL = "PDF, Word, OpenDocument, Excel, PNG, JPEG"


class AttachmentField(UploadField):
    """The kernel's upload checks (size, content sniffed from the bytes), and also Word and
    OpenDocument text, which the kernel does not know."""

    def __init__(self, **kwargs):
        super().__init__(
            kinds=("pdf", "xlsx", "png", "jpeg"),
            help_text=_("%(kinds)s, at most %(size)s.")
            % {"kinds": ATTACHMENT_KINDS_LABEL, "size": filesizeformat(MAX_UPLOAD_BYTES)},
            **kwargs,
        )
        self.widget.attrs["accept"] = ".pdf,.docx,.odt,.xlsx,.png,.jpg,.jpeg"

    def clean(self, data, initial=None):
        try:
            return super().clean(data, initial)
        except ValidationError as error:
            if getattr(error, "code", None) != "wrong_kind":
                raise
            kind = _office_kind(data)
            if kind is None:
                raise ValidationError(
                    _("This file is not a %(kinds)s file. Choose another file."),
                    code="wrong_kind",
                    params={"kinds": ATTACHMENT_KINDS_LABEL},
                ) from None
            vars(data)["original_name"] = data.name
            data.name = f"upload.{kind}"
            return data


class AttachmentForm(forms.Form):
    title = OneLineCharField(
        label=_("What the file is"),
        max_length=200,
        help_text=_("E.g. «Project plan» or «Letter of support from the volunteer centre»."),
    )
    file = AttachmentField(label=_("The file"))


class PartnerAnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Your answer"),
        widget=forms.RadioSelect,
        choices=[
            ("yes", _("Yes, we take part as described")),
            ("no", _("No, we do not take part")),
        ],
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Why (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class InformationForm(forms.Form):
    note = forms.CharField(
        label=_("What you have added or changed"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The grant officer reads this first."),
    )
