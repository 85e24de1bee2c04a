"""The area's URLs, included in its app's namespace by the app's urls.py."""

from django.urls import path

from coordination.kernel.converters import COORDINATION
from volunteers.screening import own_views as volunteer_screening
from volunteers.screening import views as screening

urlpatterns = [
    # --- screening: roles, police certificates, courses ---
    path(f"{COORDINATION}roles/", screening.role_list, name="role_list"),
    path(f"{COORDINATION}roles/<int:pk>/", screening.role_edit, name="role_edit"),
    path(f"{COORDINATION}courses/", screening.course_list, name="course_list"),
    path(f"{COORDINATION}courses/<int:pk>/", screening.course_detail, name="course_detail"),
    path(f"{COORDINATION}courses/<int:pk>/edit/", screening.course_edit, name="course_edit"),
    path(f"{COORDINATION}sessions/<int:pk>/", screening.session_edit, name="session_edit"),
    path(
        f"{COORDINATION}sessions/<int:pk>/completions/",
        screening.session_completions,
        name="session_completions",
    ),
    path(
        f"{COORDINATION}volunteers/<int:pk>/roles/", volunteer_screening.role_give, name="role_give"
    ),
    path(
        f"{COORDINATION}volunteers/<int:pk>/courses/",
        volunteer_screening.completion_add,
        name="completion_add",
    ),
    path(
        f"{COORDINATION}role-holders/<int:pk>/police-certificate/",
        volunteer_screening.certificate_record,
        name="certificate_record",
    ),
    path(
        f"{COORDINATION}role-holders/<int:pk>/remove/",
        volunteer_screening.role_take_away,
        name="role_take_away",
    ),
]
