"""The area's URLs, included in its app's namespace by the app's urls.py."""

from django.urls import path

from coordination.kernel.converters import COORDINATION
from coordination.units import views as units

UNITS = f"{COORDINATION}units/"

urlpatterns = [
    # units, their volunteer contacts and the forum of volunteer contacts
    path(UNITS, units.unit_list, name="unit_list"),
    path(UNITS + "add/", units.unit_add, name="unit_add"),
    path(UNITS + "<int:pk>/", units.unit_edit, name="unit_edit"),
    path(UNITS + "<int:pk>/remove/", units.unit_delete, name="unit_delete"),
    path(UNITS + "<int:pk>/contacts/add/", units.unit_contact_add, name="unit_contact_add"),
    path(
        UNITS + "contacts/<int:pk>/remove/",
        units.unit_contact_remove,
        name="unit_contact_remove",
    ),
    path(UNITS + "forum/", units.forum_meeting_list, name="forum_meeting_list"),
    path(UNITS + "forum/add/", units.forum_meeting_add, name="forum_meeting_add"),
    path(UNITS + "forum/<int:pk>/", units.forum_meeting_detail, name="forum_meeting_detail"),
    path(UNITS + "forum/<int:pk>/edit/", units.forum_meeting_edit, name="forum_meeting_edit"),
    path(
        UNITS + "forum/<int:pk>/minutes/",
        units.forum_meeting_minutes,
        name="forum_meeting_minutes",
    ),
    path(
        UNITS + "forum/<int:pk>/remove/",
        units.forum_meeting_delete,
        name="forum_meeting_delete",
    ),
]
