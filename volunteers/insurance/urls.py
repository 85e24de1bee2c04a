"""The area's URLs, included in its app's namespace by the app's urls.py."""

from django.urls import path

from coordination.kernel.converters import COORDINATION
from volunteers.insurance import views as insurance

urlpatterns = [
    path(f"{COORDINATION}insurance/", insurance.insurance_edit, name="insurance_edit"),
]
