import pytest

from oimarket.accounts.enums import MembershipRole
from tests.factories import MembershipFactory, StartupFactory


@pytest.fixture
def owner():
    """The owner's membership of a startup, 한빛로보틱스 at /orgs/hanbit/."""
    return MembershipFactory(organization=StartupFactory(name="한빛로보틱스", slug="hanbit"))


@pytest.fixture
def startup(owner):
    return owner.organization


@pytest.fixture
def member(startup):
    """A plain member: sees the documents, cannot change them."""
    return MembershipFactory(organization=startup, role=MembershipRole.MEMBER)


@pytest.fixture
def outsider():
    """The owner of another startup."""
    return MembershipFactory(organization=StartupFactory()).user


def media_files(settings) -> list[str]:
    """Every file under MEDIA_ROOT, relative, sorted."""
    root = settings.MEDIA_ROOT
    if not root.exists():
        return []
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
