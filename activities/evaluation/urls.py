"""The area's URLs, included in the app's namespace by activities/urls.py."""

from django.urls import path

from activities.evaluation import views
from coordination.kernel.converters import COORDINATION

urlpatterns = [
    path(
        f"{COORDINATION}sessions/<int:pk>/attendance/",
        views.session_attendance,
        name="session_attendance",
    ),
    path(
        "activities/<municipality:municipality>/sessions/<int:pk>/feedback/",
        views.session_feedback,
        name="session_feedback",
    ),
    path(
        f"{COORDINATION}activities/<int:pk>/evaluation/",
        views.activity_evaluation,
        name="activity_evaluation",
    ),
    path(
        f"{COORDINATION}activities/evaluation/",
        views.municipality_evaluation,
        name="municipality_evaluation",
    ),
]
