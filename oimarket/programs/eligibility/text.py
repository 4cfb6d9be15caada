"""Sentences built only when someone reads them.

The check runs millions of times in bulk; only a few outcomes are ever shown. A `Text` keeps the
msgid and its values, and translates (in the language active when it is read) on `str()`.
"""

from functools import lru_cache

from django.utils.translation import gettext


class Text:
    __slots__ = ("msgid", "values", "suffix")

    def __init__(self, msgid: str, values: dict | None = None, suffix: "Text | None" = None):
        self.msgid = msgid
        self.values = values
        self.suffix = suffix

    def __str__(self) -> str:
        text = gettext(self.msgid)
        if self.values:
            text = text % self.values
        if self.suffix is not None:
            text = f"{text} {self.suffix}"
        return text

    def __eq__(self, other) -> bool:
        return str(self) == str(other)

    __hash__ = None


class Verbatim(Text):
    """Text an operator wrote (a manual condition): shown as is, never translated."""

    def __str__(self) -> str:
        return self.msgid


@lru_cache(maxsize=1)
def _regions() -> dict:
    from oimarket.accounts.models import Region

    return {r.code: r for r in Region.objects.all()}


@lru_cache(maxsize=1)
def _fields() -> dict:
    from oimarket.programs.models import Field

    return {f.code: f for f in Field.objects.all()}


class Names:
    """Taxonomy codes shown as names in the active language (the rows never change)."""

    __slots__ = ("kind", "codes")

    def __init__(self, kind: str, codes):
        self.kind = kind
        self.codes = codes

    def __str__(self) -> str:
        if self.kind == "stage":
            from oimarket.accounts.enums import InvestmentStage

            labels = dict(InvestmentStage.choices)
            return ", ".join(str(labels.get(c, c)) for c in self.codes)
        rows = _regions() if self.kind == "region" else _fields()
        return ", ".join(str(rows[c]) if c in rows else c for c in self.codes)


class Money:
    __slots__ = ("amount",)

    def __init__(self, amount: int):
        self.amount = amount

    def __str__(self) -> str:
        from oimarket.core.templatetags.oimarket import krw

        return krw(self.amount)
