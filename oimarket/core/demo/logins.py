"""The documented demo logins: one place for `seed_demo` and `demo_logins`."""

from dataclasses import dataclass

DEMO_PASSWORD = "demo1234!"
DEMO_DOMAIN = "demo.oimarket.kr"


@dataclass(frozen=True)
class DemoLogin:
    email: str
    role: str
    name: str
    org_slug: str  # the organization this user owns, "" for none
    what: str


OPERATOR = DemoLogin(
    email=f"operator@{DEMO_DOMAIN}",
    role="operator",
    name="운영자 데모",
    org_slug="",
    what="platform operator (staff, superuser): sees and manages everything, /admin/",
)
STARTUP = DemoLogin(
    email=f"startup@{DEMO_DOMAIN}",
    role="startup",
    name="김누리",
    org_slug="nuri-robotics",
    what="owner of 누리로보틱스 (Nuri Robotics), a startup with a complete profile",
)
DEMAND = DemoLogin(
    email=f"demand@{DEMO_DOMAIN}",
    role="demand organization",
    name="박한빛",
    org_slug="hanbit-mobility",
    what="owner of 한빛모빌리티: programs, challenges, and 8 applicants to screen",
)
CENTER = DemoLogin(
    email=f"center@{DEMO_DOMAIN}",
    role="innovation center",
    name="이남해",
    org_slug="southcoast-ceic",
    what="owner of 남해안창조경제혁신센터: a top-down program with proposed challenges",
)
EVALUATOR = DemoLogin(
    email=f"evaluator@{DEMO_DOMAIN}",
    role="evaluator",
    name="정평가",
    org_slug="",
    what="outside expert who scores applications (is_evaluator)",
)

DEMO_LOGINS = [OPERATOR, STARTUP, DEMAND, CENTER, EVALUATOR]


def demo_logins_table(url: str | None = None) -> str:
    """The demo logins as a plain-text table, with the address of the site if given."""
    lines = []
    if url:
        lines += [f"oimarket is running at {url}", ""]
    lines.append(f"Demo logins (password for all: {DEMO_PASSWORD})")
    width = max(len(login.email) for login in DEMO_LOGINS)
    role_width = max(len(login.role) for login in DEMO_LOGINS)
    lines.append(f"  {'e-mail'.ljust(width)}  {'role'.ljust(role_width)}  what to try")
    for login in DEMO_LOGINS:
        lines.append(f"  {login.email.ljust(width)}  {login.role.ljust(role_width)}  {login.what}")
    return "\n".join(lines)
