from django.urls import path

from .views import importing, notes, profile, registry

app_name = "volunteers"

COORDINATION = "coordination/<municipality:municipality>/"

urlpatterns = [
    # --- the volunteer's own pages ---
    path("volunteer/", profile.own_page, name="own_page"),
    path("volunteer/register/", profile.register, name="register"),
    path("volunteer/profile/", profile.profile_edit, name="profile_edit"),
    path("volunteer/declaration/", profile.declaration, name="declaration"),
    # --- the registry (coordinators, volunteer contacts) ---
    path(f"{COORDINATION}declaration/", registry.declaration_manage, name="declaration_manage"),
    path(f"{COORDINATION}volunteers/", registry.registry, name="registry"),
    path(f"{COORDINATION}volunteers/export/", registry.registry_export, name="registry_export"),
    path(f"{COORDINATION}volunteers/<int:pk>/", registry.volunteer_detail, name="volunteer_detail"),
    # --- import of an existing list, notes, consent after an import ---
    path(f"{COORDINATION}volunteers/import/", importing.volunteer_import, name="volunteer_import"),
    path(
        f"{COORDINATION}volunteers/import/confirm/",
        importing.volunteer_import_confirm,
        name="volunteer_import_confirm",
    ),
    path(
        f"{COORDINATION}volunteers/<int:pk>/notes/", notes.volunteer_notes, name="volunteer_notes"
    ),
    path("volunteer/consent/", profile.consent, name="consent"),
    # --- screening: roles, police certificates, courses ---
    # --- needs, matching, invitations and assignments ---
    # --- hours ---
]
