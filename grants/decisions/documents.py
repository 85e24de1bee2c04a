"""The decision letter: a PDF in the applicant municipality's written standard, composed by
``kernel.documents`` and typeset in a worker (``tasks.make_decision_letter``)."""

from __future__ import annotations

from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from coordination.kernel import documents, files
from coordination.kernel.documents import Composed
from coordination.kernel.models import GeneratedFile
from grants.decisions.models import APPEAL_PERIOD, Decision
from grants.decisions.services import is_final, report_schedule, request_letter
from grants.decisions.services.deciding import OSLO, site_url

TEMPLATE = "grants/decisions/letter_pdf.html"


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def compose_letter(decision: Decision) -> Composed:
    application = decision.application
    with translation.override(decision.language):
        title = _("Decision on your application: %(title)s") % {"title": application.title}
        instalments = [
            (instalment.year, number_format(instalment.amount, force_grouping=True))
            for instalment in decision.instalments.all()
        ]
        total = number_format(decision.amount, force_grouping=True)
        requested = number_format(application.requested_amount(), force_grouping=True)
    return documents.compose(
        template=TEMPLATE,
        context={
            "decision": decision,
            "application": application,
            "grant_maker": decision.grant_maker,
            "instalments": instalments,
            "total": total,
            "requested": requested,
            "conditions": _lines(decision.conditions),
            "grounds": _lines(decision.grounds),
            "replaced_on": timezone.localdate(decision.replaces.made_at, OSLO)
            if decision.replaces is not None
            else None,
            "reports": report_schedule(application, decision),
            "final": is_final(decision),
            "appeal_weeks": APPEAL_PERIOD.days // 7,
            "made_on": timezone.localdate(decision.made_at, OSLO),
            "appeal_url": site_url("grants:application_appeal", application.pk),
        },
        title=title,
        language=decision.language,
        header=decision.grant_maker.name,
    )


def make_letter(decision: Decision) -> GeneratedFile | None:
    """Typeset the letter into its file record (asked for when the decision was made); a
    letter that is ready already is left as it is."""
    record = request_letter(decision)
    if record is None or (record.status == GeneratedFile.Status.DONE and record.file):
        return record
    try:
        pdf = documents.typeset(compose_letter(decision))
    except Exception:
        files.fail(record)
        raise
    files.finish(record, extension="pdf", content=pdf, rows=1)
    return record
