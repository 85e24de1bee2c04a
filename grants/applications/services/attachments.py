"""Files attached to an application (a plan, a letter of support). The light application has
none: it is meant to be quick."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _

from coordination.kernel.models import User
from grants.applications.models import Application, Attachment
from grants.applications.services.common import require_editable


def add_attachment(*, by: User, application: Application, title: str, file: File) -> Attachment:
    """Store ``file`` (already checked by the form's upload field) under a random name."""
    require_editable(by, application)
    if application.light:
        raise ValidationError(_("A light application has no attachments."))
    if not title.strip():
        raise ValidationError({"title": _("Write what the file is, e.g. «Project plan».")})
    original = getattr(file, "original_name", None) or file.name or ""
    return Attachment.objects.create(
        application=application,
        title=title.strip(),
        file=file,
        original_name=original.rsplit("/", 1)[-1][:255],
        uploaded_by=by,
    )


def remove_attachment(*, by: User, attachment: Attachment) -> None:
    require_editable(by, attachment.application)
    stored = attachment.file
    with transaction.atomic():
        attachment.delete()
        transaction.on_commit(lambda: stored.delete(save=False))
