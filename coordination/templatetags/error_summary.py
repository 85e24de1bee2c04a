"""The error summary every form shows above its fields when it has errors (WCAG 3.3.1):
one list, each field error a link to its field, so nobody presses "Send" and sees an
unchanged page."""

from django import template

register = template.Library()


def _field_anchor(bound_field) -> str:
    """The id to link to: the control itself, or the first option of a radio/checkbox list
    (Django gives those lists no id of their own)."""
    return bound_field.id_for_label or (f"{bound_field.auto_id}_0" if bound_field.auto_id else "")


def _lead(label) -> str:
    """The field's label before its error: "Phone: …", but "What would help? …" and never
    "consent.: …"."""
    label = str(label or "").strip()
    if not label:
        return ""
    return f"{label} " if label.endswith("?") else f"{label.rstrip('.:')}: "


def summary_items(form) -> list[dict]:
    """Non-field and hidden-field errors first (no field to go to), then every visible field's
    errors in the order the fields are shown, each with the id of its field."""
    if form is None or not getattr(form, "is_bound", False) or not form.errors:
        return []
    items = [{"message": error, "anchor": "", "label": ""} for error in form.non_field_errors()]
    for bound_field in form.hidden_fields():
        items += [{"message": error, "anchor": "", "label": ""} for error in bound_field.errors]
    for bound_field in form.visible_fields():
        anchor = _field_anchor(bound_field)
        items += [
            {
                "message": error,
                "anchor": anchor,
                "label": _lead(bound_field.label),
                "name": bound_field.html_name,
            }
            for error in bound_field.errors
        ]
    return items


@register.inclusion_tag("partials/_error_summary.html")
def error_summary(form) -> dict:
    items = summary_items(form)
    return {"items": items, "count": len(items)}
