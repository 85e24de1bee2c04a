"""The area's URLs, included in its app's namespace by the app's urls.py."""

from django.urls import path

from coordination.kernel.converters import COORDINATION
from coordination.routines import views as routine_views

urlpatterns = [
    # routines (the routine binder) and the annual wheel
    path(
        f"{COORDINATION}routines/",
        routine_views.routine_list,
        name="routine_list",
    ),
    path(
        f"{COORDINATION}routines/new/",
        routine_views.routine_create,
        name="routine_create",
    ),
    path(
        f"{COORDINATION}routines/starter/",
        routine_views.routine_starters,
        name="routine_starters",
    ),
    path(
        f"{COORDINATION}routines/<int:pk>/",
        routine_views.routine_detail,
        name="routine_detail",
    ),
    path(
        f"{COORDINATION}routines/<int:pk>/edit/",
        routine_views.routine_edit,
        name="routine_edit",
    ),
    path(
        f"{COORDINATION}routines/<int:pk>/approve/",
        routine_views.routine_approve,
        name="routine_approve",
    ),
    path(
        f"{COORDINATION}routines/<int:pk>/people/",
        routine_views.routine_people,
        name="routine_people",
    ),
    path(
        f"{COORDINATION}routines/<int:pk>/archive/",
        routine_views.routine_archive,
        name="routine_archive",
    ),
    path(
        f"{COORDINATION}routines/<int:pk>/versions/",
        routine_views.routine_versions,
        name="routine_versions",
    ),
    path(
        f"{COORDINATION}routines/versions/<int:pk>/",
        routine_views.routine_version_detail,
        name="routine_version_detail",
    ),
]
