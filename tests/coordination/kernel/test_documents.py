"""kernel.documents.render_pdf, the one place the portal makes a PDF: tagged (PDF/UA-1) with
title and language, fonts embedded, "Page N of M" and the running header on every page; and
its fetcher, which reads only the portal's own static files and images in media, so that markup
in a document can neither read local files, nor embed them, nor reach the network."""

import copy
import http.server
import io
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
import time_machine
from django.conf import settings as django_settings
from django.utils import translation
from django.utils.translation import gettext
from pypdf import PdfReader

from coordination.kernel.documents import (
    BASE_URL,
    RefusedURL,
    SafeFetcher,
    compose,
    render_pdf,
    typeset,
)

RAW = "tests/raw_document.html"  # a test template that puts ``raw_markup`` in unescaped
PASSWD = b"root:x:0:0"


@pytest.fixture(autouse=True)
def _test_templates(settings):
    templates = copy.deepcopy(django_settings.TEMPLATES)
    templates[0]["DIRS"] = [*templates[0]["DIRS"], Path(__file__).parent / "templates"]
    settings.TEMPLATES = templates


def _render(raw_markup: str = "", *, language: str = "en", text: str = "", header: str = ""):
    pdf = render_pdf(
        template=RAW,
        context={"raw_markup": raw_markup, "text": text},
        title="Hostile document",
        language=language,
        header=header,
    )
    return pdf, PdfReader(io.BytesIO(pdf))


def _text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def _holds_nothing_of(pdf: bytes, reader: PdfReader) -> None:
    assert reader.attachments == {}
    assert "/EmbeddedFiles" not in reader.trailer["/Root"].get("/Names", {})
    assert PASSWD not in pdf
    assert "root:x:0:0" not in _text(reader)
    for page in reader.pages:  # no attachment annotation either
        for annotation in page.get("/Annots") or []:
            assert annotation.get_object().get("/Subtype") != "/FileAttachment"


@pytest.fixture
def listening_server():
    """A local web server that counts the requests it gets."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the name http.server calls
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/css")
            self.end_headers()
            self.wfile.write(b"h1 { color: red }")

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()
    server.server_close()


def test_a_pdf_is_tagged_with_its_title_language_and_embedded_fonts():
    _pdf, reader = _render(text="Blåbærsyltetøy på Ærøy", language="nn")
    assert reader.metadata.title == "Hostile document"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nn"
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root  # tagged
    xmp = root["/Metadata"].get_object().get_data()
    assert b"pdfuaid:part" in xmp  # declares PDF/UA
    assert "Blåbærsyltetøy på Ærøy" in _text(reader)
    fonts = [
        font.get_object() for page in reader.pages for font in page["/Resources"]["/Font"].values()
    ]
    assert fonts
    for font in fonts:
        descendant = font["/DescendantFonts"][0].get_object()
        assert "/FontFile2" in descendant["/FontDescriptor"]  # embedded, not just named
        assert "DejaVu" in descendant["/BaseFont"]


def test_every_page_has_the_header_the_date_printed_and_page_n_of_m():
    long_text = " ".join(["A sentence that fills the page with words."] * 900)
    _pdf, reader = _render(text=long_text, header="Lom kommune")
    count = len(reader.pages)
    assert count >= 3
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert f"Page {number} of {count}" in text
        assert "Lom kommune" in text and "Printed" in text


@time_machine.travel(datetime(2026, 3, 2, 12, tzinfo=UTC), tick=False)
def test_the_footer_and_date_are_in_the_documents_language():
    _pdf, reader = _render(text="Tekst.", language="nb", header="Drammen")
    text = _text(reader)
    with translation.override("nb"):
        footer = gettext("Page %(page)s of %(pages)s") % {"page": 1, "pages": 1}
        printed = gettext("Printed %(date)s, version %(version)s") % {
            "date": "2. mars 2026",
            "version": "",
        }
    assert footer in text and printed in text
    assert "2. mars 2026" in text and "March" not in text


def test_a_header_with_quotes_and_braces_is_printed_as_text_not_css():
    header = 'Å"; } @page { @top-right { content: "injected'
    _pdf, reader = _render(text="x", header=header)
    text = _text(reader)
    assert 'Å"; } @page { @top-right { content: "injected' in text
    assert text.count("injected") == 1  # one header, no second margin box


def test_markup_can_neither_read_local_files_nor_embed_them(listening_server):
    origin, hits = listening_server
    markup = (
        '<img src="file:///etc/passwd" alt="">'
        '<link rel="attachment" href="file:///etc/passwd">'
        '<a rel="attachment" href="file:///etc/passwd">passwd</a>'
        '<link rel="stylesheet" href="http://127.0.0.1:9/x.css">'
        f'<link rel="stylesheet" href="{origin}/x.css">'
        f'<img src="{origin}/y.png" alt="">'
        '<link rel="attachment" href="data:text/plain;base64,cm9vdDp4OjA6MA==">'
        '<link rel="attachment" href="/static/../../../../etc/passwd">'
        '<link rel="attachment" href="/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd">'
        '<object data="file:///etc/passwd"></object>'
        '<style>@import url("file:///etc/passwd"); h1 { background: url(ftp://x/y) }</style>'
    )
    pdf, reader = _render(markup)
    _holds_nothing_of(pdf, reader)
    assert hits == []  # no request reached the network


def test_the_portals_own_static_file_is_served_so_the_check_above_can_fail():
    pdf, reader = _render('<link rel="attachment" href="/static/print/document.css">')
    assert list(reader.attachments) == ["document.css"]
    assert b"@page" in reader.attachments["document.css"][0]


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:9/x.css",
        "https://example.org/static/print/document.css",
        "data:text/plain,hello",
        "ftp://127.0.0.1/x",
        f"{BASE_URL}etc/passwd",
        f"{BASE_URL}static/../etc/passwd",
        f"{BASE_URL}static/%2e%2e/settings.py",
        f"{BASE_URL}static/print//document.css",
        f"{BASE_URL}static/print/document.css?x=1",
        f"{BASE_URL}media/generated/2026/12/export.csv",
        "https://samspill.invalid:8443/static/print/document.css",
        "https://user@samspill.invalid/static/print/document.css",
    ],
)
def test_the_fetcher_refuses_anything_but_the_portals_files(url):
    with pytest.raises(RefusedURL):
        SafeFetcher().fetch(url)


def test_the_fetcher_serves_static_files_and_images_in_media(settings, tmp_path):
    response = SafeFetcher().fetch(f"{BASE_URL}static/print/document.css")
    assert response.content_type == "text/css" and b"@page" in response.read()
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "logos").mkdir()
    (tmp_path / "logos" / "lom.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "logos" / "list.csv").write_bytes(b"name;phone\n")
    assert SafeFetcher().fetch(f"{BASE_URL}media/logos/lom.png").content_type == "image/png"
    with pytest.raises(RefusedURL):
        SafeFetcher().fetch(f"{BASE_URL}media/logos/list.csv")  # private uploads: no


def test_a_refused_fetch_never_goes_through_urllib(monkeypatch):
    """WeasyPrint calls ``open`` for some resources: it must refuse as ``fetch`` does."""
    with pytest.raises(RefusedURL):
        SafeFetcher().open("file:///etc/passwd")


def _composed(text: str, *, language: str = "en", header: str = "Lom"):
    return compose(
        template=RAW,
        context={"raw_markup": "", "text": text},
        title="Version test",
        language=language,
        header=header,
    )


def test_the_same_content_has_the_same_version_and_a_change_makes_a_new_one():
    first, again = (
        _composed("Routine: visit on Tuesdays."),
        _composed("Routine: visit on Tuesdays."),
    )
    assert first.content_hash == again.content_hash
    assert _composed("Routine: visit on Wednesdays.").content_hash != first.content_hash
    assert (
        _composed("Routine: visit on Tuesdays.", language="nn").content_hash != first.content_hash
    )
    assert (
        _composed("Routine: visit on Tuesdays.", header="Vågå").content_hash != first.content_hash
    )


def test_the_footer_prints_the_version_the_pdf_was_made_from():
    composed = _composed("Text.")
    text = _text(PdfReader(io.BytesIO(typeset(composed))))
    assert f"version {composed.version}" in text and len(composed.version) == 7
