"""The responsibility map: the grid as one form, and the small forms for tasks and parties."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from coordination.responsibility.models import (
    ROLE_ABBREVIATIONS,
    ResponsibilityParty,
    ResponsibilityRole,
    ResponsibilityTask,
)

CELL_NAME = re.compile(r"^cell-(\d+)-(\d+)$")


def cell_name(task_id: int, party_id: int) -> str:
    return f"cell-{task_id}-{party_id}"


def role_choices() -> list[tuple[str, str]]:
    return [("", "–")] + [
        (value, f"{ROLE_ABBREVIATIONS[value]} – {label}")
        for value, label in ResponsibilityRole.choices
    ]


class GridForm(forms.Form):
    """One select per cell, named ``cell-<task>-<party>``. A cell the map does not have (a task
    removed meanwhile, or one of another municipality) refuses the whole form."""

    # The map's version when the form was opened (services.responsibility.grid_version): a save
    # made with an older version is refused instead of undoing someone else's changes.
    version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, tasks, parties, assignments, version="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = version
        current = {(a.task_id, a.party_id): a.role for a in assignments}
        choices = role_choices()
        self.rows = []
        for task in tasks:
            cells = []
            for party in parties:
                name = cell_name(task.pk, party.pk)
                field = forms.ChoiceField(
                    label=f"{task.display_name} – {party.display_name}",
                    choices=choices,
                    required=False,
                    initial=current.get((task.pk, party.pk), ""),
                )
                self.fields[name] = field
                cells.append(name)
            self.rows.append((task, cells))

    def clean(self):
        data = super().clean()
        if self.data:
            unknown = [k for k in self.data if CELL_NAME.match(k) and k not in self.fields]
            if unknown:
                raise ValidationError(
                    _(
                        "The map has changed since you opened it. Open it again and make your "
                        "changes."
                    )
                )
        return data

    def sent_version(self) -> str | None:
        """The version the form was opened with; None from a form that did not send one."""
        if "version" not in self.data:
            return None
        return self.cleaned_data.get("version") or ""

    def cells(self) -> dict[tuple[int, int], str]:
        """The cells that were sent; one left out of the request keeps what it had."""
        found = {}
        for name, value in self.cleaned_data.items():
            match = CELL_NAME.match(name)
            if match and name in self.data:
                found[(int(match[1]), int(match[2]))] = value or ""
        return found

    def bound_rows(self):
        """(task, [bound fields]) for the template."""
        return [(task, [self[name] for name in cells]) for task, cells in self.rows]


class TaskForm(forms.ModelForm):
    class Meta:
        model = ResponsibilityTask
        fields = ["name"]
        labels = {"name": _("Task")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].required = True
        if self.instance.pk and not self.instance.name:
            self.initial["name"] = self.instance.display_name


class PartyForm(forms.ModelForm):
    class Meta:
        model = ResponsibilityParty
        fields = ["name", "unit", "partner"]
        labels = {"name": _("Party")}
        help_texts = {
            "name": _("For example Lom sanitetslag, or the unit leader at the nursing home."),
            "unit": _("Optional: the unit this party is."),
            "partner": _("Optional: the partner organisation this party is."),
        }

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].required = False
        self.fields["unit"].queryset = ResponsibilityParty.unit_choices(municipality)
        self.fields["unit"].empty_label = _("No particular unit")
        self.fields["partner"].queryset = ResponsibilityParty.partner_choices(municipality)
        self.fields["partner"].empty_label = _("No particular partner organisation")
        if self.instance.pk and not self.instance.name:
            self.initial["name"] = self.instance.display_name

    def clean(self):
        data = super().clean()
        if (
            not (data.get("name") or "").strip()
            and not data.get("unit")
            and not data.get("partner")
        ):
            self.add_error("name", _("Write a name, or choose a unit or a partner organisation."))
        return data
