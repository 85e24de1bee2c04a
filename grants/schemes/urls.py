"""The schemes area's URLs (under the ``grants`` namespace): the public rounds, the national
administrator's grant-makers, and each grant-maker's home, people, schemes and rounds."""

from django.urls import path

from grants.schemes import views

MAKER = "grants/makers/<int:grant_maker>/"

urlpatterns = [
    path("grants/", views.round_list, name="round_list"),
    path("grants/rounds/<int:pk>/", views.round_public, name="round_public"),
    path("grants/makers/", views.grant_maker_list, name="grant_maker_list"),
    path("grants/makers/new/", views.grant_maker_create, name="grant_maker_create"),
    path(MAKER + "officer/", views.grant_maker_officer_add, name="grant_maker_officer_add"),
    path(MAKER, views.grant_maker_home, name="grant_maker_home"),
    path(MAKER + "roles/", views.grant_maker_roles, name="grant_maker_roles"),
    path(MAKER + "roles/<int:pk>/remove/", views.grant_role_remove, name="grant_role_remove"),
    path(MAKER + "schemes/new/", views.scheme_create, name="scheme_create"),
    path(MAKER + "schemes/<int:pk>/", views.scheme_edit, name="scheme_edit"),
    path(MAKER + "schemes/<int:pk>/rounds/new/", views.round_create, name="round_create"),
    path(MAKER + "rounds/<int:pk>/edit/", views.round_edit, name="round_edit"),
    path(MAKER + "rounds/<int:pk>/criteria/", views.round_criteria, name="round_criteria"),
    path(MAKER + "rounds/<int:pk>/conditions/", views.round_conditions, name="round_conditions"),
    path(MAKER + "rounds/<int:pk>/questions/", views.round_questions, name="round_questions"),
]
