"""The decisions area's URLs (under the ``grants`` namespace): the officer's pages under the
grant-maker, the applicant's under the application, the letter under the decision."""

from django.urls import path

from grants.decisions import views

urlpatterns = [
    path(
        "grants/makers/<int:grant_maker>/applications/<int:pk>/decide/",
        views.case_decide,
        name="case_decide",
    ),
    path(
        "grants/makers/<int:grant_maker>/appeals/<int:pk>/",
        views.appeal_handle,
        name="appeal_handle",
    ),
    path("grants/decisions/<int:pk>/letter/", views.decision_letter, name="decision_letter"),
    path(
        "grants/applications/<int:pk>/appeal/",
        views.application_appeal,
        name="application_appeal",
    ),
    path(
        "grants/applications/<int:pk>/accept/",
        views.application_accept,
        name="application_accept",
    ),
]
