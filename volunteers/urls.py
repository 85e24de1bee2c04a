from django.urls import path

from .views import profile, registry, screening

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
    # --- import of an existing list ---
    # --- screening: roles, police certificates, courses ---
    path(f"{COORDINATION}roles/", screening.role_list, name="role_list"),
    path(f"{COORDINATION}roles/<int:pk>/", screening.role_edit, name="role_edit"),
    path(f"{COORDINATION}courses/", screening.course_list, name="course_list"),
    path(f"{COORDINATION}courses/<int:pk>/", screening.course_detail, name="course_detail"),
    path(f"{COORDINATION}courses/<int:pk>/edit/", screening.course_edit, name="course_edit"),
    path(f"{COORDINATION}sessions/<int:pk>/", screening.session_edit, name="session_edit"),
    path(
        f"{COORDINATION}sessions/<int:pk>/completions/",
        screening.session_completions,
        name="session_completions",
    ),
    path(f"{COORDINATION}volunteers/<int:pk>/roles/", screening.role_give, name="role_give"),
    path(
        f"{COORDINATION}volunteers/<int:pk>/courses/",
        screening.completion_add,
        name="completion_add",
    ),
    path(
        f"{COORDINATION}role-holders/<int:pk>/police-certificate/",
        screening.certificate_record,
        name="certificate_record",
    ),
    path(
        f"{COORDINATION}role-holders/<int:pk>/remove/",
        screening.role_take_away,
        name="role_take_away",
    ),
    # --- needs, matching, invitations and assignments ---
    # --- hours ---
]
