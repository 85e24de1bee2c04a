"""The project's URLs: the core domain's own under the ``coordination`` namespace."""

from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from coordination.dashboard import views as dashboard
from coordination.kernel import views
from coordination.kernel.converters import PARTNERS
from coordination.partners.views import agreements
from coordination.partners.views import contacts as partner_contacts
from coordination.partners.views import organisations as partners
from coordination.responsibility import views as responsibility
from coordination.routines import views as routine_views
from coordination.staircase import views as staircase_views
from coordination.units import views as units
from coordination.wheel import views as wheel_views

admin.site.login = secure_admin_login(admin.site.login)  # admin login goes through allauth
admin.site.site_header = "Samspill"


coordination_patterns = [
    path("municipalities/", views.municipality_directory, name="municipality_directory"),
    path(
        "municipalities/<municipality:municipality>/",
        views.municipality_detail,
        name="municipality_detail",
    ),
    path("my/", views.my_page, name="my_page"),
    path("my/profile/", views.profile_edit, name="profile_edit"),
    path("my/data/", views.my_data_download, name="my_data_download"),
    path("my/data/page/", views.my_data_page, name="my_data_page"),
    path("my/delete/", views.account_delete, name="account_delete"),
    path("accessibility/", views.accessibility_statement, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("coordination/<municipality:municipality>/", dashboard.overview, name="overview"),
    path(
        "coordination/<municipality:municipality>/roles/add/",
        views.membership_add,
        name="membership_add",
    ),
    path("coordination/<municipality:municipality>/audit/", views.audit_log, name="audit_log"),
    path("coordination/<municipality:municipality>/files/", views.file_list, name="file_list"),
    path(
        "coordination/<municipality:municipality>/files/<int:pk>/",
        views.file_download,
        name="file_download",
    ),
    path(
        "coordination/<municipality:municipality>/files/<int:pk>/start-again/",
        views.file_start_again,
        name="file_start_again",
    ),
    path(
        "coordination/<municipality:municipality>/roles/<int:pk>/remove/",
        views.membership_remove,
        name="membership_remove",
    ),
    # routines (the routine binder) and the annual wheel
    path(
        "coordination/<municipality:municipality>/routines/",
        routine_views.routine_list,
        name="routine_list",
    ),
    path(
        "coordination/<municipality:municipality>/routines/new/",
        routine_views.routine_create,
        name="routine_create",
    ),
    path(
        "coordination/<municipality:municipality>/routines/starter/",
        routine_views.routine_starters,
        name="routine_starters",
    ),
    path(
        "coordination/<municipality:municipality>/routines/<int:pk>/",
        routine_views.routine_detail,
        name="routine_detail",
    ),
    path(
        "coordination/<municipality:municipality>/routines/<int:pk>/edit/",
        routine_views.routine_edit,
        name="routine_edit",
    ),
    path(
        "coordination/<municipality:municipality>/routines/<int:pk>/approve/",
        routine_views.routine_approve,
        name="routine_approve",
    ),
    path(
        "coordination/<municipality:municipality>/routines/<int:pk>/people/",
        routine_views.routine_people,
        name="routine_people",
    ),
    path(
        "coordination/<municipality:municipality>/routines/<int:pk>/archive/",
        routine_views.routine_archive,
        name="routine_archive",
    ),
    path(
        "coordination/<municipality:municipality>/routines/<int:pk>/versions/",
        routine_views.routine_versions,
        name="routine_versions",
    ),
    path(
        "coordination/<municipality:municipality>/routines/versions/<int:pk>/",
        routine_views.routine_version_detail,
        name="routine_version_detail",
    ),
    path(
        "coordination/<municipality:municipality>/wheel/",
        wheel_views.wheel_detail,
        name="wheel_detail",
    ),
    path(
        "coordination/<municipality:municipality>/wheel/events/",
        wheel_views.wheel_event_list,
        name="wheel_event_list",
    ),
    path(
        "coordination/<municipality:municipality>/wheel/events/<int:pk>/",
        wheel_views.wheel_event_edit,
        name="wheel_event_edit",
    ),
    path(
        "coordination/<municipality:municipality>/wheel/events/<int:pk>/delete/",
        wheel_views.wheel_event_delete,
        name="wheel_event_delete",
    ),
]

units_prefix = "coordination/<municipality:municipality>/units/"
responsibility_prefix = "coordination/<municipality:municipality>/responsibility/"
coordination_patterns += [
    # units, their volunteer contacts and the forum of volunteer contacts
    path(units_prefix, units.unit_list, name="unit_list"),
    path(units_prefix + "add/", units.unit_add, name="unit_add"),
    path(units_prefix + "<int:pk>/", units.unit_edit, name="unit_edit"),
    path(units_prefix + "<int:pk>/remove/", units.unit_delete, name="unit_delete"),
    path(units_prefix + "<int:pk>/contacts/add/", units.unit_contact_add, name="unit_contact_add"),
    path(
        units_prefix + "contacts/<int:pk>/remove/",
        units.unit_contact_remove,
        name="unit_contact_remove",
    ),
    path(units_prefix + "forum/", units.forum_meeting_list, name="forum_meeting_list"),
    path(units_prefix + "forum/add/", units.forum_meeting_add, name="forum_meeting_add"),
    path(units_prefix + "forum/<int:pk>/", units.forum_meeting_detail, name="forum_meeting_detail"),
    path(
        units_prefix + "forum/<int:pk>/edit/", units.forum_meeting_edit, name="forum_meeting_edit"
    ),
    path(
        units_prefix + "forum/<int:pk>/minutes/",
        units.forum_meeting_minutes,
        name="forum_meeting_minutes",
    ),
    path(
        units_prefix + "forum/<int:pk>/remove/",
        units.forum_meeting_delete,
        name="forum_meeting_delete",
    ),
    # the responsibility map
    path(
        responsibility_prefix,
        responsibility.responsibility_map_detail,
        name="responsibility_map_detail",
    ),
    path(
        responsibility_prefix + "edit/",
        responsibility.responsibility_map_edit,
        name="responsibility_map_edit",
    ),
    path(
        responsibility_prefix + "tasks/add/",
        responsibility.responsibility_task_add,
        name="responsibility_task_add",
    ),
    path(
        responsibility_prefix + "tasks/<int:pk>/",
        responsibility.responsibility_task_edit,
        name="responsibility_task_edit",
    ),
    path(
        responsibility_prefix + "tasks/<int:pk>/move/",
        responsibility.responsibility_task_move,
        name="responsibility_task_move",
    ),
    path(
        responsibility_prefix + "tasks/<int:pk>/remove/",
        responsibility.responsibility_task_delete,
        name="responsibility_task_delete",
    ),
    path(
        responsibility_prefix + "parties/add/",
        responsibility.responsibility_party_add,
        name="responsibility_party_add",
    ),
    path(
        responsibility_prefix + "parties/<int:pk>/",
        responsibility.responsibility_party_edit,
        name="responsibility_party_edit",
    ),
    path(
        responsibility_prefix + "parties/<int:pk>/move/",
        responsibility.responsibility_party_move,
        name="responsibility_party_move",
    ),
    path(
        responsibility_prefix + "parties/<int:pk>/remove/",
        responsibility.responsibility_party_delete,
        name="responsibility_party_delete",
    ),
    # staircase
    path(
        "coordination/<municipality:municipality>/staircase/",
        staircase_views.assessment_list,
        name="assessment_list",
    ),
    path(
        "coordination/<municipality:municipality>/staircase/questionnaire/",
        staircase_views.assessment_answer,
        name="assessment_answer",
    ),
    path(
        "coordination/<municipality:municipality>/staircase/comparison/",
        staircase_views.assessment_compare,
        name="assessment_compare",
    ),
    path(
        "coordination/<municipality:municipality>/staircase/sharing/",
        staircase_views.staircase_sharing_edit,
        name="staircase_sharing_edit",
    ),
    path(
        "coordination/<municipality:municipality>/staircase/<int:pk>/",
        staircase_views.assessment_detail,
        name="assessment_detail",
    ),
    # partners and agreements
    path(f"{PARTNERS}", partners.partner_list, name="partner_list"),
    path(f"{PARTNERS}add/", partners.partner_add, name="partner_add"),
    path(f"{PARTNERS}map/", partners.partner_map, name="partner_map"),
    path(f"{PARTNERS}<int:pk>/", partners.partner_detail, name="partner_detail"),
    path(f"{PARTNERS}<int:pk>/edit/", partners.partner_edit, name="partner_edit"),
    path(
        f"{PARTNERS}<int:pk>/contacts/add/",
        partner_contacts.partner_contact_add,
        name="partner_contact_add",
    ),
    path(
        f"{PARTNERS}contacts/<int:pk>/remove/",
        partner_contacts.partner_contact_remove,
        name="partner_contact_remove",
    ),
    path(
        f"{PARTNERS}contacts/<int:pk>/",
        partner_contacts.partner_contact_edit,
        name="partner_contact_edit",
    ),
    path(
        f"{PARTNERS}<int:pk>/offers/add/",
        partner_contacts.partner_offer_add,
        name="partner_offer_add",
    ),
    path(
        f"{PARTNERS}offers/<int:pk>/",
        partner_contacts.partner_offer_edit,
        name="partner_offer_edit",
    ),
    path(
        f"{PARTNERS}offers/<int:pk>/remove/",
        partner_contacts.partner_offer_remove,
        name="partner_offer_remove",
    ),
    path(f"{PARTNERS}agreements/", agreements.agreement_list, name="agreement_list"),
    path(f"{PARTNERS}agreements/add/", agreements.agreement_add, name="agreement_add"),
    path(
        f"{PARTNERS}agreements/<int:pk>/",
        agreements.agreement_detail,
        name="agreement_detail",
    ),
    path(
        f"{PARTNERS}agreements/<int:pk>/edit/",
        agreements.agreement_edit,
        name="agreement_edit",
    ),
    path(
        f"{PARTNERS}agreements/<int:pk>/status/",
        agreements.agreement_status,
        name="agreement_status",
    ),
    # s10-forms: ending and reopening an agreement ask first
    path(f"{PARTNERS}agreements/<int:pk>/end/", agreements.agreement_end, name="agreement_end"),
    path(
        f"{PARTNERS}agreements/<int:pk>/reopen/",
        agreements.agreement_reopen,
        name="agreement_reopen",
    ),
    path(
        f"{PARTNERS}agreements/<int:pk>/document/",
        agreements.agreement_document,
        name="agreement_document",
    ),
]

# A cache outage met outside a view gets the 503 page too (coordination.kernel.middleware).
handler500 = "coordination.kernel.middleware.server_error"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("", include((coordination_patterns, "coordination"))),
    path("", include("volunteers.urls")),
]
