"""A need (a help request): what, where and when, who consented to storing it, and the step
of the method it has reached."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from coordination.kernel.models import Municipality, TenantQuerySet
from coordination.kernel.transitions import GuardedStatus
from volunteers.profile.models import Frequency, Interest


class NeedStatus(models.TextChoices):
    """The steps of the method, in order."""

    REPORTED = "reported", _("Reported")
    MAPPED = "mapped", _("Mapped in a conversation")
    CLARIFIED = "clarified", _("Needs and wishes clarified")
    PROPOSED = "proposed", _("Volunteers proposed")
    ESTABLISHED = "established", _("Network established")
    FOLLOW_UP = "follow_up", _("Being followed up")
    CLOSED = "closed", _("Closed")


NEED_STEPS = list(NeedStatus.values)
# The method's steps are taken forward, or back with a note (the service asks for it); a closed
# need is opened again by moving it to an earlier step.
NEED_ALLOWED: dict[str, set[str]] = {step: set(NEED_STEPS) - {step} for step in NEED_STEPS}


class NeedSource(models.TextChoices):
    COORDINATOR = "coordinator", _("The coordinator")
    UNIT = "unit", _("A volunteer contact in a unit")
    PUBLIC = "public", _("The person or a relative, through the web form")


class ConsentBasis(models.TextChoices):
    """Who consented to storing the details: the person, or someone who may do it for them."""

    SELF = "self", _("The person has consented")
    POWER_OF_ATTORNEY = "power_of_attorney", _("A lasting power of attorney (fremtidsfullmakt)")
    GUARDIAN = "guardian", _("A guardian (verge)")
    HOME_CARE = "home_care", _("The home care service, on the person's behalf")


# Consent given on the person's behalf by the home care service must say why (a note).
CONSENT_NEEDS_NOTE = (ConsentBasis.HOME_CARE,)


class PracticalDecision(models.TextChoices):
    """Does the person have a municipal decision (vedtak) for practical assistance (praktisk
    bistand)? Then the help is the service's statutory task, which volunteers never replace."""

    NO = "no", _("No")
    YES = "yes", _("Yes")
    UNKNOWN = "unknown", _("Do not know")


class GenderPreference(models.TextChoices):
    ANY = "", _("No preference")
    WOMAN = "woman", _("A woman")
    MAN = "man", _("A man")


class NeedQuerySet(TenantQuerySet):
    def open(self):
        return self.exclude(status=NeedStatus.CLOSED)


def _safeguard_fields(
    *, when: str | Promise, who: str | Promise, note: str | Promise
) -> tuple[models.DateTimeField, models.ForeignKey, models.CharField]:
    """A safeguard a coordinator records before anyone is invited: when, by whom and their
    note (set by the safeguard services, never in a form)."""
    return (
        models.DateTimeField(when, null=True, blank=True, editable=False),
        models.ForeignKey(
            settings.AUTH_USER_MODEL,
            on_delete=models.SET_NULL,
            null=True,
            blank=True,
            editable=False,
            related_name="+",
            verbose_name=who,
        ),
        models.CharField(note, max_length=300, blank=True, editable=False),
    )


class Need(GuardedStatus, models.Model):
    """Someone who needs help: what, where and when. The person's details (name, address,
    phone, access notes, home care contact) are shown only to the coordinator and the
    volunteers assigned; of health, only what the volunteer needs to know to help (hears
    badly, uses a walker), never diagnoses."""

    # The fields with the person's own details: shown only to those allowed (see
    # volunteers.needs.permissions.can_see_person) and cleared when the need is anonymised.
    PERSONAL_FIELDS = (
        "person_name",
        "person_phone",
        "address",
        "contact_name",
        "contact_phone",
        "home_care_contact",
        "access_notes",
        "considerations",
    )

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="needs", verbose_name=_("municipality")
    )
    kind = models.CharField(_("what kind of help"), max_length=30, choices=Interest.choices)
    description = models.TextField(
        _("what would help"),
        max_length=1000,
        help_text=_("For example: someone to walk with on Tuesdays, or a lift to the day centre."),
    )
    area = models.CharField(_("area or village"), max_length=100)
    weekday_daytime = models.BooleanField(_("weekdays, daytime"), default=False)
    evenings = models.BooleanField(_("evenings"), default=False)
    weekends = models.BooleanField(_("weekends"), default=False)
    needs_driver = models.BooleanField(_("needs someone with a car"), default=False)
    language = models.CharField(
        _("language"),
        max_length=50,
        blank=True,
        default="norsk",
        help_text=_("The language the person would like to talk in."),
    )
    gender_preference = models.CharField(
        _("would prefer a volunteer who is"),
        max_length=10,
        choices=GenderPreference.choices,
        blank=True,
        default="",
    )
    frequency = models.CharField(
        _("how often"), max_length=20, choices=Frequency.choices, default=Frequency.MONTHLY
    )
    # --- the person's details (restricted) ---
    person_name = models.CharField(_("name of the person who needs help"), max_length=150)
    person_phone = models.CharField(_("their phone"), max_length=20, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    contact_name = models.CharField(_("relative or other contact"), max_length=150, blank=True)
    contact_phone = models.CharField(_("contact's phone"), max_length=20, blank=True)
    home_care_contact = models.CharField(
        _("contact in the home care service"), max_length=150, blank=True
    )
    access_notes = models.CharField(
        _("how to get in"),
        max_length=300,
        blank=True,
        help_text=_("For example: the key safe is by the back door. Shown only to those assigned."),
    )
    considerations = models.TextField(
        _("what the volunteer should know"),
        max_length=1000,
        blank=True,
        help_text=_(
            "What the volunteer needs to know to help well, for example that the person hears "
            "badly, uses a walker or needs time to answer the door. Say what it means for the "
            "help, without diagnoses."
        ),
    )
    consent_basis = models.CharField(
        _("who has consented"),
        max_length=20,
        choices=ConsentBasis.choices,
        default=ConsentBasis.SELF,
    )
    consent_note = models.CharField(
        _("about the consent"),
        max_length=300,
        blank=True,
        help_text=_(
            "Needed when the home care service consents on the person's behalf: who in the "
            "service, and why the person cannot consent themself."
        ),
    )
    # --- safeguards before anyone is invited ---
    practical_decision = models.CharField(
        _("does the person have a decision from the municipality for practical assistance?"),
        max_length=10,
        choices=PracticalDecision.choices,
        blank=True,
        help_text=_(
            "Only for practical help. Practical assistance the municipality has decided to give "
            "(vedtak om praktisk bistand) is the service's job, never a volunteer's."
        ),
    )
    service_clarified_at, service_clarified_by, service_clarified_note = _safeguard_fields(
        when=_("clarified with the service"),
        who=_("clarified by"),
        note=_("what was clarified with the service"),
    )
    very_vulnerable = models.BooleanField(
        _("the person is very vulnerable"),
        default=False,
        help_text=_(
            "For example someone who cannot look after their own interests. A coordinator "
            "confirms an extra check before any volunteer is invited."
        ),
    )
    extra_check_at, extra_check_by, extra_check_note = _safeguard_fields(
        when=_("extra check confirmed"),
        who=_("extra check by"),
        note=_("about the extra check"),
    )
    consent_recorded_at = models.DateTimeField(_("consent recorded"), default=timezone.now)
    consent_text_version = models.CharField(_("version of the consent text"), max_length=20)
    # --- where it came from and where it stands ---
    source = models.CharField(_("reported by"), max_length=20, choices=NeedSource.choices)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reported by"),
    )
    status = models.CharField(
        _("step"), max_length=20, choices=NeedStatus.choices, default=NeedStatus.REPORTED
    )
    created_at = models.DateTimeField(_("reported"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True, editable=False)

    ALLOWED = NEED_ALLOWED

    objects = NeedQuerySet.as_manager()

    class Meta:
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["municipality", "status", "created_at"], name="need_list_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.area}"

    @property
    def is_closed(self) -> bool:
        return self.status == NeedStatus.CLOSED

    def check_not_anonymised(self) -> None:
        """Refuse a change to a need whose person's details are deleted."""
        if self.anonymised_at is not None:
            raise ValidationError(_("This need has been anonymised and cannot be changed."))

    def check_open(self) -> None:
        """Refuse what only an open need takes (invitations, safeguards, follow-ups)."""
        if self.is_closed:
            raise ValidationError(_("This need is closed. Open it again first, if it is needed."))
        self.check_not_anonymised()

    @property
    def step_number(self) -> int:
        return NEED_STEPS.index(self.status) + 1

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.kind == Interest.PRACTICAL_HELP and not self.practical_decision:
            errors["practical_decision"] = _(
                "Say whether the person has a decision for practical assistance, or that you "
                "do not know."
            )
        if self.consent_basis in CONSENT_NEEDS_NOTE and not self.consent_note.strip():
            errors["consent_note"] = _(
                "Write who in the home care service consented, and why the person cannot "
                "consent themself."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def needs_service_clarified(self) -> bool:
        """Practical help for someone who has (or may have) a decision for practical
        assistance: the coordinator clarifies with the service before inviting anyone."""
        return (
            self.kind == Interest.PRACTICAL_HELP
            and self.practical_decision != PracticalDecision.NO  # yes, not known, or not asked
        )

    @property
    def waits_for_service(self) -> bool:
        return self.needs_service_clarified and self.service_clarified_at is None

    @property
    def waits_for_extra_check(self) -> bool:
        return self.very_vulnerable and self.extra_check_at is None
