"""The municipality's own activity types, named in the language the coordinator writes in
(bokmål the fallback)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from activities.catalogue.models import (
    ActivityType,
    Category,
)
from activities.catalogue.services.common import plain
from coordination.kernel import audit
from coordination.kernel.models import Municipality, User
from coordination.kernel.permissions import require


@transaction.atomic
def add_activity_type(
    *, municipality: Municipality, by: User, category: str, name: str
) -> ActivityType:
    """The municipality's own type, named in the language the coordinator writes in (and in
    bokmål, the fallback every language reads when it has no name of its own)."""
    require(by, "coordinate_activities", municipality)
    name = plain(name)
    if category not in Category.values:
        raise ValidationError({"category": _("Choose one of the six categories.")})
    if not name:
        raise ValidationError({"name": _("Give the type a name.")})
    if len(name) > 100:
        raise ValidationError({"name": _("Keep the name under 100 characters.")})
    _refuse_same_name(municipality, name)
    kind = ActivityType(municipality=municipality, category=category)
    _set_name(kind, name)
    kind.save()
    audit.record(
        by,
        "created",
        kind,
        municipality=municipality,
        code="activities.type_added",
        params={"name": name},
    )
    return kind


@transaction.atomic
def rename_activity_type(*, activity_type: ActivityType, by: User, name: str) -> ActivityType:
    """Only the municipality's own types can be renamed; the shipped ones are shared."""
    municipality = activity_type.municipality
    if municipality is None:
        raise PermissionDenied
    require(by, "coordinate_activities", municipality)
    name = plain(name)
    if not name:
        raise ValidationError({"name": _("Give the type a name.")})
    if len(name) > 100:
        raise ValidationError({"name": _("Keep the name under 100 characters.")})
    _refuse_same_name(municipality, name, exclude=activity_type.pk)
    _set_name(activity_type, name)
    activity_type.save()
    audit.record(
        by,
        "changed",
        activity_type,
        municipality=activity_type.municipality,
        code="activities.type_renamed",
        params={"name": name},
    )
    return activity_type


def _refuse_same_name(municipality: Municipality, name: str, exclude: int | None = None) -> None:
    same = ActivityType.objects.for_municipality(municipality).filter(
        name_nb__iexact=name
    ) | ActivityType.objects.for_municipality(municipality).filter(name__iexact=name)
    if exclude is not None:
        same = same.exclude(pk=exclude)
    if same.exists():
        raise ValidationError({"name": _("There is already a type with this name.")})


def _set_name(kind: ActivityType, name: str) -> None:
    """Set the name in the active language's field; bokmål is filled in too if empty (the
    fallback), so the type has a name in every language."""
    language = (translation.get_language() or "nb").split("-")[0]
    if language not in {code for code, _label in settings.LANGUAGES}:
        language = "nb"
    setattr(kind, f"name_{language}", name)
    if language == "nb" or not getattr(kind, "name_nb", ""):
        setattr(kind, "name_nb", name)  # noqa: B010 (a field modeltranslation adds)
