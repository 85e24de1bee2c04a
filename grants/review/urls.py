"""The review area's URLs (under the ``grants`` namespace): the officer's round and case pages
and the reviewer's own, all under the grant-maker."""

from django.urls import path

from grants.review import views

MAKER = "grants/makers/<int:grant_maker>/"
CASE = f"{MAKER}applications/<int:pk>/"

urlpatterns = [
    path(
        f"{MAKER}rounds/<int:pk>/applications/",
        views.round_applications,
        name="round_applications",
    ),
    path(f"{MAKER}rounds/<int:pk>/ranking/", views.round_ranking, name="round_ranking"),
    path(f"{MAKER}rounds/<int:pk>/fairness/", views.round_fairness, name="round_fairness"),
    path(CASE, views.case, name="case"),
    path(f"{CASE}start-screening/", views.case_start_screening, name="case_start_screening"),
    path(f"{CASE}screen/", views.case_screen, name="case_screen"),
    path(f"{CASE}assign/", views.case_assign, name="case_assign"),
    path(f"{MAKER}assignments/<int:pk>/remove/", views.case_unassign, name="case_unassign"),
    path(
        f"{CASE}request-information/",
        views.case_request_information,
        name="case_request_information",
    ),
    path(f"{CASE}propose/", views.case_propose, name="case_propose"),
    path(f"{CASE}close-review/", views.case_close_review, name="case_close_review"),
    path(f"{MAKER}reviews/", views.review_list, name="review_list"),
    path(f"{MAKER}reviews/<int:pk>/declare/", views.review_declare, name="review_declare"),
    path(f"{MAKER}reviews/<int:pk>/", views.review_score, name="review_score"),
]
