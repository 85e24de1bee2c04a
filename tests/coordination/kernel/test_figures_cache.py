"""The dashboard's figures kept a minute per municipality (kernel.figures_cache), and forgotten
by a write on the municipality's pages."""

import pytest

from coordination.kernel import figures_cache
from tests.factories import HoursEntryFactory, VolunteerFactory

pytestmark = pytest.mark.django_db
HOURS = "/coordination/3434/hours/"


def _counter():
    asked = []

    @figures_cache.per_municipality("test_counter")
    def count(municipality) -> int:
        asked.append(municipality)
        return len(asked)

    return count, asked


def test_each_municipality_is_counted_once_and_kept_apart(lom, drammen):
    count, asked = _counter()
    assert (count(lom), count(lom), count(drammen), count("3434")) == (1, 1, 2, 1)
    assert asked == [lom, drammen]
    figures_cache.forget_for_municipality(lom)
    assert (count(lom), count(drammen)) == (3, 2)


def test_only_a_write_someone_may_make_forgets_the_figures(
    client_of, coordinator_lom, coordinator_drammen
):
    count, _ = _counter()
    entry = HoursEntryFactory(volunteer=VolunteerFactory())
    count("3434")
    client_of(coordinator_lom).get(HOURS)  # looking forgets nothing
    forbidden = client_of(coordinator_drammen).post(
        HOURS, {"entries": [entry.pk], "decision": "approve"}
    )
    assert forbidden.status_code == 404
    assert count("3434") == 1
    client_of(coordinator_lom).post(HOURS, {"entries": [entry.pk], "decision": "approve"})
    assert count("3434") == 2
