"""The area's URLs, included in its app's namespace by the app's urls.py."""

from django.urls import path

from coordination.kernel import role_views, views
from coordination.kernel.converters import COORDINATION

urlpatterns = [
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
    path(
        f"{COORDINATION}roles/add/",
        role_views.membership_add,
        name="membership_add",
    ),
    path(
        f"{COORDINATION}roles/invitations/<int:pk>/withdraw/",
        role_views.invitation_withdraw,
        name="invitation_withdraw",
    ),
    path(
        f"{COORDINATION}public-contact/",
        role_views.public_contact_edit,
        name="public_contact_edit",
    ),
    path(f"{COORDINATION}audit/", views.audit_log, name="audit_log"),
    path(f"{COORDINATION}files/", views.file_list, name="file_list"),
    path(
        f"{COORDINATION}files/<int:pk>/",
        views.file_download,
        name="file_download",
    ),
    path(
        f"{COORDINATION}files/<int:pk>/start-again/",
        views.file_start_again,
        name="file_start_again",
    ),
    path(
        f"{COORDINATION}roles/<int:pk>/remove/",
        role_views.membership_remove,
        name="membership_remove",
    ),
]
