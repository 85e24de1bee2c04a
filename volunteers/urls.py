from django.urls import path

from .views import needs, profile, registry

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
    # --- needs, matching, invitations and assignments ---
    path("help/<municipality:municipality>/", needs.help_form, name="help_form"),
    path("help/<municipality:municipality>/thanks/", needs.help_thanks, name="help_thanks"),
    path("volunteer/invitations/<int:pk>/", needs.invitation, name="invitation"),
    path("volunteer/assignments/<int:pk>/", needs.own_assignment, name="own_assignment"),
    path(f"{COORDINATION}needs/", needs.need_list, name="need_list"),
    path(f"{COORDINATION}needs/new/", needs.need_report, name="need_report"),
    path(f"{COORDINATION}needs/<int:pk>/", needs.need_detail, name="need_detail"),
    path(f"{COORDINATION}needs/<int:pk>/edit/", needs.need_edit, name="need_edit"),
    path(f"{COORDINATION}needs/<int:pk>/step/", needs.need_step, name="need_step"),
    path(f"{COORDINATION}needs/<int:pk>/invite/", needs.need_invite, name="need_invite"),
    path(f"{COORDINATION}needs/<int:pk>/follow-ups/", needs.follow_up_plan, name="follow_up_plan"),
    path(
        f"{COORDINATION}invitations/<int:pk>/withdraw/",
        needs.invitation_withdraw,
        name="invitation_withdraw",
    ),
    path(f"{COORDINATION}follow-ups/<int:pk>/", needs.follow_up_record, name="follow_up_record"),
    path(f"{COORDINATION}assignments/<int:pk>/", needs.assignment_detail, name="assignment_detail"),
    path(
        f"{COORDINATION}assignments/<int:pk>/pairing/",
        needs.assignment_pairing,
        name="assignment_pairing",
    ),
    path(
        f"{COORDINATION}assignments/<int:pk>/pause/",
        needs.assignment_pause,
        name="assignment_pause",
    ),
    path(
        f"{COORDINATION}assignments/<int:pk>/resume/",
        needs.assignment_resume,
        name="assignment_resume",
    ),
    path(f"{COORDINATION}assignments/<int:pk>/end/", needs.assignment_end, name="assignment_end"),
    # --- hours ---
]
