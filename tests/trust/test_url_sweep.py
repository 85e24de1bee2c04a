"""The authorization sweep: every URL pattern of the project, as every persona, GET and POST,
against the declared table in access_table.py. Also checks, on every HTML page, the security
headers that must hold everywhere: CSP without inline scripts, nosniff, a same-origin referrer
policy, and no-store for logged-in people."""

import re
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from coordination.models import (
    AgreementParty,
    Assessment,
    CooperationAgreement,
    ForumMeeting,
    GeneratedFile,
    Membership,
    PartnerContact,
    PartnerOffer,
    Unit,
    UnitContact,
)
from coordination.responsibility.services import map_for
from tests.factories import (
    AssignmentFactory,
    CourseFactory,
    HoursEntryFactory,
    InvitationFactory,
    NeedFactory,
    PartnerOrganisationFactory,
    RoutineFactory,
    UserFactory,
    VolunteerFactory,
    VolunteerRoleFactory,
    WheelEventFactory,
)
from tests.trust.access_table import (
    ACCESS,
    NAMESPACE_ACCESS,
    PERSONAS,
    PK_OBJECT,
    Login,
    LoginStep,
    Owner,
    Public,
    Roles,
    Staff,
    Token,
)
from volunteers.models import (
    CertificateCheck,
    CourseSession,
    FollowUp,
    RoleHolder,
    VolunteerNote,
    VolunteerUnit,
)

# A sample value for each URL argument. ``pk`` is replaced by a Lom object in the test.
SAMPLES = {
    "municipality": "3434",
    "object_id": "1",
    "id": "1",
    "content_type_id": "1",
    "app_label": "coordination",
    "key": "x",
    "uidb36": "1",
    "url": "x",
}
LOGIN_URL = "/accounts/login/"


@dataclass
class Route:
    key: str  # URL name, or the route itself for an unnamed pattern
    namespace: str
    pattern: URLPattern
    route: str

    def url(self, pk: int) -> str:
        arguments = set(self.pattern.pattern.converters) | set(
            self.pattern.pattern.regex.groupindex
        )
        values = {name: (pk if name == "pk" else SAMPLES[name]) for name in arguments}
        if self.pattern.name:
            return reverse(self.key, kwargs=values)
        path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), self.route)
        path = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: str(values[m.group(1)]), path)
        return "/" + path.lstrip("^").rstrip("$")


def all_routes() -> list[Route]:
    found = []

    def walk(patterns, namespace, prefix):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                inner = ":".join(n for n in (namespace, entry.namespace) if n)
                walk(entry.url_patterns, inner, prefix + str(entry.pattern))
            else:
                route = prefix + str(entry.pattern)
                name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
                found.append(Route(name or route, namespace, entry, route))

    walk(get_resolver().url_patterns, "", "")
    return found


def rule_for(route: Route):
    top = route.namespace.split(":")[0]
    return ACCESS.get(route.key) or NAMESPACE_ACCESS.get(top)


def test_urls_carry_ids_and_tokens_only_never_personal_data():
    """Every URL argument is a number, an id or a secret token (listed in SAMPLES); a new
    argument name, such as an email or a name, fails here."""
    unknown = {
        (route.key, argument)
        for route in all_routes()
        for argument in set(route.pattern.pattern.converters)
        | set(route.pattern.pattern.regex.groupindex)
        if argument not in SAMPLES and argument != "pk"
    }
    assert unknown == set()


def test_every_url_pattern_has_a_declared_rule():
    routes = all_routes()
    missing = [r.key for r in routes if rule_for(r) is None]
    assert missing == [], f"URLs with no rule in tests/trust/access_table.py: {missing}"
    stale = set(ACCESS) - {r.key for r in routes}
    assert stale == set(), f"rules for URLs that no longer exist: {stale}"


def _problem(rule, persona: str, response) -> str | None:
    """What is wrong with this response under the declared rule, if anything."""
    status = response.status_code
    location = response.get("Location", "") if status in (301, 302) else ""
    to_login = location.startswith(LOGIN_URL)
    anonymous = persona == "anonymous"
    if status >= 500:
        return f"server error {status}"
    match rule:
        case Public() | Token():
            if to_login:
                return "a public page sent the visitor to login"
            if status == 403 or (status == 404 and isinstance(rule, Public)):
                return f"a public page answered {status}"
        case LoginStep():
            if status == 403:
                return "a login step answered 403"
        case Login() | Owner():
            if anonymous and not to_login:
                return f"anonymous not sent to login ({status} {location})"
            if not anonymous and (status == 403 or to_login):
                return f"logged-in person refused ({status} {location})"
            if not anonymous and status == 404 and isinstance(rule, Login):
                return "logged-in person got 404 on a page for everyone logged in"
        case Roles(allowed=allowed):
            if anonymous and not to_login:
                return f"anonymous not sent to login ({status} {location})"
            if persona in allowed and status in (403, 404):
                return f"the role's holder was refused with {status}"
            if not anonymous and persona not in allowed and status != 404:
                return f"expected 404 for a persona without the role, got {status}"
        case Staff():
            if status == 200:
                return "a non-staff person reached the admin"
            if anonymous and status != 302:
                return f"anonymous not redirected away from the admin ({status})"
    return None


def _header_problem(persona: str, response) -> str | None:
    if not response.get("Content-Type", "").startswith("text/html") or response.status_code >= 300:
        return None
    policy = response.get("Content-Security-Policy", "")
    script_src = re.search(r"script-src ([^;]*)", policy)
    if not script_src or "'unsafe-inline'" in script_src.group(1):
        return f"CSP missing or allows inline scripts: {policy!r}"
    if persona != "anonymous" and "no-store" not in response.get("Cache-Control", ""):
        return "page for a logged-in person may be stored (no Cache-Control: no-store)"
    if response.get("X-Content-Type-Options") != "nosniff":
        return "X-Content-Type-Options: nosniff missing"
    if response.get("Referrer-Policy") != "same-origin":
        return "Referrer-Policy: same-origin missing"
    return None


def _lom_objects(personas: dict, membership: Membership) -> dict:
    """One object of each kind a URL's ``pk`` can name (see PK_OBJECT), all in Lom. The
    ``volunteer`` persona is a volunteer in Lom who owns the invitation, assignment and hours."""
    own = VolunteerFactory(user=personas["volunteer"], interests=["visiting_friend"])
    role = VolunteerRoleFactory(certificate_kinds=["limited", "ordinary"])
    course = CourseFactory()
    need = NeedFactory()
    assignment = AssignmentFactory(need=need, volunteer=own)
    holder = RoleHolder.objects.create(volunteer=own, role=role)
    unit = Unit.objects.create(municipality_id="3434", name="Lom sjukeheim", kind="nursing_home")
    responsibility_map = map_for(membership.municipality)
    routine = RoutineFactory(owner=personas["coordinator_lom"], approved=True)
    routine.co_authors.add(personas["volunteer_contact_lom"])
    partner = _lom_partner(personas["applicant"])
    objects = {
        **partner,
        "membership": membership,
        "volunteer": VolunteerFactory(user=UserFactory(full_name="Frivillig i Lom")),
        "generated_file": GeneratedFile.objects.create(
            municipality_id="3434",
            requested_by=personas["coordinator_lom"],
            action="export_volunteers",
            title="Frivillige i Lom",
            status=GeneratedFile.Status.DONE,
            file=ContentFile(b"navn;e-post\n", name="sweep.csv"),
        ),
        "volunteer_role": role,
        "role_holder": holder,
        "certificate_check": CertificateCheck.objects.create(
            holder=holder, kind="limited", presented_on="2026-01-05", approved=True
        ),
        "course": course,
        "course_session": CourseSession.objects.create(
            course=course, starts_at="2026-03-10T18:00:00+01:00", place="Lom bygdesenter"
        ),
        "need": need,
        "invitation": InvitationFactory(need=NeedFactory(), volunteer=own),
        "assignment": assignment,
        "follow_up": FollowUp.objects.create(need=need, due_on="2026-12-01"),
        "hours_entry": HoursEntryFactory(volunteer=own, assignment=assignment),
        "note": VolunteerNote.objects.create(volunteer=own, text="Ringte 3. mars."),
        "unit": unit,
        "unit_contact": UnitContact.objects.create(unit=unit, membership=membership),
        "forum_meeting": ForumMeeting.objects.create(
            municipality_id="3434", starts_at="2026-03-10T13:00:00+01:00", place="Lom"
        ),
        "responsibility_task": responsibility_map.tasks.first(),
        "responsibility_party": responsibility_map.parties.first(),
        "routine": routine,
        "routine_version": routine.approved_version,
        "wheel_event": WheelEventFactory(),
        "assessment": Assessment.objects.create(
            municipality_id="3434",
            status=Assessment.Status.COMPLETED,
            completed_on="2026-02-01",
            level_reached=2,
            score=45,
            is_current=True,
        ),
    }
    # The volunteer helps at the contact's unit, so the contact sees them (visibility).
    VolunteerUnit.objects.create(volunteer=objects["volunteer"], unit=unit)
    return objects


def _lom_partner(applicant) -> dict:
    """A partner in Lom that the applicant persona represents, with a contact, an offer and an
    active agreement with a signed document."""
    partner = PartnerOrganisationFactory(name="Lom frivilligsentral")
    Membership.objects.filter(user=applicant).update(organisation=partner)
    agreement = CooperationAgreement.objects.create(
        municipality_id="3434", title="Samarbeidsavtale", purpose="Besøksvenner",
        starts_on="2026-01-01", review_on="2026-12-01", status="active",
        document=ContentFile(b"%PDF-1.4\n%%EOF\n", name="avtale.pdf"), document_name="avtale.pdf",
    )  # fmt: skip
    AgreementParty.objects.create(agreement=agreement, organisation=partner)
    return {
        "partner": partner,
        "partner_contact": PartnerContact.objects.create(
            organisation=partner, municipality_id="3434", name="Marit Nordheim", phone="61211050"
        ),
        "partner_offer": PartnerOffer.objects.create(
            organisation=partner, municipality_id="3434", kind="people", description="Besøksvenner"
        ),
        "agreement": agreement,
    }


@pytest.mark.django_db
def test_every_url_as_every_persona(request, volunteer_contact_lom):
    personas = {name: request.getfixturevalue(name) for name in PERSONAS if name != "anonymous"}
    lom_object = Membership.objects.get(user=volunteer_contact_lom)
    lom_objects = _lom_objects(personas, lom_object)
    routes = all_routes()
    problems, requests = [], 0
    for route in routes:
        rule = rule_for(route)
        url = route.url(lom_objects[PK_OBJECT.get(route.key, "membership")].pk)
        for persona in PERSONAS:
            for method in ("get", "post"):
                cache.clear()  # rate limits would otherwise mask outcomes
                client = Client()
                if persona != "anonymous":
                    client.force_login(personas[persona])
                with transaction.atomic():
                    response = getattr(client, method)(url)
                    transaction.set_rollback(True)  # every request starts from the same data
                requests += 1
                for found in (
                    _problem(rule, persona, response),
                    _header_problem(persona, response),
                ):
                    if found:
                        problems.append(f"{method.upper()} {url} as {persona}: {found}")
    summary = f"URL sweep: {len(routes)} of {len(routes)} URL patterns (100 %), "
    summary += f"{len(PERSONAS)} personas, GET and POST: {requests} requests"
    request.config.samspill_summary = [*getattr(request.config, "samspill_summary", []), summary]
    assert problems == [], "\n".join(problems)
    assert Membership.objects.filter(pk=lom_object.pk).exists()
