"""Activities published by those who run them: the coordinator for anyone, a partner
representative for their own organisation; changed, ended and published again."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.catalogue.models import (
    Activity,
    ActivityStatus,
    ActivityType,
    AgeGroup,
    Enrolment,
    FunctionLevel,
    Place,
)
from activities.catalogue.permissions import can_manage_activity, organisations_spoken_for
from activities.catalogue.services.common import is_coordinator, partners_of
from coordination.kernel import audit
from coordination.kernel.models import Municipality, User
from coordination.kernel.permissions import require
from coordination.partners.models import PartnerOrganisation

ACTIVITY_FIELDS = frozenset(
    {
        "title",
        "description",
        "activity_type",
        "run_by_professionals",
        "listed_only",
        "when_text",
        "place",
        "age_groups",
        "function_levels",
        "especially_for_men",
        "accessibility",
        "fee",
        "reduced_fee",
        "free_places",
        "transport_offered",
        "pickup_route",
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
        "contact_name",
        "contact_phone",
        "contact_email",
    }
)


def check_activity(activity: Activity, co_organisers: list[PartnerOrganisation]) -> None:
    """What a form alone cannot know, each refusal on the field it is about."""
    errors: dict[str, list[str]] = {}

    def refuse(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    municipality = activity.municipality
    if activity.reduced_fee is not None and activity.reduced_fee > activity.fee:
        refuse("reduced_fee", _("The reduced fee cannot be higher than the standard fee."))
    if (
        activity.capacity is not None
        and activity.minimum_participants is not None
        and activity.minimum_participants > activity.capacity
    ):
        refuse(
            "minimum_participants",
            _("The minimum number of participants cannot be more than the number of places."),
        )
    if activity.enrolment == Enrolment.FOR_PERIOD and not activity.listed_only:
        if activity.period_starts_on is None:
            refuse("period_starts_on", _("Say when the period starts."))
        if activity.period_ends_on is None:
            refuse("period_ends_on", _("Say when the period ends."))
    if (
        activity.period_starts_on
        and activity.period_ends_on
        and activity.period_ends_on < activity.period_starts_on
    ):
        refuse("period_ends_on", _("The period cannot end before it starts."))
    if activity.listed_only and not activity.when_text.strip():
        refuse("when_text", _("Say in words when the activity is, for example «Tuesdays at 11»."))
    if not (activity.sign_up_web or activity.sign_up_phone or activity.sign_up_at_door):
        refuse(
            "sign_up_web",
            _("Say how people sign up: on the web, by phone, or that they can just come."),
        )
    if activity.listed_only and activity.sign_up_web:
        refuse(
            "sign_up_web",
            _("An activity only listed here has no sign-up on the web: give a phone number."),
        )
    type_ok = ActivityType.objects.for_municipality(municipality).filter(
        pk=activity.activity_type_id
    )
    if activity.activity_type_id is None or not type_ok.exists():
        refuse("activity_type", _("Choose a type of activity."))
    if activity.place_id is not None:
        place = Place.objects.in_municipality(municipality).filter(pk=activity.place_id).first()
        if place is None:
            refuse("place", _("Choose one of the municipality's places."))
    partners = set(partners_of(municipality).values_list("pk", flat=True))
    if activity.organiser_id is not None and activity.organiser_id not in partners:
        refuse("organiser", _("The organiser must be a partner working in the municipality."))
    if any(each.pk not in partners for each in co_organisers):
        refuse("co_organisers", _("Those who run it together must be partners here."))
    if activity.organiser_id is not None and any(
        each.pk == activity.organiser_id for each in co_organisers
    ):
        refuse("co_organisers", _("The organiser is already running it; leave it out here."))
    bad_ages = set(activity.age_groups or []) - set(AgeGroup.values)
    bad_levels = set(activity.function_levels or []) - set(FunctionLevel.values)
    if bad_ages:
        refuse("age_groups", _("Choose among the age groups shown."))
    if bad_levels:
        refuse("function_levels", _("Choose among the function levels shown."))
    if errors:
        raise ValidationError(errors)
    activity.full_clean(validate_constraints=False, exclude=["created_by"])


def _check_organiser_for(
    by: User,
    municipality: Municipality,
    organiser: PartnerOrganisation | None,
    co_organisers: list[PartnerOrganisation],
) -> None:
    """A coordinator publishes for anyone; a representative only for their own organisation."""
    if is_coordinator(by, municipality):
        return
    own = set(organisations_spoken_for(by, municipality))
    if organiser is None or organiser.pk not in own:
        raise ValidationError(
            {"organiser": _("You can publish activities only for the organisation you represent.")}
        )


@transaction.atomic
def create_activity(
    *,
    municipality: Municipality,
    by: User,
    organiser: PartnerOrganisation | None = None,
    co_organisers: Iterable[PartnerOrganisation] = (),
    **fields: Any,
) -> Activity:
    """A new activity, published at once: the coordinator, or a representative of the
    organiser, vouches for it."""
    require(by, "manage_activities", municipality)
    unknown = set(fields) - ACTIVITY_FIELDS
    if unknown:
        raise TypeError(f"create_activity() got unknown fields: {sorted(unknown)}")
    partners = list(co_organisers)
    _check_organiser_for(by, municipality, organiser, partners)
    activity = Activity(municipality=municipality, organiser=organiser, created_by=by, **fields)
    check_activity(activity, partners)
    activity.status = ActivityStatus.PUBLISHED
    activity.published_at = timezone.now()
    activity.save()
    activity.co_organisers.set(partners)
    audit.record(
        by,
        "created",
        activity,
        code="activities.activity_published",
        params={"title": activity.title},
    )
    return activity


@transaction.atomic
def update_activity(
    *,
    activity: Activity,
    by: User,
    co_organisers: Iterable[PartnerOrganisation] | None = None,
    **fields: Any,
) -> Activity:
    require(by, "manage_activities", activity)
    verdict = can_manage_activity(by, activity)
    if not verdict:
        raise PermissionDenied(verdict.reason)
    unknown = set(fields) - ACTIVITY_FIELDS - {"organiser"}
    if unknown:
        raise TypeError(f"update_activity() got unknown fields: {sorted(unknown)}")
    partners = list(activity.co_organisers.all()) if co_organisers is None else list(co_organisers)
    if "organiser" in fields and fields["organiser"] != activity.organiser:
        # A representative hands over only what their organisation organises, and only to it.
        _check_organiser_for(by, activity.municipality, activity.organiser, partners)
        _check_organiser_for(by, activity.municipality, fields["organiser"], partners)
    for name, value in fields.items():
        setattr(activity, name, value)
    check_activity(activity, partners)
    activity.save()
    if co_organisers is not None:
        activity.co_organisers.set(partners)
    audit.record(
        by,
        "changed",
        activity,
        code="activities.activity_changed",
        params={"title": activity.title},
    )
    return activity


def _run(activity: Activity, by: User) -> None:
    require(by, "manage_activities", activity)
    verdict = can_manage_activity(by, activity)
    if not verdict:
        raise PermissionDenied(verdict.reason)


@transaction.atomic
def archive_activity(*, activity: Activity, by: User) -> Activity:
    """End an activity: it leaves the catalogue; its history (sessions, attendance) is kept."""
    _run(activity, by)
    activity.transition_to(
        ActivityStatus.ARCHIVED, refusal=_("Only a published activity can be ended.")
    )
    activity.save(update_fields=["status"])
    audit.record(
        by, "changed", activity, code="activities.activity_ended", params={"title": activity.title}
    )
    return activity


@transaction.atomic
def republish_activity(*, activity: Activity, by: User) -> Activity:
    _run(activity, by)
    activity.transition_to(
        ActivityStatus.PUBLISHED, refusal=_("Only an ended activity can be published again.")
    )
    activity.published_at = timezone.now()
    activity.save(update_fields=["status", "published_at"])
    audit.record(
        by,
        "changed",
        activity,
        code="activities.activity_published",
        params={"title": activity.title},
    )
    return activity
