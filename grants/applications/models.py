"""An application to a round: what the applicant writes (project, target groups, activities,
partners, municipalities, budget, attachments, answers), its status in the one state machine
(``workflow``) and the record of every status change."""

from __future__ import annotations

from typing import Self

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from activities.catalogue.models import Activity
from coordination.kernel.models import GrantMaker, Municipality, TenantQuerySet
from coordination.kernel.transitions import GuardedStatus
from coordination.kernel.uploads import upload_path
from coordination.partners.models import PartnerOrganisation
from grants.applications.workflow import ALLOWED, EDITABLE, Status
from grants.schemes.models import Question, Round


def attachment_path(instance, filename: str) -> str:
    """A random name under grant-attachments/ (module level, so migrations can name it)."""
    return upload_path("grant-attachments")(instance, filename)


class ApplicationQuerySet(TenantQuerySet):
    def submitted(self) -> Self:
        """Applications the grant-maker sees: everything but drafts (withdrawn ones included,
        for the record)."""
        return self.exclude(status=Status.DRAFT)

    def of_applicant(self, user) -> Self:
        """Applications ``user`` speaks for: as a representative of the applying organisation,
        or as a coordinator of the applying municipality (when no organisation applies)."""
        from coordination.kernel.models import Membership, Role

        own = Membership.objects.filter(user=user)
        return self.filter(
            Q(
                organisation__isnull=False,
                organisation__in=own.filter(role=Role.PARTNER_REPRESENTATIVE).values(
                    "organisation"
                ),
            )
            | Q(
                organisation__isnull=True,
                municipality__in=own.filter(role=Role.COORDINATOR).values("municipality"),
            )
        )


class Application(GuardedStatus, models.Model):
    """One application. ``organisation`` None: the municipality itself applies (through its
    coordinator); otherwise the organisation applies, from ``municipality`` (its home here: the
    written standard of its letters and its size class in the fairness check)."""

    ALLOWED = ALLOWED

    round = models.ForeignKey(
        Round, on_delete=models.PROTECT, related_name="applications", verbose_name=_("round")
    )
    # The round's grant-maker, kept here so that one field scopes every query of its staff.
    grant_maker = models.ForeignKey(
        GrantMaker,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("grant-maker"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="grant_applications",
        verbose_name=_("applicant's municipality"),
    )
    organisation = models.ForeignKey(
        PartnerOrganisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="grant_applications",
        verbose_name=_("applying organisation"),
        help_text=_("Empty when the municipality applies."),
    )
    number = models.PositiveIntegerField(_("case number"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    light = models.BooleanField(
        _("light application"),
        default=False,
        help_text=_("A short form for small amounts: no attachments, fewer questions."),
    )
    title = models.CharField(_("name of the project"), max_length=200)
    summary = models.TextField(_("the project in a few sentences"), max_length=1000, blank=True)
    description = models.TextField(_("project description"), max_length=10000, blank=True)
    target_groups = models.TextField(_("who the project is for"), max_length=3000, blank=True)
    planned_activities = models.TextField(_("activities planned"), max_length=5000, blank=True)
    continuation = models.TextField(_("what lasts after the project"), max_length=3000, blank=True)
    activities = models.ManyToManyField(
        Activity,
        blank=True,
        related_name="grant_applications",
        verbose_name=_("activities in Samspill"),
    )
    municipalities = models.ManyToManyField(
        Municipality,
        blank=True,
        related_name="+",
        verbose_name=_("municipalities involved"),
    )
    starts_on = models.DateField(_("project starts"), null=True, blank=True)
    ends_on = models.DateField(_("project ends"), null=True, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=20, blank=True)
    # The officer's proposal while ranking (NOK, the whole period); the decision fixes it.
    proposed_amount = models.PositiveIntegerField(_("proposed award"), null=True, blank=True)
    # Screening (eligible / not eligible, with the reason).
    eligible = models.BooleanField(_("eligible"), null=True, blank=True)
    screening_reason = models.TextField(_("screening: reason"), max_length=2000, blank=True)
    screened_at = models.DateTimeField(_("screened"), null=True, blank=True)
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("screened by"),
    )
    information_request = models.TextField(_("information asked for"), max_length=2000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="grant_applications",
        verbose_name=_("started by"),
    )
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("grant application")
        verbose_name_plural = _("grant applications")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "number"], name="application_number_unique_in_round"
            ),
        ]
        indexes = [
            models.Index(fields=["grant_maker", "status"], name="application_maker_status_idx"),
            models.Index(fields=["round", "status"], name="application_round_status_idx"),
            models.Index(fields=["municipality", "status"], name="application_muni_status_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_status_display(self) -> str:
        """The status in words. Django's own builds a lookup of every choice on each call; the
        ranking shows fifty rows."""
        return str(Status(self.status).label) if self.status in Status.values else self.status

    @property
    def reference(self) -> str:
        """The case reference people quote: round and number (e.g. «2027-0012»)."""
        return f"{self.round.name}-{self.number:04d}" if self.number else str(_("draft"))

    @property
    def applicant_name(self) -> str:
        return self.organisation.name if self.organisation_id else self.municipality.official_name

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE

    def requested_amount(self) -> int:
        """NOK asked of the grant-maker, all years (the budget's grant lines)."""
        # Over ``all()``: a list that prefetched the budget lines asks the database nothing.
        return sum(
            line.amount
            for line in self.budget_lines.all()
            if line.source == BudgetLine.Source.GRANT
        )


class ApplicationPartner(models.Model):
    """A partner in a joint application: an organisation or a municipality, which confirms
    taking part from its own login (a representative of the organisation, a coordinator of
    the municipality)."""

    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="partners",
        verbose_name=_("application"),
    )
    organisation = models.ForeignKey(
        PartnerOrganisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="grant_partnerships",
        verbose_name=_("organisation"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="grant_partnerships",
        verbose_name=_("municipality"),
    )
    contribution = models.CharField(_("what the partner does"), max_length=500)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    declined_at = models.DateTimeField(_("declined"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )

    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner in an application")
        verbose_name_plural = _("partners in applications")
        ordering = ["application", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=False, municipality__isnull=True)
                | Q(organisation__isnull=True, municipality__isnull=False),
                name="application_partner_organisation_or_municipality",
            ),
            models.UniqueConstraint(
                fields=["application", "organisation"],
                condition=Q(organisation__isnull=False),
                name="application_partner_unique_organisation",
            ),
            models.UniqueConstraint(
                fields=["application", "municipality"],
                condition=Q(municipality__isnull=False),
                name="application_partner_unique_municipality",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.organisation.name if self.organisation_id else self.municipality.official_name

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class BudgetLine(models.Model):
    """One line of the budget: a year, what it is, the amount and where the money comes from
    (asked of the grant-maker, the applicant's own funding, or other funding)."""

    class Source(models.TextChoices):
        GRANT = "grant", _("Applied for here")
        OWN = "own", _("Own funding")
        OTHER = "other", _("Other funding")

    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="budget_lines",
        verbose_name=_("application"),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2020), MaxValueValidator(2100)]
    )
    description = models.CharField(_("what the money is for"), max_length=200)
    source = models.CharField(_("funded by"), max_length=10, choices=Source.choices)
    amount = models.PositiveIntegerField(_("amount (NOK)"))

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["application", "year", "source", "pk"]

    def __str__(self) -> str:
        return f"{self.year} {self.description}: {self.amount}"


class Attachment(models.Model):
    """A file the applicant attaches (a plan, a letter of support), stored privately."""

    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("application"),
    )
    title = models.CharField(_("what the file is"), max_length=200)
    file = models.FileField(_("file"), upload_to=attachment_path)
    original_name = models.CharField(_("file name"), max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["application", "uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.title


class Answer(models.Model):
    """The applicant's answer to one of the round's extra questions."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="answers", verbose_name=_("application")
    )
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="answers", verbose_name=_("question")
    )
    text = models.TextField(_("answer"), max_length=5000, blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["application", "question__order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "question"], name="answer_unique_per_question"
            ),
        ]

    def __str__(self) -> str:
        return self.text[:50]


class ApplicationEvent(models.Model):
    """One status change of an application: who, when, from what to what, and why. Written
    only by ``services.transition``; never edited (the case's audit trail)."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="events", verbose_name=_("application")
    )
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
    transition = models.CharField(_("step"), max_length=30)
    from_status = models.CharField(_("from"), max_length=20, choices=Status.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=Status.choices)
    note = models.TextField(_("note"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        ordering = ["application", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.transition}"
