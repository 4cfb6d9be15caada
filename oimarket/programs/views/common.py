from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property

from oimarket.accounts.enums import EDITOR_ROLES, PUBLISHER_KINDS
from oimarket.accounts.models import Organization
from oimarket.core.errors import DomainError

public = method_decorator(login_not_required, name="dispatch")


def paginate(request, qs: QuerySet, per_page: int | None = None):
    paginator = Paginator(qs, per_page or settings.CATALOGUE_PAGE_SIZE)
    return paginator.get_page(request.GET.get("page"))


def publisher_orgs_for(user) -> QuerySet[Organization]:
    """Organizations on whose behalf the user may publish programs and challenges."""
    qs = Organization.objects.filter(kind__in=PUBLISHER_KINDS)
    if user.is_operator:
        return qs.order_by("name")
    return (
        qs.filter(memberships__user=user, memberships__role__in=EDITOR_ROLES)
        .distinct()
        .order_by("name")
    )


def add_errors(form, error: Exception) -> None:
    """Show a service's refusal on the form, next to the field it is about."""
    if isinstance(error, DomainError):
        field = error.field if error.field in form.fields else None
        form.add_error(field, error.message)
    elif isinstance(error, ValidationError):
        form.add_error(None, error)
    else:
        raise error


class PublishingOrganizationMixin:
    """Create views: the organization to publish for, picked by slug among the user's own."""

    @cached_property
    def organizations(self):
        return list(publisher_orgs_for(self.request.user))

    @cached_property
    def organization(self):
        slug = self.request.POST.get("organization") or self.request.GET.get("organization")
        by_slug = {org.slug: org for org in self.organizations}
        if slug in by_slug:
            return by_slug[slug]
        if not self.organizations:
            raise PermissionDenied
        return self.organizations[0]
