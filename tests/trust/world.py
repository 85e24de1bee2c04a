"""The Lom the URL sweep and the link crawl look at: the personas and one object of every kind a
URL's ``pk`` can name (see PK_OBJECT in tests/trust/access), all in Lom (3434)."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from coordination.models import (
    AgreementParty,
    Assessment,
    CooperationAgreement,
    ForumMeeting,
    GeneratedFile,
    Membership,
    PartnerContact,
    PartnerCorrection,
    PartnerOffer,
    PrintedDocument,
    PrintJob,
    RoleInvitation,
    StartRequest,
    Unit,
    UnitContact,
)
from coordination.responsibility.services import map_for
from tests.conftest import ensure_reference_data, make_persona
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
from tests.trust.access import PERSONAS
from tests.trust.world_activities import lom_activities
from tests.trust.world_grants import lom_grants
from volunteers.calls.models import CallReason, PhoneCall
from volunteers.models import (
    CertificateCheck,
    CourseSession,
    FollowUp,
    RoleHolder,
    VolunteerNote,
    VolunteerUnit,
)


def personas() -> dict:
    """Every persona but the anonymous visitor, made anew (the volunteer contact first, as the
    sweep always made them)."""
    made = {"volunteer_contact_lom": make_persona("volunteer_contact_lom")}
    for name in PERSONAS:
        if name not in made and name != "anonymous":
            made[name] = make_persona(name)
    return made


@contextmanager
def made_once(django_db_blocker, media_root) -> Iterator[tuple[dict, Membership, dict]]:
    """(personas, the Lom volunteer contact's membership, Lom's objects), made once for a
    module's tests inside one transaction that is rolled back after the last: each test runs
    inside it and rolls back its own changes. The files go to ``media_root``."""
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media_root),
        transaction.atomic(),
    ):
        ensure_reference_data()
        people = personas()
        membership = Membership.objects.get(user=people["volunteer_contact_lom"])
        yield people, membership, lom_objects(people, membership)
        transaction.set_rollback(True)


def _printed_map(coordinator) -> dict:
    printed = PrintedDocument.objects.create(
        municipality_id="3434",
        document="responsibility-map",
        language="nn",
        content_hash="0" * 64,
        title="Ansvarskart – Lom",
        file=ContentFile(b"%PDF-1.7\n", name="sweep.pdf"),
        pages=1,
        size=9,
    )
    job = PrintJob.objects.create(
        municipality_id="3434",
        document="responsibility-map",
        language="nn",
        requested_by=coordinator,
        status=PrintJob.Status.DONE,
        result=printed,
    )
    return {"printed_document": printed, "print_job": job}


def lom_objects(personas: dict, membership: Membership) -> dict:
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
    partner = lom_partner(personas["applicant"])
    objects = {
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
        # issue 14: the responsibility map printed for coordinator_lom
        **_printed_map(personas["coordinator_lom"]),
        "volunteer_role": role,
        "start_request": StartRequest.objects.create(
            municipality_id="3433",
            full_name="Berit Holen",
            position="Kommunalsjef",
            email="berit@skjak.example",
            phone="61214000",
        ),
        "role_invitation": RoleInvitation.objects.create(
            municipality_id="3434",
            email="ny.kollega@lom.example",
            role="volunteer_contact",
            invited_by=personas["coordinator_lom"],
            expires_at=timezone.now() + timedelta(days=30),
        ),
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
    objects["phone_call"] = PhoneCall.objects.create(
        municipality_id="3434", volunteer=own, reason=CallReason.DECLARATION
    )
    objects = _without_clashes(
        partner,
        objects,
        lom_activities(partner=partner["partner"], own_volunteer=own),
        lom_grants(personas=personas, partner=partner["partner"]),
    )
    # The volunteer helps at the contact's unit, so the contact sees them (visibility).
    VolunteerUnit.objects.create(volunteer=objects["volunteer"], unit=unit)
    return objects


def _without_clashes(*parts: dict) -> dict:
    """The parts' objects in one dict; a name in two parts is a mistake (the grants' review
    assignment once replaced the need's assignment, and the sweep asked for assignment pages by
    another table's pk: right only while both tables' sequences happened to agree)."""
    merged: dict = {}
    for part in parts:
        assert not merged.keys() & part.keys(), f"named twice: {merged.keys() & part.keys()}"
        merged |= part
    return merged


def lom_partner(applicant) -> dict:
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
        # issue 13: a correction Lom's coordinator proposed; the representative answers it
        "partner_correction": PartnerCorrection.objects.create(
            organisation=partner,
            municipality_id="3434",
            name=partner.name,
            kind=partner.kind,
            phone="61 21 10 50",
            comment="Nytt nummer",
        ),  # fmt: skip
    }
