"""The area's URLs, included in its app's namespace by the app's urls.py."""

from django.urls import path

from coordination.starting import views

NATIONAL = "national/start-requests/"

urlpatterns = [
    path(
        "municipalities/<municipality:municipality>/start/",
        views.start_request,
        name="start_request",
    ),
    path(
        "municipalities/<municipality:municipality>/start/thanks/",
        views.start_request_thanks,
        name="start_request_thanks",
    ),
    path(NATIONAL, views.start_request_list, name="start_request_list"),
    path(NATIONAL + "<int:pk>/", views.start_request_detail, name="start_request_detail"),
    path(NATIONAL + "<int:pk>/approve/", views.start_request_approve, name="start_request_approve"),
    path(NATIONAL + "<int:pk>/decline/", views.start_request_decline, name="start_request_decline"),
]
