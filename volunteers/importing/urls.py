"""The area's URLs, included in its app's namespace by the app's urls.py."""

from django.urls import path

from coordination.kernel.converters import COORDINATION
from volunteers.importing import views as importing

urlpatterns = [
    # --- import of an existing list, notes, consent after an import ---
    path(f"{COORDINATION}volunteers/import/", importing.volunteer_import, name="volunteer_import"),
    path(
        f"{COORDINATION}volunteers/import/confirm/",
        importing.volunteer_import_confirm,
        name="volunteer_import_confirm",
    ),
]
