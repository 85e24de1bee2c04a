"""The reports area's URLs (under the ``grants`` namespace): the applicant's report, and the
grant-maker's reports, round exports, case dossiers and files."""

from django.urls import path

from grants.reports import views

urlpatterns = [
    path("grants/reports/<int:pk>/", views.report_edit, name="report_edit"),
    path("grants/makers/<int:grant_maker>/reports/", views.report_list, name="report_list"),
    path(
        "grants/makers/<int:grant_maker>/reports/<int:pk>/",
        views.report_review,
        name="report_review",
    ),
    path(
        "grants/makers/<int:grant_maker>/rounds/<int:pk>/export/",
        views.round_export,
        name="round_export",
    ),
    path(
        "grants/makers/<int:grant_maker>/applications/<int:pk>/dossier/",
        views.case_dossier,
        name="case_dossier",
    ),
    path(
        "grants/makers/<int:grant_maker>/exports/<int:pk>/",
        views.export_download,
        name="export_download",
    ),
]
