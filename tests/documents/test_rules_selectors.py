import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from oimarket.accounts.enums import MembershipRole
from oimarket.documents.enums import DocumentKind
from oimarket.documents.selectors import (
    current_document_versions,
    document_versions_visible_to,
    documents_visible_to,
    locker_documents,
)
from tests.factories import (
    DocumentFactory,
    DocumentVersionFactory,
    MembershipFactory,
    OperatorFactory,
    OrganizationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def version(startup):
    return DocumentVersionFactory(document__organization=startup)


@pytest.mark.parametrize(
    ("who", "view", "change"),
    [
        ("owner", True, True),
        ("manager", True, True),
        ("member", True, False),
        ("outsider", False, False),
        ("operator", True, True),
        ("anonymous", False, False),
    ],
)
def test_document_permissions(startup, owner, outsider, version, who, view, change):
    users = {
        "owner": owner.user,
        "manager": MembershipFactory(organization=startup, role=MembershipRole.MANAGER).user,
        "member": MembershipFactory(organization=startup, role=MembershipRole.MEMBER).user,
        "outsider": outsider,
        "operator": OperatorFactory(),
        "anonymous": AnonymousUser(),
    }
    user = users[who]

    assert (
        user.has_perm("documents.view_locker", startup),
        user.has_perm("documents.view_document", version.document),
        user.has_perm("documents.view_documentversion", version),
    ) == (view, view, view)
    assert (
        user.has_perm("documents.upload_document", startup),
        user.has_perm("documents.change_document", version.document),
    ) == (change, change)


def test_no_locker_permission_on_a_non_startup():
    owner = MembershipFactory(organization=OrganizationFactory())

    assert owner.user.has_perm("documents.view_locker", owner.organization) is False
    assert owner.user.has_perm("documents.upload_document", owner.organization) is False


def test_evaluator_without_membership_cannot_download(version):
    evaluator = UserFactory(is_evaluator=True)

    assert evaluator.has_perm("documents.view_documentversion", version) is False


def test_visible_to_members_and_operators_only(owner, outsider, version):
    archived = DocumentVersionFactory(
        document__organization=owner.organization, document__archived_at=timezone.now()
    )
    other = DocumentVersionFactory()

    assert list(documents_visible_to(owner.user).order_by("pk")) == [
        version.document,
        archived.document,
    ]
    assert list(document_versions_visible_to(owner.user).order_by("pk")) == [version, archived]
    assert list(document_versions_visible_to(outsider)) == []
    assert list(document_versions_visible_to(AnonymousUser())) == []
    assert list(document_versions_visible_to(OperatorFactory()).order_by("pk")) == [
        version,
        archived,
        other,
    ]


def test_locker_documents_hides_archived_and_prefetches_versions(
    owner, version, django_assert_num_queries
):
    DocumentVersionFactory(document=version.document, number=2)
    DocumentFactory(organization=owner.organization, archived_at=timezone.now())

    with django_assert_num_queries(2):
        documents = list(locker_documents(user=owner.user, organization=owner.organization))
        numbers = [[v.number for v in d.versions.all()] for d in documents]
        current = documents[0].current_version.number

    assert (numbers, current) == ([[2, 1]], 2)


def test_locker_documents_is_empty_for_an_outsider(owner, outsider, version):
    assert list(locker_documents(user=outsider, organization=owner.organization)) == []


def test_current_document_versions_gives_the_latest_of_each_active_document(owner, version):
    second = DocumentVersionFactory(document=version.document, number=2)
    deck = DocumentVersionFactory(
        document__organization=owner.organization, document__kind=DocumentKind.IR_DECK
    )
    DocumentVersionFactory(
        document__organization=owner.organization, document__archived_at=timezone.now()
    )
    DocumentVersionFactory()  # another startup's

    current = current_document_versions(user=owner.user, organization=owner.organization)
    decks = current_document_versions(
        user=owner.user, organization=owner.organization, kind=DocumentKind.IR_DECK
    )

    assert list(current) == [second, deck]
    assert list(decks) == [deck]


def test_current_document_versions_is_empty_for_an_outsider(owner, outsider, version):
    assert list(current_document_versions(user=outsider, organization=owner.organization)) == []
