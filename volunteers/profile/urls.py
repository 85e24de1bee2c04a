"""The area's URLs, included in its app's namespace by the app's urls.py."""

from django.urls import path

from volunteers.profile import views as profile

urlpatterns = [
    # --- the volunteer's own pages ---
    path("volunteer/", profile.own_page, name="own_page"),
    path("volunteer/register/", profile.register, name="register"),
    path("volunteer/profile/", profile.profile_edit, name="profile_edit"),
    path("volunteer/declaration/", profile.declaration, name="declaration"),
    path("volunteer/consent/", profile.consent, name="consent"),
]
