"""Builds the demo world: `seed()` writes it in one transaction, `wipe()` removes it.

What `seed(startups=N, programs=M)` creates, exactly:

- users: 1 operator + 12 evaluators + 2 per publishing organization (owner, member)
  + 1 per investor and 1 per startup (owner), each with a verified primary e-mail address;
- organizations: the 32 of `world_orgs.ORGANIZATIONS` (30 publishers, 2 investors) + N startups,
  each startup with a StartupProfile;
- programs: exactly M, the 7 story programs of `world_programs` first (M >= 7);
- challenges: the 20 story challenges + 1 standing challenge per demand company and public
  institution (22) + 3 per generated top-down program that is not a draft.

The same arguments on the same day (Korea time) give the same rows.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Q

from oimarket.accounts.enums import PUBLISHER_KINDS, MembershipRole
from oimarket.accounts.models import Membership, Organization, User
from oimarket.applications.models import Answer, Application, ApplicationForm
from oimarket.documents.models import Document, DocumentVersion
from oimarket.programs.models import Challenge, Program
from oimarket.programs.taxonomy import REGIONS, field_rows

from . import logins
from .world_orgs import GIVEN_NAMES, ORGANIZATIONS, SURNAMES
from .world_programs import STORY_PROGRAMS

DEFAULT_SEED = 20250317
DEFAULT_STARTUPS = 300
DEFAULT_PROGRAMS = 40
EVALUATORS = 12
BATCH = 1000
KST = ZoneInfo("Asia/Seoul")


class SeedError(ValueError):
    """The arguments cannot make a demo world."""


def reference_day(now: datetime | None = None) -> datetime:
    """Midnight, Korea time, of the day of `now`: every demo date is relative to it."""
    local = (now or datetime.now(tz=KST)).astimezone(KST)
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


@dataclass
class World:
    """What the builders share while seeding."""

    rng: random.Random
    today: datetime
    password: str
    log: Callable[[str], None]
    orgs: dict[str, Organization] = field(default_factory=dict)
    sectors: dict[str, str] = field(default_factory=dict)
    field_names: dict[str, tuple[str, str]] = field(
        default_factory=lambda: {r["code"]: (r["name_ko"], r["name_en"]) for r in field_rows()}
    )
    region_names: dict[str, tuple[str, str]] = field(
        default_factory=lambda: {code: (ko, en) for code, ko, en in REGIONS}
    )

    def at(self, days: int, hour: int = 0, minute: int = 0) -> datetime:
        """A moment `days` after the reference day, at `hour:minute` Korea time."""
        day = self.today + timedelta(days=days)
        return day.replace(hour=hour, minute=minute)

    def person(self) -> str:
        return self.rng.choice(SURNAMES) + self.rng.choice(GIVEN_NAMES)


def seed(
    *,
    startups: int = DEFAULT_STARTUPS,
    programs: int = DEFAULT_PROGRAMS,
    seed: int = DEFAULT_SEED,
    now: datetime | None = None,
    log: Callable[[str], None] = print,
) -> dict[str, int]:
    """Create the demo world; returns the number of rows created per kind."""
    from . import applications as application_builder
    from . import challenges as challenge_builder
    from . import eligibility as eligibility_builder
    from . import programs as program_builder
    from . import startups as startup_builder

    if programs < len(STORY_PROGRAMS):
        raise SeedError(f"--programs must be at least {len(STORY_PROGRAMS)} (the story programs).")
    if startups < 1:
        raise SeedError("--startups must be at least 1 (the demo startup).")
    world = World(
        rng=random.Random(seed),
        today=reference_day(now),
        password=make_password(logins.DEMO_PASSWORD),
        log=log,
    )
    with transaction.atomic():
        create_staff(world)
        create_publishers(world)
        startup_builder.create_startups(world, count=startups)
        created = program_builder.create_programs(world, count=programs)
        challenge_builder.create_challenges(world, programs=created)
        eligibility_builder.create_rules(world, created)
        eligibility_builder.create_selections(world, created)
        application_builder.create_applications(world)
    return {
        "users": User.objects.count(),
        "organizations": Organization.objects.count(),
        "startups": startups,
        "programs": Program.objects.count(),
        "challenges": Challenge.objects.count(),
    }


def create_users(world: World, rows: list[dict]) -> list[User]:
    """Bulk-create users (dicts of User fields) with the demo password and verified e-mail."""
    users = [User(password=world.password, is_active=True, **row) for row in rows]
    User.objects.bulk_create(users, batch_size=BATCH)
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users],
        batch_size=BATCH,
    )
    return users


def create_staff(world: World) -> None:
    op, ev = logins.OPERATOR, logins.EVALUATOR
    rows = [
        {"email": op.email, "name": op.name, "is_staff": True, "is_superuser": True},
        {"email": ev.email, "name": ev.name, "is_evaluator": True},
    ]
    for i in range(1, EVALUATORS):
        email = f"evaluator{i:02d}@{logins.DEMO_DOMAIN}"
        rows.append({"email": email, "name": world.person(), "is_evaluator": True})
    create_users(world, rows)
    world.log(f"  users: 1 operator, {EVALUATORS} evaluators")


def create_publishers(world: World) -> None:
    """The fixed demand side, each with an owner (and a member for publishers)."""
    orgs = []
    for slug, name, name_en, kind, region, sector, desc, desc_en in ORGANIZATIONS:
        orgs.append(
            Organization(
                slug=slug,
                name=name,
                name_en=name_en,
                kind=kind,
                region_id=region,
                description=desc,
                description_en=desc_en,
                website=f"https://{slug}.example.org/",
            )
        )
        world.sectors[slug] = sector
    Organization.objects.bulk_create(orgs, batch_size=BATCH)
    world.orgs.update({org.slug: org for org in orgs})
    owners = {login.org_slug: login for login in logins.DEMO_LOGINS if login.org_slug}
    rows, pairs = [], []
    for org in orgs:
        login = owners.get(org.slug)
        email = login.email if login else f"owner.{org.slug}@{logins.DEMO_DOMAIN}"
        rows.append({"email": email, "name": login.name if login else world.person()})
        pairs.append((org, MembershipRole.OWNER))
        if org.kind in PUBLISHER_KINDS:
            rows.append({"email": f"staff.{org.slug}@{logins.DEMO_DOMAIN}", "name": world.person()})
            pairs.append((org, MembershipRole.MEMBER))
    users = create_users(world, rows)
    add_memberships([(user, org, role) for user, (org, role) in zip(users, pairs, strict=True)])
    world.log(f"  organizations: {len(orgs)} demand side, {len(users)} of their users")


def add_memberships(rows: list[tuple[User, Organization, str]]) -> None:
    Membership.objects.bulk_create(
        [Membership(user=user, organization=org, role=role) for user, org, role in rows],
        batch_size=BATCH,
    )


def add_m2m(manager_field, rows: list[tuple[int, int | str]]) -> None:
    """Bulk-insert (source id, target id) pairs into a many-to-many field's through table."""
    through = manager_field.through
    source, target = (
        manager_field.field.m2m_field_name(),
        manager_field.field.m2m_reverse_field_name(),
    )
    through.objects.bulk_create(
        [through(**{f"{source}_id": s, f"{target}_id": t}) for s, t in rows], batch_size=BATCH
    )


def demo_data_present() -> bool:
    slugs = [row[0] for row in ORGANIZATIONS]
    emails = [login.email for login in logins.DEMO_LOGINS]
    return (
        Organization.objects.filter(slug__in=slugs).exists()
        or User.objects.filter(email__in=emails).exists()
    )


def wipe(log: Callable[[str], None] = print) -> None:
    """Delete programs, challenges, organizations, and every user but real superusers.

    Superusers outside the demo domain (e.g. made with createsuperuser) are kept.
    """
    demo_or_regular = Q(is_superuser=False) | Q(email__endswith=f"@{logins.DEMO_DOMAIN}")
    with transaction.atomic():
        rows = 0
        for qs in (
            # Versions are protected while their document exists: remove them first.
            Answer.objects.all(),
            Application.objects.all(),
            ApplicationForm.objects.all(),
            DocumentVersion.objects.all(),
            Document.objects.all(),
            Challenge.objects.all(),
            Program.objects.all(),
            Organization.objects.all(),
            User.objects.filter(demo_or_regular),
        ):
            rows += qs.delete()[0]
    log(f"  wiped programs, challenges, organizations and users ({rows} rows)")
