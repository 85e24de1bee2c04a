"""Factories for the grants app: each sets only what is required — a scheme of the national
grant-maker, a round open now (closing in two weeks), an application in draft from Lom
frivilligsentral, and the review, decision, appeal and report objects around it."""

import datetime
from zoneinfo import ZoneInfo

import factory
from django.utils import timezone

from grants.decisions.models import APPEAL_PERIOD
from grants.models import (
    Application,
    ApplicationPartner,
    Attachment,
    BudgetLine,
    Criterion,
    Decision,
    EligibilityCondition,
    Outcome,
    Question,
    Report,
    ReviewAssignment,
    Round,
    Scheme,
)
from tests.factories import PartnerOrganisationFactory, municipality, national_grant_maker

OSLO = ZoneInfo("Europe/Oslo")


def oslo(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0):
    """An aware datetime in Europe/Oslo."""
    return datetime.datetime(year, month, day, hour, minute, second, tzinfo=OSLO)


# The translated fields (grants/schemes/translation.py) a factory takes in bokmål.
TRANSLATED = {
    Scheme: ("name", "purpose"),
    Criterion: ("name", "description"),
    EligibilityCondition: ("text",),
}


class InBokmal:
    """Translated fields (modeltranslation) are given in bokmål: ``name="…"`` is stored as
    ``name_nb`` whatever the active language, so a test in English or nynorsk reads it too."""

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        for field in TRANSLATED[cls._meta.model]:
            if field in kwargs:
                kwargs[f"{field}_nb"] = kwargs.pop(field)
        return kwargs


class SchemeFactory(InBokmal, factory.django.DjangoModelFactory):
    class Meta:
        model = Scheme

    grant_maker = factory.LazyFunction(national_grant_maker)
    # The bokmål fields (modeltranslation's ``name`` is the active language's, empty in another).
    name_nb = factory.Sequence(lambda n: f"Aktivitetstiltak for eldre {n}")
    purpose_nb = "Aktivitetstiltak mot ensomhet og passivitet blant eldre."
    max_amount = 500_000
    max_years = 3


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Round

    scheme = factory.SubFactory(SchemeFactory)
    grant_maker = factory.SelfAttribute("scheme.grant_maker")
    name = factory.Sequence(lambda n: str(2027 + n))
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=30))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    budget = 10_000_000
    final_report_due = factory.LazyFunction(
        lambda: datetime.date(timezone.localdate().year + 2, 4, 1)
    )


class CriterionFactory(InBokmal, factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    round = factory.SubFactory(RoundFactory)
    name_nb = factory.Sequence(lambda n: f"Kriterium {n}")
    weight = 1
    order = factory.Sequence(lambda n: n)


class EligibilityConditionFactory(InBokmal, factory.django.DjangoModelFactory):
    class Meta:
        model = EligibilityCondition

    round = factory.SubFactory(RoundFactory)
    text_nb = "Innenfor ordningens mål og målgruppe."


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    round = factory.SubFactory(RoundFactory)
    text = "Hvordan når dere dem som sitter mest alene?"


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A draft from an organisation in Lom (``organisation=None`` for the municipality)."""

    class Meta:
        model = Application

    round = factory.SubFactory(RoundFactory)
    grant_maker = factory.SelfAttribute("round.grant_maker")
    municipality = factory.LazyFunction(lambda: municipality("3434"))
    organisation = factory.SubFactory(PartnerOrganisationFactory)
    title = factory.Sequence(lambda n: f"Fredagstreff med skyss {n}")
    summary = "Fredagstreff med henting for dem som bor langt unna."
    description = "Vi vil samle eldre i grendene hver fredag, med skyss og følge."
    target_groups = "Hjemmeboende eldre, også personer med demens."
    planned_activities = "Fredagstreff annenhver uke i tre grender."
    continuation = "Frivilligsentralen driver videre med egne frivillige."
    contact_name = "Marit Nordheim"
    contact_email = "marit@lom-frivilligsentral.example"


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine

    application = factory.SubFactory(ApplicationFactory)
    year = factory.LazyFunction(lambda: timezone.localdate().year + 1)
    description = "Skyss"
    source = BudgetLine.Source.GRANT
    amount = 100_000


class ApplicationPartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ApplicationPartner

    application = factory.SubFactory(ApplicationFactory)
    municipality = factory.LazyFunction(lambda: municipality("3434"))
    contribution = "Hjemmetjenesten forteller brukerne om tilbudet."


class AttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attachment

    application = factory.SubFactory(ApplicationFactory)
    title = "Prosjektplan"
    file = factory.django.FileField(filename="plan.pdf", data=b"%PDF-1.4\n%%EOF\n")
    original_name = "plan.pdf"


class ReviewAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewAssignment

    application = factory.SubFactory(ApplicationFactory, status="in_review")
    grant_maker = factory.SelfAttribute("application.grant_maker")
    reviewer = factory.SubFactory("tests.factories.UserFactory")


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    application = factory.SubFactory(ApplicationFactory, status="granted")
    grant_maker = factory.SelfAttribute("application.grant_maker")
    outcome = Outcome.GRANTED
    amount = 200_000
    grounds = "Søknaden oppfyller kriteriene godt."
    appeal_deadline = factory.LazyFunction(lambda: timezone.localdate() + APPEAL_PERIOD)


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report

    application = factory.SubFactory(ApplicationFactory, status="reporting")
    grant_maker = factory.SelfAttribute("application.grant_maker")
    kind = Report.Kind.FINAL
    year = factory.LazyFunction(lambda: timezone.localdate().year)
    due_on = factory.LazyFunction(lambda: datetime.date(timezone.localdate().year + 1, 4, 1))


def store_score(assignment):
    """Store a sent review's weighted score from its scores, as sending it does (for a review
    a test builds directly, sent and scored)."""
    from grants.review.services import weighted_score

    assignment.score = weighted_score(assignment)
    assignment.save(update_fields=["score"])
    return assignment
