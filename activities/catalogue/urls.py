"""The area's URLs, included in the app's namespace by activities/urls.py."""

from django.urls import path

from activities.catalogue import views
from coordination.kernel.converters import COORDINATION

urlpatterns = [
    path("activities/<municipality:municipality>/", views.catalogue, name="catalogue"),
    path(
        "activities/<municipality:municipality>/propose/",
        views.activity_propose,
        name="activity_propose",
    ),
    path(
        "activities/<municipality:municipality>/<int:pk>/",
        views.activity_detail,
        name="activity_detail",
    ),
    path(f"{COORDINATION}activities/", views.activity_list, name="activity_list"),
    path(f"{COORDINATION}activities/new/", views.activity_create, name="activity_create"),
    path(f"{COORDINATION}activities/<int:pk>/", views.activity_manage, name="activity_manage"),
    path(f"{COORDINATION}activities/<int:pk>/edit/", views.activity_edit, name="activity_edit"),
    path(
        f"{COORDINATION}activities/<int:pk>/end/", views.activity_archive, name="activity_archive"
    ),
    path(
        f"{COORDINATION}activities/<int:pk>/publish-again/",
        views.activity_republish,
        name="activity_republish",
    ),
    path(f"{COORDINATION}activities/proposals/", views.proposal_list, name="proposal_list"),
    path(
        f"{COORDINATION}activities/proposals/<int:pk>/",
        views.proposal_decide,
        name="proposal_decide",
    ),
    path(f"{COORDINATION}activity-types/", views.activity_type_list, name="activity_type_list"),
    path(f"{COORDINATION}places/", views.place_list, name="place_list"),
    path(f"{COORDINATION}places/new/", views.place_create, name="place_create"),
    path(f"{COORDINATION}places/<int:pk>/", views.place_edit, name="place_edit"),
]
