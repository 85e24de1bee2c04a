from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from coordination.kernel.permissions import municipalities_for


def navigation(request):
    """The main menu for this person: each link only where their roles allow it."""
    user = getattr(request, "user", None)
    items = []
    if user is not None and user.is_authenticated:
        items.append((reverse("coordination:my_page"), _("My page")))
        coordinated = municipalities_for(user, "view_municipality")
        if coordinated:
            overview = reverse("coordination:overview", args=[coordinated[0]])
            items.append((overview, _("Coordination")))
    items.append((reverse("coordination:municipality_directory"), _("Municipalities")))
    return {
        "main_navigation": items,
        "support_email": settings.SUPPORT_EMAIL,
        # The switcher names each language in its own words, whatever the page's language.
        "language_choices": settings.LANGUAGES,
    }
