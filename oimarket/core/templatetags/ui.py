"""Small template helpers for the Bootstrap look: ``{% load ui %}``.

- ``{{ field|add_class }}`` or ``{{ field|add_class:"form-control-lg" }}`` renders a bound
  field's widget with the Bootstrap class for its widget type (form-control, form-select,
  form-check-input, form-range), the extra classes given, and ``is-invalid`` when the
  field has errors. Django itself adds ``aria-invalid`` and ``aria-describedby``
  (``<id>_helptext``, ``<id>_error``).
- ``{{ field|choice_widgets }}`` gives the radio/checkbox options of a choice field with
  ``form-check-input`` on each input (iterate, then ``{{ choice.tag }}``).
- ``{% page_range page_obj as pages %}`` gives page numbers with ``None`` for an ellipsis.
"""

import copy

from django import forms, template
from django.forms.boundfield import BoundField, BoundWidget

register = template.Library()

_CHOICE_WIDGETS = (forms.RadioSelect, forms.CheckboxSelectMultiple)


def bootstrap_class(widget: forms.Widget) -> str:
    """The Bootstrap class that styles this kind of widget ("" for hidden inputs)."""
    if widget.is_hidden:
        return ""
    if isinstance(widget, (forms.CheckboxInput, *_CHOICE_WIDGETS)):
        return "form-check-input"
    if isinstance(widget, forms.Select):
        return "form-select"
    input_type = getattr(widget, "input_type", "")
    if input_type == "range":
        return "form-range"
    if input_type == "color":
        return "form-control form-control-color"
    return "form-control"


def _merge_classes(*groups: str) -> str:
    classes: list[str] = []
    for group in groups:
        for name in (group or "").split():
            if name not in classes:
                classes.append(name)
    return " ".join(classes)


@register.filter
def add_class(field: BoundField, css: str = "") -> str:
    """Render ``field``'s widget with Bootstrap classes plus ``css``."""
    if not isinstance(field, BoundField):
        return field
    widget = field.field.widget
    classes = _merge_classes(
        widget.attrs.get("class", ""),
        bootstrap_class(widget),
        css,
        "is-invalid" if field.errors and not widget.is_hidden else "",
    )
    return field.as_widget(attrs={"class": classes} if classes else None)


@register.filter
def choice_widgets(field: BoundField) -> list[BoundWidget]:
    """The options of a radio or checkbox list, each input with ``form-check-input``."""
    widget = copy.deepcopy(field.field.widget)
    invalid = "is-invalid" if field.errors else ""
    widget.attrs["class"] = _merge_classes(
        widget.attrs.get("class", ""), "form-check-input", invalid
    )
    id_ = widget.attrs.get("id") or field.auto_id
    attrs = field.build_widget_attrs({"id": id_} if id_ else {}, widget)
    options = widget.subwidgets(field.html_name, field.value(), attrs=attrs)
    return [BoundWidget(widget, option, field.form.renderer) for option in options]


@register.filter
def widget_kind(field: BoundField) -> str:
    """Kind of widget: checkbox, choices (radio/checkbox list), hidden or input."""
    widget = field.field.widget
    if widget.is_hidden:
        return "hidden"
    if isinstance(widget, _CHOICE_WIDGETS):
        return "choices"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    return "input"


@register.simple_tag
def page_range(page_obj, on_each_side: int = 1, on_ends: int = 1) -> list[int | None]:
    """Page numbers around the current page; ``None`` marks an ellipsis."""
    numbers = page_obj.paginator.get_elided_page_range(
        page_obj.number, on_each_side=on_each_side, on_ends=on_ends
    )
    return [n if isinstance(n, int) else None for n in numbers]
