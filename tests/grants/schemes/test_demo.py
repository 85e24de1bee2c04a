"""The schemes area's demo step, made through the services: a second run changes nothing."""

from io import StringIO
from types import SimpleNamespace

import pytest
from django.utils import timezone

from coordination.models import GrantMaker, GrantRole
from grants.schemes.demo import OFFICER, REVIEWER, schemes_demo
from grants.schemes.models import Round

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_national_grant_maker_with_a_closed_and_an_open_round():
    command = SimpleNamespace(stdout=StringIO())
    schemes_demo(command)
    schemes_demo(command)  # again: nothing new
    grant_maker = GrantMaker.objects.get(name="Helsedirektoratet")
    assert sorted(grant_maker.roles.values_list("user__email", "role")) == sorted(
        [(OFFICER[0], GrantRole.OFFICER), (REVIEWER[0], GrantRole.REVIEWER)]
    )
    closed, open_ = Round.objects.filter(grant_maker=grant_maker).order_by("opens_at")
    now = timezone.now()
    assert closed.has_closed(now) and open_.is_open(now)
    assert open_.criteria.count() == closed.criteria.count() == 9
    assert open_.questions.get().in_light_form  # copied from last year's round
    assert open_.scheme.name_en == "Activity measures for the elderly"
    assert OFFICER[0] in command.stdout.getvalue()
