"""The grantee's report form, the officer's assessment, and the choice of file format."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from grants.reports.models import Report
from grants.reports.services.reports import REPORT_FIELDS


class ReportForm(forms.ModelForm):
    """Everything may be left empty while saving a draft; sending asks for all of it."""

    class Meta:
        model = Report
        fields = list(REPORT_FIELDS)
        widgets = {
            "what_was_done": forms.Textarea(attrs={"rows": 6}),
            "what_lasted": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "participants_reached": _("People who took part, each counted once."),
            "sessions_held": _("Meetings, trips or other gatherings that took place."),
            "volunteers_involved": _("People who helped without pay, each counted once."),
            "volunteer_hours": _("All the volunteers' hours together."),
            "senior_volunteers": _(
                "Volunteers aged 67 or more («eldrekraft»). Samspill does not know volunteers' "
                "ages, so count them yourself."
            ),
            "money_used": _("What the grant paid for this year, in whole kroner."),
            "what_lasted": _("What will go on after the project, and who runs it."),
        }


class AssessmentForm(forms.Form):
    APPROVE, MORE = "approve", "more"
    outcome = forms.ChoiceField(
        label=_("Your assessment"),
        choices=[
            (APPROVE, _("Approve the report")),
            (MORE, _("Ask the applicant for more")),
        ],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment to the applicant"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Needed when you ask for more: say what is missing."),
    )


class ExportForm(forms.Form):
    format = forms.ChoiceField(
        label=_("File type"),
        choices=[("csv", _("CSV (opens in Excel and other programs)")), ("xlsx", _("Excel"))],
        widget=forms.RadioSelect,
        initial="csv",
    )
