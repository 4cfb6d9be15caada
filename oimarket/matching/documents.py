"""What gets indexed: one `SearchDocument` per program, challenge, startup and organization.

Builders read the database and say whether the record may be shown to anyone (`visible`);
the index keeps visible documents only. Visibility follows the public selectors:
programs published or closed, challenges published or closed whose program (if any) is
public, organizations listed publicly. Startups are organizations of kind startup, indexed
under kind "startup" with their profile; other organizations under kind "organization".
Both use the organization's pk.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from oimarket.accounts.enums import OrganizationKind
from oimarket.accounts.models import Organization
from oimarket.programs.enums import ChallengeStatus, ProgramStatus
from oimarket.programs.models import Challenge, Program
from oimarket.programs.selectors import (
    PUBLIC_CHALLENGE_STATUSES,
    PUBLIC_PROGRAM_STATUSES,
    challenges_public,
    programs_public,
)

from .analysis import latin_language
from .enums import NATIONWIDE, STATE_ACTIVE, STATE_CLOSED, SearchKind

PASSAGE_CHARS = 400  # what the embedding sees: titles and the opening of the text (cost grows
# with length: about 0.2 s for 400 Korean characters, 0.05 s for a short line, on 2 cores)
NO_DEADLINE = 2**62  # closes_ts of a document without a deadline

_URL = re.compile(r"\(?https?://\S+|\]\([^)]*\)")
_MARKUP = re.compile(r"^\s*(?:#+|[-*+>]|\d+\.)\s+|[*_`|]{1,3}|<[^>]+>", re.MULTILINE)
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]{2,}")


@dataclass(frozen=True)
class SearchDocument:
    kind: str
    pk: int
    title: str
    title_en: str = ""
    parts: tuple[str, ...] = ()  # the text beyond the titles, one entry per source field
    fields: tuple[str, ...] = ()  # Field codes
    regions: tuple[str, ...] = ()  # Region codes; NATIONWIDE for a program open to all
    state: str = STATE_ACTIVE
    opens_at: datetime | None = None
    closes_at: datetime | None = None
    org_kind: str = ""
    visible: bool = True

    @property
    def doc_id(self) -> str:
        return doc_id(self.kind, self.pk)

    @property
    def body(self) -> str:
        return "\n\n".join(p for p in self.parts if p)

    @property
    def langs(self) -> tuple[str, ...]:
        text = " ".join((self.title, self.title_en, self.body))
        langs = ("ko",) if _HANGUL.search(text) else ()
        return langs + ((latin_language(text),) if _LATIN.search(text) else ())

    @property
    def opens_ts(self) -> int:
        return int(self.opens_at.timestamp()) if self.opens_at else 0

    @property
    def closes_ts(self) -> int:
        return int(self.closes_at.timestamp()) if self.closes_at else NO_DEADLINE

    @property
    def passage(self) -> str:
        """The text the dense model embeds (a bounded opening, so embedding stays fast)."""
        head = " / ".join(t for t in (self.title, self.title_en) if t)
        return f"{head}. {self.body}"[:PASSAGE_CHARS].strip()


def doc_id(kind: str, pk: int) -> str:
    return f"{kind}:{pk}"


def plain(text: str) -> str:
    """Text without Markdown marks, link targets and addresses (noise for both engines)."""
    return _MARKUP.sub("", _URL.sub(" ", text or "")).strip()


def _field_names(fields) -> str:
    return " ".join(f"{f.name_ko} {f.name_en}" for f in fields)


def program_document(program: Program) -> SearchDocument:
    fields = list(program.fields.all())
    regions = tuple(r.code for r in program.regions.all()) or (NATIONWIDE,)
    org = program.organization
    parts = (program.summary, program.summary_en, plain(program.body), plain(program.body_en))
    return SearchDocument(
        kind=SearchKind.PROGRAM,
        pk=program.pk,
        title=program.title,
        title_en=program.title_en,
        parts=(*parts, f"{org.name} {org.name_en}", _field_names(fields)),
        fields=tuple(f.code for f in fields),
        regions=regions,
        state=STATE_ACTIVE if program.status == ProgramStatus.PUBLISHED else STATE_CLOSED,
        opens_at=program.opens_at,
        closes_at=program.closes_at,
        org_kind=org.kind,
        visible=program.status in PUBLIC_PROGRAM_STATUSES,
    )


def _challenge_visible(challenge: Challenge) -> bool:
    program = challenge.program
    return challenge.status in PUBLIC_CHALLENGE_STATUSES and (
        program is None or program.status in PUBLIC_PROGRAM_STATUSES
    )


def challenge_document(challenge: Challenge) -> SearchDocument:
    fields = list(challenge.fields.all())
    org = challenge.organization
    parts = (challenge.problem, challenge.problem_en, challenge.expected_solution)
    return SearchDocument(
        kind=SearchKind.CHALLENGE,
        pk=challenge.pk,
        title=challenge.title,
        title_en=challenge.title_en,
        parts=(*parts, f"{org.name} {org.name_en}", _field_names(fields)),
        fields=tuple(f.code for f in fields),
        regions=(org.region_id,) if org.region_id else (),
        state=STATE_ACTIVE if challenge.status == ChallengeStatus.PUBLISHED else STATE_CLOSED,
        opens_at=challenge.published_at or challenge.created_at,
        closes_at=challenge.closes_at,
        org_kind=org.kind,
        visible=_challenge_visible(challenge),
    )


def _startup_profile(org: Organization):
    try:
        return org.startup_profile
    except Organization.startup_profile.RelatedObjectDoesNotExist:
        return None


def organization_document(org: Organization) -> SearchDocument:
    """A startup (with its profile) or another kind of organization."""
    parts = [org.description, org.description_en]
    fields: list = []
    profile = _startup_profile(org) if org.kind == OrganizationKind.STARTUP else None
    if profile is not None:
        fields = list(profile.fields.all())
        parts = [profile.one_liner, profile.technologies, profile.description, *parts]
        parts.append(_field_names(fields))
    is_startup = org.kind == OrganizationKind.STARTUP
    return SearchDocument(
        kind=SearchKind.STARTUP if is_startup else SearchKind.ORGANIZATION,
        pk=org.pk,
        title=org.name,
        title_en=org.name_en,
        parts=tuple(parts),
        fields=tuple(f.code for f in fields),
        regions=(org.region_id,) if org.region_id else (),
        org_kind=org.kind,
        visible=org.is_public,
    )


def _programs():
    return Program.objects.select_related("organization").prefetch_related("fields", "regions")


def _challenges():
    return Challenge.objects.select_related("organization", "program").prefetch_related("fields")


def _organizations():
    return Organization.objects.select_related("startup_profile").prefetch_related(
        "startup_profile__fields"
    )


def build_document(*, kind: str, pk: int) -> SearchDocument | None:
    """The document for one record, or None when the record does not exist (any more)."""
    if kind == SearchKind.PROGRAM:
        program = _programs().filter(pk=pk).first()
        return program_document(program) if program else None
    if kind == SearchKind.CHALLENGE:
        challenge = _challenges().filter(pk=pk).first()
        return challenge_document(challenge) if challenge else None
    if kind in (SearchKind.STARTUP, SearchKind.ORGANIZATION):
        org = _organizations().filter(pk=pk).first()
        return organization_document(org) if org else None
    raise ValueError(f"Unknown search kind: {kind!r}")


def dependent_keys(*, kind: str, pk: int) -> list[tuple[str, int]]:
    """Records whose document shows this one's data or visibility (re-index them too)."""
    if kind == SearchKind.PROGRAM:
        ids = Challenge.objects.filter(program_id=pk).values_list("pk", flat=True)
        return [(SearchKind.CHALLENGE, i) for i in ids]
    if kind in (SearchKind.STARTUP, SearchKind.ORGANIZATION):
        programs = Program.objects.filter(organization_id=pk).values_list("pk", flat=True)
        challenges = Challenge.objects.filter(organization_id=pk).values_list("pk", flat=True)
        return [(SearchKind.PROGRAM, i) for i in programs] + [
            (SearchKind.CHALLENGE, i) for i in challenges
        ]
    return []


def _visible_querysets():
    return [
        (
            programs_public().select_related("organization").prefetch_related("fields", "regions"),
            program_document,
        ),
        (
            challenges_public()
            .select_related("organization", "program")
            .prefetch_related("fields"),
            challenge_document,
        ),
        (_organizations().filter(is_public=True), organization_document),
    ]


def count_documents() -> int:
    return sum(qs.count() for qs, _ in _visible_querysets())


def iter_documents(*, chunk_size: int = 500) -> Iterator[SearchDocument]:
    """Every visible document, read in chunks (the rebuild's source)."""
    for qs, build in _visible_querysets():
        for obj in qs.order_by("pk").iterator(chunk_size=chunk_size):
            yield build(obj)
