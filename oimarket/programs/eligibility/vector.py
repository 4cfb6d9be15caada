"""The same checks as `kinds.CHECKS`, over every startup at once with numpy.

Used where one program meets many startups (an operator screening, the all-pairs benchmark,
search filters). Statuses are int8 arrays: 0 pass, 1 needs review, 2 fail; a program's verdict
for each startup is the max over its rules. Tests hold this equal to the per-startup check.
"""

from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
from django.utils import timezone

from oimarket.accounts.enums import InvestmentStage
from oimarket.accounts.models import Region

from .check import rule_context
from .dates import years_ago_cutoff
from .facts import StartupFacts
from .models import RuleKind
from .outcome import Status

PASS, REVIEW, FAIL = (np.int8(s.value) for s in Status)
STAGES = [value for value, _label in InvestmentStage.choices]


@dataclass
class StartupMatrix:
    organization_ids: np.ndarray
    founded: np.ndarray  # date ordinal, 0 when unknown
    pre_founder: np.ndarray
    team: np.ndarray  # -1 when unknown
    region: np.ndarray  # index into region_codes, -1 when unknown
    registered: np.ndarray
    listed: np.ndarray
    investment: np.ndarray  # KRW, -1 when unknown
    stage: np.ndarray  # index into STAGES
    fields: np.ndarray  # uint64 bit mask over field_bits
    region_codes: list[str]
    field_bits: dict[str, int]
    selections: dict[int, np.ndarray] = field(default_factory=dict)  # program -> date ordinal

    @property
    def size(self) -> int:
        return len(self.organization_ids)


def build_matrix(facts: list[StartupFacts], field_codes: list[str]) -> StartupMatrix:
    region_codes = list(Region.objects.values_list("code", flat=True))
    region_index = {code: i for i, code in enumerate(region_codes)}
    field_bits = {code: i for i, code in enumerate(field_codes[:64])}
    masks = np.zeros(len(facts), dtype=np.uint64)
    for i, f in enumerate(facts):
        bits = 0
        for code in f.fields:
            if code in field_bits:
                bits |= 1 << field_bits[code]
        masks[i] = bits
    selections: dict[int, np.ndarray] = {}
    for i, f in enumerate(facts):
        for program_id, day in f.selections.items():
            selections.setdefault(program_id, np.zeros(len(facts), dtype=np.int32))[i] = (
                day.toordinal()
            )
    return StartupMatrix(
        organization_ids=np.array([f.organization_id for f in facts], dtype=np.int64),
        founded=np.array(
            [f.founded_on.toordinal() if f.founded_on else 0 for f in facts], dtype=np.int32
        ),
        pre_founder=np.array([f.is_pre_founder for f in facts], dtype=bool),
        team=np.array([-1 if f.team_size is None else f.team_size for f in facts], dtype=np.int32),
        region=np.array([region_index.get(f.region, -1) for f in facts], dtype=np.int16),
        registered=np.array([f.has_business_number for f in facts], dtype=bool),
        listed=np.array([f.listed_shareholder for f in facts], dtype=bool),
        investment=np.array(
            [-1 if f.total_investment_krw is None else f.total_investment_krw for f in facts],
            dtype=np.int64,
        ),
        stage=np.array(
            [STAGES.index(f.stage) if f.stage in STAGES else 0 for f in facts], dtype=np.int8
        ),
        fields=masks,
        region_codes=region_codes,
        field_bits=field_bits,
        selections=selections,
    )


def _where(passed: np.ndarray, unknown: np.ndarray | None = None) -> np.ndarray:
    status = np.where(passed, PASS, FAIL).astype(np.int8)
    if unknown is not None:
        status[unknown] = REVIEW
    return status


def _founded(m: StartupMatrix, p: dict, ctx) -> np.ndarray:
    cutoff = years_ago_cutoff(ctx.reference, p["years"]).toordinal()
    known = m.founded > 0
    status = _where(m.founded >= cutoff, ~known)
    pre = ~known & m.pre_founder
    status[pre] = PASS if p.get("pre_founders_allowed") else FAIL
    return status


def _regions(m: StartupMatrix, p: dict, ctx) -> np.ndarray:
    wanted = [m.region_codes.index(c) for c in p["regions"] if c in m.region_codes]
    return _where(np.isin(m.region, wanted), m.region < 0)


def _registration(m: StartupMatrix, p: dict, ctx) -> np.ndarray:
    status = np.full(m.size, REVIEW, dtype=np.int8)
    status[m.pre_founder] = FAIL
    status[m.registered] = PASS
    return status


def _fields(m: StartupMatrix, p: dict, ctx) -> np.ndarray:
    wanted = 0
    for code in p["fields"]:
        if code in m.field_bits:
            wanted |= 1 << m.field_bits[code]
    return _where((m.fields & np.uint64(wanted)) != 0, m.fields == 0)


def _not_selected(m: StartupMatrix, p: dict, ctx) -> np.ndarray:
    selected = m.selections.get(p["program_id"])
    if selected is None:
        return np.zeros(m.size, dtype=np.int8)
    cutoff = years_ago_cutoff(ctx.reference, p["years"]).toordinal()
    recent = (selected > 0) & (selected >= cutoff) & (selected <= ctx.reference.toordinal())
    return _where(~recent)


VECTOR_CHECKS = {
    RuleKind.FOUNDED_WITHIN: _founded,
    RuleKind.TEAM_MIN: lambda m, p, ctx: _where(m.team >= p["people"], m.team < 0),
    RuleKind.REGIONS: _regions,
    RuleKind.BUSINESS_REGISTRATION: _registration,
    RuleKind.NOT_LISTED_SHAREHOLDER: lambda m, p, ctx: _where(~m.listed),
    RuleKind.INVESTMENT: lambda m, p, ctx: _where(
        m.investment >= (p.get("min_krw") or 1), m.investment < 0
    ),
    RuleKind.STAGE: lambda m, p, ctx: _where(
        np.isin(m.stage, [STAGES.index(s) for s in p["stages"] if s in STAGES])
    ),
    RuleKind.FIELDS: _fields,
    RuleKind.NOT_SELECTED_BEFORE: _not_selected,
    RuleKind.MANUAL: lambda m, p, ctx: np.full(m.size, REVIEW, dtype=np.int8),
}


def check_all(
    matrix: StartupMatrix, rules, *, deadline: datetime | None, as_of: datetime | None = None
) -> np.ndarray:
    """One program's (or challenge's) verdict for every startup of the matrix."""
    as_of = as_of or timezone.now()
    verdict = np.zeros(matrix.size, dtype=np.int8)
    for rule in rules:
        ctx = rule_context(rule, deadline=deadline, as_of=as_of)
        np.maximum(verdict, VECTOR_CHECKS[rule.kind](matrix, rule.params, ctx), out=verdict)
    return verdict
