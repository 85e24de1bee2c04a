"""What the review pages share: fetching a case or a round of the grant-maker in the URL (404
outside the officer's grant-makers), the application's read-only content, and the size class
a municipality is shown with."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coordination.kernel.http import AuthenticatedRequest
from coordination.kernel.models import GrantMaker, Municipality
from coordination.kernel.permissions import get_for_user
from grants.applications.models import Application, BudgetLine
from grants.applications.people import applicant_users
from grants.review import fairness
from grants.schemes.models import Round


class GrantMakerRequest(AuthenticatedRequest):
    """A request to a ``grant_maker_view``: the grant-maker of the URL, checked."""

    grant_maker: GrantMaker


SIZE_WORDS = {
    fairness.SMALL: gettext_lazy("small municipality"),
    fairness.MEDIUM: gettext_lazy("medium-sized municipality"),
    fairness.LARGE: gettext_lazy("large municipality"),
}


def size_words(municipality: Municipality) -> str:
    """«small municipality» (the size class the fairness check uses)."""
    return str(SIZE_WORDS[fairness.size_class(municipality.population)])


def case_of(request: GrantMakerRequest, pk: int) -> Application:
    """A submitted application of the grant-maker in the URL, or 404."""
    return get_for_user(
        Application.objects.submitted().select_related(
            "round__scheme", "grant_maker__municipality", "municipality", "organisation"
        ),
        request.user,
        "run_grants",
        via="grant_maker",
        pk=pk,
        grant_maker=request.grant_maker,
    )


def round_of(request: GrantMakerRequest, pk: int) -> Round:
    """A round of the grant-maker in the URL, or 404."""
    return get_for_user(
        Round.objects.select_related("scheme"),
        request.user,
        "run_grants",
        via="grant_maker",
        pk=pk,
        grant_maker=request.grant_maker,
    )


@dataclass(frozen=True)
class BudgetYear:
    year: int
    grant: int
    own: int
    other: int

    @property
    def total(self) -> int:
        return self.grant + self.own + self.other


def budget_by_year(lines: list[BudgetLine]) -> list[BudgetYear]:
    sums: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for line in lines:
        sums[line.year][line.source] += line.amount
    source = BudgetLine.Source
    return [
        BudgetYear(year, s[source.GRANT], s[source.OWN], s[source.OTHER])
        for year, s in sorted(sums.items())
    ]


def application_content(application: Application) -> dict:
    """The application as the applicant sent it, for the read-only partial."""
    lines = list(application.budget_lines.all())
    years = budget_by_year(lines)
    attachments = [
        (a, reverse("grants:attachment_download", args=[a.pk]))
        for a in application.attachments.all()
    ]
    partners = list(
        application.partners.select_related("organisation", "municipality", "answered_by")
    )
    return {
        "application": application,
        "size": size_words(application.municipality),
        "partners": partners,
        "municipalities_involved": list(application.municipalities.all()),
        "activities": list(application.activities.all()),
        "budget_lines": lines,
        "budget_years": years,
        "budget_totals": BudgetYear(
            0,
            sum(y.grant for y in years),
            sum(y.own for y in years),
            sum(y.other for y in years),
        ),
        "answers": list(application.answers.select_related("question")),
        "attachments": attachments,
    }


@dataclass(frozen=True)
class Party:
    name: str
    kind: str


def parties_and_people(application: Application) -> tuple[list[Party], list[str]]:
    """For the impartiality declaration: the applicant and partners, and the people named
    (contact person, the applicant's representatives, those who answered for partners)."""
    parties = [Party(application.applicant_name, _("Applicant"))]
    if application.organisation_id:
        parties.append(Party(application.municipality.official_name, _("Applicant's municipality")))
    partners = application.partners.select_related("organisation", "municipality", "answered_by")
    parties += [Party(p.name, _("Partner")) for p in partners]
    parties += [
        Party(m.official_name, _("Municipality involved")) for m in application.municipalities.all()
    ]
    people: list[str] = []
    if application.contact_name:
        people.append(_("%(name)s (contact person)") % {"name": application.contact_name})
    for person in sorted(applicant_users(application), key=lambda user: user.full_name):
        people.append(_("%(name)s (speaks for the applicant)") % {"name": person.full_name})
    for partner in partners:
        if partner.answered_by is not None:
            people.append(
                _("%(name)s (answered for %(partner)s)")
                % {"name": partner.answered_by.full_name, "partner": partner.name}
            )
    return parties, list(dict.fromkeys(people))
