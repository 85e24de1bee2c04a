"""Render a printed document (PDF) for a municipality to a file, from the shell, for scripts
and checks:

    python manage.py render_document responsibility-map --municipality 3434 --out map.pdf

The documents are those registered with ``contribute.document(name)``; the language is the
municipality's written standard unless ``--language`` says otherwise.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from coordination.kernel import contributions, documents, languages
from coordination.kernel.models import Municipality


class Command(BaseCommand):
    help = "Render a printed document (PDF) for a municipality to a file."

    def add_arguments(self, parser) -> None:
        parser.add_argument("document", choices=sorted(contributions.DOCUMENTS))
        parser.add_argument("--municipality", required=True, help="its number, e.g. 3434")
        parser.add_argument("--language", choices=[code for code, _name in settings.LANGUAGES])
        parser.add_argument("--out", required=True, type=Path, help="the PDF file to write")

    def handle(self, *args, document: str, municipality: str, language, out: Path, **options):
        place = Municipality.objects.filter(pk=municipality).first()
        if place is None:
            raise CommandError(f"No municipality numbered {municipality}.")
        kind = contributions.document(document)
        if kind is None:  # pragma: no cover - argparse's choices refuse it first
            raise CommandError(f"No document called {document}.")
        composed = kind.make(place, language or languages.language_of_municipality(place))
        pdf = documents.typeset(composed)
        out.write_bytes(pdf)
        self.stdout.write(f"{composed.title}: {out} ({len(pdf)} bytes)")
