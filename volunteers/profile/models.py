"""Volunteers: who they are, what they like to do, when they can, and what they have signed."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coordination.kernel.models import Municipality, TenantQuerySet, User
from coordination.partners.models import PartnerOrganisation

# The interest a need of each kind calls for is the same list: a need for a visiting friend
# looks for volunteers who would like to be one.


class Interest(models.TextChoices):
    VISITING_FRIEND = "visiting_friend", _("Visiting friend")
    TRANSPORT = "transport", _("Transport and escort")
    DIGITAL_HELP = "digital_help", _("Digital help")
    WALKS = "walks", _("Walks and outdoor activities")
    CULTURE = "culture", _("Culture and social gatherings")
    PRACTICAL_HELP = "practical_help", _("Practical help")
    ACTIVITY_LEADING = "activity_leading", _("Leading an activity")


_INTEREST_LABELS = dict(Interest.choices)


def interest_label(code: str) -> str:
    """An interest's name in the language in use. A dict lookup: ``get_interest_display()``
    hashes every choice's lazy label, a translation lookup each, for every interest shown."""
    return str(_INTEREST_LABELS.get(code, code))


class Frequency(models.TextChoices):
    WEEKLY = "weekly", _("Every week")
    MONTHLY = "monthly", _("A few times a month")
    NOW_AND_THEN = "now_and_then", _("Now and then")


class Gender(models.TextChoices):
    UNSAID = "", _("Prefer not to say")
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    OTHER = "other", _("Other")


class ContactBy(models.TextChoices):
    PHONE = "phone", _("Phone call")
    SMS = "sms", _("Text message")
    EMAIL = "email", _("Email")


class VolunteerQuerySet(TenantQuerySet):
    def active(self):
        return self.filter(left_at__isnull=True)

    def search(self, text: str):
        """Name, email, area or skills containing the text, in any case. One LIKE on one
        column, which a trigram index serves on PostgreSQL (migration 0004)."""
        return self.filter(search_text__contains=text.casefold())

    def with_interest(self, interest: str):
        return self.filter(
            models.Exists(
                VolunteerInterest.objects.filter(volunteer=models.OuterRef("pk"), interest=interest)
            )
        )

    def annotate_signed_current(self, current_text_id: int | None):
        """``signed_current``: has signed the municipality's current declaration."""
        if current_text_id is None:
            return self.annotate(signed_current=models.Value(False))
        return self.annotate(
            signed_current=models.Exists(
                Signature.objects.filter(volunteer=models.OuterRef("pk"), text_id=current_text_id)
            )
        )


class Volunteer(models.Model):
    """A person's membership as a volunteer in one municipality: what they share with it, and
    what it records about them (declaration, screening, notes, assignments, hours). A person
    who helps in neighbouring municipalities has one login and one row in each; each
    municipality sees only its own. Matching proposes; the volunteer always decides."""

    # Empty once the volunteer is anonymised: the row stays for the statistics.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="volunteers",
        verbose_name=_("person"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="volunteers",
        verbose_name=_("municipality"),
    )
    # A volunteer without a login (a coordinator registered them by phone, or imported them
    # without an email address) keeps their name, phone and email here. With a login these
    # stay empty: the account has them (``person_name``, ``contact_phone``, ``contact_email``
    # read whichever holds them). Getting a login moves them to the account.
    name = models.CharField(_("name"), max_length=150, blank=True)
    phone = models.CharField(
        _("phone"),
        max_length=20,
        blank=True,
        validators=User._meta.get_field("phone").validators,
    )
    email = models.EmailField(
        _("email address"),
        blank=True,
        help_text=_("Optional. With it, the volunteer can be invited to make a login."),
    )
    area = models.CharField(
        _("area or village"),
        max_length=100,
        blank=True,
        help_text=_("Where you live or would like to help, for example Bøverdalen."),
    )
    skills = models.CharField(
        _("skills"),
        max_length=300,
        blank=True,
        help_text=_("For example: knitting, a tractor licence, playing the accordion."),
    )
    languages = models.CharField(
        _("languages you speak"), max_length=200, blank=True, default="norsk"
    )
    weekday_daytime = models.BooleanField(_("weekdays, daytime"), default=False)
    evenings = models.BooleanField(_("evenings"), default=False)
    weekends = models.BooleanField(_("weekends"), default=False)
    summer = models.BooleanField(_("in summer"), default=True)
    winter = models.BooleanField(_("in winter"), default=True)
    willing_to_travel = models.BooleanField(
        _("I can help in other parts of the municipality too"), default=True
    )
    gender = models.CharField(
        _("gender"),
        max_length=10,
        choices=Gender.choices,
        blank=True,
        default="",
        help_text=_("Optional. Some people prefer a visiting friend of their own gender."),
    )
    can_drive = models.BooleanField(_("I have a driving licence"), default=False)
    has_car = models.BooleanField(_("I have a car I can use"), default=False)
    frequency = models.CharField(
        _("how often"), max_length=20, choices=Frequency.choices, default=Frequency.MONTHLY
    )
    contact_by = models.CharField(
        _("how we should contact you"),
        max_length=10,
        choices=ContactBy.choices,
        # Someone with a login reads email; registering a volunteer by phone starts at a call.
        default=ContactBy.EMAIL,
    )
    # issue 13: the partner (the Red Cross, the volunteer centre) the person volunteers
    # through; where the municipality's agreement with it accepts its own screening, its check
    # of the police certificate counts (volunteers.screening.readiness).
    through_organisation = models.ForeignKey(
        PartnerOrganisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="volunteers_through",
        verbose_name=_("organisation you volunteer through"),
        help_text=_(
            "Only if you volunteer through an organisation, such as the Red Cross or the "
            "volunteer centre. Leave it empty if you volunteer on your own."
        ),
    )
    # The person's name, folded, for sorting the registry without joining every user.
    # Kept in step with the user's name (volunteers/signals.py).
    sort_name = models.CharField(max_length=150, editable=False, default="")
    # Name, email, area and skills, folded, for the registry's search (kept like sort_name).
    search_text = models.CharField(max_length=800, editable=False, default="")
    # Ready for every role they hold in the municipality (empty: they hold none), and until
    # when (the earliest ``RoleHolder.ready_until`` of those roles; empty: no end). Kept with
    # the role holders' stored readiness (screening.ready_state), so the registry's "ready for
    # all their roles" and "missing something for a role" read one row per volunteer.
    roles_ready = models.BooleanField(null=True, editable=False)
    roles_ready_until = models.DateField(null=True, editable=False)
    active_since = models.DateField(_("volunteer since"), default=timezone.localdate)
    left_at = models.DateTimeField(_("left"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)

    objects = VolunteerQuerySet.as_manager()

    class Meta:
        verbose_name = _("volunteer")
        verbose_name_plural = _("volunteers")
        indexes = [
            models.Index(fields=["municipality", "left_at"], name="volunteer_muni_active_idx"),
            # The registry's default list: active volunteers of one municipality by name.
            # Partial, because PostgreSQL cannot order by an index past an IS NULL column.
            models.Index(
                fields=["municipality", "sort_name", "id"],
                condition=models.Q(left_at__isnull=True),
                name="volunteer_registry_name_idx",
            ),
            # The registry's other sorts (newest/oldest first, by area): without them a deep page
            # sorted 100 000 rows on disk (page 1 000: 419 ms newest first, 930 ms by area).
            models.Index(
                fields=["municipality", "active_since", "id"],
                condition=models.Q(left_at__isnull=True),
                name="volunteer_registry_since_idx",
            ),
            models.Index(
                fields=["municipality", "area", "sort_name", "id"],
                condition=models.Q(left_at__isnull=True),
                name="volunteer_registry_area_idx",
            ),
            # The readiness filters' count ("ready for all their roles", "missing something"):
            # read from the index alone (0.2–0.7 ms), not from Oslo's 13 000 rows (15–20 ms).
            models.Index(
                fields=["municipality", "roles_ready", "roles_ready_until"],
                condition=models.Q(left_at__isnull=True),
                name="volunteer_roles_ready_idx",
            ),
            # The registry's "can drive" and "can help" filters: the matching rows from the
            # index, not a filter over every row of the municipality (Oslo's 13 000 rows on
            # 3 400 heap blocks: 38–52 ms for the count of drivers free evenings, 15–22 ms with
            # it, on a loaded machine).
            models.Index(
                fields=["municipality", "can_drive", "evenings", "weekends", "weekday_daytime"],
                condition=models.Q(left_at__isnull=True),
                name="volunteer_availability_idx",
            ),
        ]
        constraints = [
            # One membership per person and municipality (anonymised rows have no person).
            models.UniqueConstraint(
                fields=["user", "municipality"], name="volunteer_once_per_municipality"
            )
        ]

    def __str__(self) -> str:
        if self.user_id:
            return str(self.user)
        return self.name or gettext("Anonymised volunteer")

    def save(self, *args, **kwargs):
        self.sort_name = self.person_name.casefold()
        self.search_text = self.searchable_text()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "sort_name", "search_text"}
        super().save(*args, **kwargs)

    @property
    def has_login(self) -> bool:
        return self.user_id is not None

    @property
    def person_name(self) -> str:
        """The volunteer's name: the account's, or the one the coordinator recorded."""
        return self.user.full_name if self.user_id else self.name

    @property
    def contact_phone(self) -> str:
        """The phone number to call or text: the account's, or the one recorded here."""
        return self.user.phone if self.user_id else self.phone

    @property
    def contact_email(self) -> str:
        """The email address: the account's, or the one recorded here (may be empty)."""
        return self.user.email if self.user_id else self.email

    def searchable_text(self) -> str:
        parts = [self.person_name, self.contact_email, self.area, self.skills]
        return " ".join(p for p in parts if p).casefold()

    @property
    def interest_codes(self) -> list[str]:
        return sorted(i.interest for i in self.interests.all())


class VolunteerInterest(models.Model):
    """What a volunteer would like to do; a table of its own so the registry can filter on it
    with an index, on any database."""

    volunteer = models.ForeignKey(
        Volunteer, on_delete=models.CASCADE, related_name="interests", verbose_name=_("volunteer")
    )
    interest = models.CharField(_("interest"), max_length=30, choices=Interest.choices)

    class Meta:
        verbose_name = _("interest")
        verbose_name_plural = _("interests")
        constraints = [
            models.UniqueConstraint(fields=["volunteer", "interest"], name="interest_once")
        ]
        indexes = [models.Index(fields=["interest", "volunteer"], name="interest_lookup_idx")]

    def __str__(self) -> str:
        return interest_label(self.interest)


class Consent(models.Model):
    """A volunteer's consent to the processing of their data: what text, which version, when."""

    volunteer = models.ForeignKey(
        Volunteer, on_delete=models.CASCADE, related_name="consents", verbose_name=_("volunteer")
    )
    purpose_version = models.CharField(_("version of the purpose text"), max_length=20)
    purpose_text = models.TextField(_("purpose text as shown"))
    given_at = models.DateTimeField(_("given"), default=timezone.now)
    # Given on the phone: the coordinator read the text out and recorded the answer.
    by_phone = models.BooleanField(_("given by phone"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_at"]

    def __str__(self) -> str:
        return f"{self.volunteer} {self.purpose_version} {self.given_at:%Y-%m-%d}"


class DeclarationText(models.Model):
    """One version of a municipality's confidentiality declaration (taushetserklæring).
    Publishing a new version asks every active volunteer to sign again."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="declaration_texts",
        verbose_name=_("municipality"),
    )
    version = models.PositiveIntegerField(_("version"))
    body = models.TextField(_("text"))
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("published by"),
    )

    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("confidentiality declaration")
        verbose_name_plural = _("confidentiality declarations")
        ordering = ["municipality", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "version"], name="declaration_version_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.municipality.name} v{self.version}"


class Signature(models.Model):
    """Who signed which version of the declaration, and when."""

    volunteer = models.ForeignKey(
        Volunteer,
        on_delete=models.CASCADE,
        related_name="signatures",
        verbose_name=_("volunteer"),
    )
    text = models.ForeignKey(
        DeclarationText,
        on_delete=models.PROTECT,
        related_name="signatures",
        verbose_name=_("declaration"),
    )
    signed_at = models.DateTimeField(_("signed"), default=timezone.now)

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        constraints = [
            models.UniqueConstraint(fields=["volunteer", "text"], name="signature_once_per_text")
        ]

    def __str__(self) -> str:
        return f"{self.volunteer} – {self.text}"
