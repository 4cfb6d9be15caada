"""Who may see and change a startup's documents. Checked by name, e.g.
`user.has_perm("documents.view_document", document)`.

Members (any role) see their organization's documents; owners and managers upload, add
versions and archive. Operators do everything. Evaluators and program operators will see the
versions attached to applications they may see (hook below, False until applications exist).
"""

import rules

from oimarket.accounts.enums import EDITOR_ROLES
from oimarket.accounts.models import Membership
from oimarket.accounts.rules import is_operator, is_org_editor, is_org_member


def _is_member(user, organization_id, roles=None) -> bool:
    if not user.is_authenticated or organization_id is None:
        return False
    qs = Membership.objects.filter(user=user, organization_id=organization_id)
    if roles is not None:
        qs = qs.filter(role__in=roles)
    return qs.exists()


@rules.predicate
def is_startup(user, organization) -> bool:
    return organization is not None and organization.is_startup


@rules.predicate
def is_document_member(user, document) -> bool:
    return document is not None and _is_member(user, document.organization_id)


@rules.predicate
def is_document_editor(user, document) -> bool:
    return document is not None and _is_member(user, document.organization_id, EDITOR_ROLES)


@rules.predicate
def is_version_member(user, version) -> bool:
    return version is not None and _is_member(user, version.document.organization_id)


@rules.predicate
def is_attached_to_visible_application(user, version) -> bool:
    """True when `version` is attached to an answer of a submitted application to a program
    of one of the user's organizations (operators see everything anyway). Keep
    `selectors.document_versions_visible_to` in step."""
    if not user.is_authenticated or version is None:
        return False
    from oimarket.applications.selectors.applications import attached_to_submitted_for

    return attached_to_submitted_for(user).filter(document_version_id=version.pk).exists()


# The locker page of an organization (object: the Organization).
rules.add_perm("documents.view_locker", is_startup & (is_org_member | is_operator))
rules.add_perm("documents.upload_document", is_startup & (is_org_editor | is_operator))
# One document (object: the Document): see it and its versions; add a version, archive it.
rules.add_perm("documents.view_document", is_document_member | is_operator)
rules.add_perm("documents.change_document", is_document_editor | is_operator)
# One file (object: the DocumentVersion): download it.
rules.add_perm(
    "documents.view_documentversion",
    is_version_member | is_operator | is_attached_to_visible_application,
)
