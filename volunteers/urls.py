from django.urls import path

from . import views

app_name = "volunteers"

urlpatterns = [
    path("volunteer/", views.own_page, name="own_page"),
    path("volunteer/register/", views.register, name="register"),
    path("volunteer/profile/", views.profile_edit, name="profile_edit"),
    path("volunteer/declaration/", views.declaration, name="declaration"),
    path(
        "coordination/<municipality:municipality>/declaration/",
        views.declaration_manage,
        name="declaration_manage",
    ),
    path(
        "coordination/<municipality:municipality>/volunteers/",
        views.registry,
        name="registry",
    ),
    path(
        "coordination/<municipality:municipality>/volunteers/export/",
        views.registry_export,
        name="registry_export",
    ),
    path(
        "coordination/<municipality:municipality>/volunteers/<int:pk>/",
        views.volunteer_detail,
        name="volunteer_detail",
    ),
]
