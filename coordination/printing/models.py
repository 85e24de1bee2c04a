"""Printed documents kept by version, the jobs that make them, and public links.

A document (the routine binder, a handbook) is typeset from what the portal holds at the time.
``PrintedDocument`` keeps one PDF per (municipality, document, language, content hash): content
that has not changed is never typeset again, and every kept version stays downloadable with the
date it was made. ``PrintJob`` is one request to print (by a person, or by the nightly refresh):
its status is what the person watches. ``PublicLink`` shares the latest version at a secret URL.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coordination.kernel.models import Municipality, TenantQuerySet

LANGUAGE_CHOICES = settings.LANGUAGES


class PrintedDocument(models.Model):
    """One typeset version of a document: made once, kept, downloadable."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="printed_documents",
        verbose_name=_("municipality"),
    )
    document = models.CharField(_("document"), max_length=50)  # contributions.DOCUMENTS key
    language = models.CharField(_("language"), max_length=10, choices=LANGUAGE_CHOICES)
    content_hash = models.CharField(_("version"), max_length=64)
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="printed/", max_length=300)
    pages = models.PositiveIntegerField(_("pages"))
    size = models.PositiveIntegerField(_("size in bytes"))
    rendered_at = models.DateTimeField(_("made"), default=timezone.now)

    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("printed document")
        verbose_name_plural = _("printed documents")
        ordering = ["-rendered_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "document", "language", "content_hash"],
                name="printed_document_once_per_version",
            )
        ]
        indexes = [models.Index(fields=["municipality", "document", "language", "-rendered_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def version(self) -> str:
        return self.content_hash[:7]


class PrintJobQuerySet(TenantQuerySet):
    def unfinished(self) -> PrintJobQuerySet:
        return self.filter(status__in=[PrintJob.Status.QUEUED, PrintJob.Status.RENDERING])


class PrintJob(models.Model):
    """A request to print one document in one language. The worker composes it; when the
    content hash matches a kept version, that version is the result and nothing is typeset."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting for its turn")
        RENDERING = "rendering", _("Being made")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    class Failure(models.TextChoices):
        TOO_LONG = "too_long", _("It took too long to make. Try again later, or ask for help.")
        TOO_MANY_ATTEMPTS = "attempts", _("It failed several times. Ask for help.")
        NOT_ALLOWED = "not_allowed", _("You no longer have access to this document.")
        ERROR = "error", _("Something went wrong while making it. Try again later.")

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="print_jobs",
        verbose_name=_("municipality"),
    )
    document = models.CharField(_("document"), max_length=50)
    language = models.CharField(_("language"), max_length=10, choices=LANGUAGE_CHOICES)
    # None: asked for by the nightly refresh, not by a person
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="print_jobs",
        verbose_name=_("asked for by"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    failure = models.CharField(
        _("why it failed"), max_length=20, choices=Failure.choices, blank=True
    )
    result = models.ForeignKey(
        PrintedDocument,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="jobs",
        verbose_name=_("result"),
    )
    # True when the content had not changed and a kept version was the result
    reused = models.BooleanField(_("unchanged since an earlier version"), default=False)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("asked for"), default=timezone.now)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    objects = PrintJobQuerySet.as_manager()

    class Meta:
        verbose_name = _("print job")
        verbose_name_plural = _("print jobs")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["municipality", "document", "language", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.document} ({self.language}) {self.get_status_display()}"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


def new_token() -> str:
    return secrets.token_urlsafe(24)


class PublicLinkQuerySet(TenantQuerySet):
    def active(self) -> PublicLinkQuerySet:
        return self.filter(revoked_at=None)


class PublicLink(models.Model):
    """A secret URL at which anyone may read the latest version of a published document
    (the binder, the volunteer handbook) without logging in, until it is withdrawn."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="public_links",
        verbose_name=_("municipality"),
    )
    document = models.CharField(_("document"), max_length=50)
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_token)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="public_links",
        verbose_name=_("published by"),
    )
    created_at = models.DateTimeField(_("published"), default=timezone.now)
    revoked_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    objects = PublicLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("public link")
        verbose_name_plural = _("public links")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "document"],
                condition=models.Q(revoked_at=None),
                name="one_public_link_per_document",
            )
        ]

    def __str__(self) -> str:
        return f"{self.document} ({self.municipality_id})"
