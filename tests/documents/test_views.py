from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from oimarket.documents.models import Document, DocumentVersion
from tests.factories import (
    DOCUMENT_PDF_BYTES,
    DocumentFactory,
    DocumentVersionFactory,
    MembershipFactory,
    OperatorFactory,
    OrganizationFactory,
)

from . import samples
from .conftest import media_files

pytestmark = pytest.mark.django_db


def locker_url(org) -> str:
    return reverse("documents:locker", kwargs={"slug": org.slug})


def version_url(document) -> str:
    kwargs = {"slug": document.organization.slug, "pk": document.pk}
    return reverse("documents:version-create", kwargs=kwargs)


def archive_url(document) -> str:
    kwargs = {"slug": document.organization.slug, "pk": document.pk}
    return reverse("documents:document-archive", kwargs=kwargs)


def upload_data(name="사업자등록증.pdf", data=samples.PDF, **extra):
    return {"new-kind": "business_registration", "new-file": samples.upload(name, data), **extra}


# Locker page


def test_locker_lists_current_documents_for_the_owner(client, owner):
    version = DocumentVersionFactory(document__organization=owner.organization)
    newer = DocumentVersionFactory(document=version.document, number=2, original_name="v2.pdf")
    DocumentFactory(organization=owner.organization, archived_at=timezone.now())
    client.force_login(owner.user)

    response = client.get(locker_url(owner.organization))

    assert response.status_code == 200
    entries = response.context["entries"]
    assert [(e["document"], e["current"], e["versions"]) for e in entries] == [
        (version.document, newer, [newer, version])
    ]
    assert response.context["can_change"] is True
    body = response.content.decode()
    assert 'enctype="multipart/form-data"' in body
    assert 'accept=".pdf,.hwp,.hwpx,.docx,.xlsx,.pptx,.png,.jpg,.jpeg"' in body


def test_locker_shows_a_plain_member_no_forms(client, member):
    DocumentVersionFactory(document__organization=member.organization)
    client.force_login(member.user)

    response = client.get(locker_url(member.organization))

    assert response.status_code == 200
    assert (response.context["can_change"], response.context["upload_form"]) == (False, None)
    assert [e["form"] for e in response.context["entries"]] == [None]
    assert "enctype" not in response.content.decode()


def test_locker_is_403_to_an_outsider(client, owner, outsider):
    client.force_login(outsider)

    assert client.get(locker_url(owner.organization)).status_code == 403


def test_locker_anonymous_is_sent_to_login(client, owner):
    url = locker_url(owner.organization)

    response = client.get(url)

    assert (response.status_code, response.url) == (302, f"{reverse('account_login')}?next={url}")


def test_locker_is_shown_to_an_operator(client, owner):
    client.force_login(OperatorFactory())

    assert client.get(locker_url(owner.organization)).status_code == 200


def test_locker_is_404_for_a_non_startup(client):
    company = MembershipFactory(organization=OrganizationFactory())
    client.force_login(company.user)

    assert client.get(locker_url(company.organization)).status_code == 404


def test_locker_badges_expired_and_expiring_documents(client, owner):
    today = timezone.localdate()
    DocumentVersionFactory(
        document__organization=owner.organization, expires_on=today - timedelta(days=1)
    )
    DocumentVersionFactory(
        document__organization=owner.organization, expires_on=today + timedelta(days=30)
    )
    DocumentVersionFactory(
        document__organization=owner.organization, expires_on=today + timedelta(days=31)
    )
    client.force_login(owner.user)

    body = client.get(locker_url(owner.organization)).content.decode()

    expired_on = (today - timedelta(days=1)).isoformat()
    assert body.count(f'<span class="badge text-bg-danger">Expired on {expired_on}</span>') == 1
    assert body.count('<span class="badge text-bg-warning">Expires in 30 days</span>') == 1
    assert body.count("badge text-bg-warning") == 1


@pytest.mark.parametrize("rows", [1, 3])
def test_locker_query_count_is_constant(client, owner, django_assert_num_queries, rows):
    for _ in range(rows):
        version = DocumentVersionFactory(document__organization=owner.organization)
        DocumentVersionFactory(document=version.document, number=2, uploaded_by=owner.user)
    client.force_login(owner.user)
    url = locker_url(owner.organization)

    # session, user, organization, view perm, change perm, documents, versions (+uploader),
    # org nav: change, members and locker perms
    with django_assert_num_queries(11):
        response = client.get(url)

    assert len(response.context["entries"]) == rows


# Uploading


def test_owner_uploads_a_document_and_sees_it(client, owner, settings):
    client.force_login(owner.user)
    url = locker_url(owner.organization)

    response = client.post(url, upload_data(**{"new-title": "사업자등록증 2026"}))

    assert (response.status_code, response.url) == (302, url)
    version = DocumentVersion.objects.get()
    assert (version.document.title, version.original_name, version.uploaded_by) == (
        "사업자등록증 2026",
        "사업자등록증.pdf",
        owner.user,
    )
    page = client.get(url)
    assert [e["current"] for e in page.context["entries"]] == [version]
    assert "사업자등록증 2026" in page.content.decode()
    assert media_files(settings) == [version.file.name]


def test_refused_upload_shows_the_error_inline_and_stores_nothing(client, owner, settings):
    client.force_login(owner.user)

    response = client.post(
        locker_url(owner.organization), upload_data(name="invoice.pdf", data=b"MZ" + b"\x00" * 99)
    )

    assert response.status_code == 200
    assert response.context["upload_form"].errors == {
        "file": [
            "This type of file is not accepted. "
            "Upload a PDF, HWP, HWPX, DOCX, XLSX, PPTX, PNG or JPG file."
        ]
    }
    assert (Document.objects.count(), media_files(settings)) == (0, [])


def test_upload_by_a_plain_member_is_403(client, member, settings):
    client.force_login(member.user)

    response = client.post(locker_url(member.organization), upload_data())

    assert response.status_code == 403
    assert (Document.objects.count(), media_files(settings)) == (0, [])


def test_upload_by_an_outsider_is_403(client, owner, outsider, settings):
    client.force_login(outsider)

    response = client.post(locker_url(owner.organization), upload_data())

    assert response.status_code == 403
    assert (Document.objects.count(), media_files(settings)) == (0, [])


def test_owner_uploads_a_new_version(client, owner):
    version = DocumentVersionFactory(document__organization=owner.organization)
    prefix = f"v{version.document.pk}"
    client.force_login(owner.user)

    response = client.post(
        version_url(version.document), {f"{prefix}-file": samples.upload("v2.docx", samples.docx())}
    )

    assert (response.status_code, response.url) == (302, locker_url(owner.organization))
    assert [v.number for v in version.document.versions.order_by("number")] == [1, 2]


def test_refused_new_version_reopens_its_form_with_the_error(client, owner):
    version = DocumentVersionFactory(document__organization=owner.organization)
    other = DocumentVersionFactory(document__organization=owner.organization)
    prefix = f"v{version.document.pk}"
    client.force_login(owner.user)

    response = client.post(
        version_url(version.document), {f"{prefix}-file": samples.upload("v2.docx", b"text")}
    )

    assert response.status_code == 200
    forms = {e["document"]: e["form"] for e in response.context["entries"]}
    assert forms[version.document].errors["file"] == [
        "This type of file is not accepted. "
        "Upload a PDF, HWP, HWPX, DOCX, XLSX, PPTX, PNG or JPG file."
    ]
    assert forms[other.document].is_bound is False
    assert version.document.versions.count() == 1


def test_new_version_by_a_plain_member_is_403(client, member):
    version = DocumentVersionFactory(document__organization=member.organization)
    client.force_login(member.user)

    response = client.post(
        version_url(version.document),
        {f"v{version.document.pk}-file": samples.upload("v2.pdf", samples.PDF)},
    )

    assert (response.status_code, version.document.versions.count()) == (403, 1)


def test_new_version_by_an_outsider_is_404(client, outsider):
    version = DocumentVersionFactory()
    client.force_login(outsider)

    response = client.post(
        version_url(version.document),
        {f"v{version.document.pk}-file": samples.upload("v2.pdf", samples.PDF)},
    )

    assert (response.status_code, version.document.versions.count()) == (404, 1)


# Archiving


def test_archive_asks_for_confirmation_then_hides_the_document(client, owner):
    version = DocumentVersionFactory(document__organization=owner.organization, number=1)
    client.force_login(owner.user)

    confirm = client.get(archive_url(version.document))
    response = client.post(archive_url(version.document))

    assert confirm.status_code == 200
    assert (response.status_code, response.url) == (302, locker_url(owner.organization))
    assert client.get(locker_url(owner.organization)).context["entries"] == []
    download = client.get(version.get_download_url())
    assert (download.status_code, b"".join(download.streaming_content)) == (
        200,
        DOCUMENT_PDF_BYTES,
    )


def test_archive_by_a_plain_member_is_403(client, member):
    version = DocumentVersionFactory(document__organization=member.organization)
    client.force_login(member.user)

    response = client.post(archive_url(version.document))

    version.document.refresh_from_db()
    assert (response.status_code, version.document.archived_at) == (403, None)


def test_archive_by_an_outsider_is_404(client, outsider):
    version = DocumentVersionFactory()
    client.force_login(outsider)

    response = client.post(archive_url(version.document))

    version.document.refresh_from_db()
    assert (response.status_code, version.document.archived_at) == (404, None)
