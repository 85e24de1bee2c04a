"""The decisions area's URLs (under the ``grants`` namespace)."""

urlpatterns: list = []
