"""The area's URLs, included in its app's namespace by the app's urls.py."""

from django.urls import path

from coordination.kernel.converters import COORDINATION
from volunteers.leaving import views as leaving

urlpatterns = [
    path("volunteer/leave/", leaving.leave, name="leave"),
    path(
        f"{COORDINATION}volunteers/<int:pk>/leave/",
        leaving.volunteer_leave,
        name="volunteer_leave",
    ),
    path(
        f"{COORDINATION}volunteers/<int:pk>/anonymise/",
        leaving.volunteer_anonymise,
        name="volunteer_anonymise",
    ),
]
