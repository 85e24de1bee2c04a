"""``{% blocktranslate count counter=hours|plural_count %}`` for quantities with decimals."""

from django import template

from coordination.kernel import text

register = template.Library()
register.filter("plural_count", text.plural_count)
