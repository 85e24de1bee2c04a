"""The dashboard's figures kept a minute per municipality (kernel.figures_cache), and forgotten
by a write on the municipality's pages."""

import os
import subprocess
import sys

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


def test_figures_kept_by_other_code_are_not_read(lom, monkeypatch):
    """After a deploy that changes what a panel keeps, no process reads the figures the old
    code kept (their shape may differ): the code's version is in the key."""
    count, _ = _counter()
    assert count(lom) == 1
    monkeypatch.setattr(figures_cache, "code_version", lambda: "0123456789abcdef")
    assert count(lom) == 2
    monkeypatch.undo()
    assert count(lom) == 1


def test_the_code_version_is_the_same_in_every_process_of_one_deploy():
    """Worked out from the source files alone: a value of its own in each worker process
    would keep every worker from reading the others' figures."""
    script = (
        "import django; django.setup(); "
        "from coordination.kernel import figures_cache; print(figures_cache.code_version())"
    )
    other = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "coordination.settings"},
    )  # fmt: skip
    assert other.stdout.strip() == figures_cache.code_version()


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
