"""The area's URLs, included in its app's namespace by the app's urls.py."""

from django.urls import path

from coordination.kernel.converters import COORDINATION
from volunteers.calls import views

urlpatterns = [
    path(f"{COORDINATION}calls/", views.call_list, name="call_list"),
    path(f"{COORDINATION}calls/<int:pk>/done/", views.call_done, name="call_done"),
]
