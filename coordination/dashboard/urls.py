"""The area's URLs, included in its app's namespace by the app's urls.py."""

from django.urls import path

from coordination.dashboard import views as dashboard
from coordination.kernel.converters import COORDINATION

urlpatterns = [
    path(f"{COORDINATION}", dashboard.overview, name="overview"),
]
