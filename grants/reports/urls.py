"""The reports area's URLs (under the ``grants`` namespace)."""

urlpatterns: list = []
