"""Attendance and evaluation: who came to a session, the participants' 1–5 answers, and the
summaries of an activity and of a municipality's whole offer (Fjell/Øygarden: "evaluate and
learn").

The summaries are what other parts read: the evaluation pages, the dashboard panel, and the
grants issue's reports ("reports that draw on real activity data"). Both take a period
(``since``/``until``, dates in Europe/Oslo, both inclusive) and run a fixed number of aggregate
queries whatever the number of activities or sessions::

    activity_summary(activity, since=date(2026, 1, 1), until=date(2026, 6, 30))
    municipality_summary(municipality, since=..., until=...)
"""

from activities.evaluation.services.attendance import (
    FEEDBACK_DAYS,
    FEEDBACK_PER_SESSION,
    MAX_WALK_INS,
    OSLO,
    RATINGS,
    confirmed_signups,
    covered_ride_signups,
    feedback_refusal,
    give_feedback,
    no_attendance_reason,
    record_attendance,
)
from activities.evaluation.services.summaries import (
    AFTERNOON,
    EVENING,
    MORNING,
    PARTS_OF_DAY,
    WEEKEND,
    ActivitySummary,
    CategorySummary,
    Figures,
    MunicipalitySummary,
    activity_summary,
    evaluated_activities,
    month_figures,
    municipality_summary,
    part_of_day,
    prefixed,
    session_bounds,
    villages_reached,
)

__all__ = [
    "AFTERNOON",
    "EVENING",
    "FEEDBACK_DAYS",
    "FEEDBACK_PER_SESSION",
    "MAX_WALK_INS",
    "MORNING",
    "OSLO",
    "PARTS_OF_DAY",
    "RATINGS",
    "WEEKEND",
    "ActivitySummary",
    "CategorySummary",
    "Figures",
    "MunicipalitySummary",
    "activity_summary",
    "confirmed_signups",
    "covered_ride_signups",
    "evaluated_activities",
    "feedback_refusal",
    "give_feedback",
    "month_figures",
    "municipality_summary",
    "no_attendance_reason",
    "part_of_day",
    "prefixed",
    "record_attendance",
    "session_bounds",
    "villages_reached",
]
