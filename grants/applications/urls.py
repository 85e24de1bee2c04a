"""The applications area's URLs (under the ``grants`` namespace)."""

from django.urls import path

from grants.applications import views

urlpatterns = [
    path("grants/rounds/<int:pk>/apply/", views.application_start, name="application_start"),
    path("grants/applications/", views.my_applications, name="my_applications"),
    path("grants/applications/<int:pk>/", views.application_detail, name="application_detail"),
    path("grants/applications/<int:pk>/edit/", views.application_edit, name="application_edit"),
    path(
        "grants/applications/<int:pk>/budget/", views.application_budget, name="application_budget"
    ),
    path(
        "grants/applications/<int:pk>/partners/",
        views.application_partners,
        name="application_partners",
    ),
    path(
        "grants/applications/partners/<int:pk>/remove/",
        views.application_partner_remove,
        name="application_partner_remove",
    ),
    path("grants/partners/<int:pk>/", views.partner_confirm, name="partner_confirm"),
    path(
        "grants/applications/<int:pk>/attachments/",
        views.application_attachments,
        name="application_attachments",
    ),
    path("grants/attachments/<int:pk>/remove/", views.attachment_remove, name="attachment_remove"),
    path("grants/attachments/<int:pk>/", views.attachment_download, name="attachment_download"),
    path(
        "grants/applications/<int:pk>/submit/", views.application_submit, name="application_submit"
    ),
    path(
        "grants/applications/<int:pk>/withdraw/",
        views.application_withdraw,
        name="application_withdraw",
    ),
    path(
        "grants/applications/<int:pk>/information/",
        views.application_provide_information,
        name="application_provide_information",
    ),
]
