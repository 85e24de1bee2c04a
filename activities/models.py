"""The activities app's models, one module per area: the catalogue, schedules and sessions,
sign-ups, rides, volunteer shifts, attendance and evaluation."""

from activities.catalogue.models import (
    Activity,
    ActivityStatus,
    ActivityType,
    AgeGroup,
    Category,
    Enrolment,
    FunctionLevel,
    Place,
    PlaceKind,
)
from activities.evaluation.models import Attendance, Feedback
from activities.rides.models import Ride, RideStatus
from activities.schedule.models import (
    Frequency,
    Schedule,
    ScheduleException,
    SchedulePlace,
    Session,
    SessionStatus,
)
from activities.shifts.models import Shift, ShiftSlot, ShiftStatus, Task
from activities.signups.models import (
    FeeCategory,
    MobilityAid,
    OnBehalf,
    Reminder,
    SignUp,
    SignUpStatus,
)

__all__ = [
    "Activity",
    "ActivityStatus",
    "ActivityType",
    "AgeGroup",
    "Attendance",
    "Category",
    "Enrolment",
    "FeeCategory",
    "Feedback",
    "Frequency",
    "FunctionLevel",
    "MobilityAid",
    "OnBehalf",
    "Place",
    "PlaceKind",
    "Reminder",
    "Ride",
    "RideStatus",
    "Schedule",
    "ScheduleException",
    "SchedulePlace",
    "Session",
    "SessionStatus",
    "Shift",
    "ShiftSlot",
    "ShiftStatus",
    "SignUp",
    "SignUpStatus",
    "Task",
]
