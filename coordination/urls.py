"""The project's URLs: the core domain's own under the ``coordination`` namespace."""

from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path, register_converter

from .views import core as views
from .views import partners
from .views import partners_agreements as agreements


class MunicipalityNumberConverter:
    """Four digits, or the URL does not match (404): nothing else reaches a query."""

    regex = "[0-9]{4}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value) -> str:
        return str(value)


register_converter(MunicipalityNumberConverter, "municipality")

admin.site.login = secure_admin_login(admin.site.login)  # admin login goes through allauth
admin.site.site_header = "Samspill"

PARTNERS = "coordination/<municipality:municipality>/partners/"

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
    path("coordination/<municipality:municipality>/", views.overview, name="overview"),
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
        "coordination/<municipality:municipality>/roles/<int:pk>/remove/",
        views.membership_remove,
        name="membership_remove",
    ),
    # partners and agreements
    path(f"{PARTNERS}", partners.partner_list, name="partner_list"),
    path(f"{PARTNERS}add/", partners.partner_add, name="partner_add"),
    path(f"{PARTNERS}map/", partners.partner_map, name="partner_map"),
    path(f"{PARTNERS}<int:pk>/", partners.partner_detail, name="partner_detail"),
    path(f"{PARTNERS}<int:pk>/edit/", partners.partner_edit, name="partner_edit"),
    path(
        f"{PARTNERS}<int:pk>/contacts/add/",
        partners.partner_contact_add,
        name="partner_contact_add",
    ),
    path(
        f"{PARTNERS}contacts/<int:pk>/remove/",
        partners.partner_contact_remove,
        name="partner_contact_remove",
    ),
    path(
        f"{PARTNERS}contacts/<int:pk>/", partners.partner_contact_edit, name="partner_contact_edit"
    ),
    path(f"{PARTNERS}<int:pk>/offers/add/", partners.partner_offer_add, name="partner_offer_add"),
    path(f"{PARTNERS}offers/<int:pk>/", partners.partner_offer_edit, name="partner_offer_edit"),
    path(
        f"{PARTNERS}offers/<int:pk>/remove/",
        partners.partner_offer_remove,
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
    path(
        f"{PARTNERS}agreements/<int:pk>/document/",
        agreements.agreement_document,
        name="agreement_document",
    ),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("", include((coordination_patterns, "coordination"))),
    path("", include("volunteers.urls")),
]
