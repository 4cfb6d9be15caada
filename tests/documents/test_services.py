import hashlib
import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import TemporaryUploadedFile
from django.utils import timezone

from oimarket.accounts.enums import MembershipRole
from oimarket.core.errors import DomainError
from oimarket.core.models import AuditEntry
from oimarket.documents.enums import DocumentKind
from oimarket.documents.models import Document, DocumentVersion
from oimarket.documents.services import (
    clean_original_name,
    document_add_version,
    document_archive,
    document_upload,
)
from tests.factories import MembershipFactory, OperatorFactory, OrganizationFactory

from . import samples
from .conftest import media_files

pytestmark = pytest.mark.django_db


def upload_pdf(owner, name="사업자등록증.pdf", data=samples.PDF, **kwargs):
    return document_upload(
        organization=owner.organization,
        by=owner.user,
        kind=kwargs.pop("kind", DocumentKind.BUSINESS_REGISTRATION),
        file=samples.upload(name, data),
        **kwargs,
    )


def test_document_upload_records_the_file(owner, settings):
    expires = timezone.localdate() + timedelta(days=90)

    version = upload_pdf(owner, title="사업자등록증 2026", expires_on=expires)

    document = version.document
    assert (document.organization, document.kind, document.title) == (
        owner.organization,
        DocumentKind.BUSINESS_REGISTRATION,
        "사업자등록증 2026",
    )
    assert (version.number, version.original_name, version.content_type, version.size) == (
        1,
        "사업자등록증.pdf",
        "application/pdf",
        len(samples.PDF),
    )
    assert version.sha256 == hashlib.sha256(samples.PDF).hexdigest()
    assert (version.expires_on, version.uploaded_by) == (expires, owner.user)
    with version.file.open("rb") as stored:
        assert stored.read() == samples.PDF


def test_document_upload_stores_under_a_random_name(owner, settings):
    version = upload_pdf(owner, name="한빛로보틱스_사업자등록증.pdf")

    now = timezone.localtime()
    pattern = rf"documents/{now:%Y}/{now:%m}/[0-9a-f]{{32}}\.pdf"
    assert re.fullmatch(pattern, version.file.name)
    assert media_files(settings) == [version.file.name]
    assert "사업자등록증" not in version.file.name


def test_document_upload_names_the_file_by_its_detected_type(owner):
    version = upload_pdf(owner, name="photo.JPEG", data=samples.JPEG)

    assert (version.file.name[-4:], version.original_name) == (".jpg", "photo.JPEG")


def test_document_upload_audits(owner):
    version = upload_pdf(owner)

    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.action, entry.target_id) == (
        owner.user,
        "document.upload",
        str(version.pk),
    )
    assert entry.data == {
        "document_id": version.document_id,
        "number": 1,
        "sha256": version.sha256,
        "size": version.size,
        "content_type": "application/pdf",
    }


def test_document_add_version_numbers_versions_1_2_3(owner):
    first = upload_pdf(owner)
    document = first.document

    second = document_add_version(
        document=document, by=owner.user, file=samples.upload("v2.pdf", samples.PDF + b"2")
    )
    third = document_add_version(
        document=document, by=owner.user, file=samples.upload("v3.png", samples.png())
    )

    assert [v.number for v in document.versions.order_by("number")] == [1, 2, 3]
    assert (second.number, third.number) == (2, 3)
    assert document.current_version == third
    assert third.sha256 == hashlib.sha256(samples.png()).hexdigest()
    assert first.file.name != second.file.name


def test_document_add_version_keeps_earlier_versions_untouched(owner):
    first = upload_pdf(owner)

    document_add_version(
        document=first.document, by=owner.user, file=samples.upload("v2.docx", samples.docx())
    )

    first.refresh_from_db()
    assert (first.number, first.sha256) == (1, hashlib.sha256(samples.PDF).hexdigest())
    with first.file.open("rb") as stored:
        assert stored.read() == samples.PDF


def test_refused_upload_leaves_no_file_and_no_row(owner, settings):
    exe = b"MZ\x90\x00" + b"\x00" * 100

    with pytest.raises(DomainError):
        upload_pdf(owner, name="invoice.pdf", data=exe)

    assert (Document.objects.count(), DocumentVersion.objects.count()) == (0, 0)
    assert media_files(settings) == []
    assert AuditEntry.objects.count() == 0


def test_refused_new_version_leaves_no_file_and_no_row(owner, settings):
    first = upload_pdf(owner)
    settings.UPLOAD_MAX_BYTES = 1000

    with pytest.raises(DomainError):
        document_add_version(
            document=first.document, by=owner.user, file=samples.upload("big.pdf", b"%PDF-" * 300)
        )

    assert list(DocumentVersion.objects.all()) == [first]
    assert media_files(settings) == [first.file.name]


def test_failed_database_write_deletes_the_stored_file(owner, settings, monkeypatch):
    def broken_audit(**kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr("oimarket.documents.services.audit", broken_audit)

    with pytest.raises(RuntimeError):
        upload_pdf(owner)

    assert (Document.objects.count(), media_files(settings)) == (0, [])


def test_document_upload_refuses_a_plain_member(member, settings):
    with pytest.raises(DomainError) as excinfo:
        upload_pdf(member)

    assert excinfo.value.message == (
        "Only the organization's owners and managers can change its documents."
    )
    assert (Document.objects.count(), media_files(settings)) == (0, [])


def test_document_upload_refuses_an_outsider(owner, outsider):
    with pytest.raises(DomainError):
        document_upload(
            organization=owner.organization,
            by=outsider,
            kind=DocumentKind.IR_DECK,
            file=samples.upload("deck.pdf", samples.PDF),
        )

    assert Document.objects.count() == 0


def test_document_upload_allows_a_manager_and_an_operator(startup):
    manager = MembershipFactory(organization=startup, role=MembershipRole.MANAGER)
    by_manager = document_upload(
        organization=startup,
        by=manager.user,
        kind="ir_deck",
        file=samples.upload("a.pdf", b"%PDF-1"),
    )
    by_operator = document_upload(
        organization=startup,
        by=OperatorFactory(),
        kind="other",
        file=samples.upload("b.png", samples.png()),
    )

    assert (by_manager.number, by_operator.number) == (1, 1)


def test_document_upload_refuses_a_non_startup():
    owner = MembershipFactory(organization=OrganizationFactory())

    with pytest.raises(DomainError) as excinfo:
        upload_pdf(owner)

    assert excinfo.value.message == "Only startups have a document locker."


def test_document_upload_refuses_an_unknown_kind(owner):
    with pytest.raises(DomainError) as excinfo:
        upload_pdf(owner, kind="passport")

    assert excinfo.value.field == "kind"


def test_document_upload_refuses_a_past_expiry_date(owner):
    yesterday = timezone.localdate() - timedelta(days=1)

    with pytest.raises(DomainError) as excinfo:
        upload_pdf(owner, expires_on=yesterday)

    assert (excinfo.value.message, excinfo.value.field) == (
        "This expiry date has already passed.",
        "expires_on",
    )


def test_document_archive_hides_the_document_and_keeps_its_files(owner, settings):
    version = upload_pdf(owner)

    document_archive(document=version.document, by=owner.user)

    version.document.refresh_from_db()
    assert version.document.archived_at is not None
    assert DocumentVersion.objects.get() == version
    assert media_files(settings) == [version.file.name]
    assert AuditEntry.objects.first().action == "document.archive"


def test_document_archive_refuses_a_plain_member(owner, member):
    version = upload_pdf(owner)

    with pytest.raises(DomainError):
        document_archive(document=version.document, by=member.user)

    version.document.refresh_from_db()
    assert version.document.archived_at is None


def test_document_add_version_refuses_an_archived_document(owner):
    version = upload_pdf(owner)
    document_archive(document=version.document, by=owner.user)

    with pytest.raises(DomainError):
        document_add_version(
            document=version.document, by=owner.user, file=samples.upload("v2.pdf", samples.PDF)
        )

    assert version.document.versions.count() == 1


@pytest.mark.parametrize(
    ("name", "cleaned"),
    [
        ("사업자등록증.pdf", "사업자등록증.pdf"),
        ("C:\\Users\\kim\\IR 자료.pptx", "IR 자료.pptx"),
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("bad\x00name\n.pdf", "badname.pdf"),
        ("", "file"),
        ("가" * 300 + ".hwp", "가" * 251 + ".hwp"),
    ],
)
def test_clean_original_name(name, cleaned):
    assert clean_original_name(name) == cleaned


def test_document_upload_from_a_temporary_file_on_disk(owner, settings):
    data = samples.PDF + b"\x00" * 1000
    upload = TemporaryUploadedFile("큰파일.pdf", "application/pdf", len(data), None)
    upload.write(data)
    upload.seek(0)

    version = document_upload(
        organization=owner.organization, by=owner.user, kind="ir_deck", file=upload
    )
    upload.close()  # as Django does after a request; the storage moved the temporary file

    assert version.sha256 == hashlib.sha256(data).hexdigest()
    with version.file.open("rb") as stored:
        assert stored.read() == data
    assert media_files(settings) == [version.file.name]
