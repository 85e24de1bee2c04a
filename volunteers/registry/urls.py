"""The area's URLs, included in its app's namespace by the app's urls.py."""

from django.urls import path

from coordination.kernel.converters import COORDINATION
from volunteers.registry import by_hand_views as by_hand
from volunteers.registry import views as registry

urlpatterns = [
    # --- the registry (coordinators, volunteer contacts) ---
    path(f"{COORDINATION}declaration/", registry.declaration_manage, name="declaration_manage"),
    path(f"{COORDINATION}volunteers/", registry.registry, name="registry"),
    path(f"{COORDINATION}volunteers/export/", registry.registry_export, name="registry_export"),
    path(f"{COORDINATION}volunteers/new/", by_hand.volunteer_add, name="volunteer_add"),
    path(f"{COORDINATION}volunteers/<int:pk>/", registry.volunteer_detail, name="volunteer_detail"),
    path(f"{COORDINATION}volunteers/<int:pk>/edit/", by_hand.volunteer_edit, name="volunteer_edit"),
    path(
        f"{COORDINATION}volunteers/<int:pk>/consent-by-phone/",
        by_hand.volunteer_consent_by_phone,
        name="volunteer_consent_by_phone",
    ),
    path(
        f"{COORDINATION}volunteers/<int:pk>/login-invitation/",
        by_hand.volunteer_login_invite,
        name="volunteer_login_invite",
    ),
]
