"""Two people asking for the last place at the same moment: one gets it, the other is put on
the waiting list (the session's row is locked while the places are counted)."""

import threading

import pytest
from django.db import connection

from activities.models import SignUp, SignUpStatus
from activities.signups import services
from tests.activities.factories import ActivityFactory, SessionFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_at_once_for_the_last_place_one_gets_it_one_waits():
    session = SessionFactory(activity=ActivityFactory(capacity=1))
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def sign(name: str) -> None:
        try:
            start.wait()
            services.sign_up(by=None, session=session, participant_name=name)
        except BaseException as error:  # noqa: BLE001 (reported by the test below)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=sign, args=(name,)) for name in ("Anna", "Berit")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    statuses = sorted(SignUp.objects.values_list("status", flat=True))
    assert statuses == [SignUpStatus.CONFIRMED, SignUpStatus.WAITING]
