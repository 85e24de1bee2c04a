import io
import zipfile

import pytest
from django import forms
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from PIL import Image
from weasyprint import HTML

from coordination.kernel.uploads import UploadField, file_response, upload_path


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "navy").save(buffer, "PNG")
    return buffer.getvalue()


def _xlsx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


class AgreementForm(forms.Form):
    document = UploadField(kinds=("pdf",), max_bytes=200_000)


class ImportForm(forms.Form):
    sheet = UploadField(kinds=("csv", "xlsx"))


class LogoForm(forms.Form):
    logo = UploadField(kinds=("png", "jpeg"))


def _submit(form_class, field, name, content):
    form = form_class(files={field: SimpleUploadedFile(name, content)})
    return form, form.is_valid()


def test_a_real_pdf_is_accepted_and_renamed_by_its_content():
    form, valid = _submit(
        AgreementForm, "document", "Avtale Lom.PDF", HTML(string="<p>x</p>").write_pdf()
    )
    assert valid, form.errors
    assert form.cleaned_data["document"].name == "upload.pdf"
    assert form.cleaned_data["document"].original_name == "Avtale Lom.PDF"


@pytest.mark.parametrize(
    "name, content",
    [
        ("avtale.pdf", b"<html><script>alert(1)</script></html>"),  # HTML dressed as a PDF
        ("avtale.pdf", _png()),  # an image, not a PDF
        ("avtale.pdf", b"MZ\x90\x00\x03" + b"\x00" * 100),  # a Windows program
        ("avtale.pdf", b""),  # empty
    ],
)
def test_a_file_whose_content_is_not_what_is_allowed_is_refused_with_a_message(name, content):
    form, valid = _submit(AgreementForm, "document", name, content)
    assert not valid
    assert form.errors["document"]


def test_a_file_over_the_limit_is_refused_and_says_the_limit():
    big = HTML(string="<p>x</p>" * 3).write_pdf() + b"%" * 300_000
    form, valid = _submit(AgreementForm, "document", "stor.pdf", big)
    assert not valid
    assert filesizeformat(200_000) in form.errors["document"][0]


def test_csv_in_utf8_or_windows_1252_and_xlsx_are_accepted_for_imports():
    for name, content, stored in [
        ("frivillige.csv", "navn;e-post\nÅse Ødegård;ase@lom.no\n".encode(), "upload.csv"),
        ("frivillige.csv", "navn;e-post\nÅse Ødegård;ase@lom.no\n".encode("cp1252"), "upload.csv"),
        ("frivillige.xlsx", _xlsx(), "upload.xlsx"),
    ]:
        form, valid = _submit(ImportForm, "sheet", name, content)
        assert valid, (name, form.errors)
        assert form.cleaned_data["sheet"].name == stored


@pytest.mark.parametrize(
    "content",
    [
        b"<!DOCTYPE html><p>hei</p>",
        b"navn\x00;x",
        b"PK\x03\x04not-a-zip",
        HTML(string="x").write_pdf(),
    ],
)
def test_imports_refuse_markup_binary_and_other_documents(content):
    assert not _submit(ImportForm, "sheet", "frivillige.csv", content)[1]


def test_logo_accepts_images_only():
    assert _submit(LogoForm, "logo", "logo.png", _png())[1]
    assert not _submit(LogoForm, "logo", "logo.png", b"<svg onload=alert(1)></svg>")[1]


def test_stored_files_get_random_names_and_are_served_as_inert_downloads(tmp_path):
    storage = FileSystemStorage(location=tmp_path)
    path = upload_path("agreements")(None, "upload.pdf")
    assert path.startswith("agreements/") and path.endswith(".pdf") and "Avtale" not in path
    saved = storage.save(path, ContentFile(HTML(string="<p>Avtale</p>").write_pdf()))

    class Stored:
        name = saved

        @staticmethod
        def open(mode):
            return storage.open(saved, mode)

    response = file_response(Stored, download_name="Samarbeidsavtale Lom.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_media_root_is_outside_the_web_root_and_no_url_serves_it(settings, client, db):
    from pathlib import Path

    assert not Path(settings.MEDIA_ROOT).is_relative_to(Path(settings.STATIC_ROOT))
    assert client.get("/private-media/agreements/x.pdf").status_code == 404
