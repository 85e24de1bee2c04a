"""The activities app's URLs, under the ``activities`` namespace: each area's own, in this
order (the first pattern that matches wins)."""

app_name = "activities"

urlpatterns: list = []
