"""The project's URLs: the kernel's and each area's own (their ``urls.py``) under the
``coordination`` namespace, then the volunteers app's."""

from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from coordination.dashboard import urls as dashboard_urls
from coordination.kernel import urls as kernel_urls
from coordination.kernel import views
from coordination.partners import urls as partners_urls
from coordination.printing import urls as printing_urls
from coordination.responsibility import urls as responsibility_urls
from coordination.routines import urls as routines_urls
from coordination.staircase import urls as staircase_urls
from coordination.starting import urls as starting_urls
from coordination.units import urls as units_urls
from coordination.wheel import urls as wheel_urls

admin.site.login = secure_admin_login(admin.site.login)  # admin login goes through allauth
admin.site.site_header = "Samspill"


# Each area's pages, in the ``coordination`` namespace (the first pattern that matches wins).
coordination_patterns = [
    *kernel_urls.urlpatterns,
    *dashboard_urls.urlpatterns,
    *routines_urls.urlpatterns,
    *wheel_urls.urlpatterns,
    *units_urls.urlpatterns,
    *responsibility_urls.urlpatterns,
    *staircase_urls.urlpatterns,
    *partners_urls.urlpatterns,
    *starting_urls.urlpatterns,
    *printing_urls.urlpatterns,
]

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("", include((coordination_patterns, "coordination"))),
    path("", include("volunteers.urls")),
    path("", include("activities.urls")),
    path("", include("grants.urls")),
]
