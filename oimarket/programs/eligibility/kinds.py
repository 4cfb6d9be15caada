"""Each rule kind: its sentence, and its check of one startup's facts.

Sentences use English msgids; Korean comes from the locale files. `check` returns the status
and a sentence naming the profile value it used, so a founder sees exactly why.
"""

from datetime import date
from functools import lru_cache

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from oimarket.accounts.enums import InvestmentStage
from oimarket.accounts.models import Region
from oimarket.core.templatetags.oimarket import krw

from .dates import within_years
from .facts import StartupFacts
from .models import RuleKind
from .outcome import RuleContext, Status

Check = tuple[Status, str]


def _day(value: date) -> str:
    return value.isoformat()


def _reference(ctx: RuleContext) -> str:
    if ctx.is_deadline:
        return _("the deadline")
    return _day(ctx.reference)


def _names(codes, lookup) -> str:
    return ", ".join(lookup.get(code, code) for code in codes)


@lru_cache(maxsize=1)
def _regions_by_code() -> dict:
    return {r.code: r for r in Region.objects.all()}


@lru_cache(maxsize=1)
def _fields_by_code() -> dict:
    from oimarket.programs.models import Field

    return {f.code: f for f in Field.objects.all()}


# The taxonomy is fixed by migrations: cache the rows, name them in the active language.
def _region_names() -> dict[str, str]:
    return {code: str(r) for code, r in _regions_by_code().items()}


def _field_names() -> dict[str, str]:
    return {code: str(f) for code, f in _fields_by_code().items()}


def _stage_names() -> dict[str, str]:
    return {value: str(label) for value, label in InvestmentStage.choices}


# Sentences ----------------------------------------------------------------------------------


def sentence(kind: str, params: dict, ctx: RuleContext) -> str:
    ref = _reference(ctx)
    if kind == RuleKind.FOUNDED_WITHIN:
        text = _("Founded less than %(years)s years before %(reference)s") % {
            "years": params["years"],
            "reference": ref,
        }
        if params.get("pre_founders_allowed"):
            text += " " + _("(pre-founders allowed)")
        return text
    if kind == RuleKind.TEAM_MIN:
        return _("A team of at least %(people)s people") % {"people": params["people"]}
    if kind == RuleKind.REGIONS:
        return _("Located in %(regions)s") % {"regions": _names(params["regions"], _region_names())}
    if kind == RuleKind.BUSINESS_REGISTRATION:
        return _("A registered business (business registration number)")
    if kind == RuleKind.NOT_LISTED_SHAREHOLDER:
        return _("The largest shareholder is not a listed company")
    if kind == RuleKind.INVESTMENT:
        if not params.get("min_krw"):
            return _("Has attracted investment")
        return _("Has attracted at least %(amount)s of investment") % {
            "amount": krw(params["min_krw"])
        }
    if kind == RuleKind.STAGE:
        return _("Investment stage: %(stages)s") % {
            "stages": _names(params["stages"], _stage_names())
        }
    if kind == RuleKind.FIELDS:
        return _("Works in %(fields)s") % {"fields": _names(params["fields"], _field_names())}
    if kind == RuleKind.NOT_SELECTED_BEFORE:
        return _("Not selected by “%(program)s” in the %(years)s years before %(reference)s") % {
            "program": params.get("program_title", ""),
            "years": params["years"],
            "reference": ref,
        }
    if kind == RuleKind.MANUAL:
        if get_language() == "en" and params.get("text_en"):
            return params["text_en"]
        return params.get("text", "")
    raise ValueError(f"Unknown rule kind {kind!r}")


# Checks -------------------------------------------------------------------------------------


def _founded(f: StartupFacts, p: dict, ctx: RuleContext) -> Check:
    if f.founded_on is None:
        if f.is_pre_founder:
            if p.get("pre_founders_allowed"):
                return Status.PASS, _("Pre-founder: allowed")
            return Status.FAIL, _("Pre-founder: this call requires an incorporated company")
        return Status.REVIEW, _("The founding date is not in the profile")
    values = {"date": _day(f.founded_on), "years": p["years"], "reference": _reference(ctx)}
    if within_years(f.founded_on, p["years"], ctx.reference):
        return Status.PASS, _(
            "Founded %(date)s: less than %(years)s years before %(reference)s"
        ) % (values)
    return Status.FAIL, _("Founded %(date)s: %(years)s years or more before %(reference)s") % values


def _team(f: StartupFacts, p: dict, ctx: RuleContext) -> Check:
    if f.team_size is None:
        return Status.REVIEW, _("The team size is not in the profile")
    status = Status.PASS if f.team_size >= p["people"] else Status.FAIL
    return status, _("Team of %(n)s") % {"n": f.team_size}


def _regions(f: StartupFacts, p: dict, ctx: RuleContext) -> Check:
    if not f.region:
        return Status.REVIEW, _("The region is not in the profile")
    status = Status.PASS if f.region in p["regions"] else Status.FAIL
    return status, _("Located in %(region)s") % {"region": _region_names().get(f.region, f.region)}


def _registration(f: StartupFacts, p: dict, ctx: RuleContext) -> Check:
    if f.has_business_number:
        return Status.PASS, _("Business registration number on file")
    if f.is_pre_founder:
        return Status.FAIL, _("Not yet incorporated")
    return Status.REVIEW, _("No business registration number in the profile")


def _listed(f: StartupFacts, p: dict, ctx: RuleContext) -> Check:
    if f.listed_shareholder:
        return Status.FAIL, _("The largest shareholder is a listed company")
    return Status.PASS, _("The largest shareholder is not a listed company")


def _investment(f: StartupFacts, p: dict, ctx: RuleContext) -> Check:
    if f.total_investment_krw is None:
        return Status.REVIEW, _("The investment attracted is not in the profile")
    needed = p.get("min_krw") or 1
    status = Status.PASS if f.total_investment_krw >= needed else Status.FAIL
    return status, _("Investment attracted: %(amount)s") % {"amount": krw(f.total_investment_krw)}


def _stage(f: StartupFacts, p: dict, ctx: RuleContext) -> Check:
    status = Status.PASS if f.stage in p["stages"] else Status.FAIL
    return status, _("Stage: %(stage)s") % {"stage": _stage_names().get(f.stage, f.stage)}


def _fields(f: StartupFacts, p: dict, ctx: RuleContext) -> Check:
    if not f.fields:
        return Status.REVIEW, _("No fields in the profile")
    shared = sorted(f.fields & set(p["fields"]))
    if shared:
        return Status.PASS, _("Works in %(fields)s") % {"fields": _names(shared, _field_names())}
    return Status.FAIL, _("None of the profile's fields is among them")


def _not_selected(f: StartupFacts, p: dict, ctx: RuleContext) -> Check:
    selected_on = f.selections.get(p["program_id"])
    recent = selected_on and within_years(selected_on, p["years"], ctx.reference)
    if recent and selected_on <= ctx.reference:
        return Status.FAIL, _("Selected by it on %(date)s") % {"date": _day(selected_on)}
    return Status.PASS, _("Not selected by it in that period")


def _manual(f: StartupFacts, p: dict, ctx: RuleContext) -> Check:
    return Status.REVIEW, _("Checked by the operator")


CHECKS = {
    RuleKind.FOUNDED_WITHIN: _founded,
    RuleKind.TEAM_MIN: _team,
    RuleKind.REGIONS: _regions,
    RuleKind.BUSINESS_REGISTRATION: _registration,
    RuleKind.NOT_LISTED_SHAREHOLDER: _listed,
    RuleKind.INVESTMENT: _investment,
    RuleKind.STAGE: _stage,
    RuleKind.FIELDS: _fields,
    RuleKind.NOT_SELECTED_BEFORE: _not_selected,
    RuleKind.MANUAL: _manual,
}
