from django.urls import path

from .views import hours, importing, leaving, notes, profile, registry, screening

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
    path("volunteer/hours/", hours.own_hours, name="own_hours"),
    path("volunteer/hours/<int:pk>/edit/", hours.own_hours_edit, name="own_hours_edit"),
    path("volunteer/hours/<int:pk>/withdraw/", hours.own_hours_withdraw, name="own_hours_withdraw"),
    path(f"{COORDINATION}hours/", hours.hours_manage, name="hours_manage"),
    path(f"{COORDINATION}hours/log/", hours.hours_log_for, name="hours_log_for"),
    path(f"{COORDINATION}hours/volunteers/", hours.hours_totals_view, name="hours_totals"),
    path(f"{COORDINATION}hours/rate/", hours.hours_rate, name="hours_rate"),
]
