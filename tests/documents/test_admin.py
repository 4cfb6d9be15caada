import pytest
from django.urls import reverse

from tests.factories import DocumentVersionFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_admin_document_changelist_searches_and_filters(admin_client):
    deck = DocumentVersionFactory(document__title="IR 자료", document__kind="ir_deck")
    DocumentVersionFactory(document__title="IR 요약", document__kind="other")
    DocumentVersionFactory(document__title="재무제표", document__kind="financial_statements")
    changelist = reverse("admin:documents_document_changelist")

    by_kind = admin_client.get(changelist, {"q": "IR", "kind__exact": "ir_deck"})
    by_org = admin_client.get(changelist, {"q": deck.document.organization.name})

    assert by_kind.status_code == 200
    assert list(by_kind.context["cl"].result_list) == [deck.document]
    assert list(by_org.context["cl"].result_list) == [deck.document]


def test_admin_document_change_page_shows_versions_read_only(admin_client):
    version = DocumentVersionFactory()

    response = admin_client.get(
        reverse("admin:documents_document_change", args=[version.document.pk])
    )

    assert response.status_code == 200
    body = response.content.decode()
    assert version.sha256 in body
    assert version.get_download_url() in body
    assert 'name="versions-0-sha256"' not in body


def test_admin_cannot_add_or_delete_documents(admin_client):
    version = DocumentVersionFactory()

    add = admin_client.get(reverse("admin:documents_document_add"))
    delete = admin_client.get(
        reverse("admin:documents_document_delete", args=[version.document.pk])
    )

    assert (add.status_code, delete.status_code) == (403, 403)
