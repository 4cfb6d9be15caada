from datetime import timedelta

import factory
from django.utils import timezone

from oimarket.accounts.enums import MembershipRole, OrganizationKind
from oimarket.accounts.models import Membership, Organization, StartupProfile, User
from oimarket.programs.enums import (
    ChallengeStatus,
    ConversionPath,
    IPTerms,
    ProgramStatus,
    Track,
)
from oimarket.programs.models import Challenge, Program


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    name = factory.Sequence(lambda n: f"사용자 {n}")
    password = factory.PostGenerationMethodCall("set_password", "pw-Strong-2026!")

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """Mark the e-mail as verified, as allauth requires before login."""
        if create and extracted is not False:
            from allauth.account.models import EmailAddress

            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class OperatorFactory(UserFactory):
    is_staff = True


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"기관 {n}")
    slug = factory.Sequence(lambda n: f"org-{n}")
    kind = OrganizationKind.DEMAND_COMPANY


class StartupFactory(OrganizationFactory):
    name = factory.Sequence(lambda n: f"스타트업 {n}")
    slug = factory.Sequence(lambda n: f"startup-{n}")
    kind = OrganizationKind.STARTUP
    profile = factory.RelatedFactory(
        "tests.factories.StartupProfileFactory", factory_related_name="organization"
    )


class StartupProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StartupProfile

    organization = factory.SubFactory(OrganizationFactory, kind=OrganizationKind.STARTUP)
    one_liner = "배터리 재활용 공정을 AI로 최적화합니다"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = MembershipRole.OWNER


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Program

    organization = factory.SubFactory(OrganizationFactory, kind=OrganizationKind.OPERATOR_AGENCY)
    title = factory.Sequence(lambda n: f"오픈이노베이션 프로그램 {n}")
    summary = "수요기업과 스타트업의 협업을 지원합니다."
    track = Track.ON_DEMAND
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=20))
    status = ProgramStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class ChallengeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Challenge

    organization = factory.SubFactory(OrganizationFactory, kind=OrganizationKind.DEMAND_COMPANY)
    title = factory.Sequence(lambda n: f"현장 안전 점검 자동화 과제 {n}")
    problem = "야간 설비 점검에 인력이 많이 듭니다."
    poc_months = 6
    poc_budget_krw = 50_000_000
    ip_terms = IPTerms.STARTUP_OWNS
    conversion_path = ConversionPath.PURCHASE
    conversion_criteria = "탐지율 95% 이상이면 구매 계약"
    status = ChallengeStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "accounts.Invitation"

    organization = factory.SubFactory(OrganizationFactory)
    email = factory.Sequence(lambda n: f"invitee{n}@example.com")
    role = MembershipRole.MEMBER
    invited_by = None
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
