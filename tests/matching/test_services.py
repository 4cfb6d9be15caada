"""Services keep the index current: a change is searchable once its transaction commits."""

import pytest

from oimarket.accounts.services import organization_update, startup_profile_update
from oimarket.programs.enums import ProgramStatus
from oimarket.programs.services import (
    challenge_close,
    challenge_update,
    program_publish,
    program_unpublish,
    program_update,
)
from tests.factories import (
    ChallengeFactory,
    OrganizationFactory,
    ProgramFactory,
    StartupFactory,
    UserFactory,
)

from .conftest import found

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _auto_index(settings):
    settings.SEARCH_AUTO_INDEX = True


def test_program_publish_makes_it_searchable_and_unpublish_hides_it(
    django_capture_on_commit_callbacks,
):
    program = ProgramFactory(title="수소 연료전지 실증", status=ProgramStatus.DRAFT)
    by = UserFactory()

    with django_capture_on_commit_callbacks(execute=True):
        program_publish(program=program, by=by)
    assert found("연료전지") == [f"program:{program.pk}"]

    with django_capture_on_commit_callbacks(execute=True):
        program_unpublish(program=program, by=by)
    assert found("연료전지") == []


def test_program_update_reindexes_the_new_title(django_capture_on_commit_callbacks):
    program = ProgramFactory(title="스마트팜 실증")
    with django_capture_on_commit_callbacks(execute=True):
        program_update(program=program, by=UserFactory(), title="드론 방제 실증")

    assert (found("드론"), found("스마트팜")) == ([f"program:{program.pk}"], [])


def test_nothing_is_indexed_before_the_transaction_commits(django_capture_on_commit_callbacks):
    program = ProgramFactory(title="스마트팜 실증")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        program_update(program=program, by=UserFactory(), title="드론 방제 실증")

    assert (len(callbacks), found("드론")) == (1, [])


def test_challenge_update_and_close_reach_the_index(django_capture_on_commit_callbacks):
    challenge = ChallengeFactory(title="물류센터 피킹 자동화")
    by = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        challenge_update(challenge=challenge, by=by, title="물류센터 재고 로봇")
    assert found("로봇", open_only=True) == [f"challenge:{challenge.pk}"]

    with django_capture_on_commit_callbacks(execute=True):
        challenge_close(challenge=challenge, by=by)
    assert (found("로봇"), found("로봇", open_only=True)) == ([f"challenge:{challenge.pk}"], [])


def test_profile_update_reindexes_the_startup(django_capture_on_commit_callbacks):
    startup = StartupFactory(name="누리랩", profile__one_liner="식품 배달")
    with django_capture_on_commit_callbacks(execute=True):
        startup_profile_update(
            profile=startup.startup_profile, by=UserFactory(), one_liner="폐배터리 재활용 공정"
        )

    assert found("배터리를") == [f"startup:{startup.pk}"]


def test_organization_made_private_leaves_the_index(django_capture_on_commit_callbacks):
    org = OrganizationFactory(name="한빛모빌리티", kind="demand_company", is_public=True)
    by = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        organization_update(organization=org, by=by, description="자율주행 셔틀")
    assert found("자율주행") == [f"organization:{org.pk}"]

    with django_capture_on_commit_callbacks(execute=True):
        organization_update(organization=org, by=by, is_public=False)
    assert found("자율주행") == []


def test_auto_index_off_writes_nothing(settings, django_capture_on_commit_callbacks):
    settings.SEARCH_AUTO_INDEX = False
    program = ProgramFactory(title="스마트팜 실증")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        program_update(program=program, by=UserFactory(), title="드론 방제 실증")

    assert (len(callbacks), found("드론")) == (0, [])
