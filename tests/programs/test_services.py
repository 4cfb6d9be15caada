import pytest

from oimarket.accounts.enums import OrganizationKind
from oimarket.core.errors import DomainError
from oimarket.core.models import AuditEntry
from oimarket.programs import services
from oimarket.programs.enums import ChallengeStatus, ProgramStatus, Track
from tests.factories import ChallengeFactory, OrganizationFactory, ProgramFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_program_create_starts_as_draft_and_is_audited():
    user = UserFactory()
    org = OrganizationFactory(kind=OrganizationKind.PUBLIC_INSTITUTION)
    program = services.program_create(
        by=user,
        organization=org,
        title="물 관리 혁신 챌린지",
        summary="수처리 기술 실증",
        track=Track.TOP_DOWN,
        opens_at=ProgramFactory.build().opens_at,
        closes_at=ProgramFactory.build().closes_at,
        fields=["tech_water"],
    )
    assert program.status == ProgramStatus.DRAFT
    assert list(program.fields.values_list("code", flat=True)) == ["tech_water"]
    assert list(AuditEntry.objects.values_list("action", flat=True)) == ["program.create"]


def test_program_create_refuses_a_startup():
    startup = OrganizationFactory(kind=OrganizationKind.STARTUP)
    with pytest.raises(DomainError):
        services.program_create(
            by=UserFactory(),
            organization=startup,
            title="x",
            summary="y",
            track=Track.GENERAL,
            opens_at=ProgramFactory.build().opens_at,
            closes_at=ProgramFactory.build().closes_at,
        )


def test_program_publish_close_and_back_to_draft():
    user = UserFactory()
    program = ProgramFactory(status=ProgramStatus.DRAFT, published_at=None)
    services.program_publish(program=program, by=user)
    assert program.status == ProgramStatus.PUBLISHED
    assert program.published_at is not None
    services.program_close(program=program, by=user)
    assert program.status == ProgramStatus.CLOSED
    services.program_unpublish(program=program, by=user)
    program.refresh_from_db()
    assert program.status == ProgramStatus.DRAFT


def test_challenge_publish_refuses_without_poc_budget_and_changes_nothing():
    challenge = ChallengeFactory(
        status=ChallengeStatus.DRAFT, published_at=None, poc_budget_krw=None
    )
    with pytest.raises(DomainError) as refused:
        services.challenge_publish(challenge=challenge, by=UserFactory())
    assert "PoC budget" in refused.value.message
    challenge.refresh_from_db()
    assert challenge.status == ChallengeStatus.DRAFT
    assert challenge.published_at is None


def test_challenge_publication_problems_names_each_missing_term():
    challenge = ChallengeFactory.build(
        poc_budget_krw=0, ip_terms="", conversion_path="", conversion_criteria=" "
    )
    assert sorted(services.challenge_publication_problems(challenge)) == [
        "conversion_criteria",
        "conversion_path",
        "ip_terms",
        "poc_budget_krw",
    ]


def test_challenge_publish_with_terms_on_the_standing_market():
    challenge = ChallengeFactory(status=ChallengeStatus.DRAFT, published_at=None)
    services.challenge_publish(challenge=challenge, by=UserFactory())
    challenge.refresh_from_db()
    assert challenge.status == ChallengeStatus.PUBLISHED
    assert challenge.published_at is not None


def test_challenge_update_refuses_to_drop_the_budget_of_a_published_challenge():
    challenge = ChallengeFactory()
    with pytest.raises(Exception):  # noqa: B017 - ValidationError from the model constraint
        services.challenge_update(challenge=challenge, by=UserFactory(), poc_budget_krw=None)
    challenge.refresh_from_db()
    assert challenge.poc_budget_krw == 50_000_000


def test_problem_intake_proposed_preselected_published():
    program = ProgramFactory(track=Track.TOP_DOWN, accepts_challenges=True)
    challenge = ChallengeFactory(program=program, status=ChallengeStatus.DRAFT, published_at=None)
    operator_user = UserFactory()

    with pytest.raises(DomainError):
        services.challenge_publish(challenge=challenge, by=operator_user)

    services.challenge_propose(challenge=challenge, by=operator_user)
    assert challenge.status == ChallengeStatus.PROPOSED
    services.challenge_decide(challenge=challenge, by=operator_user, preselect=True)
    assert challenge.status == ChallengeStatus.PRESELECTED
    services.challenge_publish(challenge=challenge, by=operator_user)
    assert challenge.status == ChallengeStatus.PUBLISHED
    assert list(
        AuditEntry.objects.filter(target_id=str(challenge.pk))
        .order_by("id")
        .values_list("action", flat=True)
    ) == ["challenge.propose", "challenge.preselect", "challenge.publish"]


def test_problem_intake_not_selected_can_be_revised():
    program = ProgramFactory(track=Track.TOP_DOWN, accepts_challenges=True)
    challenge = ChallengeFactory(
        program=program, status=ChallengeStatus.PROPOSED, published_at=None
    )
    services.challenge_decide(challenge=challenge, by=UserFactory(), preselect=False)
    assert challenge.status == ChallengeStatus.NOT_SELECTED
    services.challenge_decide(challenge=challenge, by=UserFactory(), preselect=True)
    assert challenge.status == ChallengeStatus.PRESELECTED


def test_challenge_propose_refused_when_the_program_takes_no_proposals():
    program = ProgramFactory(accepts_challenges=False)
    challenge = ChallengeFactory(program=program, status=ChallengeStatus.DRAFT, published_at=None)
    with pytest.raises(DomainError):
        services.challenge_propose(challenge=challenge, by=UserFactory())
    challenge.refresh_from_db()
    assert challenge.status == ChallengeStatus.DRAFT


def test_challenge_decide_refuses_a_draft():
    challenge = ChallengeFactory(status=ChallengeStatus.DRAFT, published_at=None)
    with pytest.raises(DomainError):
        services.challenge_decide(challenge=challenge, by=UserFactory(), preselect=True)


def test_challenge_withdraw_returns_to_draft():
    challenge = ChallengeFactory()
    services.challenge_withdraw(challenge=challenge, by=UserFactory())
    challenge.refresh_from_db()
    assert challenge.status == ChallengeStatus.DRAFT
