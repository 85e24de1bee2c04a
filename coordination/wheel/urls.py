"""The area's URLs, included in its app's namespace by the app's urls.py."""

from django.urls import path

from coordination.kernel.converters import COORDINATION
from coordination.wheel import views as wheel_views

urlpatterns = [
    path(
        f"{COORDINATION}wheel/",
        wheel_views.wheel_detail,
        name="wheel_detail",
    ),
    path(
        f"{COORDINATION}wheel/events/",
        wheel_views.wheel_event_list,
        name="wheel_event_list",
    ),
    path(
        f"{COORDINATION}wheel/events/<int:pk>/",
        wheel_views.wheel_event_edit,
        name="wheel_event_edit",
    ),
    path(
        f"{COORDINATION}wheel/events/<int:pk>/delete/",
        wheel_views.wheel_event_delete,
        name="wheel_event_delete",
    ),
]
