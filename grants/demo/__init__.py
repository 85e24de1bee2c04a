"""The grants' demo story (``seed_demo`` step 85, after the activities a grant report counts):
Helsedirektoratet runs the national scheme for activity measures for the elderly. Last winter's
round is decided: Lom frivilligsentral's Friday gathering with pick-up through the villages —
a joint application with Lom municipality and Lom pensjonistlag — got two years; Vågå asked
for its first volunteer coordinator, got part of it, appealed and got more on reconsideration;
Drammen's visiting friends for people with dementia were granted, the volunteer centre's
digital help was not, and its minibus was not eligible. One reviewer was not impartial on
Vågå's application (her husband works in Vågå's home care) and stood aside. Reports are
coming in. This winter's round is open: Lom frivilligsentral is writing about seniors as
volunteers in the school, Drammen has applied, and Vågå and Lom apply together for a shared
coordinator.

Lom has its own small scheme for local associations too (a municipal grant-maker), whose
officer may not handle an application where Lom itself is a party.

Told through the services on the day each thing happened (``on(day)``). Idempotent: a demo
with the national grant-maker already there is left as it is."""

from __future__ import annotations

import datetime

from coordination.kernel.contributions import contribute
from coordination.kernel.demo import LOM, days_ago, demo_login, on
from coordination.models import GrantMaker, GrantRole, Municipality, User
from coordination.starting.demo import national_administrator
from grants.demo.applicants import open_round
from grants.demo.decided_round import decided_round
from grants.demo.people import LOM_OFFICER, NATIONAL, REVIEWERS, demo_people, moment
from grants.schemes import services as schemes


def _scheme(admin: User, officer: User):
    with on(days_ago(400)):
        national = schemes.create_grant_maker(
            by=admin,
            name=NATIONAL,
            kind=GrantMaker.Kind.NATIONAL,
            email="postmottak@helsedir.example",
        )
        schemes.add_grant_role(
            by=admin, grant_maker=national, email=officer.email, role=GrantRole.OFFICER
        )
        for email, _name in REVIEWERS:
            schemes.add_grant_role(
                by=officer, grant_maker=national, email=email, role=GrantRole.REVIEWER
            )
        scheme = schemes.create_scheme(
            by=officer,
            grant_maker=national,
            name="Tilskudd til aktivitetstiltak for eldre",
            name_nn="Tilskot til aktivitetstiltak for eldre",
            name_en="Grants for activity measures for the elderly",
            purpose=(
                "Aktivitetstiltak som forebygger ensomhet og passivitet blant eldre, og "
                "partnerskap mellom kommuner og frivillige som mobiliserer eldrekraft."
            ),
            purpose_nn=(
                "Aktivitetstiltak som førebyggjer einsemd og passivitet blant eldre, og "
                "partnarskap mellom kommunar og frivillige som mobiliserer eldrekraft."
            ),
            purpose_en=(
                "Activity measures that prevent loneliness and passivity among the elderly, and "
                "partnerships between municipalities and volunteers that mobilise «eldrekraft»."
            ),
            applicant_kinds="both",
            partnership_required=False,
            max_amount=500_000,
            max_years=3,
        )
    return national, scheme


def _round(officer: User, scheme, *, opened: datetime.date, closes: datetime.datetime, name: str):
    with on(opened - datetime.timedelta(days=10)):
        return schemes.create_round(
            by=officer,
            scheme=scheme,
            name=name,
            opens_at=moment(opened, 8),
            closes_at=closes,
            budget=4_000_000,
            small_municipality_share=30,
            light_limit=100_000,
            progress_report_due=datetime.date(closes.year, 10, 1),
            final_report_due=datetime.date(closes.year + 1, 4, 1),
        )


@contribute.demo_step(order=85)  # after the activities a report counts; before the staircase
def seed(command) -> None:
    people = demo_people(command)
    if GrantMaker.objects.filter(name=NATIONAL).exists():
        return
    admin = national_administrator()
    officer, reviewers = people["officer"], people["reviewers"]
    national, scheme = _scheme(admin, officer)
    _lom_own_scheme(admin)
    closed_opened = days_ago(330)
    closed = _round(
        officer,
        scheme,
        opened=closed_opened,
        closes=moment(closed_opened + datetime.timedelta(days=50), 12),
        name=str(closed_opened.year),
    )
    decided_round(closed, officer, reviewers)
    opened = days_ago(33)
    this_winter = _round(
        officer,
        scheme,
        opened=opened,
        closes=moment(opened + datetime.timedelta(days=90), 12),
        name=str(opened.year + 1),
    )
    open_round(this_winter)


def _lom_own_scheme(admin: User) -> None:
    """Lom's own small scheme for local associations: a municipal grant-maker."""
    officer = demo_login(*LOM_OFFICER)
    with on(days_ago(200)):
        lom_grants = schemes.create_grant_maker(
            by=admin,
            name="Lom kommune",
            kind=GrantMaker.Kind.MUNICIPALITY,
            municipality=Municipality.objects.get(pk=LOM),
        )
        schemes.add_grant_role(
            by=admin, grant_maker=lom_grants, email=officer.email, role=GrantRole.OFFICER
        )
        scheme = schemes.create_scheme(
            by=officer,
            grant_maker=lom_grants,
            name="Tilskot til lag og foreiningar",
            purpose="Små tilskot til lag som skaper møteplassar for eldre i grendene.",
            applicant_kinds="organisations",
            partnership_required=False,
            max_amount=30_000,
            max_years=1,
        )
    opened = days_ago(20)
    with on(opened):
        schemes.create_round(
            by=officer,
            scheme=scheme,
            name=str(opened.year + 1),
            opens_at=moment(opened, 8),
            closes_at=moment(opened + datetime.timedelta(days=75), 15),
            budget=150_000,
            light_limit=30_000,
            final_report_due=datetime.date(opened.year + 2, 2, 1),
        )
