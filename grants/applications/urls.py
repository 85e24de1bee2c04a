"""The applications area's URLs (under the ``grants`` namespace)."""

urlpatterns: list = []
