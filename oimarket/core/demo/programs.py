"""Programs (calls): the story programs, then generated ones in a mix of phases."""

import calendar
from collections import Counter

from oimarket.accounts.enums import OrganizationKind
from oimarket.programs.enums import ProgramStatus
from oimarket.programs.models import Program

from .bodies import program_body, program_body_en
from .builder import BATCH, World, add_m2m
from .world_orgs import PHONE_PREFIXES
from .world_programs import PROGRAM_TEMPLATES, SECTOR_FIELDS, STORY_PROGRAMS

M = 1_000_000
TEAMS = ["오픈이노베이션팀", "상생협력팀", "창업지원팀", "신사업전략팀", "기술사업화팀"]
# Phases of generated programs, in shuffled rounds of 20: (phase, how many per round).
PHASES = [("upcoming", 3), ("open", 8), ("closing", 3), ("closed", 5), ("draft", 1)]
PACKAGES = {
    # kind: (cash choices, PoC choices, office choices, R&D choices, P(invest), P(show))
    "corporate": ([None, 60, 80, 100, 120], [5, 10], [None, 6, 12], [None], 0.5, 0.3),
    "public": ([None, 60, 70], [10], [None], [None, 50, 80, 120], 0.2, 0.3),
    "top_down": ([100, 120, 140], [10], [None], [80, 120], 1.0, 0.5),
    "center": ([None, 60, 70, 80], [None, 5], [12, 24], [None], 0.5, 0.2),
    "meetup": ([None], [None], [None], [None], 1.0, 0.0),
}


def create_programs(world: World, *, count: int) -> list[Program]:
    """Story programs first, then `count - len(STORY_PROGRAMS)` generated ones; saved."""
    specs = [story_spec(world, spec) for spec in STORY_PROGRAMS]
    counters: Counter = Counter()
    generated = count - len(specs)
    phases = phase_sequence(world, generated)
    specs += [generated_spec(world, i, phases[i], counters) for i in range(generated)]
    programs = [spec["program"] for spec in specs]
    Program.objects.bulk_create(programs, batch_size=BATCH)
    pairs = list(zip(programs, specs, strict=True))
    add_m2m(Program.fields, [(p.pk, code) for p, s in pairs for code in s["fields"]])
    add_m2m(Program.regions, [(p.pk, code) for p, s in pairs for code in s["regions"]])
    add_m2m(
        Program.partners, [(p.pk, world.orgs[slug].pk) for p, s in pairs for slug in s["partners"]]
    )
    for program, spec in pairs:
        # Not fields: what the challenge builder needs to know about each program.
        program.demo_key = spec.get("key", "")
        program.demo_phase = spec["phase"]
    phases = Counter(spec["phase"] for spec in specs)
    world.log(f"  programs: {len(programs)} ({', '.join(f'{k} {v}' for k, v in phases.items())})")
    return programs


def story_spec(world: World, spec: dict) -> dict:
    draft = spec.get("draft", False)
    opens = world.at(spec["opens"], 9)
    closes = world.at(spec["closes"], *spec["close_time"])
    phase = "draft" if draft else phase_name(spec["opens"], spec["closes"])
    published = None if draft else world.at(min(spec["opens"], 0) - 2, 10)
    package = {
        "selection_quota": spec["quota"],
        "max_cash_krw": spec["cash"],
        "poc_grant_krw": spec["poc"],
        "office_months": spec["office"],
        "follow_on_rnd_krw": spec["rnd"],
        "investment_link": spec["invest"],
        "trade_show": spec["show"],
        "mentoring": spec["mentor"],
    }
    names = title_values(world, world.orgs[spec["org"]], spec["fields"][0], closes)
    program = build(
        world,
        org=world.orgs[spec["org"]],
        number=0,
        title=(spec["title"].format(**names), spec["title_en"].format(**names)),
        summary=(spec["summary"], spec["summary_en"]),
        track=spec["track"],
        accepts_challenges=spec.get("accepts_challenges", False),
        dates=(opens, closes, published),
        status=ProgramStatus.DRAFT if draft else ProgramStatus.PUBLISHED,
        package=package,
        english=True,
    )
    return {**spec, "program": program, "phase": phase}


def phase_name(opens: int, closes: int) -> str:
    if opens > 0:
        return "upcoming"
    if closes < 0:
        return "closed"
    return "closing" if closes <= 6 else "open"


def phase_sequence(world: World, count: int) -> list[str]:
    """`count` phases in the proportions of PHASES, shuffled round by round."""
    phases: list[str] = []
    while len(phases) < count:
        round_ = [phase for phase, n in PHASES for _ in range(n)]
        world.rng.shuffle(round_)
        phases += round_
    return phases[:count]


def generated_spec(world: World, i: int, phase: str, counters: Counter) -> dict:
    rng = world.rng
    title, title_en, track, kinds, summary, summary_en, accepts, kind = rng.choice(
        PROGRAM_TEMPLATES
    )
    org = rng.choice([o for o in world.orgs.values() if o.kind in kinds])
    fields = SECTOR_FIELDS[world.sectors[org.slug]]
    main = rng.choice(fields)
    others = [f for f in fields if f != main]
    others = rng.sample(others, min(len(others), rng.randint(0, 2)))
    opens, closes, published, status = generated_dates(world, phase)
    key = (org.slug, title)
    counters[key] = counters[key] or rng.randint(1, 6)
    names = title_values(world, org, main, closes, n=counters[key])
    counters[key] += 1
    cash, poc, office, rnd, p_invest, p_show = PACKAGES[kind]
    package = {
        "selection_quota": 15 if kind == "meetup" else rng.choice([15, 30]),
        "max_cash_krw": mult(rng.choice(cash)),
        "poc_grant_krw": mult(rng.choice(poc)),
        "office_months": rng.choice(office),
        "follow_on_rnd_krw": mult(rng.choice(rnd)),
        "investment_link": rng.random() < p_invest,
        "trade_show": rng.random() < p_show,
        "mentoring": kind in ("center", "meetup", "top_down") or rng.random() < 0.7,
    }
    program = build(
        world,
        org=org,
        number=len(STORY_PROGRAMS) + i,
        title=(title.format(**names), title_en.format(**names)),
        summary=(summary.format(**names), summary_en.format(**names)),
        track=track,
        accepts_challenges=accepts,
        dates=(opens, closes, published),
        status=status,
        package=package,
        english=rng.random() < 0.35,
    )
    regions = []
    if org.kind == OrganizationKind.INNOVATION_CENTER or rng.random() < 0.25:
        regions = [org.region_id]
    partners = [o.slug for o in world.orgs.values() if o.kind in PARTNER_KINDS and o != org]
    partners = rng.sample(partners, rng.randint(0, 2))
    return {"program": program, "phase": phase, "fields": [main, *others],
            "regions": regions, "partners": partners}  # fmt: skip


PARTNER_KINDS = (OrganizationKind.OPERATOR_AGENCY, OrganizationKind.INVESTOR)


def mult(value: int | None) -> int | None:
    return value * M if value else None


def generated_dates(world: World, phase: str):
    """(opens_at, closes_at, published_at, status) for a generated program in `phase`."""
    rng = world.rng
    close_time = rng.choice([(17, 0), (17, 0), (18, 0), (23, 59)])
    status = ProgramStatus.PUBLISHED
    if phase == "upcoming" or phase == "draft":
        start = rng.randint(3, 30)
        end = start + rng.randint(20, 45)
    elif phase == "open":
        start, end = -rng.randint(1, 30), rng.randint(8, 60)
    elif phase == "closing":
        start, end = -rng.randint(10, 40), rng.randint(1, 6)
    else:
        end = -rng.randint(1, 90)
        start = end - rng.randint(20, 45)
        if rng.random() < 0.4:
            status = ProgramStatus.CLOSED
    opens, closes = world.at(start, 9), world.at(end, *close_time)
    if phase == "draft":
        return opens, closes, None, ProgramStatus.DRAFT
    published = world.at(min(start, 0) - rng.randint(1, 6), 10)
    return opens, closes, published, status


def phone(rng) -> str:
    return f"{rng.choice(PHONE_PREFIXES)}-{rng.randint(200, 999)}-{rng.randint(1000, 9999)}"


def title_values(world: World, org, field_code: str, closes, n: int = 1) -> dict:
    field_ko, field_en = world.field_names[field_code]
    region_ko, region_en = world.region_names.get(org.region_id, ("전국", "Nationwide"))
    month = closes.month
    return {
        "org": org.name, "org_en": org.name_en, "field": field_ko, "field_en": field_en,
        "year": world.today.year, "n": n, "month": month, "month_en": calendar.month_name[month],
        "region": region_ko, "region_en": region_en,
    }  # fmt: skip


def build(world: World, *, org, number, title, summary, track, accepts_challenges, dates,
          status, package, english) -> Program:  # fmt: skip
    rng = world.rng
    opens, closes, published = dates
    person = world.person()
    program = Program(
        organization=org,
        title=title[0],
        title_en=title[1],
        summary=summary[0],
        summary_en=summary[1],
        track=track,
        accepts_challenges=accepts_challenges,
        opens_at=opens,
        closes_at=closes,
        status=status,
        published_at=published,
        external_url=f"https://example.org/{org.slug}/notice/{world.today.year}-{number:04d}",
        contact_name=f"{rng.choice(TEAMS)} {person} 매니저",
        contact_email=f"openinnovation@{org.slug}.example.org",
        contact_phone=phone(rng),
        **package,
    )
    program.body = program_body(program, org)
    program.body_en = program_body_en(program, org) if english else ""
    return program
