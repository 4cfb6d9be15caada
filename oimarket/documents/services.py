"""Writes for the document locker. Views, forms, the API and tasks call these.

A refused upload changes nothing: the file is checked before anything is stored, and a
stored file is deleted again if the database work that follows fails. (A caller that wraps
a call in its own transaction and later rolls back leaves an unreferenced file on disk: it is
never served, since downloads go through a `DocumentVersion` row.)
"""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import PurePath

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from oimarket.accounts.enums import EDITOR_ROLES
from oimarket.accounts.models import Organization, User
from oimarket.core.audit import audit
from oimarket.core.errors import DomainError

from .enums import DocumentKind
from .filecheck import CheckedFile, check_upload
from .models import Document, DocumentVersion

ORIGINAL_NAME_MAX_LENGTH = 255
TITLE_MAX_LENGTH = 200


def _check_may_change(*, organization: Organization, by: User) -> None:
    """The last line behind the views' permission checks."""
    if not organization.is_startup:
        raise DomainError(_("Only startups have a document locker."))
    if by.is_operator:
        return
    if not organization.memberships.filter(user=by, role__in=EDITOR_ROLES).exists():
        raise DomainError(
            _("Only the organization's owners and managers can change its documents.")
        )


def _check_expiry(expires_on: date | None) -> None:
    if expires_on is not None and expires_on < timezone.localdate():
        raise DomainError(_("This expiry date has already passed."), field="expires_on")


def clean_original_name(name: str) -> str:
    """The user's file name for display and download only: no path, no control characters,
    at most 255 characters with the extension kept."""
    name = "".join(ch for ch in PurePath(name.replace("\\", "/")).name if ch.isprintable())
    name = name.strip() or "file"
    if len(name) > ORIGINAL_NAME_MAX_LENGTH:
        suffix = PurePath(name).suffix[:20]
        name = name[: ORIGINAL_NAME_MAX_LENGTH - len(suffix)] + suffix
    return name


@contextmanager
def _stored(file, checked: CheckedFile) -> Iterator[str]:
    """Save the file under a random name with the detected type's extension; delete it
    again if the block raises (the database rolled back, so nothing refers to it)."""
    field = DocumentVersion._meta.get_field("file")
    name = field.generate_filename(None, f"upload{checked.extension}")
    name = field.storage.save(name, file, max_length=field.max_length)
    try:
        yield name
    except BaseException:
        field.storage.delete(name)
        raise


def _create_version(
    *, document: Document, by: User, name: str, stored: str, checked: CheckedFile, expires_on
) -> DocumentVersion:
    locked = Document.objects.select_for_update().get(pk=document.pk)
    latest = locked.versions.aggregate(n=Max("number"))["n"] or 0
    return DocumentVersion.objects.create(
        document=locked,
        number=latest + 1,
        file=stored,
        original_name=clean_original_name(name),
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        expires_on=expires_on,
        uploaded_by=by,
    )


def _audit_version(*, version: DocumentVersion, by: User, action: str) -> None:
    data = {
        "document_id": version.document_id,
        "number": version.number,
        "sha256": version.sha256,
        "size": version.size,
        "content_type": version.content_type,
    }
    audit(actor=by, target=version, action=action, data=data)


def document_upload(
    *,
    organization: Organization,
    by: User,
    kind: str,
    file,
    title: str = "",
    expires_on: date | None = None,
) -> DocumentVersion:
    """A new document in the organization's locker, with `file` as its version 1."""
    _check_may_change(organization=organization, by=by)
    if kind not in DocumentKind.values:
        raise DomainError(_("Choose a kind of document."), field="kind")
    title = (title or "").strip()
    if len(title) > TITLE_MAX_LENGTH:
        raise DomainError(_("The title is too long."), field="title")
    _check_expiry(expires_on)
    checked = check_upload(file)
    with _stored(file, checked) as stored, transaction.atomic():
        document = Document.objects.create(organization=organization, kind=kind, title=title)
        version = _create_version(
            document=document,
            by=by,
            name=file.name or "",
            stored=stored,
            checked=checked,
            expires_on=expires_on,
        )
        _audit_version(version=version, by=by, action="document.upload")
    return version


def document_add_version(
    *, document: Document, by: User, file, expires_on: date | None = None
) -> DocumentVersion:
    """A new version of `document`; earlier versions stay as they are (applications keep
    referring to the one they attached)."""
    _check_may_change(organization=document.organization, by=by)
    if document.is_archived:
        raise DomainError(_("This document is archived: upload it as a new document."))
    _check_expiry(expires_on)
    checked = check_upload(file)
    with _stored(file, checked) as stored, transaction.atomic():
        version = _create_version(
            document=document,
            by=by,
            name=file.name or "",
            stored=stored,
            checked=checked,
            expires_on=expires_on,
        )
        _audit_version(version=version, by=by, action="document.add_version")
    return version


@transaction.atomic
def document_archive(*, document: Document, by: User) -> Document:
    """Hide the document from the locker. Its versions and files stay: applications that
    attached one still show it."""
    _check_may_change(organization=document.organization, by=by)
    if document.is_archived:
        raise DomainError(_("This document is already archived."))
    document.archived_at = timezone.now()
    document.save(update_fields=["archived_at", "updated_at"])
    audit(actor=by, target=document, action="document.archive")
    return document
