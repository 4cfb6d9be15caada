"""Each rule kind: its sentence, and its check of one startup's facts.

A check returns the status and a `Text` naming the profile value it used, so a founder sees
exactly why; the text is only built when shown. msgids are English, Korean comes from the
locale files (gettext_noop marks them for makemessages).
"""

from datetime import date

from django.utils.translation import get_language, gettext_noop

from .dates import within_years
from .facts import StartupFacts
from .models import RuleKind
from .outcome import RuleContext, Status
from .text import Money, Names, Text, Verbatim

Check = tuple[Status, Text]


def _reference(ctx: RuleContext):
    return Text(gettext_noop("the deadline")) if ctx.is_deadline else ctx.reference.isoformat()


def _day(value: date) -> str:
    return value.isoformat()


def sentence(kind: str, params: dict, ctx: RuleContext) -> Text:
    if kind == RuleKind.FOUNDED_WITHIN:
        values = {"years": params["years"], "reference": _reference(ctx)}
        suffix = (
            Text(gettext_noop("(pre-founders allowed)"))
            if params.get("pre_founders_allowed")
            else None
        )
        return Text(
            gettext_noop("Founded less than %(years)s years before %(reference)s"), values, suffix
        )
    if kind == RuleKind.TEAM_MIN:
        return Text(
            gettext_noop("A team of at least %(people)s people"), {"people": params["people"]}
        )
    if kind == RuleKind.REGIONS:
        return Text(
            gettext_noop("Located in %(regions)s"), {"regions": Names("region", params["regions"])}
        )
    if kind == RuleKind.BUSINESS_REGISTRATION:
        return Text(gettext_noop("A registered business (business registration number)"))
    if kind == RuleKind.NOT_LISTED_SHAREHOLDER:
        return Text(gettext_noop("The largest shareholder is not a listed company"))
    if kind == RuleKind.INVESTMENT:
        if not params.get("min_krw"):
            return Text(gettext_noop("Has attracted investment"))
        return Text(
            gettext_noop("Has attracted at least %(amount)s of investment"),
            {"amount": Money(params["min_krw"])},
        )
    if kind == RuleKind.STAGE:
        return Text(
            gettext_noop("Investment stage: %(stages)s"),
            {"stages": Names("stage", params["stages"])},
        )
    if kind == RuleKind.FIELDS:
        return Text(
            gettext_noop("Works in %(fields)s"), {"fields": Names("field", params["fields"])}
        )
    if kind == RuleKind.NOT_SELECTED_BEFORE:
        values = {
            "program": params.get("program_title", ""),
            "years": params["years"],
            "reference": _reference(ctx),
        }
        return Text(
            gettext_noop(
                "Not selected by “%(program)s” in the %(years)s years before %(reference)s"
            ),
            values,
        )
    if kind == RuleKind.MANUAL:
        english = get_language() == "en" and params.get("text_en")
        return Verbatim(params["text_en"] if english else params.get("text", ""))
    raise ValueError(f"Unknown rule kind {kind!r}")


def _founded(f: StartupFacts, p: dict, ctx: RuleContext) -> Check:
    if f.founded_on is None:
        if f.is_pre_founder:
            if p.get("pre_founders_allowed"):
                return Status.PASS, Text(gettext_noop("Pre-founder: allowed"))
            return Status.FAIL, Text(
                gettext_noop("Pre-founder: this call requires an incorporated company")
            )
        return Status.REVIEW, Text(gettext_noop("The founding date is not in the profile"))
    values = {"date": _day(f.founded_on), "years": p["years"], "reference": _reference(ctx)}
    if within_years(f.founded_on, p["years"], ctx.reference):
        return Status.PASS, Text(
            gettext_noop("Founded %(date)s: less than %(years)s years before %(reference)s"), values
        )
    return Status.FAIL, Text(
        gettext_noop("Founded %(date)s: %(years)s years or more before %(reference)s"), values
    )


def _team(f: StartupFacts, p: dict, ctx: RuleContext) -> Check:
    if f.team_size is None:
        return Status.REVIEW, Text(gettext_noop("The team size is not in the profile"))
    status = Status.PASS if f.team_size >= p["people"] else Status.FAIL
    return status, Text(gettext_noop("Team of %(n)s"), {"n": f.team_size})


def _regions(f: StartupFacts, p: dict, ctx: RuleContext) -> Check:
    if not f.region:
        return Status.REVIEW, Text(gettext_noop("The region is not in the profile"))
    status = Status.PASS if f.region in p["regions"] else Status.FAIL
    return status, Text(
        gettext_noop("Located in %(region)s"), {"region": Names("region", [f.region])}
    )


def _registration(f: StartupFacts, p: dict, ctx: RuleContext) -> Check:
    if f.has_business_number:
        return Status.PASS, Text(gettext_noop("Business registration number on file"))
    if f.is_pre_founder:
        return Status.FAIL, Text(gettext_noop("Not yet incorporated"))
    return Status.REVIEW, Text(gettext_noop("No business registration number in the profile"))


def _listed(f: StartupFacts, p: dict, ctx: RuleContext) -> Check:
    if f.listed_shareholder:
        return Status.FAIL, Text(gettext_noop("The largest shareholder is a listed company"))
    return Status.PASS, Text(gettext_noop("The largest shareholder is not a listed company"))


def _investment(f: StartupFacts, p: dict, ctx: RuleContext) -> Check:
    if f.total_investment_krw is None:
        return Status.REVIEW, Text(gettext_noop("The investment attracted is not in the profile"))
    needed = p.get("min_krw") or 1
    status = Status.PASS if f.total_investment_krw >= needed else Status.FAIL
    return status, Text(
        gettext_noop("Investment attracted: %(amount)s"), {"amount": Money(f.total_investment_krw)}
    )


def _stage(f: StartupFacts, p: dict, ctx: RuleContext) -> Check:
    status = Status.PASS if f.stage in p["stages"] else Status.FAIL
    return status, Text(gettext_noop("Stage: %(stage)s"), {"stage": Names("stage", [f.stage])})


def _fields(f: StartupFacts, p: dict, ctx: RuleContext) -> Check:
    if not f.fields:
        return Status.REVIEW, Text(gettext_noop("No fields in the profile"))
    shared = f.fields.intersection(p["fields"])
    if shared:
        return Status.PASS, Text(
            gettext_noop("Works in %(fields)s"), {"fields": Names("field", sorted(shared))}
        )
    return Status.FAIL, Text(gettext_noop("None of the profile's fields is among them"))


def _not_selected(f: StartupFacts, p: dict, ctx: RuleContext) -> Check:
    selected_on = f.selections.get(p["program_id"])
    recent = selected_on and within_years(selected_on, p["years"], ctx.reference)
    if recent and selected_on <= ctx.reference:
        return Status.FAIL, Text(
            gettext_noop("Selected by it on %(date)s"), {"date": _day(selected_on)}
        )
    return Status.PASS, Text(gettext_noop("Not selected by it in that period"))


def _manual(f: StartupFacts, p: dict, ctx: RuleContext) -> Check:
    return Status.REVIEW, Text(gettext_noop("Checked by the operator"))


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
