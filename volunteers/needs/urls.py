"""The area's URLs, included in its app's namespace by the app's urls.py."""

from django.urls import path

from coordination.kernel.converters import COORDINATION
from volunteers.needs import assignment_views as assignments
from volunteers.needs import views as needs

urlpatterns = [
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
    path(f"{COORDINATION}needs/<int:pk>/left-out/", needs.need_left_out, name="need_left_out"),
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
    path(
        f"{COORDINATION}invitations/<int:pk>/answer/",
        needs.invitation_answer,
        name="invitation_answer",
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
]
