"""Structured filters, applied inside both engines (a tantivy query, a numpy mask)."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone

from .enums import NATIONWIDE


@dataclass(frozen=True)
class SearchFilters:
    """Which documents a search may return. Empty tuples and None mean "no restriction".

    - kinds: any of these kinds;
    - fields: documents with any of these field codes;
    - region: documents in this region, and programs open to every region;
    - open_only: programs and challenges that take applications now (published, opened,
      not past their deadline); startups and organizations are always "open";
    - only_ids: these documents only (None: any), e.g. the records created since an alert ran;
    - exclude_ids: never these documents, e.g. programs a startup is not eligible for.
    """

    kinds: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    region: str | None = None
    open_only: bool = False
    now_ts: int = 0
    only_ids: frozenset[str] | None = None
    exclude_ids: frozenset[str] = frozenset()

    @classmethod
    def build(
        cls,
        *,
        kinds: Iterable[str] | None = None,
        fields: Iterable[str] | None = None,
        region: str | None = None,
        open_only: bool = False,
        only_ids: Iterable[str] | None = None,
        exclude_ids: Iterable[str] | None = None,
    ) -> "SearchFilters":
        return cls(
            kinds=tuple(kinds or ()),
            fields=tuple(fields or ()),
            region=region or None,
            open_only=open_only,
            now_ts=int(timezone.now().timestamp()),
            only_ids=None if only_ids is None else frozenset(only_ids),
            exclude_ids=frozenset(exclude_ids or ()),
        )

    @property
    def regions(self) -> tuple[str, ...]:
        return (self.region, NATIONWIDE) if self.region else ()

    @property
    def is_empty(self) -> bool:
        return not (
            self.kinds
            or self.fields
            or self.region
            or self.open_only
            or self.only_ids is not None
            or self.exclude_ids
        )
