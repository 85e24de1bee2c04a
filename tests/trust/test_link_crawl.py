"""Links are shown only to those who may open them (issue 10): as every persona of the URL
sweep, start from the landing pages, follow every same-site link (GET only) and fail on any
403 or 404, naming the page that carried the link. Bounded: a few URLs per URL name, so a list
of 357 municipalities or a year-by-year wheel does not make the crawl long."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coordination.models import CooperationAgreement, ForumMeeting, Membership
from tests.crawl import Crawl, hrefs_in, same_site, url_name
from tests.factories import RoutineFactory, WheelEventFactory
from tests.trust.access import PERSONAS
from tests.trust.world import lom_objects
from volunteers.models import CourseSession

# Links never followed: leaving the session, switching language (a POST form anyway), files.
SKIPPED_NAMES = {
    "account_logout",
    "set_language",
    "coordination:my_data_download",
    "coordination:file_download",
    "coordination:agreement_document",
    "mfa_download_recovery_codes",
}
SKIPPED_PREFIXES = ("/static/", "/media/", "/admin/")
PER_NAME = 3  # distinct URLs followed per URL name (other ids, pages, filters)
MAX_PAGES = 400  # per persona: a loop or an explosion of links fails loudly instead of slowly


def _landing_pages(persona: str) -> list[str]:
    pages = [reverse("home")]
    if persona == "anonymous":
        return pages
    pages += [reverse("coordination:my_page"), reverse("volunteers:own_page")]
    if persona in ("volunteer_contact_lom", "coordinator_lom"):
        pages.append(reverse("coordination:overview", args=["3434"]))
    if persona == "coordinator_drammen":
        pages.append(reverse("coordination:overview", args=["3301"]))
    if persona == "national_admin":
        pages.append(reverse("coordination:start_request_list"))
    return pages


def _kind(path: str) -> str:
    """The URL name; an unknown path is a kind of its own (followed once, failing as a 404)."""
    return url_name(path) or path


def crawl(client: Client, start: list[str], per_name: int = PER_NAME) -> tuple[list[str], set[str]]:
    """Follow every same-site link from ``start``; return the problems and the URL names of
    the pages that opened."""
    problems, pages, reached = [], 0, set()
    for page in Crawl(start, key=_kind, per_key=per_name):
        pages += 1
        assert pages <= MAX_PAGES, f"more than {MAX_PAGES} pages: is a link generating links?"
        path, carrier = page.path, page.carrier
        try:
            response = client.get(path)
        except Exception as error:  # a server error: name the page that led to it
            problems.append(f"{path} (linked from {carrier}): {type(error).__name__}: {error}")
            continue
        status = response.status_code
        if status in (403, 404) or status >= 500:
            problems.append(f"{path} answered {status} (linked from {carrier})")
            continue
        if status == 200:
            reached.add(url_name(path))
        if status in (301, 302, 303):
            targets = [response["Location"]]
        elif status == 200 and response.get("Content-Type", "").startswith("text/html"):
            targets = hrefs_in(response.content.decode())
        else:
            continue
        links = (same_site(path, href, SKIPPED_PREFIXES) for href in targets)
        page.follow(link for link in links if link and url_name(link) not in SKIPPED_NAMES)
    return problems, reached


# Pages each persona must reach through links alone (so a crawl that stops early fails).
REACHES = {
    "anonymous": {"coordination:municipality_detail", "account_signup"},
    "volunteer": {"coordination:routine_detail", "coordination:wheel_detail",
                  "volunteers:own_assignment", "volunteers:invitation"},
    "applicant": {"coordination:partner_detail", "coordination:agreement_detail"},
    "reviewer": {"grants:grant_maker_home", "grants:review_list", "grants:review_score"},
    "officer": {"grants:grant_maker_home", "grants:round_applications", "grants:case",
                "grants:appeal_handle", "grants:report_review", "grants:case_dossier"},
    "volunteer_contact_lom": {"volunteers:volunteer_detail", "coordination:forum_meeting_detail",
                              "coordination:routine_edit"},
    "coordinator_lom": {"volunteers:volunteer_detail", "coordination:wheel_event_edit",
                        "volunteers:course_detail", "volunteers:need_detail"},
    "coordinator_drammen": {"coordination:overview"},
    "national_admin": {"coordination:start_request_detail", "coordination:start_request_decline"},
}  # fmt: skip


@pytest.fixture
def this_month(coordinator_lom):
    """Something of every kind on this month's wheel, so that the overview's panel links to it:
    an own event, a course session, a forum meeting, an agreement review, a routine review."""
    today = timezone.localdate()
    WheelEventFactory(title="Frivillighetsfest", month=today.month, day=today.day)
    from volunteers.models import Course

    session_course = Course.objects.filter(municipality_id="3434").first()
    CourseSession.objects.create(
        course=session_course, starts_at=timezone.now(), place="Lom bygdesenter"
    )
    ForumMeeting.objects.create(municipality_id="3434", starts_at=timezone.now(), place="Lom")
    CooperationAgreement.objects.filter(municipality_id="3434").update(review_on=today)
    routine = RoutineFactory(owner=coordinator_lom, approved=True, title="Velkomst")
    routine.next_review = today
    routine.save()


@pytest.fixture
def world(request, volunteer_contact_lom):
    personas = {name: request.getfixturevalue(name) for name in PERSONAS if name != "anonymous"}
    lom_objects(personas, Membership.objects.get(user=volunteer_contact_lom))
    request.getfixturevalue("this_month")
    return personas


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_every_link_a_persona_is_shown_opens(world, persona):
    client = Client()
    if persona != "anonymous":
        client.force_login(world[persona])
    problems, reached = crawl(client, _landing_pages(persona))
    # The crawl is not vacuous: each persona reaches pages deep behind its landing pages.
    assert REACHES[persona] <= reached, f"{persona} never reached {REACHES[persona] - reached}"
    assert problems == [], f"{persona}: links that do not open:\n" + "\n".join(problems)


# The demo's people (README, "Demo logins"): the same crawl over the data a new user tries.
DEMO_LOGINS = {
    "koordinator.lom@samspill.example": ["3434"],
    "kontakt.sjukeheim.lom@samspill.example": ["3434"],
    "kontakt.heimeteneste.lom@samspill.example": ["3434"],
    "saksbehandlar.lom@samspill.example": [],
    "saksbehandlar.helsedir@samspill.example": [],
    "fagvurderar.helsedir@samspill.example": [],
    "frivilligsentral.lom@samspill.example": [],
    "frivillig.astrid@samspill.example": [],
    "frivillig.nils@samspill.example": [],
    "koordinator.drammen@samspill.example": ["3301"],
    "kontakt.drammen@samspill.example": ["3301"],
}


@pytest.mark.django_db
def test_every_link_in_the_demo_opens_for_every_demo_login():
    from django.core.management import call_command

    from coordination.models import User

    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    problems = []
    for email, overviews in DEMO_LOGINS.items():
        client = Client()
        client.force_login(User.objects.get(email=email))
        start = _landing_pages("demo") + [
            reverse("coordination:overview", args=[number]) for number in overviews
        ]
        found, _reached = crawl(client, start, per_name=1)  # one of each page kind: fast
        problems += [f"{email}: {problem}" for problem in found]
    assert problems == [], "links that do not open:\n" + "\n".join(problems)
