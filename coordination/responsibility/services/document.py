"""The responsibility map printed: a background job renders it as a PDF into the file a
coordinator asked for (``kernel.files``), in the language they chose."""

from __future__ import annotations

from coordination.kernel import files, languages, permissions
from coordination.kernel.models import GeneratedFile, User
from coordination.responsibility.exports import responsibility_map_pdf
from coordination.responsibility.services.maps import ACTION


def render_map_document(*, record: GeneratedFile, by: User) -> int:
    """Render the map into ``record`` and return how many tasks it lists. A record made
    already is left as it is (a job sent twice, or started again, makes no second file); a
    render that fails marks the record failed, which the coordinator sees."""
    if record.status != GeneratedFile.Status.PENDING:
        return record.rows or 0
    try:
        permissions.require(by, ACTION, record.municipality)
        language = record.parameters.get("language")
        if not languages.is_language(language):
            language = languages.language_of_municipality(record.municipality)
        _title, pdf = responsibility_map_pdf(municipality=record.municipality, language=language)
        tasks = record.municipality.responsibility_map.tasks.count() if _has_map(record) else 0
        files.finish(record, extension="pdf", content=pdf, rows=tasks)
    except Exception:
        files.fail(record)
        raise
    return tasks


def _has_map(record: GeneratedFile) -> bool:
    return hasattr(record.municipality, "responsibility_map")
