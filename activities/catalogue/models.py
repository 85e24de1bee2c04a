"""The activity catalogue: what is on offer for the elderly in a municipality, who organises
it, for whom, where, at what price, with or without transport, and how to sign up. An activity
may be run in Samspill (sessions, sign-ups, rides, shifts) or only listed, because "nobody has
the full overview" (seed 003)."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from coordination.kernel.models import Municipality, TenantQuerySet
from coordination.kernel.transitions import GuardedStatus
from coordination.partners.models import PartnerOrganisation
from volunteers.profile.models import Interest


class Category(models.TextChoices):
    """The six kinds of offer of the Fjell/Øygarden model (seed 003)."""

    SOCIAL = "social", _("Social activities")
    DEMENTIA_FRIENDLY = "dementia_friendly", _("Dementia-friendly community")
    EVERYDAY_ASSISTANCE = "everyday_assistance", _("Everyday assistance")
    ACTION_CENTRE = "action_centre", _("Offers of the action centre")
    CARE_SERVICES = "care_services", _("Traditional care services")
    WELFARE_TECHNOLOGY = "welfare_technology", _("Welfare technology")


class AgeGroup(models.TextChoices):
    """Age span, independent of function level (seed 003: the elderly are not one group)."""

    NEW_RETIREES = "new_retirees", _("New retirees")
    SEVENTIES = "seventies", _("70–79 years")
    EIGHTY_PLUS = "eighty_plus", _("80 years and over")


class FunctionLevel(models.TextChoices):
    FIT = "fit", _("Fit and active")
    FRAIL_AT_HOME = "frail_at_home", _("Frail, living at home")
    DEMENTIA = "dementia", _("Living with dementia")


class ActivityTypeQuerySet(TenantQuerySet):
    def for_municipality(self, municipality: Municipality | str):
        """The shipped types (no municipality) and those the municipality added."""
        number = getattr(municipality, "pk", municipality)
        return self.filter(models.Q(municipality__isnull=True) | models.Q(municipality=number))


class ActivityType(models.Model):
    """A finer type within a category (visiting friend, Friday gathering, walking group, …).
    The shipped ones have no municipality; a coordinator may add the municipality's own.
    ``name`` is translated (modeltranslation: name_nb, name_nn, name_en)."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    key = models.SlugField(_("key"), max_length=40, blank=True)  # shipped types only
    category = models.CharField(_("category"), max_length=30, choices=Category.choices)
    name = models.CharField(_("name"), max_length=100)
    # Volunteers with this interest are asked first for the activity's shifts.
    interest = models.CharField(
        _("the kind of help volunteers give"), max_length=30, choices=Interest.choices, blank=True
    )

    objects = ActivityTypeQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity type")
        verbose_name_plural = _("activity types")
        ordering = ["category", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["key"],
                condition=models.Q(municipality__isnull=True) & ~models.Q(key=""),
                name="activity_type_unique_shipped_key",
            ),
            models.UniqueConstraint(
                fields=["municipality", "name"], name="activity_type_unique_name"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class PlaceKind(models.TextChoices):
    VILLAGE_HALL = "village_hall", _("Village hall")
    COMMUNITY_CENTRE = "community_centre", _("Community or culture centre")
    CARE_HOME = "care_home", _("Nursing home or day centre")
    LIBRARY = "library", _("Library")
    CHURCH = "church", _("Church or parish hall")
    SCHOOL = "school", _("School")
    OUTDOORS = "outdoors", _("Outdoors")
    OTHER = "other", pgettext_lazy("place kind", "Other")


class Place(models.Model):
    """Where sessions are held: a village hall (grendehus), the community centre, a nursing
    home's day room. ``area`` is the village or part of the municipality, the same words as a
    volunteer's and a need's area (matching and the gaps view use it)."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="places",
        verbose_name=_("municipality"),
    )
    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("type of place"), max_length=20, choices=PlaceKind.choices)
    address = models.CharField(_("address"), max_length=200, blank=True)
    area = models.CharField(_("area or village"), max_length=100)
    step_free = models.BooleanField(_("step-free access"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    archived = models.BooleanField(_("no longer in use"), default=False)

    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="place_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class ActivityStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed, waiting for the coordinator")
    PUBLISHED = "published", _("Published")
    DECLINED = "declined", _("Not approved")
    ARCHIVED = "archived", _("Ended")


# A proposal is approved or declined; a published activity ends (archived) and may return.
ACTIVITY_ALLOWED: dict[str, set[str]] = {
    ActivityStatus.PROPOSED: {ActivityStatus.PUBLISHED, ActivityStatus.DECLINED},
    ActivityStatus.PUBLISHED: {ActivityStatus.ARCHIVED},
    ActivityStatus.DECLINED: set(),
    ActivityStatus.ARCHIVED: {ActivityStatus.PUBLISHED},
}


class Enrolment(models.TextChoices):
    PER_SESSION = "per_session", _("Sign up for one meeting at a time")
    FOR_PERIOD = "for_period", _("Sign up for the whole period")


class ActivityQuerySet(TenantQuerySet):
    def published(self):
        return self.filter(status=ActivityStatus.PUBLISHED)

    def proposed(self):
        return self.filter(status=ActivityStatus.PROPOSED)

    def run_here(self):
        """Run in Samspill (sessions, sign-ups), not only listed."""
        return self.filter(listed_only=False)


class Activity(GuardedStatus, models.Model):
    """One offer in the catalogue. ``organiser`` None: the municipality organises it;
    ``co_organisers``: partners who run it together with the organiser."""

    ALLOWED = ACTIVITY_ALLOWED

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="activities",
        verbose_name=_("municipality"),
    )
    title = models.CharField(_("name of the activity"), max_length=150)
    description = models.TextField(_("what happens"), max_length=3000)
    activity_type = models.ForeignKey(
        ActivityType, on_delete=models.PROTECT, related_name="activities", verbose_name=_("type")
    )
    organiser = models.ForeignKey(
        PartnerOrganisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("organiser"),
        help_text=_("Leave empty when the municipality organises it."),
    )
    co_organisers = models.ManyToManyField(
        PartnerOrganisation,
        blank=True,
        related_name="co_organised_activities",
        verbose_name=_("together with"),
    )
    # Physiotherapy, occupational therapy: the municipality's professionals, shown apart from
    # social activities.
    run_by_professionals = models.BooleanField(
        _("run by the municipality's health professionals"), default=False
    )
    # Listed only: run outside Samspill; the catalogue shows when, where and whom to contact.
    listed_only = models.BooleanField(_("only listed here (run outside Samspill)"), default=False)
    when_text = models.CharField(
        _("when"),
        max_length=200,
        blank=True,
        help_text=_("For listed activities, in words: for example «Tuesdays at 11, all year»."),
    )
    place = models.ForeignKey(
        Place,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("usual place"),
    )
    age_groups = models.JSONField(_("age groups"), default=list, blank=True)  # AgeGroup values
    function_levels = models.JSONField(
        _("function levels"), default=list, blank=True
    )  # FunctionLevel values; empty = everyone
    especially_for_men = models.BooleanField(_("especially for men"), default=False)
    accessibility = models.CharField(
        _("accessibility"),
        max_length=300,
        blank=True,
        help_text=_("For example: step-free entrance, hearing loop, a quiet room."),
    )
    # Fees in whole kroner per meeting (or for the period). 0 = free of charge.
    fee = models.PositiveIntegerField(_("standard fee (NOK)"), default=0)
    reduced_fee = models.PositiveIntegerField(
        _("reduced fee (NOK)"),
        null=True,
        blank=True,
        help_text=_("For those who cannot pay the standard fee. No one is asked for proof."),
    )
    free_places = models.BooleanField(_("free places for those who need them"), default=False)
    transport_offered = models.BooleanField(_("transport offered (pick-up)"), default=False)
    # The villages in the order a driver passes them on the way to the place (one a line):
    # the pick-up order of a session's rides follows it.
    pickup_route = models.TextField(_("villages on the pick-up route, in order"), blank=True)
    sign_up_web = models.BooleanField(_("sign up here on the web"), default=True)
    sign_up_phone = models.CharField(_("sign up by phone (number)"), max_length=20, blank=True)
    sign_up_at_door = models.BooleanField(_("just come, no sign-up needed"), default=False)
    enrolment = models.CharField(
        _("how people sign up"),
        max_length=20,
        choices=Enrolment.choices,
        default=Enrolment.PER_SESSION,
    )
    binding = models.BooleanField(
        _("binding sign-up"),
        default=False,
        help_text=_("Those who sign up commit to coming, for example for the whole autumn."),
    )
    period_starts_on = models.DateField(_("period starts"), null=True, blank=True)
    period_ends_on = models.DateField(_("period ends"), null=True, blank=True)
    capacity = models.PositiveSmallIntegerField(
        _("places"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5000)],
        help_text=_("Leave empty when there is no limit."),
    )
    minimum_participants = models.PositiveSmallIntegerField(
        _("minimum number of participants"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5000)],
        help_text=_("If fewer have signed up at the deadline, the meeting does not run."),
    )
    signup_deadline_hours = models.PositiveSmallIntegerField(
        _("sign-up closes (hours before start)"),
        default=24,
        validators=[MaxValueValidator(24 * 60)],
    )
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=20, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ActivityStatus.choices, default=ActivityStatus.PROPOSED
    )
    # A proposal from a senior or a group without an organisation (seed 004: "do not define
    # for the elderly what they are for"): who proposed it, for the coordinator to call back.
    proposed_by_name = models.CharField(_("proposed by"), max_length=150, blank=True)
    proposed_by_phone = models.CharField(_("their phone"), max_length=20, blank=True)
    proposed_by_email = models.EmailField(_("their email"), blank=True)
    decline_reason = models.CharField(_("why it was not approved"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["title", "pk"]
        indexes = [
            models.Index(fields=["municipality", "status", "title"], name="activity_muni_idx"),
            models.Index(fields=["organiser", "status"], name="activity_organiser_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(reduced_fee__isnull=True)
                | models.Q(reduced_fee__lte=models.F("fee")),
                name="activity_reduced_fee_not_above_fee",
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__isnull=True)
                | models.Q(minimum_participants__isnull=True)
                | models.Q(minimum_participants__lte=models.F("capacity")),
                name="activity_minimum_within_capacity",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def category(self) -> str:
        return self.activity_type.category

    @property
    def is_free(self) -> bool:
        return self.fee == 0

    def age_group_labels(self) -> list[str]:
        return [str(AgeGroup(v).label) for v in self.age_groups if v in AgeGroup.values]

    def function_level_labels(self) -> list[str]:
        return [
            str(FunctionLevel(v).label) for v in self.function_levels if v in FunctionLevel.values
        ]

    def route_villages(self) -> list[str]:
        return [line.strip() for line in self.pickup_route.splitlines() if line.strip()]
