"""Startups composed from `world_startups`: organization, owner, profile and fields."""

from datetime import timedelta

from django.utils.text import slugify

from oimarket.accounts.enums import InvestmentStage, MembershipRole, OrganizationKind
from oimarket.accounts.models import Organization, StartupProfile
from oimarket.accounts.validators import business_number_checksum_ok

from . import logins
from .builder import BATCH, World, add_m2m, add_memberships, create_users
from .text import josa, josa_ro
from .world_startups import FIELD_PARTS, GOALS, NAME_STEMS, ONE_LINERS, PARAGRAPHS, PROOFS

_WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)
ENGLISH_ONLY_SHARE = 0.15

# (region code, weight): most startups are in the capital area.
REGION_WEIGHTS = [
    ("seoul", 34), ("gyeonggi", 22), ("daejeon", 8), ("busan", 6), ("incheon", 4),
    ("daegu", 4), ("gwangju", 4), ("gyeongnam", 3), ("chungbuk", 3), ("chungnam", 2),
    ("gyeongbuk", 2), ("ulsan", 2), ("jeonbuk", 2), ("jeonnam", 1), ("gangwon", 1),
    ("sejong", 1), ("jeju", 1),
]  # fmt: skip

# (stage, weight, total investment range in 억 원)
STAGES = [
    (InvestmentStage.NONE, 20, None),
    (InvestmentStage.PRE_SEED, 18, (1, 3)),
    (InvestmentStage.SEED, 25, (3, 20)),
    (InvestmentStage.PRE_A, 15, (10, 40)),
    (InvestmentStage.SERIES_A, 13, (30, 150)),
    (InvestmentStage.SERIES_B, 7, (100, 400)),
    (InvestmentStage.SERIES_C_PLUS, 2, (300, 1500)),
]

STORY_STARTUP = {
    "name": "누리로보틱스",
    "name_en": "Nuri Robotics",
    "slug": "nuri-robotics",
    "region": "gyeonggi",
    "fields": ["robotics", "manufacturing", "tech_smart_factory", "ai"],
    "technologies": "SLAM, 사족보행 제어, 머신비전, 엣지 AI, 예지보전",
    "one_liner": "설비 점검용 사족보행 로봇과 현장 데이터 분석을 함께 제공하는 스타트업",
    "description": (
        "누리로보틱스는 사람이 들어가기 어려운 플랜트·변전소·조선소 현장을 사족보행 로봇이 "
        "순찰하며 열화상·진동·소음 데이터를 수집하고, 엣지 AI로 이상 징후를 찾아내는 점검 "
        "솔루션을 만듭니다.\n\n2022년 창업 후 발전사와 제철소 3곳에서 유료 PoC를 마쳤고, 관련 "
        "특허 6건을 출원했습니다. 올해는 수요기관의 실제 설비 데이터로 탐지 정확도를 높이고 "
        "첫 공급 계약을 맺는 것이 목표입니다.\n\n협업 희망: 실증 현장(플랜트·변전소), 설비 "
        "고장 이력 데이터, 설비 담당 엔지니어의 자문."
    ),
    "description_en": (
        "Nuri Robotics builds legged robots that patrol plants, substations and shipyards, "
        "collect thermal, vibration and sound data, and flag anomalies with edge AI."
    ),
}


def business_number(rng, used: set[str]) -> str:
    """A fresh, valid 10-digit business registration number (tax office, kind, serial, check)."""
    while True:
        kind = rng.choice((81, 86, 87, 88)) if rng.random() < 0.85 else rng.randint(1, 79)
        head = f"{rng.randint(101, 899):03d}{kind:02d}{rng.randint(0, 9999):04d}"
        nums = [int(c) for c in head]
        total = sum(n * w for n, w in zip(nums, _WEIGHTS, strict=True)) + nums[8] * 5 // 10
        number = head + str((10 - total % 10) % 10)
        if number not in used:
            assert business_number_checksum_ok(number)
            used.add(number)
            return number


def create_startups(world: World, *, count: int) -> None:
    used_names = {STORY_STARTUP["name"]}
    used_slugs = {STORY_STARTUP["slug"], *world.orgs}
    used_numbers: set[str] = set()
    orgs, profiles = [story_org()], [story_profile(world, used_numbers)]
    fields = [STORY_STARTUP["fields"]]
    for i in range(1, count):
        org, profile, codes = compose(world, i, used_names, used_slugs, used_numbers)
        orgs.append(org)
        profiles.append(profile)
        fields.append(codes)
    Organization.objects.bulk_create(orgs, batch_size=BATCH)
    for org, profile in zip(orgs, profiles, strict=True):
        profile.organization = org
    StartupProfile.objects.bulk_create(profiles, batch_size=BATCH)
    rows = [{"email": logins.STARTUP.email, "name": logins.STARTUP.name}]
    rows += [
        {"email": f"founder.{org.slug}@{logins.DEMO_DOMAIN}", "name": world.person()}
        for org in orgs[1:]
    ]
    users = create_users(world, rows)
    add_memberships([(u, o, MembershipRole.OWNER) for u, o in zip(users, orgs, strict=True)])
    add_m2m(
        StartupProfile.fields,
        [(p.pk, code) for p, codes in zip(profiles, fields, strict=True) for code in codes],
    )
    world.log(f"  startups: {len(orgs)} with profiles and owners")


def story_org() -> Organization:
    s = STORY_STARTUP
    return Organization(
        slug=s["slug"],
        name=s["name"],
        name_en=s["name_en"],
        kind=OrganizationKind.STARTUP,
        region_id=s["region"],
        description=s["one_liner"],
        description_en=s["description_en"],
        website=f"https://{s['slug']}.example.com/",
    )


def story_profile(world: World, used_numbers: set[str]) -> StartupProfile:
    s = STORY_STARTUP
    return StartupProfile(
        founded_on=(world.today - timedelta(days=1180)).date(),
        team_size=18,
        business_number=business_number(world.rng, used_numbers),
        investment_stage=InvestmentStage.PRE_A,
        total_investment_krw=1_900_000_000,
        technologies=s["technologies"],
        one_liner=s["one_liner"],
        description=s["description"],
    )


def pick_name(world: World, field_code: str, used: set[str]) -> tuple[str, str]:
    """A (Korean, English) name, new if one can be found in a few tries."""
    suffixes = FIELD_PARTS[field_code][4]
    for _ in range(20):
        stem, stem_en = world.rng.choice(NAME_STEMS)
        suffix, suffix_en = world.rng.choice(suffixes)
        name = stem + suffix
        if name not in used:
            break
    used.add(name)
    return name, f"{stem_en} {suffix_en}"


def compose(world: World, i: int, used_names, used_slugs, used_numbers):
    """One startup: (unsaved Organization, unsaved StartupProfile, field codes)."""
    rng = world.rng
    main = rng.choice(list(FIELD_PARTS))
    techs, products, customers, related, _ = FIELD_PARTS[main]
    name, name_en = pick_name(world, main, used_names)
    slug = slugify(name_en)
    slug = f"{slug}-{i}" if slug in used_slugs else slug
    used_slugs.add(slug)
    region = rng.choices([r for r, _ in REGION_WEIGHTS], [w for _, w in REGION_WEIGHTS])[0]
    chosen = rng.sample(techs, rng.randint(3, 4))
    parts = {
        "name": name,
        "name_en": name_en,
        "techs": chosen,
        "product": rng.choice(products),
        "customer": rng.choice(customers),
        "region": region,
    }
    profile = profile_facts(world, used_numbers)
    english = rng.random() < ENGLISH_ONLY_SHARE
    ko_line, ko_text, en_line, en_text = describe(world, parts, profile)
    org = Organization(
        slug=slug,
        name=name,
        name_en=name_en,
        kind=OrganizationKind.STARTUP,
        region_id=region,
        description="" if english else ko_line,
        description_en=en_text if english or rng.random() < 0.5 else "",
        website=f"https://{slug}.example.com/",
    )
    profile.technologies = ", ".join(t[1] if english else t[0] for t in chosen)
    profile.one_liner = en_line if english else ko_line
    profile.description = en_text if english else ko_text
    codes = [main] + rng.sample(related, rng.randint(0, 2))
    return org, profile, codes


def profile_facts(world: World, used_numbers: set[str]) -> StartupProfile:
    rng = world.rng
    stage, _, band = rng.choices(STAGES, [w for _, w, _ in STAGES])[0]
    if rng.random() < 0.03:
        return StartupProfile(is_pre_founder=True, team_size=rng.randint(1, 3))
    age_days = rng.randint(60, 365 * 9)
    return StartupProfile(
        founded_on=(world.today - timedelta(days=age_days)).date(),
        team_size=max(1, min(150, int(rng.lognormvariate(2.0, 0.8)) + age_days // 700)),
        business_number=business_number(rng, used_numbers),
        listed_shareholder=rng.random() < 0.03,
        investment_stage=stage,
        total_investment_krw=rng.randint(*band) * 100_000_000 if band else None,
    )


def describe(world: World, parts: dict, profile: StartupProfile) -> tuple[str, str, str, str]:
    """Korean one-liner and paragraphs, English one-liner and paragraph."""
    rng = world.rng
    (t1, t1_en), (t2, t2_en) = parts["techs"][:2]
    product, product_en = parts["product"]
    customer, customer_en = parts["customer"]
    region, region_en = world.region_names[parts["region"]]
    n, m = rng.randint(2, 12), rng.randint(1, 30)
    proof, proof_en = (s.format(n=n, m=m) for s in rng.choice(PROOFS))
    goal, goal_en = rng.choice(GOALS)
    year = profile.founded_on.year if profile.founded_on else world.today.year
    team = profile.team_size
    values = {
        "name_eun": josa(parts["name"], "은", "는"),
        "name_en": parts["name_en"],
        "tech1": t1, "tech2": t2, "tech1_wa": josa(t1, "과", "와"),
        "tech2_eul": josa(t2, "을", "를"), "ro": josa_ro(t1)[len(t1):],
        "product": product, "product_eul": josa(product, "을", "를"),
        "wa": josa(product, "과", "와")[len(product):],
        "customer": customer, "customer_eul": josa(customer, "을", "를"),
        "region": region, "year": year, "team": team, "proof": proof, "goal": goal,
    }  # fmt: skip
    values_en = {
        "name_en": parts["name_en"], "tech1": t1_en, "tech2": t2_en, "product": product_en,
        "customer": customer_en, "region_en": region_en, "year": year, "team": team,
        "proof": proof_en, "goal": goal_en,
    }  # fmt: skip
    line, line_en = rng.choice(ONE_LINERS)
    text, text_en = rng.choice(PARAGRAPHS)
    wish = rng.choice(["실증 현장", "현장 데이터", "공동 영업", "구매 연계", "투자 연계"])
    text = f"{text.format(**values)}\n\n협업 희망: {customer}, {wish}."
    en_line = line_en.format(**values_en)
    return (
        line.format(**values),
        text,
        en_line[0].upper() + en_line[1:],
        text_en.format(**values_en),
    )
