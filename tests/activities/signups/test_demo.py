"""The sign-ups' demo step: made through the services, idempotent."""

import pytest

from activities.models import Ride, SignUp, SignUpStatus
from activities.signups import demo
from tests.activities.factories import ActivityFactory, SessionFactory

pytestmark = pytest.mark.django_db


def test_the_demo_signs_people_up_through_the_services_once(coordinator_lom):
    session = SessionFactory(activity=ActivityFactory(transport_offered=True, capacity=4))
    demo.seed(command=None)
    signups = SignUp.objects.filter(session=session)
    assert signups.count() == len(demo.PEOPLE)
    assert signups.filter(status=SignUpStatus.WAITING).count() == 1
    assert signups.exclude(on_behalf="").exists()
    assert Ride.objects.filter(session=session).exists()
    demo.seed(command=None)
    assert SignUp.objects.filter(session=session).count() == len(demo.PEOPLE)
