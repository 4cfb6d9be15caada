"""Who may do what with organizations. Checked by name: `user.has_perm(perm, organization)`."""

import rules

from .enums import EDITOR_ROLES


@rules.predicate
def is_operator(user) -> bool:
    """Platform operators: active staff."""
    return bool(user.is_authenticated and user.is_active and user.is_staff)


@rules.predicate
def is_org_member(user, organization) -> bool:
    if not user.is_authenticated or organization is None:
        return False
    return organization.memberships.filter(user=user).exists()


@rules.predicate
def is_org_editor(user, organization) -> bool:
    """Owners and managers of the organization."""
    if not user.is_authenticated or organization is None:
        return False
    return organization.memberships.filter(user=user, role__in=EDITOR_ROLES).exists()


rules.add_perm("accounts.view_organization_members", is_org_member | is_operator)
rules.add_perm("accounts.change_organization", is_org_editor | is_operator)
rules.add_perm("accounts.manage_members", is_org_editor | is_operator)
