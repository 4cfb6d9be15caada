import pytest
from django.urls import reverse

from oimarket.accounts.enums import MembershipRole
from tests.factories import (
    DOCUMENT_PDF_BYTES,
    DocumentVersionFactory,
    MembershipFactory,
    OperatorFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def version(startup):
    return DocumentVersionFactory(document__organization=startup)


def download(client, version):
    return client.get(reverse("documents:version-download", kwargs={"pk": version.pk}))


def test_download_by_the_owner_serves_the_exact_bytes(client, owner, version):
    client.force_login(owner.user)

    response = download(client, version)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == DOCUMENT_PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''%EC%82%AC%EC%97%85%EC%9E%90%EB%93%B1%EB%A1%9D%EC%A6%9D.pdf"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Length"] == str(len(DOCUMENT_PDF_BYTES))


def test_download_keeps_an_ascii_name_readable(client, owner, startup):
    version = DocumentVersionFactory(document__organization=startup, original_name="IR deck.pdf")
    client.force_login(owner.user)

    response = download(client, version)

    assert response["Content-Disposition"] == 'attachment; filename="IR deck.pdf"'


def test_download_by_a_plain_member(client, startup, version):
    member = MembershipFactory(organization=startup, role=MembershipRole.MEMBER)
    client.force_login(member.user)

    assert download(client, version).status_code == 200


def test_download_by_another_startups_member_is_404(client, outsider, version):
    client.force_login(outsider)

    assert download(client, version).status_code == 404


def test_download_by_an_evaluator_of_nothing_is_404(client, version):
    client.force_login(UserFactory(is_evaluator=True))

    assert download(client, version).status_code == 404


def test_download_of_a_missing_version_is_404(client, owner):
    client.force_login(owner.user)

    response = client.get(reverse("documents:version-download", kwargs={"pk": 999_999}))

    assert response.status_code == 404


def test_download_anonymous_is_sent_to_login(client, version):
    url = reverse("documents:version-download", kwargs={"pk": version.pk})

    response = client.get(url)

    assert (response.status_code, response.url) == (302, f"{reverse('account_login')}?next={url}")


def test_download_by_an_operator(client, version):
    client.force_login(OperatorFactory())

    response = download(client, version)

    assert (response.status_code, b"".join(response.streaming_content)) == (
        200,
        DOCUMENT_PDF_BYTES,
    )


def test_download_of_a_file_missing_on_disk_is_404(client, owner, version):
    version.file.storage.delete(version.file.name)
    client.force_login(owner.user)

    assert download(client, version).status_code == 404


def test_download_refuses_post(client, owner, version):
    client.force_login(owner.user)

    response = client.post(reverse("documents:version-download", kwargs={"pk": version.pk}))

    assert response.status_code == 405


def test_media_url_does_not_serve_uploaded_files(client, owner, version, settings):
    client.force_login(owner.user)

    response = client.get(f"{settings.MEDIA_URL}{version.file.name}")

    assert response.status_code == 404
