from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .permissions import municipalities_for


def navigation(request):
    """The main menu for this person: each link only where their roles allow it."""
    user = getattr(request, "user", None)
    items = []
    if user is not None and user.is_authenticated:
        items.append((reverse("coordination:my_page"), _("My page")))
        for number in municipalities_for(user, "view_municipality"):
            items.append((reverse("coordination:overview", args=[number]), _("Coordination")))
            break
    items.append((reverse("coordination:municipality_directory"), _("Municipalities")))
    return {"main_navigation": items}
