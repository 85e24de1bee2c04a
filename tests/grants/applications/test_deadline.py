"""The deadline: ``closes_at`` is the last moment an application is accepted, on the server's
clock, whatever the time of year in Europe/Oslo."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from grants.applications.services import start_application, submit_application
from grants.applications.workflow import Status
from tests.grants.factories import oslo

WINTER = oslo(2027, 3, 1, 12, 0, 0)  # CET, UTC+1
SUMMER = oslo(2027, 6, 15, 12, 0, 0)  # CEST, UTC+2
SECOND = datetime.timedelta(seconds=1)


def _set_deadline(application, closes_at):
    round_ = application.round
    round_.opens_at = closes_at - datetime.timedelta(days=60)
    round_.closes_at = closes_at
    round_.save()
    year = closes_at.year
    application.starts_on = datetime.date(year, 9, 1)
    application.ends_on = datetime.date(year, 12, 31)
    application.save()
    application.budget_lines.update(year=year)


@pytest.mark.parametrize("closes_at", [WINTER, SUMMER], ids=["winter", "summer"])
@pytest.mark.parametrize(
    ("offset", "accepted"),
    [(-SECOND, True), (datetime.timedelta(0), True), (SECOND, False)],
    ids=["second-before", "exactly-at", "second-after"],
)
def test_deadline_edges(draft, rep, closes_at, offset, accepted):
    _set_deadline(draft, closes_at)
    with time_machine.travel(closes_at + offset, tick=False):
        if accepted:
            submit_application(by=rep, application=draft)
            draft.refresh_from_db()
            assert draft.status == Status.SUBMITTED
            assert draft.submitted_at == closes_at + offset
        else:
            with pytest.raises(ValidationError) as refused:
                submit_application(by=rep, application=draft)
            draft.refresh_from_db()
            assert draft.status == Status.DRAFT and draft.number is None
            assert "The application can no longer be sent" in refused.value.messages[0]


def test_the_refusal_names_the_deadline_in_norwegian_time(draft, rep):
    _set_deadline(draft, WINTER)
    with (
        time_machine.travel(WINTER + SECOND, tick=False),
        pytest.raises(ValidationError) as refused,
    ):
        submit_application(by=rep, application=draft)
    assert refused.value.messages == [
        "The deadline passed at 12:00 on March 1, 2027 (Norwegian time). The application can "
        "no longer be sent."
    ]


def test_summer_deadline_is_said_in_summer_time(draft, rep):
    """12:00 in Oslo in June is 10:00 UTC; the sentence says 12:00."""
    _set_deadline(draft, SUMMER)
    assert SUMMER.astimezone(datetime.UTC).hour == 10
    with (
        time_machine.travel(SUMMER + SECOND, tick=False),
        pytest.raises(ValidationError) as refused,
    ):
        submit_application(by=rep, application=draft)
    assert "at 12:00 on June 15, 2027" in refused.value.messages[0]


def test_no_application_is_started_after_the_deadline(rep, organisation, round_):
    with (
        time_machine.travel(round_.closes_at + SECOND, tick=False),
        pytest.raises(ValidationError, match="deadline passed"),
    ):
        start_application(
            by=rep, round=round_, title="Sent", municipality=organisation.municipalities.get(),
            organisation=organisation,
        )  # fmt: skip


def test_no_application_is_started_before_the_round_opens(rep, organisation, round_):
    with (
        time_machine.travel(round_.opens_at - SECOND, tick=False),
        pytest.raises(ValidationError, match="This round opens at"),
    ):
        start_application(
            by=rep, round=round_, title="Early", municipality=organisation.municipalities.get(),
            organisation=organisation,
        )  # fmt: skip
