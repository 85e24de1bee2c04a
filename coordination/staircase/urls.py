"""The area's URLs, included in its app's namespace by the app's urls.py."""

from django.urls import path

from coordination.kernel.converters import COORDINATION
from coordination.staircase import views as staircase_views

urlpatterns = [
    # staircase
    path(
        f"{COORDINATION}staircase/",
        staircase_views.assessment_list,
        name="assessment_list",
    ),
    path(
        f"{COORDINATION}staircase/questionnaire/",
        staircase_views.assessment_answer,
        name="assessment_answer",
    ),
    path(
        f"{COORDINATION}staircase/comparison/",
        staircase_views.assessment_compare,
        name="assessment_compare",
    ),
    path(
        f"{COORDINATION}staircase/sharing/",
        staircase_views.staircase_sharing_edit,
        name="staircase_sharing_edit",
    ),
    path(
        f"{COORDINATION}staircase/<int:pk>/",
        staircase_views.assessment_detail,
        name="assessment_detail",
    ),
]
