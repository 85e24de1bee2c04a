"""``{{ phone|tel_href }}``: a phone number as written ("61 21 00 00", "+47 912 34 567") made into
a valid ``tel:`` link target (digits and a leading +, no spaces), for the HTML to validate."""

import re

from django import template

register = template.Library()


@register.filter
def tel_href(value) -> str:
    text = str(value or "").strip()
    digits = re.sub(r"\D", "", text)
    return f"tel:+{digits}" if text.startswith("+") else f"tel:{digits}"
