"""Uploaded files (agreements, attachments, logos, CSV imports): checked, stored privately,
served only through a view that has already checked permission.

- ``UploadField`` (a form field) refuses files over the size limit and files whose content is
  not one of the allowed kinds — the type is sniffed from the bytes, never taken from the name.
- ``upload_path`` gives stored files a random name under ``MEDIA_ROOT``, which is outside the
  web root; no URL serves that folder.
- ``file_response`` sends a stored file as a download with headers that stop a browser from
  running it; call it only after the permission module has said yes.
"""

from __future__ import annotations

import io
import uuid
import zipfile
from dataclasses import dataclass

import puremagic
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models.fields.files import FieldFile
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils.cache import patch_cache_control
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
SNIFF_BYTES = 64 * 1024


@dataclass(frozen=True)
class Kind:
    extension: str
    content_type: str
    label: str


KINDS = {
    "pdf": Kind("pdf", "application/pdf", "PDF"),
    "png": Kind("png", "image/png", "PNG"),
    "jpeg": Kind("jpg", "image/jpeg", "JPEG"),
    "xlsx": Kind(
        "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"
    ),
    "csv": Kind("csv", "text/csv", "CSV"),
}


def _looks_like_csv(head: bytes) -> bool:
    """Plain text in UTF-8 or Windows-1252 (what Norwegian Excel saves), not markup."""
    if b"\x00" in head:
        return False
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = head.decode("cp1252")
        except UnicodeDecodeError:
            return False
    return "<" not in text.lstrip()[:1] and not any(ord(c) < 32 and c not in "\t\r\n" for c in text)


def _is_workbook(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def sniff(uploaded: UploadedFile) -> str | None:
    """The kind of the file judged by its content, or None when it is none we accept."""
    uploaded.seek(0)
    head = uploaded.read(SNIFF_BYTES)
    uploaded.seek(0)
    try:
        mimes = {match.mime_type for match in puremagic.magic_string(head)}
    except puremagic.PureError:
        mimes = set()
    for name, kind in KINDS.items():
        if name == "csv":
            continue
        if kind.content_type in mimes:
            if name == "xlsx":
                data = uploaded.read()
                uploaded.seek(0)
                return name if _is_workbook(data) else None
            return name
    return "csv" if not mimes and _looks_like_csv(head) else None


class UploadField(forms.FileField):
    """A file field that accepts only the given kinds, up to ``max_bytes``."""

    def __init__(self, *, kinds: tuple[str, ...], max_bytes: int = MAX_UPLOAD_BYTES, **kwargs):
        self.kinds = kinds
        self.max_bytes = max_bytes
        labels = ", ".join(KINDS[k].label for k in kinds)
        kwargs.setdefault(
            "help_text",
            format_lazy(
                _("{kinds}, at most {size}."), kinds=labels, size=filesizeformat(max_bytes)
            ),
        )
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("accept", ",".join(f".{KINDS[k].extension}" for k in kinds))

    def clean(self, data, initial=None):
        uploaded = super().clean(data, initial)
        if not uploaded or not isinstance(uploaded, UploadedFile):
            return uploaded
        size = uploaded.size or 0
        if size > self.max_bytes:
            raise ValidationError(
                _("The file is %(size)s. It can be at most %(limit)s."),
                code="too_large",
                params={
                    "size": filesizeformat(size),
                    "limit": filesizeformat(self.max_bytes),
                },
            )
        kind = sniff(uploaded)
        if kind not in self.kinds:
            raise ValidationError(
                _("This file is not a %(kinds)s file. Choose another file."),
                code="wrong_kind",
                params={"kinds": " / ".join(KINDS[k].label for k in self.kinds)},
            )
        # From here on the file carries the extension of what it is; keep the person's own name
        # only for showing (``original_name``), never for storing.
        vars(uploaded)["original_name"] = uploaded.name
        uploaded.name = f"upload.{KINDS[kind].extension}"
        return uploaded


def upload_path(folder: str):
    """``upload_to`` for a FileField: a random name in ``folder`` with the extension that
    ``UploadField`` set from the sniffed kind (the person's own file name never reaches disk)."""

    def path(instance, filename: str) -> str:
        extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
        return f"{folder}/{uuid.uuid4().hex}.{extension}"

    return path


def file_response(stored: FieldFile, *, download_name: str) -> FileResponse:
    """Send a stored file as a download. Call only after the permission check."""
    extension = (stored.name or "").rsplit(".", 1)[-1].lower()
    content_type = next(
        (k.content_type for k in KINDS.values() if k.extension == extension),
        "application/octet-stream",
    )
    response = FileResponse(
        stored.open("rb"), as_attachment=True, filename=download_name, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    patch_cache_control(response, private=True, no_store=True)
    return response
