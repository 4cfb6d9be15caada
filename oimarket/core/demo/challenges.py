"""Challenges: the story's, one standing need per demand organization, and three per
generated top-down program."""

from oimarket.accounts.enums import OrganizationKind
from oimarket.programs.enums import ChallengeStatus, ConversionPath, IPTerms, Track
from oimarket.programs.models import Challenge, Program

from .builder import BATCH, World, add_m2m
from .world_challenges import CHALLENGES, CRITERIA_BY_PATH, IP_NOTES
from .world_programs import STORY_CHALLENGES

M = 1_000_000
PER_TOP_DOWN_PROGRAM = 3
DEMAND_KINDS = (OrganizationKind.DEMAND_COMPANY, OrganizationKind.PUBLIC_INSTITUTION)
PUBLIC_PATHS = [ConversionPath.PROCUREMENT, ConversionPath.PURCHASE]
COMPANY_PATHS = [
    ConversionPath.PURCHASE,
    ConversionPath.JOINT_COMMERCIALIZATION,
    ConversionPath.INVESTMENT,
]


def create_challenges(world: World, *, programs: list[Program]) -> None:
    used: set[tuple[str, str]] = set()
    by_key = {p.demo_key: p for p in programs if p.demo_key}
    rows = []  # (Challenge, field codes)
    for slug, key, program_key, status in STORY_CHALLENGES:
        program = by_key.get(program_key)
        rows.append(build(world, world.orgs[slug], key, program, status, used))
    demand = [o for o in world.orgs.values() if o.kind in DEMAND_KINDS]
    for i, org in enumerate(demand):
        status = ChallengeStatus.CLOSED if i % 6 == 5 else ChallengeStatus.PUBLISHED
        rows.append(build(world, org, pick(world, org, used), None, status, used))
    for program in programs:
        if program.demo_key or program.track != Track.TOP_DOWN or program.demo_phase == "draft":
            continue
        for org in sample_hosts(world, demand, used):
            status = ChallengeStatus.PUBLISHED
            if program.demo_phase == "upcoming":
                status = world.rng.choice([ChallengeStatus.PROPOSED, ChallengeStatus.PRESELECTED])
            rows.append(build(world, org, pick(world, org, used), program, status, used))
    challenges = [c for c, _ in rows]
    Challenge.objects.bulk_create(challenges, batch_size=BATCH)
    add_m2m(Challenge.fields, [(c.pk, code) for c, codes in rows for code in codes])
    world.log(f"  challenges: {len(challenges)}")


def sample_hosts(world: World, demand: list, used: set[tuple[str, str]]) -> list:
    """PER_TOP_DOWN_PROGRAM organizations for a top-down program's challenges, those with a
    template left first: the same organization posting the same challenge twice looks like a
    bug in a small demo (a large one runs out of templates and repeats them)."""
    fresh = [o for o in demand if _unused(world, o, used)]
    chosen = world.rng.sample(fresh, min(PER_TOP_DOWN_PROGRAM, len(fresh)))
    rest = [o for o in demand if o not in chosen]
    return chosen + world.rng.sample(rest, PER_TOP_DOWN_PROGRAM - len(chosen))


def _templates(world: World, org) -> list[str]:
    sector = world.sectors[org.slug]
    return [f"{sector}.{i}" for i in range(len(CHALLENGES[sector]))]


def _unused(world: World, org, used: set[tuple[str, str]]) -> list[str]:
    return [k for k in _templates(world, org) if (org.slug, k) not in used]


def pick(world: World, org, used: set[tuple[str, str]]) -> str:
    """A template key of the organization's sector, one it has not used yet if possible."""
    return world.rng.choice(_unused(world, org, used) or _templates(world, org))


def build(world: World, org, key: str, program, status, used) -> tuple[Challenge, list[str]]:
    rng = world.rng
    used.add((org.slug, key))
    sector, index = key.split(".")
    (title, title_en, problem, problem_en, solution, fields, site, data, staff, metric) = (
        CHALLENGES[sector][int(index)]
    )
    public = org.kind == OrganizationKind.PUBLIC_INSTITUTION
    path = rng.choice(PUBLIC_PATHS if public else COMPANY_PATHS)
    ip = rng.choice(list(IPTerms))
    challenge = Challenge(
        organization=org,
        program=program,
        title=title,
        title_en=title_en,
        problem=problem,
        problem_en=problem_en,
        expected_solution=solution,
        offers_test_site=site,
        offers_data=data,
        offers_staff=staff,
        poc_months=rng.choice([3, 4, 6, 6, 6, 8]),
        poc_budget_krw=rng.choice([20, 30, 50, 50, 80, 100]) * M,
        ip_terms=ip,
        ip_terms_note=IP_NOTES[ip],
        conversion_path=path,
        purchase_intent=path in PUBLIC_PATHS and rng.random() < 0.7,
        conversion_criteria=CRITERIA_BY_PATH[path].format(metric=metric),
        status=status,
    )
    set_dates(world, challenge, program)
    if status == ChallengeStatus.DRAFT:
        # An incomplete draft: the publish gate has something to refuse.
        challenge.ip_terms = challenge.ip_terms_note = challenge.conversion_path = ""
        challenge.conversion_criteria = ""
        challenge.poc_budget_krw = None
    return challenge, fields


def set_dates(world: World, challenge: Challenge, program) -> None:
    rng = world.rng
    status = challenge.status
    if program is not None:
        challenge.closes_at = program.closes_at
        if status in (ChallengeStatus.PUBLISHED, ChallengeStatus.CLOSED):
            challenge.published_at = program.published_at
        return
    if status == ChallengeStatus.CLOSED:
        challenge.published_at = world.at(-rng.randint(60, 120), 10)
        challenge.closes_at = world.at(-rng.randint(1, 30), 17)
    elif status == ChallengeStatus.PUBLISHED:
        challenge.published_at = world.at(-rng.randint(1, 60), 10)
        if rng.random() < 0.4:
            challenge.closes_at = world.at(rng.randint(20, 90), 17)
