"""The coordinator's form for the insurance of the municipality's volunteers."""

from django import forms
from django.utils.translation import gettext_lazy as _

from volunteers.models import InsuranceInfo, VolunteerRole


class InsuranceForm(forms.ModelForm):
    class Meta:
        model = InsuranceInfo
        fields = ["insured_by", "covers", "own_car", "if_something_happens", "roles"]
        widgets = {
            "covers": forms.Textarea(attrs={"rows": 3}),
            "own_car": forms.Textarea(attrs={"rows": 3}),
            "if_something_happens": forms.Textarea(attrs={"rows": 2}),
            "roles": forms.CheckboxSelectMultiple,
        }
        labels = {"if_something_happens": _("If something happens (optional)")}
        error_messages = {
            "insured_by": {"required": _("Write who insures the volunteers.")},
            "covers": {"required": _("Write what the insurance covers.")},
        }

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["roles"].queryset = VolunteerRole.objects.in_municipality(municipality)
        self.fields["roles"].error_messages["invalid_choice"] = _("Choose among the roles.")
