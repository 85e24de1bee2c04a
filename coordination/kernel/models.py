"""Core domain: people, municipalities and roles within a municipality; the audit log, retention
runs, generated files and the outbox of background tasks that every app uses."""

from typing import Self

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coordination.kernel.audit_text import ANONYMISED, message_for


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, email: str | None) -> "User":
        return self.get(email__iexact=email)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who logs in with their email address."""

    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    phone = models.CharField(
        _("phone"),
        max_length=20,
        blank=True,
        validators=[
            RegexValidator(r"^\+?[0-9 ]{8,19}$", _("Enter a phone number, e.g. 912 34 567."))
        ],
    )
    # Empty until the person chooses: then they see their municipality's written standard
    # (kernel.languages).
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=5,
        choices=settings.LANGUAGES,
        blank=True,
        default="",
    )
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        help_text=_("Can log in to the technical administration pages."),
    )
    # The national administrator (issue 13): decides requests to start Samspill in a
    # municipality. Not ``is_staff`` (the technical administrator): a role of the service.
    is_national_administrator = models.BooleanField(
        _("national administrator"),
        default=False,
        help_text=_("Decides the requests from municipalities that want to start Samspill."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_case_insensitive_unique"),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email


class MunicipalityQuerySet(models.QuerySet):
    def in_use(self) -> Self:
        """Municipalities that use Samspill: those with a coordinator."""
        return self.filter(
            pk__in=Membership.objects.filter(role=Role.COORDINATOR).values("municipality")
        )


class Municipality(models.Model):
    """A Norwegian municipality (kommune), keyed by its stable 4-digit number."""

    class LanguageForm(models.TextChoices):
        BOKMAL = "bokmal", _("Bokmål")
        NYNORSK = "nynorsk", _("Nynorsk")
        NEUTRAL = "neutral", _("Neutral")

    number = models.CharField(
        _("municipality number"),
        max_length=4,
        primary_key=True,
        validators=[RegexValidator(r"^\d{4}$", _("A municipality number has four digits."))],
    )
    name = models.CharField(_("name"), max_length=100)
    official_name = models.CharField(_("official name"), max_length=200)
    county = models.CharField(_("county"), max_length=100)
    county_number = models.CharField(_("county number"), max_length=2)
    population = models.PositiveIntegerField(_("population"))
    language_form = models.CharField(
        _("official written standard"), max_length=10, choices=LanguageForm.choices
    )

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name", "number"]
        indexes = [models.Index(Lower("name"), name="municipality_name_lower_idx")]

    def __str__(self) -> str:
        return f"{self.name} ({self.county})"

    def uses_samspill(self) -> bool:
        """Has a coordinator: volunteers may register, people may ask for help."""
        return self.memberships.filter(role=Role.COORDINATOR).exists()


class Role(models.TextChoices):
    """What a person does for a municipality. Volunteers are linked through their profile;
    grant officers and reviewers hold their roles in a grant-maker (``GrantMakerRole``), never
    in the municipality that applies."""

    COORDINATOR = "coordinator", _("Coordinator")
    VOLUNTEER_CONTACT = "volunteer_contact", _("Volunteer contact")
    PARTNER_REPRESENTATIVE = "partner_representative", _("Partner representative")


class TenantQuerySet(models.QuerySet):
    """Rows that belong to one municipality (every tenant-owned model's manager): the one way
    to ask for a municipality's rows, ``Model.objects.in_municipality(municipality)``."""

    def in_municipality(self, municipality: Municipality | str) -> Self:
        return self.filter(municipality_id=getattr(municipality, "pk", municipality))


class MembershipQuerySet(TenantQuerySet):
    def with_role(self, *roles: str) -> "MembershipQuerySet":
        return self.filter(role__in=roles)


class Membership(models.Model):
    """One role that one person holds in one municipality."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("person"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("municipality"),
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    organisation = models.ForeignKey(
        "PartnerOrganisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="representatives",
        verbose_name=_("organisation"),
        help_text=_(
            "For partner representatives: the organisation they speak for. For a coordinator: "
            "the organisation they work at, if not the municipality (a volunteer centre as hub)."
        ),
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("added by"),
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        ordering = ["role", "user__full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "municipality", "role"], name="membership_unique_role"
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=["partner_representative", "coordinator"])
                | models.Q(organisation__isnull=True),
                name="membership_organisation_for_partners_and_coordinators",
            ),
        ]
        indexes = [models.Index(fields=["municipality", "role"])]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} ({self.municipality.name})"


# mypy's Django plugin cannot follow the reverse relation from a model django-modeltranslation
# registers (grants' Scheme.grant_maker → ``schemes``).
class GrantMaker(models.Model):  # type: ignore[django-manager-missing]
    """A body that runs grant schemes: a national directorate, a county governor, a county or
    a municipality (its own scheme for local associations). Grant officers and reviewers hold
    their roles here, so a municipality that applies never judges its own application."""

    class Kind(models.TextChoices):
        NATIONAL = "national", _("National body")
        COUNTY_GOVERNOR = "county_governor", _("County governor")
        COUNTY = "county", _("County")
        MUNICIPALITY = "municipality", _("Municipality")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    # For a municipal grant-maker: the municipality itself, which is then a party its own
    # officers and reviewers may not judge (Public Administration Act § 6).
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="grant_makers",
        verbose_name=_("municipality"),
    )
    email = models.EmailField(_("email"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("grant-maker")
        verbose_name_plural = _("grant-makers")
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="municipality", municipality__isnull=False)
                | (~models.Q(kind="municipality") & models.Q(municipality__isnull=True)),
                name="grant_maker_municipality_only_for_municipal",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class GrantRole(models.TextChoices):
    """What a person does for a grant-maker."""

    OFFICER = "officer", _("Grant officer")
    REVIEWER = "reviewer", _("Reviewer")


class GrantMakerRoleQuerySet(models.QuerySet):
    def with_role(self, *roles: str) -> Self:
        return self.filter(role__in=roles)


class GrantMakerRole(models.Model):
    """One role that one person holds in one grant-maker."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="grant_roles",
        verbose_name=_("person"),
    )
    grant_maker = models.ForeignKey(
        GrantMaker, on_delete=models.CASCADE, related_name="roles", verbose_name=_("grant-maker")
    )
    role = models.CharField(_("role"), max_length=20, choices=GrantRole.choices)
    created_at = models.DateTimeField(_("added"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("added by"),
    )

    objects = GrantMakerRoleQuerySet.as_manager()

    class Meta:
        verbose_name = _("grant role")
        verbose_name_plural = _("grant roles")
        ordering = ["role", "user__full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "grant_maker", "role"], name="grant_maker_role_unique"
            ),
        ]
        indexes = [models.Index(fields=["grant_maker", "role"])]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} ({self.grant_maker})"


# How long a role invitation can be accepted.
INVITATION_DAYS = 30


class RoleInvitationQuerySet(TenantQuerySet):
    def pending(self) -> Self:
        """Neither accepted nor withdrawn, and not yet expired."""
        return self.filter(
            accepted_at__isnull=True, withdrawn_at__isnull=True, expires_at__gt=timezone.now()
        )

    def for_email(self, email: str) -> Self:
        return self.filter(email__iexact=email.strip())


class RoleInvitation(models.Model):
    """A role given to an email address that has no account yet: the membership is made when a
    person verifies that address (signing up, or logging in with it already verified)."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="role_invitations",
        verbose_name=_("municipality"),
    )
    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    organisation = models.ForeignKey(
        "PartnerOrganisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("invited"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted by"),
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    objects = RoleInvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("role invitation")
        verbose_name_plural = _("role invitations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role="partner_representative")
                | models.Q(organisation__isnull=True),
                name="role_invitation_organisation_only_for_partners",
            ),
        ]
        indexes = [
            models.Index(Lower("email"), name="role_invitation_email_idx"),
            models.Index(fields=["municipality", "-created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.email} – {self.get_role_display()} ({self.municipality_id})"

    @property
    def is_pending(self) -> bool:
        return (
            self.accepted_at is None
            and self.withdrawn_at is None
            and self.expires_at > timezone.now()
        )


class AuditEvent(models.Model):
    """Who viewed or changed sensitive data, when, in which municipality. Written only through
    ``coordination.kernel.audit.record``; never edited."""

    class Verb(models.TextChoices):
        VIEWED = "viewed", _("viewed")
        CREATED = "created", _("created")
        CHANGED = "changed", _("changed")
        DELETED = "deleted", _("deleted")
        EXPORTED = "exported", _("exported")
        REFUSED = "refused", _("refused")

    at = models.DateTimeField(_("when"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    actor_name = models.CharField(_("who (name at the time)"), max_length=150, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="audit_events",
        verbose_name=_("municipality"),
    )
    verb = models.CharField(_("what"), max_length=10, choices=Verb.choices)
    object_type = models.CharField(_("kind of data"), max_length=100)  # app_label.model
    object_id = models.CharField(_("record"), max_length=64, blank=True)
    # What happened, as a code and its parameters; the sentence is made when the log is read.
    code = models.CharField(_("event code"), max_length=60, blank=True)
    params = models.JSONField(_("event details"), default=dict, blank=True)
    # Events from before codes: the sentence as it was written then.
    summary = models.CharField(_("details"), max_length=300, blank=True)

    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["municipality", "-at"], name="audit_municipality_at_idx"),
            # A record's own history (the volunteer page's last 20 events): without it the
            # municipality's log is read newest first until 20 match, 230-270 ms at 2 million
            # events; with it under 2 ms (issue 17).
            models.Index(
                fields=["municipality", "object_type", "object_id", "-at"],
                name="audit_object_at_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.verb} {self.object_type}"

    @property
    def message(self) -> str:
        """The details in the reader's language."""
        return message_for(self)

    @property
    def actor_display(self) -> str:
        if self.actor_name == ANONYMISED:
            return str(_("an anonymised person"))
        return self.actor_name or str(_("the system"))

    @property
    def object_type_display(self) -> str:
        """The kind of data in the reader's language (stored as a stable ``app.model`` key)."""
        try:
            return str(apps.get_model(self.object_type)._meta.verbose_name)
        except (LookupError, ValueError):
            # Not a model: a refused background job stores the job's name, not for readers.
            return str(_("background job")) if self.verb == self.Verb.REFUSED else self.object_type


class RetentionRun(models.Model):
    """One application of one data-retention rule: how many records it removed or anonymised.
    The statistics the rule keeps live here, not in the records it removed."""

    rule = models.CharField(_("rule"), max_length=100)
    ran_at = models.DateTimeField(_("ran at"), default=timezone.now)
    affected = models.PositiveIntegerField(_("records affected"))
    statistics = models.JSONField(_("statistics kept"), default=dict, blank=True)

    class Meta:
        verbose_name = _("retention run")
        verbose_name_plural = _("retention runs")
        ordering = ["-ran_at"]

    def __str__(self) -> str:
        return f"{self.rule} {self.ran_at:%Y-%m-%d}: {self.affected}"


class GeneratedFile(models.Model):
    """A file a background job made for a person (an export now, PDF handbooks later): who
    asked, for which municipality, and where it is stored (privately, under MEDIA_ROOT)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Being made")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    # None for a grant-maker's file (a round's export, a case dossier): it belongs to the
    # grant-maker named in ``parameters["grant_maker"]``, not to a municipality.
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="generated_files",
        verbose_name=_("municipality"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="generated_files",
        verbose_name=_("asked for by"),
    )
    title = models.CharField(_("title"), max_length=200)
    # The permission the file was made under; downloading asks it again.
    action = models.CharField(_("permission"), max_length=50)
    parameters = models.JSONField(_("choices made"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    file = models.FileField(_("file"), upload_to="generated/%Y/%m/", blank=True)
    rows = models.PositiveIntegerField(_("rows"), null=True, blank=True)
    created_at = models.DateTimeField(_("asked for"), default=timezone.now)
    # The task that makes it (its registered name), so that a stuck job can be started again.
    task = models.CharField(_("task"), max_length=200, blank=True)
    # When the job was last sent to a worker (asked for, confirmed or started again): a job
    # still "being made" long after it is stuck (a worker died, the queue lost it).
    queued_at = models.DateTimeField(_("sent to a worker"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("generated file")
        verbose_name_plural = _("generated files")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["requested_by", "municipality", "-created_at"])]

    def __str__(self) -> str:
        return self.title


class PendingTask(models.Model):
    """One background task a committed change asked for. It is published to the broker after
    the commit; a periodic job publishes again what the broker did not take. ``done_at`` makes
    a second delivery of the same row do nothing."""

    task = models.CharField(_("task"), max_length=200)
    kwargs = models.JSONField(_("arguments"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    sent_at = models.DateTimeField(_("sent to the queue"), null=True, blank=True)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("pending task")
        verbose_name_plural = _("pending tasks")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["done_at", "sent_at", "created_at"])]

    def __str__(self) -> str:
        return f"{self.task} #{self.pk}"


class SmsMessage(models.Model):
    """One text message to one phone (``kernel.sms``): kept until the provider took it, tried
    again with backoff when it failed or did not answer, and given up after a few attempts,
    when a coordinator phones the person instead (the call list)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Could not be sent")

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="sms_messages",
        verbose_name=_("municipality"),
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recipient"),
    )
    to = models.CharField(_("phone"), max_length=16)
    text = models.TextField(_("text"))
    # What the message is about, as a stable key (``needs.invitation``), for the call list.
    purpose = models.CharField(_("about"), max_length=60, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    provider_id = models.CharField(_("provider's reference"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("text message")
        verbose_name_plural = _("text messages")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="sms_due_idx"),
            models.Index(fields=["municipality", "status"], name="sms_municipality_status_idx"),
        ]

    def __str__(self) -> str:
        return f"SMS #{self.pk} → {self.to} ({self.status})"
