"""The area's URLs, included in its app's namespace by the app's urls.py."""

from django.urls import path

from coordination.kernel.converters import COORDINATION
from coordination.responsibility import views as responsibility

MAP = f"{COORDINATION}responsibility/"

urlpatterns = [
    # the responsibility map
    path(
        MAP,
        responsibility.responsibility_map_detail,
        name="responsibility_map_detail",
    ),
    path(
        MAP + "edit/",
        responsibility.responsibility_map_edit,
        name="responsibility_map_edit",
    ),
    path(
        MAP + "tasks/add/",
        responsibility.responsibility_task_add,
        name="responsibility_task_add",
    ),
    path(
        MAP + "tasks/<int:pk>/",
        responsibility.responsibility_task_edit,
        name="responsibility_task_edit",
    ),
    path(
        MAP + "tasks/<int:pk>/move/",
        responsibility.responsibility_task_move,
        name="responsibility_task_move",
    ),
    path(
        MAP + "tasks/<int:pk>/remove/",
        responsibility.responsibility_task_delete,
        name="responsibility_task_delete",
    ),
    path(
        MAP + "parties/add/",
        responsibility.responsibility_party_add,
        name="responsibility_party_add",
    ),
    path(
        MAP + "parties/<int:pk>/",
        responsibility.responsibility_party_edit,
        name="responsibility_party_edit",
    ),
    path(
        MAP + "parties/<int:pk>/move/",
        responsibility.responsibility_party_move,
        name="responsibility_party_move",
    ),
    path(
        MAP + "parties/<int:pk>/remove/",
        responsibility.responsibility_party_delete,
        name="responsibility_party_delete",
    ),
]
