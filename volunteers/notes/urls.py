"""The area's URLs, included in its app's namespace by the app's urls.py."""

from django.urls import path

from coordination.kernel.converters import COORDINATION
from volunteers.notes import views as notes

urlpatterns = [
    path(
        f"{COORDINATION}volunteers/<int:pk>/notes/", notes.volunteer_notes, name="volunteer_notes"
    ),
]
