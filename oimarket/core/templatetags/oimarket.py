from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from oimarket.core.markdown import render_markdown

register = template.Library()


@register.filter
def markdown(text: str) -> str:
    return mark_safe(render_markdown(text))  # noqa: S308 - sanitized by nh3


@register.filter
def krw(amount: int | None) -> str:
    """Korean readers count money in 만 and 억; English readers in millions."""
    if amount is None:
        return ""
    if get_language() == "en":
        if amount >= 1_000_000 and amount % 100_000 == 0:
            return f"KRW {amount / 1_000_000:,.1f}M".replace(".0M", "M")
        return f"KRW {amount:,}"
    eok, rest = divmod(amount, 100_000_000)
    man = rest // 10_000
    if amount % 10_000:
        return f"{amount:,}원"
    parts = []
    if eok:
        parts.append(f"{eok:,}억")
    if man:
        parts.append(f"{man:,}만")
    return " ".join(parts) + "원" if parts else "0원"


@register.simple_tag
def dday_label(days: int | None) -> str:
    if days is None:
        return _("Always open")
    if days == 0:
        return "D-day"
    if days > 0:
        return f"D-{days}"
    return _("Closed")


@register.filter
def field_groups(bound_field) -> list[tuple[str, list]]:
    """Pair each group label of a grouped choice field with its checkbox subwidgets."""
    widgets = iter(bound_field.subwidgets)
    return [
        (label, [next(widgets) for _option in options])
        for label, options in bound_field.field.choices
    ]


_WEEKDAYS = {"ko": "월화수목금토일", "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}


@register.filter
def kst(value, with_time: bool = True) -> str:
    """A moment in Korea time as Korean notices write it: 2026.11.26(목) 18:00."""
    if not value:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    english = get_language() == "en"
    weekday = _WEEKDAYS["en" if english else "ko"][local.weekday()]
    text = f"{local:%Y.%m.%d}({weekday})"
    return f"{text} {local:%H:%M}" if with_time else text
