from django.urls import path

from .views import leaving, profile, registry

app_name = "volunteers"

COORDINATION = "coordination/<municipality:municipality>/"

urlpatterns = [
    # --- the volunteer's own pages ---
    path("volunteer/", profile.own_page, name="own_page"),
    path("volunteer/register/", profile.register, name="register"),
    path("volunteer/profile/", profile.profile_edit, name="profile_edit"),
    path("volunteer/declaration/", profile.declaration, name="declaration"),
    path("volunteer/leave/", leaving.leave, name="leave"),
    # --- the registry (coordinators, volunteer contacts) ---
    path(f"{COORDINATION}declaration/", registry.declaration_manage, name="declaration_manage"),
    path(f"{COORDINATION}volunteers/", registry.registry, name="registry"),
    path(f"{COORDINATION}volunteers/export/", registry.registry_export, name="registry_export"),
    path(f"{COORDINATION}volunteers/<int:pk>/", registry.volunteer_detail, name="volunteer_detail"),
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
    # --- import of an existing list ---
    # --- screening: roles, police certificates, courses ---
    # --- needs, matching, invitations and assignments ---
    # --- hours ---
]
