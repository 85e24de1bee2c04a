"""The catalogue's services: who may publish, proposals and their answer, the fee and number
rules, places and activity types."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from activities.catalogue import services
from activities.models import Activity, ActivityStatus, ActivityType, Category, Enrolment
from coordination.kernel.models import AuditEvent
from tests.activities.factories import ActivityFactory, PlaceFactory, shipped_type

pytestmark = pytest.mark.django_db


def fields(**more):
    return {
        "title": "Fredagstreff på Bøverdalen",
        "description": "Kaffi, vafler og song.",
        "activity_type": shipped_type(),
        "when_text": "",
        **more,
    }


def test_coordinator_publishes_at_once(coordinator_lom, lom):
    activity = services.create_activity(municipality=lom, by=coordinator_lom, **fields())
    assert activity.status == ActivityStatus.PUBLISHED
    assert activity.published_at is not None
    assert activity.organiser is None  # the municipality organises it
    assert AuditEvent.objects.filter(code="activities.activity_published").exists()


def test_representative_publishes_for_own_organisation(applicant, partner, lom, other_partner):
    activity = services.create_activity(
        municipality=lom, by=applicant, organiser=partner, co_organisers=[other_partner], **fields()
    )
    assert activity.status == ActivityStatus.PUBLISHED
    assert list(activity.co_organisers.all()) == [other_partner]


def test_representative_cannot_publish_for_another_organisation(
    applicant, partner, other_partner, lom
):
    with pytest.raises(ValidationError) as refused:
        services.create_activity(
            municipality=lom, by=applicant, organiser=other_partner, **fields()
        )
    assert "only for the organisation you represent" in str(refused.value)
    assert not Activity.objects.exists()


def test_representative_cannot_publish_in_the_municipalitys_name(applicant, partner, lom):
    with pytest.raises(ValidationError):
        services.create_activity(municipality=lom, by=applicant, organiser=None, **fields())


def test_volunteer_cannot_publish(volunteer, lom):
    with pytest.raises(PermissionDenied):
        services.create_activity(municipality=lom, by=volunteer, **fields())


def test_coordinator_of_another_municipality_cannot_publish(coordinator_drammen, lom):
    with pytest.raises(PermissionDenied):
        services.create_activity(municipality=lom, by=coordinator_drammen, **fields())


def test_reduced_fee_above_standard_fee_is_refused(coordinator_lom, lom):
    with pytest.raises(ValidationError) as refused:
        services.create_activity(
            municipality=lom, by=coordinator_lom, **fields(fee=50, reduced_fee=80)
        )
    assert "reduced_fee" in refused.value.message_dict


def test_minimum_above_capacity_is_refused(coordinator_lom, lom):
    with pytest.raises(ValidationError) as refused:
        services.create_activity(
            municipality=lom,
            by=coordinator_lom,
            **fields(capacity=10, minimum_participants=12),
        )
    assert "minimum_participants" in refused.value.message_dict


def test_period_dates_required_when_signing_up_for_the_period(coordinator_lom, lom):
    with pytest.raises(ValidationError) as refused:
        services.create_activity(
            municipality=lom, by=coordinator_lom, **fields(enrolment=Enrolment.FOR_PERIOD)
        )
    assert {"period_starts_on", "period_ends_on"} <= set(refused.value.message_dict)


def test_listed_only_needs_when_in_words_and_no_web_sign_up(coordinator_lom, lom):
    with pytest.raises(ValidationError) as refused:
        services.create_activity(
            municipality=lom, by=coordinator_lom, **fields(listed_only=True, sign_up_web=True)
        )
    assert {"when_text", "sign_up_web"} <= set(refused.value.message_dict)
    listed = services.create_activity(
        municipality=lom,
        by=coordinator_lom,
        **fields(
            listed_only=True,
            sign_up_web=False,
            sign_up_phone="41234567",
            when_text="Tysdagar kl. 11",
        ),
    )
    assert listed.listed_only


def test_another_municipalitys_place_is_refused(coordinator_lom, lom, drammen):
    elsewhere = PlaceFactory(municipality=drammen)
    with pytest.raises(ValidationError) as refused:
        services.create_activity(municipality=lom, by=coordinator_lom, **fields(place=elsewhere))
    assert "place" in refused.value.message_dict


def test_representative_may_edit_own_but_not_others(applicant, partner, other_partner):
    own = ActivityFactory(organiser=partner)
    services.update_activity(activity=own, by=applicant, title="Nytt namn")
    own.refresh_from_db()
    assert own.title == "Nytt namn"
    theirs = ActivityFactory(organiser=other_partner)
    with pytest.raises(PermissionDenied):
        services.update_activity(activity=theirs, by=applicant, title="Kapra")
    with pytest.raises(ValidationError):
        services.update_activity(activity=own, by=applicant, organiser=other_partner)


def test_proposal_waits_and_tells_the_coordinators(
    lom, coordinator_lom, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        proposal = services.propose_activity(
            municipality=lom,
            title="Sjakk <b>på</b> biblioteket",
            description="<script>alert(1)</script>Vi speler sjakk.",
            activity_type=shipped_type(),
            proposed_by_name="Olav Haugen",
            proposed_by_phone="41234567",
        )
    assert proposal.status == ActivityStatus.PROPOSED
    assert proposal.title == "Sjakk på biblioteket"
    assert "<" not in proposal.description
    assert [m.to for m in mailoutbox] == [[coordinator_lom.email]]
    assert "Sjakk på biblioteket" in mailoutbox[0].subject
    assert "41234567" not in mailoutbox[0].body  # the phone stays in the portal
    assert not Activity.objects.published().exists()


def test_proposal_without_name_is_refused(lom):
    with pytest.raises(ValidationError) as refused:
        services.propose_activity(
            municipality=lom,
            title="Sjakk",
            description="Vi speler sjakk.",
            activity_type=shipped_type(),
            proposed_by_name="  ",
            proposed_by_phone="41234567",
        )
    assert "proposed_by_name" in refused.value.message_dict


def _proposal(**more) -> Activity:
    return ActivityFactory(
        status=ActivityStatus.PROPOSED,
        published_at=None,
        proposed_by_name="Olav Haugen",
        proposed_by_phone="41234567",
        sign_up_web=False,
        sign_up_phone="41234567",
        **more,
    )


def test_approving_publishes_and_tells_the_proposer(
    coordinator_lom, mailoutbox, django_capture_on_commit_callbacks
):
    proposal = _proposal(proposed_by_email="olav@example.no")
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_activity(activity=proposal, by=coordinator_lom)
    proposal.refresh_from_db()
    assert proposal.status == ActivityStatus.PUBLISHED
    assert proposal.published_at is not None
    assert [m.to for m in mailoutbox] == [["olav@example.no"]]


def test_declining_needs_a_reason_and_tells_the_proposer(
    coordinator_lom, mailoutbox, django_capture_on_commit_callbacks
):
    proposal = _proposal(proposed_by_email="olav@example.no")
    with pytest.raises(ValidationError):
        services.decline_activity(activity=proposal, by=coordinator_lom, reason=" ")
    with django_capture_on_commit_callbacks(execute=True):
        services.decline_activity(
            activity=proposal, by=coordinator_lom, reason="Biblioteket er stengt om kvelden."
        )
    proposal.refresh_from_db()
    assert proposal.status == ActivityStatus.DECLINED
    assert "Biblioteket er stengt" in mailoutbox[0].body


def test_decline_without_email_sends_nothing(
    coordinator_lom, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.decline_activity(activity=_proposal(), by=coordinator_lom, reason="Nei.")
    assert mailoutbox == []


def test_representative_cannot_approve(applicant):
    with pytest.raises(PermissionDenied):
        services.approve_activity(activity=_proposal(), by=applicant)


def test_an_answered_proposal_cannot_be_answered_again(coordinator_lom):
    published = ActivityFactory()
    with pytest.raises(ValidationError):
        services.approve_activity(activity=published, by=coordinator_lom)


def test_archive_and_publish_again(coordinator_lom):
    activity = ActivityFactory()
    services.archive_activity(activity=activity, by=coordinator_lom)
    assert activity.status == ActivityStatus.ARCHIVED
    with pytest.raises(ValidationError):
        services.archive_activity(activity=activity, by=coordinator_lom)
    services.republish_activity(activity=activity, by=coordinator_lom)
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.PUBLISHED


def test_representative_cannot_end_anothers_activity(applicant, partner, other_partner):
    with pytest.raises(PermissionDenied):
        services.archive_activity(activity=ActivityFactory(organiser=other_partner), by=applicant)


def test_places_are_the_coordinators(coordinator_lom, applicant, lom):
    place = services.create_place(
        municipality=lom,
        by=coordinator_lom,
        name="Bøverdalen grendehus",
        kind="village_hall",
        area="Bøverdalen",
        step_free=True,
    )
    assert place.step_free
    with pytest.raises(ValidationError):
        services.create_place(
            municipality=lom,
            by=coordinator_lom,
            name="bøverdalen grendehus",
            kind="other",
            area="X",
        )
    services.update_place(place=place, by=coordinator_lom, archived=True)
    place.refresh_from_db()
    assert place.archived
    with pytest.raises(PermissionDenied):
        services.create_place(
            municipality=lom, by=applicant, name="Heimen", kind="other", area="Lom"
        )


def test_own_activity_type_is_named_in_the_language_used(coordinator_lom, lom, drammen):
    with translation.override("nn"):
        kind = services.add_activity_type(
            municipality=lom, by=coordinator_lom, category=Category.SOCIAL, name="Slåttedans"
        )
    kind.refresh_from_db()
    assert kind.name_nn == "Slåttedans"
    assert kind.name_nb == "Slåttedans"  # the fallback every language reads
    assert ActivityType.objects.for_municipality(lom).filter(pk=kind.pk).exists()
    assert not ActivityType.objects.for_municipality(drammen).filter(pk=kind.pk).exists()
    with pytest.raises(ValidationError):
        services.add_activity_type(
            municipality=lom, by=coordinator_lom, category=Category.SOCIAL, name="slåttedans"
        )
    with translation.override("nn"):
        services.rename_activity_type(
            activity_type=kind, by=coordinator_lom, name="Slåttedans og song"
        )
    kind.refresh_from_db()
    assert kind.name_nn == "Slåttedans og song"
    assert kind.name_nb == "Slåttedans"


def test_shipped_types_cannot_be_renamed(coordinator_lom):
    with pytest.raises(PermissionDenied):
        services.rename_activity_type(activity_type=shipped_type(), by=coordinator_lom, name="X")


def test_co_organisers_representative_cannot_take_the_activity_over(
    applicant, partner, other_partner
):
    activity = ActivityFactory(organiser=other_partner)
    activity.co_organisers.add(partner)
    services.update_activity(activity=activity, by=applicant, title="Saman")  # details: yes
    with pytest.raises(ValidationError):
        services.update_activity(
            activity=activity, by=applicant, organiser=partner, co_organisers=[]
        )
    activity.refresh_from_db()
    assert activity.organiser == other_partner


def test_proposers_phone_is_not_published(lom):
    proposal = services.propose_activity(
        municipality=lom,
        title="Sjakk",
        description="Vi speler sjakk.",
        activity_type=shipped_type(),
        proposed_by_name="Olav Haugen",
        proposed_by_phone="41234567",
    )
    assert proposal.contact_phone == ""
    assert proposal.sign_up_phone == ""


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_several_own_types_in_any_language(coordinator_lom, lom, language):
    with translation.override(language):
        first = services.add_activity_type(
            municipality=lom, by=coordinator_lom, category=Category.SOCIAL, name="Slåttedans"
        )
        second = services.add_activity_type(
            municipality=lom, by=coordinator_lom, category=Category.SOCIAL, name="Bygdekino"
        )
        assert {str(first), str(second)} == {"Slåttedans", "Bygdekino"}
    with translation.override("nb"):
        assert str(ActivityType.objects.get(pk=second.pk)) == "Bygdekino"


def test_approval_email_links_to_the_activity(
    coordinator_lom, mailoutbox, django_capture_on_commit_callbacks
):
    proposal = _proposal(proposed_by_email="olav@example.no")
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_activity(activity=proposal, by=coordinator_lom)
    assert f"/activities/3434/{proposal.pk}/" in mailoutbox[0].body
    assert "Olav Haugen" in mailoutbox[0].body
