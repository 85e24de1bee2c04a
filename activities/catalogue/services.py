"""Writes of the catalogue: places, activities (published at once by those who run them),
proposals from people without an organisation and the coordinator's answer, the
municipality's own activity types. Each starts with ``require(...)``, runs in a transaction
and refuses with a sentence a person understands."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from activities.catalogue.models import (
    Activity,
    ActivityStatus,
    ActivityType,
    AgeGroup,
    Category,
    Enrolment,
    FunctionLevel,
    Place,
)
from activities.catalogue.permissions import can_manage_activity, organisations_spoken_for
from coordination.kernel import audit, outbox
from coordination.kernel.models import Municipality, Role, User
from coordination.kernel.permissions import has_role, require
from coordination.partners.models import PartnerOrganisation

PLACE_FIELDS = frozenset(
    {
        "name",
        "kind",
        "area",
        "address",
        "step_free",
        "accessible_toilet",
        "hearing_loop",
        "archived",
    }
)

# What an organiser fills in (the form's fields; status and proposer are set by the services).
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

# The words of a proposal: plain text only, and no longer than the fields hold.
PROPOSAL_TEXT = ("title", "description", "when_text", "proposed_by_name", "proposed_by_phone")


def is_coordinator(user: User, municipality: Municipality | str) -> bool:
    return has_role(user, municipality, Role.COORDINATOR)


def partners_of(municipality: Municipality):
    """The partner organisations working in the municipality (possible organisers)."""
    return PartnerOrganisation.objects.filter(municipalities=municipality).order_by("name")


def _plain(value: str) -> str:
    """Text without HTML: tags are removed, what is left is kept as the person wrote it."""
    return strip_tags(value or "").strip()


# --- places -----------------------------------------------------------------------------


def _check_place(place: Place) -> None:
    clash = (
        Place.objects.in_municipality(place.municipality)
        .filter(name__iexact=place.name.strip())
        .exclude(pk=place.pk)
    )
    if clash.exists():
        raise ValidationError(
            {"name": _("There is already a place with this name. Choose another name.")}
        )
    place.full_clean(validate_unique=False, validate_constraints=False)


@transaction.atomic
def create_place(
    *,
    municipality: Municipality,
    by: User,
    name: str,
    kind: str,
    area: str,
    address: str = "",
    step_free: bool = False,
    accessible_toilet: bool = False,
    hearing_loop: bool = False,
) -> Place:
    require(by, "coordinate_activities", municipality)
    place = Place(
        municipality=municipality,
        name=_plain(name),
        kind=kind,
        area=_plain(area),
        address=_plain(address),
        step_free=step_free,
        accessible_toilet=accessible_toilet,
        hearing_loop=hearing_loop,
    )
    _check_place(place)
    place.save()
    audit.record(by, "created", place, code="activities.place_created", params={"name": place.name})
    return place


@transaction.atomic
def update_place(*, place: Place, by: User, **fields: Any) -> Place:
    require(by, "coordinate_activities", place)
    unknown = set(fields) - PLACE_FIELDS
    if unknown:
        raise TypeError(f"update_place() got unknown fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(place, name, _plain(value) if isinstance(value, str) and name != "kind" else value)
    _check_place(place)
    place.save()
    audit.record(by, "changed", place, code="activities.place_changed", params={"name": place.name})
    return place


# --- activities -------------------------------------------------------------------------


def _check_activity(activity: Activity, co_organisers: list[PartnerOrganisation]) -> None:
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
    _check_activity(activity, partners)
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
        _check_organiser_for(by, activity.municipality, fields["organiser"], partners)
    for name, value in fields.items():
        setattr(activity, name, value)
    _check_activity(activity, partners)
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


@transaction.atomic
def propose_activity(
    *,
    municipality: Municipality,
    title: str,
    description: str,
    activity_type: ActivityType,
    proposed_by_name: str,
    proposed_by_phone: str,
    proposed_by_email: str = "",
    when_text: str = "",
) -> Activity:
    """A senior or a group without an organisation proposes an activity; the coordinators are
    told and call them back. Nothing is published until a coordinator approves it."""
    activity = Activity(
        municipality=municipality,
        title=_plain(title),
        description=_plain(description),
        activity_type=activity_type,
        when_text=_plain(when_text),
        proposed_by_name=_plain(proposed_by_name),
        proposed_by_phone=_plain(proposed_by_phone),
        proposed_by_email=(proposed_by_email or "").strip(),
        contact_name=_plain(proposed_by_name),
        contact_phone=_plain(proposed_by_phone),
        status=ActivityStatus.PROPOSED,
        sign_up_web=False,
        sign_up_phone=_plain(proposed_by_phone)[:20],
        listed_only=True,
    )
    errors: dict[str, list[str]] = {}
    for field in PROPOSAL_TEXT:
        if field != "when_text" and not getattr(activity, field):
            errors.setdefault(field, []).append(_("This field is required."))
    if not ActivityType.objects.for_municipality(municipality).filter(pk=activity_type.pk).exists():
        errors.setdefault("activity_type", []).append(_("Choose a type of activity."))
    if errors:
        raise ValidationError(errors)
    activity.full_clean(validate_constraints=False, exclude=["created_by", "place", "organiser"])
    activity.save()
    outbox.send("activities.catalogue.tasks.notify_activity_proposed", activity=activity.pk)
    return activity


def _proposal(activity: Activity, by: User) -> None:
    require(by, "coordinate_activities", activity)
    if activity.status != ActivityStatus.PROPOSED:
        raise ValidationError(_("This proposal has already been answered."))


@transaction.atomic
def approve_activity(*, activity: Activity, by: User) -> Activity:
    """Publish a proposal (the coordinator has filled in what it needed)."""
    _proposal(activity, by)
    activity.transition_to(
        ActivityStatus.PUBLISHED, refusal=_("This proposal cannot be approved any more.")
    )
    activity.published_at = timezone.now()
    _check_activity(activity, list(activity.co_organisers.all()))
    activity.save()
    audit.record(
        by,
        "changed",
        activity,
        code="activities.proposal_approved",
        params={"title": activity.title},
    )
    if activity.proposed_by_email:
        outbox.send("activities.catalogue.tasks.notify_proposal_decided", activity=activity.pk)
    return activity


@transaction.atomic
def decline_activity(*, activity: Activity, by: User, reason: str) -> Activity:
    _proposal(activity, by)
    reason = _plain(reason)
    if not reason:
        raise ValidationError({"decline_reason": _("Say why, so that the proposer understands.")})
    if len(reason) > 500:
        raise ValidationError({"decline_reason": _("Keep the reason under 500 characters.")})
    activity.transition_to(
        ActivityStatus.DECLINED, refusal=_("This proposal cannot be declined any more.")
    )
    activity.decline_reason = reason
    activity.save(update_fields=["status", "decline_reason"])
    audit.record(
        by,
        "changed",
        activity,
        code="activities.proposal_declined",
        params={"title": activity.title},
    )
    if activity.proposed_by_email:
        outbox.send("activities.catalogue.tasks.notify_proposal_decided", activity=activity.pk)
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


# --- activity types ---------------------------------------------------------------------


@transaction.atomic
def add_activity_type(
    *, municipality: Municipality, by: User, category: str, name: str
) -> ActivityType:
    """The municipality's own type, named in the language the coordinator writes in (and in
    bokmål, the fallback every language reads when it has no name of its own)."""
    require(by, "coordinate_activities", municipality)
    name = _plain(name)
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
    name = _plain(name)
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
