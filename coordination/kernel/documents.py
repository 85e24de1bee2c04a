"""The one place the portal makes a PDF: a Django template, autoescaped, rendered by WeasyPrint
with a fetcher that reads nothing but the project's own static files (and images in media).

    composed = compose(template="coordination/responsibility/map_pdf.html", context={...},
                       title="Responsibility map – Lom", language="nn", header="Lom")
    composed.content_hash   # the same content gives the same hash: no need to typeset again
    pdf = typeset(composed)  # the slow part (seconds): in a worker, never in a request

``render_pdf(...)`` does both at once.

WeasyPrint's own fetcher follows any URL in the HTML: ``file:///etc/passwd`` in an ``<img>``
or a ``<link rel="attachment">`` would be read, or embedded in the PDF, and ``http://`` would
reach the network. User text is escaped by the template, so it never becomes markup; the fetcher
is the second wall, for whatever a template might one day let through.
"""

from __future__ import annotations

import hashlib
import mimetypes
import posixpath
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import weasyprint
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from weasyprint.urls import URLFetcher, URLFetcherResponse

# Relative URLs in a document (``/static/print/document.css``) resolve against this origin. It
# is never contacted: ``.invalid`` cannot resolve, and the fetcher serves it from disk.
BASE_URL = "https://samspill.invalid/"
PDF_VARIANT = "pdf/ua-1"  # tagged, with title and language: readable by a screen reader
# Media is private (never served by URL on the site): a document names an image in it with
# ``media_url(name)``. It holds uploads and exports too, so a document may read only images.
MEDIA_PATH = "media/"
MEDIA_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"})


class RefusedURL(ValueError):
    """A document asked for something it may not read. WeasyPrint leaves it out and goes on."""


def _clean_relative(path: str) -> str:
    """A relative path with no way out of its folder, or RefusedURL."""
    path = unquote(path)
    if not path or "\\" in path or "\x00" in path or path.startswith("/"):
        raise RefusedURL(path)
    parts = path.split("/")
    if any(part in ("", ".", "..") for part in parts):
        raise RefusedURL(path)
    return posixpath.join(*parts)


def _inside(root: Path, relative: str) -> Path | None:
    root = root.resolve()
    candidate = (root / relative).resolve()
    if candidate.is_relative_to(root) and candidate.is_file():
        return candidate
    return None


def _url_prefix(setting: str) -> str:
    """``STATIC_URL`` as a path below BASE_URL (``static/``), whether or not it has a slash."""
    return urlsplit(getattr(settings, setting) or "").path.lstrip("/")


class SafeFetcher(URLFetcher):
    """Deny by default: only ``BASE_URL`` + static path (the collected files, or the finders
    in development) and ``BASE_URL`` + media path for images. No network, no other file, no
    ``data:`` or other scheme, so no redirect either."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=(), allow_redirects=False, fail_on_errors=False)

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        if not url.startswith(BASE_URL):
            raise RefusedURL(f"not the portal's own file: {url[:80]}")
        parts = urlsplit(url)
        if parts.query or parts.username or parts.password or parts.port:
            raise RefusedURL(url[:80])
        path = parts.path.lstrip("/")
        found = self._static(path) or self._media(path)
        if found is None:
            raise RefusedURL(f"no such file of the portal's: {url[:80]}")
        content_type = mimetypes.guess_type(found.name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            url, body=found.read_bytes(), headers={"Content-Type": content_type}
        )

    def open(self, url, data=None, timeout=None):  # never urllib's opener, whatever is asked
        return self.fetch(url if isinstance(url, str) else url.full_url)

    @staticmethod
    def _static(path: str) -> Path | None:
        prefix = _url_prefix("STATIC_URL")
        if not prefix or not path.startswith(prefix):
            return None
        relative = _clean_relative(path.removeprefix(prefix))
        if settings.STATIC_ROOT and (found := _inside(Path(settings.STATIC_ROOT), relative)):
            return found
        located = finders.find(relative)
        return Path(located) if isinstance(located, str) else None

    @staticmethod
    def _media(path: str) -> Path | None:
        if not path.startswith(MEDIA_PATH):
            return None
        relative = _clean_relative(path.removeprefix(MEDIA_PATH))
        if Path(relative).suffix.lower() not in MEDIA_SUFFIXES:
            raise RefusedURL(f"not an image: {relative[:80]}")
        return _inside(Path(settings.MEDIA_ROOT), relative)


def media_url(name: str) -> str:
    """The URL by which a document shows an image stored in media (a logo, a coat of arms)."""
    return f"{BASE_URL}{MEDIA_PATH}{_clean_relative(name)}"


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string: every character but ASCII letters and digits as a hex
    escape, so no name can end the string or the rule. (The space after each escape ends it;
    CSS swallows it.)"""
    escaped = "".join(
        char if char.isascii() and char.isalnum() else f"\\{ord(char):06x} " for char in text
    )
    return f'"{escaped}"'


# The print stylesheets are part of how a document looks: a change to them is a new version.
PRINT_STYLES = "print"


@cache
def _style_fingerprint() -> str:
    """A hash of the print stylesheets (read once per process)."""
    digest = hashlib.sha256()
    folder = finders.find(PRINT_STYLES)
    for path in sorted(Path(folder).rglob("*.css")) if isinstance(folder, str) else ():
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class Composed:
    """A document ready to typeset: its HTML (user text escaped), title, language and running
    header. Composing takes milliseconds; typesetting takes seconds."""

    title: str
    language: str
    html: str
    header: str = ""

    @property
    def content_hash(self) -> str:
        """The version of the content: the same text, layout and stylesheets give the same
        hash, so a document whose content has not changed is not typeset again."""
        digest = hashlib.sha256()
        for part in (self.title, self.language, self.header, self.html, _style_fingerprint()):
            digest.update(part.encode())
            digest.update(b"\x00")
        return digest.hexdigest()

    @property
    def version(self) -> str:
        """The short form of the hash printed in the footer, to tell two printouts apart."""
        return self.content_hash[:7]


def _page_css(*, header: str, printed: str) -> str:
    """The running header and footer: what the document is and for whom, when it was printed
    and which version, and "Page N of M" in the document's language."""
    before, _sep, rest = _("Page %(page)s of %(pages)s").partition("%(page)s")
    between, _sep, after = rest.partition("%(pages)s")
    footer = " ".join(
        piece
        for piece in (
            css_string(before) if before else "",
            "counter(page)",
            css_string(between) if between else "",
            "counter(pages)",
            css_string(after) if after else "",
        )
        if piece
    )
    return (
        "@page {"
        f" @top-left {{ content: {css_string(header)}; }}"
        f" @bottom-left {{ content: {css_string(printed)}; }}"
        f" @bottom-right {{ content: {footer}; }}"
        " }"
    )


def compose(
    *, template: str, context: dict, title: str, language: str, header: str = ""
) -> Composed:
    """The template rendered in ``language`` (autoescaped), ready to typeset. ``header`` is
    the running header on every page, e.g. the municipality's name."""
    with translation.override(language):
        html = render_to_string(
            template, {**context, "document_title": title, "document_language": language}
        )
    return Composed(title=title, language=language, html=html, header=header)


def typeset(composed: Composed) -> bytes:
    """The document as a tagged PDF (PDF/UA-1) with its title and language in the metadata,
    fonts embedded, and on every page the running header, the date printed with the version,
    and "Page N of M"."""
    with translation.override(composed.language):
        printed = _("Printed %(date)s, version %(version)s") % {
            "date": date_format(timezone.localdate(), "DATE_FORMAT"),
            "version": composed.version,
        }
        page_css = _page_css(header=composed.header, printed=printed)
    fetcher = SafeFetcher()
    document = weasyprint.HTML(string=composed.html, base_url=BASE_URL, url_fetcher=fetcher)
    pdf = document.write_pdf(
        stylesheets=[weasyprint.CSS(string=page_css, base_url=BASE_URL, url_fetcher=fetcher)],
        pdf_variant=PDF_VARIANT,
        uncompressed_pdf=False,
    )
    assert pdf is not None
    return pdf


def render_pdf(
    *, template: str, context: dict, title: str, language: str, header: str = ""
) -> bytes:
    """Compose and typeset in one step (for a document that is not kept by its version)."""
    composed = compose(
        template=template, context=context, title=title, language=language, header=header
    )
    return typeset(composed)
