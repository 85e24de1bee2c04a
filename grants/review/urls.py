"""The review area's URLs (under the ``grants`` namespace)."""

urlpatterns: list = []
