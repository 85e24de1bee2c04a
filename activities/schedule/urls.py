"""The area's URLs, included in the app's namespace by activities/urls.py."""

from django.urls import path

from activities.schedule import views
from coordination.kernel.converters import COORDINATION

urlpatterns = [
    path(
        "activities/<municipality:municipality>/calendar/",
        views.calendar_month,
        name="calendar_month",
    ),
    path(
        "activities/<municipality:municipality>/calendar/week/",
        views.calendar_week,
        name="calendar_week",
    ),
    path(
        "activities/<municipality:municipality>/calendar.ics",
        views.calendar_feed,
        name="calendar_feed",
    ),
    path(
        "activities/<municipality:municipality>/<int:pk>/calendar.ics",
        views.activity_feed,
        name="activity_feed",
    ),
    path(
        f"{COORDINATION}activities/<int:pk>/schedules/new/",
        views.schedule_create,
        name="schedule_create",
    ),
    path(f"{COORDINATION}schedules/<int:pk>/", views.schedule_edit, name="schedule_edit"),
    path(
        f"{COORDINATION}activities/<int:pk>/sessions/new/",
        views.session_create,
        name="session_create",
    ),
    # Under activities/: coordination/<m>/sessions/<pk>/ is the screening courses' session_edit.
    path(
        f"{COORDINATION}activities/sessions/<int:pk>/",
        views.session_detail,
        name="session_detail",
    ),
    path(
        f"{COORDINATION}activities/sessions/<int:pk>/edit/",
        views.session_edit,
        name="session_edit",
    ),
    path(f"{COORDINATION}activities/gaps/", views.gaps, name="gaps"),
]
