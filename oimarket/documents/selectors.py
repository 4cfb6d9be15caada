"""Reads for the document locker, starting from what the user may see."""

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from oimarket.accounts.models import Membership, Organization, User

from .models import Document, DocumentVersion


def _own_organizations(user: User) -> QuerySet:
    return Membership.objects.filter(user=user).values("organization_id")


def documents_visible_to(user: User) -> QuerySet[Document]:
    """Documents (archived ones too) of the user's organizations; all of them for operators."""
    if not user.is_authenticated:
        return Document.objects.none()
    qs = Document.objects.select_related("organization")
    if user.is_operator:
        return qs
    return qs.filter(organization_id__in=_own_organizations(user))


def document_versions_visible_to(user: User) -> QuerySet[DocumentVersion]:
    """Versions the user may download: those of documents the user may see (archived
    included), and those attached to submitted applications to the programs of the user's
    organizations, in step with `rules.is_attached_to_visible_application`."""
    if not user.is_authenticated:
        return DocumentVersion.objects.none()
    qs = DocumentVersion.objects.select_related("document__organization")
    if user.is_operator:
        return qs
    from oimarket.applications.selectors.applications import attached_to_submitted_for

    attached = attached_to_submitted_for(user).values("document_version_id")
    return qs.filter(Q(document__organization_id__in=_own_organizations(user)) | Q(pk__in=attached))


def locker_documents(*, user: User, organization: Organization) -> QuerySet[Document]:
    """The organization's active documents, each with `versions` prefetched newest first
    (so `document.current_version` and the history cost no query)."""
    versions = DocumentVersion.objects.select_related("uploaded_by").order_by("-number")
    return (
        documents_visible_to(user)
        .filter(organization=organization, archived_at__isnull=True)
        .prefetch_related(Prefetch("versions", queryset=versions))
        .order_by("kind", "title", "pk")
    )


def current_document_versions(
    *, user: User, organization: Organization, kind: str | None = None
) -> QuerySet[DocumentVersion]:
    """The current (highest-numbered) version of each active document of the organization:
    what an application form offers to attach. Optionally of one kind."""
    newer = DocumentVersion.objects.filter(
        document_id=OuterRef("document_id"), number__gt=OuterRef("number")
    )
    qs = document_versions_visible_to(user).filter(
        document__organization=organization, document__archived_at__isnull=True
    )
    if kind:
        qs = qs.filter(document__kind=kind)
    return qs.exclude(Exists(newer)).order_by("document__kind", "document__title", "pk")
