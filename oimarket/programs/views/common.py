from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.decorators import method_decorator

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
