"""The area's URLs, included in the app's namespace by activities/urls.py."""

from django.urls import path

from activities.signups import views
from coordination.kernel.converters import COORDINATION

urlpatterns = [
    path(
        "activities/<municipality:municipality>/sessions/<int:pk>/sign-up/",
        views.session_sign_up,
        name="session_sign_up",
    ),
    path(
        "activities/<municipality:municipality>/<int:pk>/sign-up/",
        views.activity_sign_up,
        name="activity_sign_up",
    ),
    path("activities/sign-ups/<str:token>/", views.signup_receipt, name="signup_receipt"),
    path("activities/sign-ups/<str:token>/cancel/", views.signup_cancel, name="signup_cancel"),
    path(
        f"{COORDINATION}sessions/<int:pk>/participants/",
        views.session_participants,
        name="session_participants",
    ),
    path(
        f"{COORDINATION}sessions/<int:pk>/participants/add/",
        views.participant_add,
        name="participant_add",
    ),
    path(
        f"{COORDINATION}sign-ups/<int:pk>/cancel/",
        views.signup_cancel_by_organiser,
        name="signup_cancel_by_organiser",
    ),
    path(f"{COORDINATION}sessions/<int:pk>/cancel/", views.session_cancel, name="session_cancel"),
    path(f"{COORDINATION}activities/reminder-calls/", views.reminder_calls, name="reminder_calls"),
]
