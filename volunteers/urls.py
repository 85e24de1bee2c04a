from django.urls import path

from volunteers.hours import views as hours
from volunteers.importing import views as importing
from volunteers.insurance import views as insurance
from volunteers.leaving import views as leaving
from volunteers.needs import assignment_views as assignments
from volunteers.needs import views as needs
from volunteers.notes import views as notes
from volunteers.profile import views as profile
from volunteers.registry import views as registry
from volunteers.screening import own_views as volunteer_screening
from volunteers.screening import views as screening
from volunteers.units import views as units

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
    # --- the units where a volunteer helps (their contacts see them) ---
    path(
        f"{COORDINATION}volunteers/<int:pk>/units/", units.volunteer_units, name="volunteer_units"
    ),
    # --- screening: roles, police certificates, courses ---
    path(f"{COORDINATION}roles/", screening.role_list, name="role_list"),
    path(f"{COORDINATION}roles/<int:pk>/", screening.role_edit, name="role_edit"),
    path(f"{COORDINATION}courses/", screening.course_list, name="course_list"),
    path(f"{COORDINATION}insurance/", insurance.insurance_edit, name="insurance_edit"),
    path(f"{COORDINATION}courses/<int:pk>/", screening.course_detail, name="course_detail"),
    path(f"{COORDINATION}courses/<int:pk>/edit/", screening.course_edit, name="course_edit"),
    path(f"{COORDINATION}sessions/<int:pk>/", screening.session_edit, name="session_edit"),
    path(
        f"{COORDINATION}sessions/<int:pk>/completions/",
        screening.session_completions,
        name="session_completions",
    ),
    path(
        f"{COORDINATION}volunteers/<int:pk>/roles/", volunteer_screening.role_give, name="role_give"
    ),
    path(
        f"{COORDINATION}volunteers/<int:pk>/courses/",
        volunteer_screening.completion_add,
        name="completion_add",
    ),
    path(
        f"{COORDINATION}role-holders/<int:pk>/police-certificate/",
        volunteer_screening.certificate_record,
        name="certificate_record",
    ),
    path(
        f"{COORDINATION}role-holders/<int:pk>/remove/",
        volunteer_screening.role_take_away,
        name="role_take_away",
    ),
    # --- needs, matching, invitations and assignments ---
    path("help/<municipality:municipality>/", needs.help_form, name="help_form"),
    path("help/<municipality:municipality>/thanks/", needs.help_thanks, name="help_thanks"),
    path("volunteer/invitations/<int:pk>/", assignments.invitation, name="invitation"),
    path("volunteer/assignments/<int:pk>/", assignments.own_assignment, name="own_assignment"),
    path(f"{COORDINATION}needs/", needs.need_list, name="need_list"),
    path(f"{COORDINATION}needs/new/", needs.need_report, name="need_report"),
    path(f"{COORDINATION}needs/<int:pk>/", needs.need_detail, name="need_detail"),
    path(f"{COORDINATION}needs/<int:pk>/edit/", needs.need_edit, name="need_edit"),
    path(f"{COORDINATION}needs/<int:pk>/step/", needs.need_step, name="need_step"),
    path(f"{COORDINATION}needs/<int:pk>/invite/", needs.need_invite, name="need_invite"),
    path(
        f"{COORDINATION}needs/<int:pk>/service-clarified/",
        needs.need_service_clarified,
        name="need_service_clarified",
    ),
    path(
        f"{COORDINATION}needs/<int:pk>/extra-check/",
        needs.need_extra_check,
        name="need_extra_check",
    ),
    path(f"{COORDINATION}needs/<int:pk>/follow-ups/", needs.follow_up_plan, name="follow_up_plan"),
    path(
        f"{COORDINATION}invitations/<int:pk>/withdraw/",
        needs.invitation_withdraw,
        name="invitation_withdraw",
    ),
    path(f"{COORDINATION}follow-ups/<int:pk>/", needs.follow_up_record, name="follow_up_record"),
    path(
        f"{COORDINATION}assignments/<int:pk>/",
        assignments.assignment_detail,
        name="assignment_detail",
    ),
    path(
        f"{COORDINATION}assignments/<int:pk>/pairing/",
        assignments.assignment_pairing,
        name="assignment_pairing",
    ),
    path(
        f"{COORDINATION}assignments/<int:pk>/pause/",
        assignments.assignment_pause,
        name="assignment_pause",
    ),
    path(
        f"{COORDINATION}assignments/<int:pk>/resume/",
        assignments.assignment_resume,
        name="assignment_resume",
    ),
    path(
        f"{COORDINATION}assignments/<int:pk>/end/",
        assignments.assignment_end,
        name="assignment_end",
    ),
    # --- hours ---
    path("volunteer/hours/", hours.own_hours, name="own_hours"),
    path("volunteer/hours/<int:pk>/edit/", hours.own_hours_edit, name="own_hours_edit"),
    path("volunteer/hours/<int:pk>/withdraw/", hours.own_hours_withdraw, name="own_hours_withdraw"),
    path(f"{COORDINATION}hours/", hours.hours_manage, name="hours_manage"),
    path(f"{COORDINATION}hours/log/", hours.hours_log_for, name="hours_log_for"),
    path(f"{COORDINATION}hours/volunteers/", hours.hours_totals_view, name="hours_totals"),
    path(f"{COORDINATION}hours/rate/", hours.hours_rate, name="hours_rate"),
]
