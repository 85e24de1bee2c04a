"""Screening: the roles volunteers take on, what each role requires (police certificate,
courses, the confidentiality declaration), and the records that show it is met."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coordination.kernel.models import Municipality, TenantQuerySet
from volunteers.profile.models import Interest, Volunteer


class CertificateKind(models.TextChoices):
    """The two kinds of police certificate used for work with the elderly."""

    LIMITED = "limited", _("Limited police certificate")
    ORDINARY = "ordinary", _("Ordinary police certificate")


class Course(models.Model):
    """Training the municipality gives: the introductory course, dementia awareness, …"""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="courses",
        verbose_name=_("municipality"),
    )
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("what it covers"), blank=True, max_length=2000)
    is_introductory = models.BooleanField(_("introductory course"), default=False)

    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="course_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class CourseSession(models.Model):
    """One time a course is held."""

    course = models.ForeignKey(
        Course, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("course")
    )
    starts_at = models.DateTimeField(_("starts"))
    place = models.CharField(_("place"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("course session")
        verbose_name_plural = _("course sessions")
        ordering = ["-starts_at", "pk"]

    def __str__(self) -> str:
        return f"{self.course} {self.starts_at:%Y-%m-%d}"


class CourseCompletion(models.Model):
    """That a volunteer completed a course (in a session, or earlier elsewhere)."""

    volunteer = models.ForeignKey(
        Volunteer, on_delete=models.CASCADE, related_name="completions", verbose_name=_("volunteer")
    )
    course = models.ForeignKey(
        Course, on_delete=models.CASCADE, related_name="completions", verbose_name=_("course")
    )
    session = models.ForeignKey(
        CourseSession,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="completions",
        verbose_name=_("session"),
    )
    completed_on = models.DateField(_("completed"), default=timezone.localdate)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        verbose_name = _("course completion")
        verbose_name_plural = _("course completions")
        constraints = [
            models.UniqueConstraint(fields=["volunteer", "course"], name="completion_once")
        ]
        indexes = [models.Index(fields=["course", "volunteer"], name="completion_course_idx")]

    def __str__(self) -> str:
        return f"{self.volunteer} – {self.course}"


class VolunteerRole(models.Model):
    """A role volunteers take on in a municipality (visiting friend, driver, activity leader)
    and what it requires before someone is ready for it."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="volunteer_roles",
        verbose_name=_("municipality"),
    )
    name = models.CharField(_("name"), max_length=100)
    # Needs of this kind are matched with volunteers ready for this role.
    interest = models.CharField(
        _("the kind of help it gives"),
        max_length=30,
        choices=Interest.choices,
        blank=True,
        help_text=_("Needs of this kind are matched with volunteers who are ready for the role."),
    )
    # In plain words, one thing a line: shown to volunteers in the invitation, on their page
    # and in the role list ("Dette gjør du" / "Dette gjør du ikke").
    what_you_do = models.TextField(
        _("what you do in the role"),
        max_length=2000,
        blank=True,
        help_text=_("In plain words, one thing a line. For example: visit and talk together."),
    )
    what_you_do_not_do = models.TextField(
        _("what you do not do in the role"),
        max_length=2000,
        blank=True,
        help_text=_(
            "One thing a line. For example: give medicine, help with personal care, handle "
            "money or keys."
        ),
    )
    requires_certificate = models.BooleanField(_("requires a police certificate"), default=False)
    # Which kinds the role accepts is the coordinator's choice (values of CertificateKind).
    certificate_kinds = models.JSONField(
        _("police certificates accepted"), default=list, blank=True
    )
    # Written by the coordinator: the product does not guess the law.
    certificate_legal_basis = models.TextField(
        _("why the role requires a police certificate"),
        max_length=1000,
        blank=True,
        help_text=_(
            "The legal basis in a sentence of your own, for example the section of the law. "
            "Volunteers see it where the role is described."
        ),
    )
    certificate_valid_months = models.PositiveSmallIntegerField(
        _("police certificate is renewed after (months)"),
        null=True,
        blank=True,
        help_text=_("Leave empty if it is not renewed."),
    )
    required_courses = models.ManyToManyField(
        Course, blank=True, related_name="roles", verbose_name=_("courses required")
    )

    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("volunteer role")
        verbose_name_plural = _("volunteer roles")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="role_name_unique")
        ]

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def _lines(text: str) -> list[str]:
        return [line.strip().lstrip("-•*").strip() for line in text.splitlines() if line.strip()]

    @property
    def what_you_do_lines(self) -> list[str]:
        return self._lines(self.what_you_do)

    @property
    def what_you_do_not_do_lines(self) -> list[str]:
        return self._lines(self.what_you_do_not_do)

    @property
    def is_described(self) -> bool:
        return bool(self.what_you_do.strip() and self.what_you_do_not_do.strip())

    @property
    def certificate_kind_labels(self) -> list[str]:
        labels = dict(CertificateKind.choices)
        return [
            str(labels[kind]) for kind in CertificateKind.values if kind in self.certificate_kinds
        ]

    @property
    def certificate_kinds_text(self) -> str:
        """The accepted kinds as words within a sentence: "limited police certificate or
        ordinary police certificate"."""
        return get_text_list(
            [label.lower() for label in self.certificate_kind_labels], gettext("or")
        )


def stored_ready_on(
    day: datetime.date | None = None, *, ready: str = "ready", until: str = "ready_until"
) -> models.Q:
    """Ready on ``day`` by a stored state (a boolean and the date it rests on): true, and not
    past the date, so a lapsed date counts as not ready before the nightly job rewrites it.
    The role holder's state by default; ``ready``/``until`` name another pair of columns (the
    volunteer's summary of all their roles)."""
    day = day or timezone.localdate()
    return models.Q(**{ready: True}) & (
        models.Q(**{f"{until}__isnull": True}) | models.Q(**{f"{until}__gte": day})
    )


def stored_not_ready_on(
    day: datetime.date | None = None, *, ready: str = "ready", until: str = "ready_until"
) -> models.Q:
    """Not ready on ``day`` by a stored state: false (not empty), or past the date."""
    day = day or timezone.localdate()
    return models.Q(**{ready: False}) | models.Q(**{f"{until}__lt": day})


class RoleHolderQuerySet(models.QuerySet):
    """Readiness read from the stored state (``RoleHolder.ready``): still right when a renewal
    date or an agreement's end has passed since it was written."""

    ready_q = staticmethod(stored_ready_on)
    not_ready_q = staticmethod(stored_not_ready_on)

    def ready_on(self, day: datetime.date | None = None) -> "RoleHolderQuerySet":
        return self.filter(self.ready_q(day))

    def not_ready_on(self, day: datetime.date | None = None) -> "RoleHolderQuerySet":
        return self.filter(self.not_ready_q(day))


class RoleHolder(models.Model):
    """A volunteer in a role. Leaving the role deletes this row, and with it the police
    certificate records for the role (they may only be kept while needed).

    ``ready`` and ``ready_until`` store whether the volunteer is ready for the role, and until
    when (the last renewal date or agreement end it rests on; empty: no end), so the registry,
    the dashboard and matching read two stored columns instead of checking every requirement
    of every volunteer. The services that change a requirement refresh it
    (``screening.ready_state``); ``readiness.ready_q`` stays the one definition."""

    volunteer = models.ForeignKey(
        Volunteer, on_delete=models.CASCADE, related_name="roles", verbose_name=_("volunteer")
    )
    role = models.ForeignKey(
        VolunteerRole, on_delete=models.CASCADE, related_name="holders", verbose_name=_("role")
    )
    since = models.DateField(_("since"), default=timezone.localdate)
    ready = models.BooleanField(_("ready for the role"), default=False, editable=False)
    ready_until = models.DateField(_("ready until"), null=True, blank=True, editable=False)

    objects = RoleHolderQuerySet.as_manager()

    class Meta:
        verbose_name = _("role holder")
        verbose_name_plural = _("role holders")
        constraints = [models.UniqueConstraint(fields=["volunteer", "role"], name="role_held_once")]
        indexes = [models.Index(fields=["role", "volunteer"], name="role_holder_role_idx")]

    def __str__(self) -> str:
        return f"{self.volunteer} – {self.role}"


class CertificateCheck(models.Model):
    """That a police certificate was presented and checked for a role. Deliberately no file
    and no free text: what the certificate says is never stored."""

    holder = models.ForeignKey(
        RoleHolder,
        on_delete=models.CASCADE,
        related_name="certificate_checks",
        verbose_name=_("volunteer in role"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=CertificateKind.choices)
    presented_on = models.DateField(_("presented"))
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("checked by"),
    )
    approved = models.BooleanField(_("OK for the role"))
    renew_by = models.DateField(_("renew by"), null=True, blank=True)
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        verbose_name = _("police certificate check")
        verbose_name_plural = _("police certificate checks")
        ordering = ["-presented_on", "-pk"]
        indexes = [models.Index(fields=["renew_by"], name="certificate_renew_by_idx")]

    def __str__(self) -> str:
        return f"{self.holder} {self.presented_on}"


class ReminderSent(models.Model):
    """A reminder that has gone out, so the daily job sends each one once."""

    key = models.CharField(max_length=200, unique=True)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")

    def __str__(self) -> str:
        return self.key
