"""Partner organisations: volunteer centres, associations, businesses and others that work with
one or more municipalities; their contact persons and what they offer (per municipality); and
the written cooperation agreements (samarbeidsavtaler) a municipality makes with them."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import InvalidChecksum, InvalidLength
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.no import orgnr

from coordination.kernel.models import Municipality, TenantQuerySet
from coordination.kernel.transitions import GuardedStatus
from coordination.kernel.uploads import upload_path


def validate_organisation_number(value: str) -> None:
    """Nine digits with a correct MOD11 check digit; spaces are allowed ("923 609 016")."""
    try:
        orgnr.validate(value or "")
    except InvalidLength:
        raise ValidationError(
            _("An organisation number has 9 digits. %(value)s does not."),
            code="length",
            params={"value": value},
        ) from None
    except InvalidChecksum:
        raise ValidationError(
            _(
                "%(value)s is not a valid organisation number: the last digit does not match. "
                "Check the number for a typing error."
            ),
            code="checksum",
            params={"value": value},
        ) from None
    except StdnumError:
        raise ValidationError(
            _("An organisation number has only digits, e.g. 923 609 016."),
            code="format",
        ) from None


def agreement_document_path(instance, filename: str) -> str:
    """A random name under agreements/ (a module-level function, so migrations can name it)."""
    return upload_path("agreements")(instance, filename)


class PartnerOrganisation(models.Model):
    """A volunteer centre, association, business or other partner; may serve several
    municipalities (inter-municipal cooperation)."""

    class Kind(models.TextChoices):
        VOLUNTEER_CENTRE = "volunteer_centre", _("Volunteer centre")
        ASSOCIATION = "association", _("Association")
        BUSINESS = "business", _("Business")
        MUSEUM = "museum", _("Museum")
        CHURCH = "church", _("Church or faith community")
        MUNICIPALITY = "municipality", _("Other municipality")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    organisation_number = models.CharField(
        _("organisation number"),
        max_length=9,
        blank=True,
        validators=[validate_organisation_number],
    )
    municipalities = models.ManyToManyField(
        Municipality, related_name="partners", verbose_name=_("municipalities")
    )
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # The municipality that registered the organisation: it (and the organisation's own
    # representatives) keeps the shared details; municipalities that link it later do not.
    created_in = models.ForeignKey(
        Municipality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registered by"),
    )
    # What the Central Coordinating Register for Legal Entities said (a background job fills it).
    register_name = models.CharField(_("name in the register"), max_length=200, blank=True)
    register_found = models.BooleanField(_("found in the register"), null=True, blank=True)
    in_voluntary_register = models.BooleanField(
        _("registered in the Register of Non-Profit Organisations"), null=True, blank=True
    )
    register_checked_at = models.DateTimeField(_("checked in the register"), null=True, blank=True)

    class Meta:
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation_number"],
                condition=~models.Q(organisation_number=""),
                name="partner_unique_organisation_number",
            ),
        ]
        indexes = [models.Index(fields=["kind", "name"], name="partner_kind_name_idx")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.organisation_number = orgnr.compact(self.organisation_number or "")
        super().save(*args, **kwargs)

    @property
    def keeper_municipality_id(self) -> str | None:
        """The municipality that keeps the shared details: the one that registered the
        organisation, or (for partners from before that was stored) the first that linked it."""
        if self.created_in_id:
            return self.created_in_id
        link = (
            PartnerOrganisation.municipalities.through.objects.filter(partnerorganisation=self)
            .order_by("pk")
            .first()
        )
        return link.municipality_id if link else None

    @property
    def organisation_number_display(self) -> str:
        """As Norwegians write it: 923 609 016."""
        return orgnr.format(self.organisation_number) if self.organisation_number else ""


class PartnerContact(models.Model):
    """A person at the partner whom this municipality talks to."""

    organisation = models.ForeignKey(
        PartnerOrganisation,
        on_delete=models.CASCADE,
        related_name="contacts",
        verbose_name=_("organisation"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="partner_contacts",
        verbose_name=_("municipality"),
    )
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role at the partner"), max_length=150, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)

    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["municipality", "organisation"])]

    def __str__(self) -> str:
        return self.name


class OfferKind(models.TextChoices):
    """What a partner can bring (the resources mapped in step 2, "Map")."""

    PEOPLE = "people", _("People")
    PREMISES = "premises", _("Rooms and premises")
    VEHICLES = "vehicles", _("Vehicles")
    MONEY = "money", _("Money")
    KNOWLEDGE = "knowledge", _("Knowledge")


AREA_SEPARATOR = "; "


class PartnerOffer(models.Model):
    """Something a partner offers one municipality, and where in it (empty: everywhere)."""

    organisation = models.ForeignKey(
        PartnerOrganisation,
        on_delete=models.CASCADE,
        related_name="offers",
        verbose_name=_("organisation"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="partner_offers",
        verbose_name=_("municipality"),
    )
    kind = models.CharField(_("what they offer"), max_length=20, choices=OfferKind.choices)
    description = models.CharField(_("description"), max_length=300)
    # Areas or villages, as the municipality names them, separated by "; ".
    areas = models.CharField(_("areas or villages"), max_length=500, blank=True)

    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        ordering = ["kind", "pk"]
        indexes = [
            models.Index(fields=["municipality", "kind"], name="offer_municipality_kind_idx")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.description}"

    @property
    def area_list(self) -> list[str]:
        return [area.strip() for area in self.areas.split(AREA_SEPARATOR.strip()) if area.strip()]


class AgreementQuerySet(TenantQuerySet):
    def active(self, today: datetime.date | None = None) -> "AgreementQuerySet":
        today = today or timezone.localdate()
        return self.filter(status=CooperationAgreement.Status.ACTIVE).exclude(ends_on__lt=today)

    def in_force(self, today: datetime.date | None = None) -> "AgreementQuerySet":
        """Active agreements that have started and not ended: what binds the parties today."""
        today = today or timezone.localdate()
        return self.active(today).filter(starts_on__lte=today)

    def due_for_review(self, today: datetime.date | None = None, days: int = 60):
        """Active agreements whose review date is within ``days`` (or already passed)."""
        today = today or timezone.localdate()
        return self.active(today).filter(review_on__lte=today + datetime.timedelta(days=days))

    def expired(self, today: datetime.date | None = None) -> "AgreementQuerySet":
        """Agreements whose end date has passed, or that were ended."""
        today = today or timezone.localdate()
        return self.filter(
            models.Q(ends_on__lt=today) | models.Q(status=CooperationAgreement.Status.ENDED)
        )


class CooperationAgreement(GuardedStatus, models.Model):
    """A written cooperation agreement (samarbeidsavtale) between the municipality and one or
    more partners. Its status changes only through ``partners.services.set_agreement_status``."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ACTIVE = "active", _("In force")
        ENDED = "ended", _("Ended")

    # from -> the statuses it may go to (``services.set_agreement_status`` keeps to it). A
    # coordinator may reopen an agreement that was ended (by mistake, or renewed as it was).
    ALLOWED: dict[str, set[str]] = {
        Status.DRAFT: {Status.ACTIVE},
        Status.ACTIVE: {Status.ENDED},
        Status.ENDED: {Status.ACTIVE},
    }

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="agreements",
        verbose_name=_("municipality"),
    )
    title = models.CharField(_("title"), max_length=200)
    parties = models.ManyToManyField(
        PartnerOrganisation,
        through="AgreementParty",
        related_name="agreements",
        verbose_name=_("parties"),
    )
    purpose = models.TextField(_("purpose"))
    municipality_contribution = models.TextField(_("what the municipality contributes"), blank=True)
    responsibilities = models.TextField(_("responsibilities"), blank=True)
    contact_persons = models.TextField(_("contact persons"), blank=True)
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"), null=True, blank=True)
    review_on = models.DateField(_("review date"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    document = models.FileField(
        _("signed agreement"), upload_to=agreement_document_path, blank=True
    )
    document_name = models.CharField(_("file name"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    objects = AgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("cooperation agreement")
        verbose_name_plural = _("cooperation agreements")
        ordering = ["title", "pk"]
        indexes = [
            models.Index(fields=["municipality", "status"], name="agreement_status_idx"),
            models.Index(fields=["municipality", "review_on"], name="agreement_review_idx"),
            models.Index(fields=["municipality", "ends_on"], name="agreement_end_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="agreement_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def is_expired(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.status == self.Status.ENDED or (
            self.ends_on is not None and self.ends_on < today
        )


class AgreementPartyQuerySet(models.QuerySet):
    def screening_accepted_in(
        self, municipality: Municipality | str, today: datetime.date | None = None
    ) -> "AgreementPartyQuerySet":
        """Parties whose own screening of their volunteers ``municipality`` accepts today:
        ticked in one of its agreements that is in force (active, started, not ended)."""
        today = today or timezone.localdate()
        return self.filter(
            models.Q(agreement__ends_on__isnull=True) | models.Q(agreement__ends_on__gte=today),
            screening_accepted=True,
            agreement__municipality_id=getattr(municipality, "pk", municipality),
            agreement__status=CooperationAgreement.Status.ACTIVE,
            agreement__starts_on__lte=today,
        )


class AgreementParty(models.Model):
    """A partner that is party to an agreement, and what it contributes."""

    agreement = models.ForeignKey(
        CooperationAgreement,
        on_delete=models.CASCADE,
        related_name="party_rows",
        verbose_name=_("agreement"),
    )
    organisation = models.ForeignKey(
        PartnerOrganisation,
        on_delete=models.CASCADE,
        related_name="agreement_parties",
        verbose_name=_("organisation"),
    )
    contribution = models.TextField(_("what they contribute"), blank=True)
    # issue 13: the organisation checks its own volunteers' police certificates, and the
    # municipality accepts that check while the agreement is in force.
    screening_accepted = models.BooleanField(
        _("We accept this organisation's own screening of its volunteers (police certificate)"),
        default=False,
    )

    objects = AgreementPartyQuerySet.as_manager()

    class Meta:
        verbose_name = _("party to an agreement")
        verbose_name_plural = _("parties to agreements")
        ordering = ["organisation__name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "organisation"], name="agreement_party_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.agreement}"


class AgreementReminder(models.Model):
    """A reminder that went out (so that each goes out once): ``days_before`` the agreement's
    review date or end date, as that date was when it was sent."""

    class Occasion(models.TextChoices):
        REVIEW = "review", _("review")
        END = "end", _("end")

    agreement = models.ForeignKey(
        CooperationAgreement,
        on_delete=models.CASCADE,
        related_name="reminders",
        verbose_name=_("agreement"),
    )
    occasion = models.CharField(_("occasion"), max_length=10, choices=Occasion.choices)
    due_on = models.DateField(_("date"))
    days_before = models.PositiveSmallIntegerField(_("days before"))
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("agreement reminder")
        verbose_name_plural = _("agreement reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "occasion", "due_on", "days_before"],
                name="agreement_reminder_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agreement} {self.occasion} {self.due_on} −{self.days_before}"


class PartnerCorrection(GuardedStatus, models.Model):
    """A correction to a shared partner's details, proposed by a coordinator of a municipality
    that may not change them; those who keep the details (the organisation's representatives,
    or the municipality that registered it) accept or decline it. Its status changes only
    through ``partners.services.decide_correction``."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    ALLOWED: dict[str, set[str]] = {
        Status.PROPOSED: {Status.ACCEPTED, Status.DECLINED},
        Status.ACCEPTED: set(),
        Status.DECLINED: set(),
    }
    # The shared details a correction may propose (as PartnerOrganisation names them).
    FIELDS = ("name", "kind", "organisation_number", "email", "phone")

    organisation = models.ForeignKey(
        PartnerOrganisation,
        on_delete=models.CASCADE,
        related_name="corrections",
        verbose_name=_("organisation"),
    )
    # The municipality whose coordinator proposed it.
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="partner_corrections",
        verbose_name=_("proposed by municipality"),
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    proposed_at = models.DateTimeField(_("proposed"), auto_now_add=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=PartnerOrganisation.Kind.choices)
    organisation_number = models.CharField(_("organisation number"), max_length=9, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    comment = models.TextField(_("why"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)

    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("proposed correction")
        verbose_name_plural = _("proposed corrections")
        ordering = ["-proposed_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "status"], name="correction_status_idx")]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_status_display()})"

    def changes(self) -> list[tuple[str, str, str]]:
        """(label, now, proposed) for each detail the correction would change."""
        partner = self.organisation
        found = []
        for field in self.FIELDS:
            now, proposed = getattr(partner, field), getattr(self, field)
            if now != proposed:
                label = str(PartnerOrganisation._meta.get_field(field).verbose_name)
                if field == "kind":
                    now, proposed = partner.get_kind_display(), self.get_kind_display()
                found.append((label[:1].upper() + label[1:], now, proposed))
        return found
