"""``{% panel panel %}``: a ``contributions.Panel`` rendered inside the page's own context, its
variables on top. The page's context processors (navigation, language, CSP) run once for the
page, not once more for each of the dashboard's dozen panels (``Panel.render`` with the request
ran them again for every panel: most of the panels' rendering time)."""

from django import template
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag(takes_context=True)
def panel(context: template.Context, panel) -> SafeString:
    found = context.template.engine.get_template(panel.template)
    with context.push(panel.context):
        return found.render(context)
