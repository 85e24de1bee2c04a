"""Demo data for grant schemes (issue 16): Helsedirektoratet as a national grant-maker with a
grant officer and a reviewer, its scheme for activity measures for the elderly in three
languages, last year's round (closed) and this year's (open, with a question of its own).
Made through the services; a second run changes nothing."""

from __future__ import annotations

import datetime
from typing import Any
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.utils import timezone

from coordination.kernel.contributions import contribute
from coordination.kernel.demo import DEMO_PASSWORD
from coordination.kernel.models import GrantMaker, GrantMakerRole, GrantRole, User
from coordination.starting.demo import national_administrator
from grants.schemes import services
from grants.schemes.forms import QuestionFormSet
from grants.schemes.models import Question, Scheme

OSLO = ZoneInfo("Europe/Oslo")
GRANT_MAKER = "Helsedirektoratet"
OFFICER = ("saksbehandler.hdir@samspill.example", "Sigrid Lien")
REVIEWER = ("fagvurderer.hdir@samspill.example", "Olav Moen")
SCHEME: dict[str, Any] = {
    "name": "Aktivitetstiltak for eldre",
    "name_nn": "Aktivitetstiltak for eldre",
    "name_en": "Activity measures for the elderly",
    "purpose": (
        "Tilskudd til aktivitetstiltak mot ensomhet og passivitet blant eldre, og til "
        "partnerskap mellom kommuner og frivillige organisasjoner som tar i bruk eldrekraft."
    ),
    "purpose_nn": (
        "Tilskot til aktivitetstiltak mot einsemd og passivitet blant eldre, og til "
        "partnarskap mellom kommunar og frivillige organisasjonar som tek i bruk eldrekraft."
    ),
    "purpose_en": (
        "Grants for activities against loneliness and passivity among the elderly, and for "
        "partnerships between municipalities and voluntary organisations that draw on the "
        "strength of older people."
    ),
    "applicant_kinds": "both",
    "partnership_required": False,
    "max_amount": 500_000,
    "max_years": 3,
}


def _person(email: str, full_name: str) -> User:
    user, _ = User.objects.get_or_create(email=email, defaults={"full_name": full_name})
    user.set_password(DEMO_PASSWORD)
    user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=OSLO)


@contribute.demo_step(order=80)  # after the municipalities' own data; grants read none of it
def schemes_demo(command) -> None:
    admin = national_administrator()
    officer = _person(*OFFICER)
    reviewer = _person(*REVIEWER)
    grant_maker = GrantMaker.objects.filter(name=GRANT_MAKER).first()
    if grant_maker is None:
        grant_maker = services.create_grant_maker(
            by=admin,
            name=GRANT_MAKER,
            kind=GrantMaker.Kind.NATIONAL,
            email="tilskudd@helsedirektoratet.samspill.example",
            officer_email=officer.email,
        )
    if not GrantMakerRole.objects.filter(grant_maker=grant_maker, user=reviewer).exists():
        services.add_grant_role(
            by=officer, grant_maker=grant_maker, email=reviewer.email, role=GrantRole.REVIEWER
        )
    command.stdout.write(f"grant-officer {officer.email} {DEMO_PASSWORD}")
    command.stdout.write(f"grant-reviewer {reviewer.email} {DEMO_PASSWORD}")
    if Scheme.objects.filter(grant_maker=grant_maker).exists():
        return
    scheme = services.create_scheme(by=officer, grant_maker=grant_maker, **SCHEME)
    today = timezone.localdate()
    year = today.year
    # Last year's round: closed; its final reports are due on 1 April the year after next.
    last_year = services.create_round(
        by=officer,
        scheme=scheme,
        name=str(year - 1),
        opens_at=_at(today - datetime.timedelta(days=330), 9),
        closes_at=_at(today - datetime.timedelta(days=270), 12),
        budget=12_000_000,
        small_municipality_share=20,
        light_limit=50_000,
        final_report_due=datetime.date(year + 1, 4, 1),
    )
    questions = QuestionFormSet(
        {
            "questions-TOTAL_FORMS": "1",
            "questions-INITIAL_FORMS": "0",
            "questions-0-text": "Hvordan når dere eldre som bor langt unna eller er mest alene?",
            "questions-0-help_text": "For eksempel skyss, følge eller besøk hjemme.",
            "questions-0-required": "on",
            "questions-0-in_light_form": "on",
            "questions-0-order": "1",
        },
        queryset=Question.objects.none(),
        prefix="questions",
    )
    if not questions.is_valid():
        raise ValueError(f"The demo's question is refused: {questions.errors}")
    services.save_questions(by=officer, round=last_year, formset=questions)
    # This year's: open six more weeks, a progress report before the final one; it starts
    # with last year's criteria, conditions and question.
    services.create_round(
        by=officer,
        scheme=scheme,
        name=str(year),
        opens_at=_at(today - datetime.timedelta(days=20), 9),
        closes_at=_at(today + datetime.timedelta(days=42), 12),
        budget=15_000_000,
        small_municipality_share=25,
        light_limit=50_000,
        progress_report_due=datetime.date(year + 1, 9, 1),
        final_report_due=datetime.date(year + 2, 4, 1),
    )
