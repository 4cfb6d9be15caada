from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.utils import timezone

from oimarket.accounts.enums import OrganizationKind
from oimarket.accounts.models import Organization
from oimarket.accounts.selectors import memberships_of, profile_completeness
from oimarket.programs.enums import ProgramStatus
from oimarket.programs.models import Program
from oimarket.programs.selectors import (
    challenges_catalogue,
    challenges_public,
    programs_closing_soon_in_fields,
    programs_public,
)

from .selectors import operator_counts, recent_activity


@login_not_required
def home(request):
    now = timezone.now()
    open_programs = programs_public().filter(
        status=ProgramStatus.PUBLISHED, opens_at__lte=now, closes_at__gt=now
    )
    context = {
        "closing": programs_closing_soon_in_fields(field_codes=[], limit=6),
        "challenges": challenges_catalogue(base=challenges_public())[:4],
        "open_count": open_programs.count(),
        "challenge_count": challenges_catalogue(base=challenges_public()).count(),
        "startup_count": Organization.objects.filter(
            kind=OrganizationKind.STARTUP, is_public=True
        ).count(),
    }
    return render(request, "core/home.html", context)


def dashboard(request):
    user = request.user
    memberships = list(memberships_of(user).select_related("organization"))
    if not memberships and not user.is_operator and not user.is_evaluator:
        return redirect("accounts:onboarding")
    context = {"memberships": memberships, "sections": []}
    if user.is_operator:
        context["operator"] = {"counts": operator_counts(), "activity": recent_activity()}
    for membership in memberships:
        org = membership.organization
        if org.is_startup:
            context["sections"].append(_startup_section(membership))
        elif org.is_publisher:
            context["sections"].append(_publisher_section(membership))
        else:
            context["sections"].append({"kind": "other", "membership": membership})
    return render(request, "core/dashboard.html", context)


def _startup_section(membership) -> dict:
    org = membership.organization
    profile = getattr(org, "startup_profile", None)
    percent, missing, field_codes = 0, [], []
    if profile is not None:
        percent, missing = profile_completeness(profile)
        field_codes = list(profile.fields.values_list("code", flat=True))
    return {
        "kind": "startup",
        "membership": membership,
        "profile": profile,
        "percent": percent,
        "missing": missing,
        "closing": programs_closing_soon_in_fields(field_codes=field_codes, limit=5),
    }


def _publisher_section(membership) -> dict:
    org = membership.organization
    programs = list(
        Program.objects.filter(organization=org)
        .order_by("-updated_at")
        .prefetch_related("challenges")[:20]
    )
    challenges = list(org.challenges.select_related("program").order_by("-updated_at")[:20])
    intake = [
        p
        for p in programs
        if p.accepts_challenges and any(c.status == "proposed" for c in p.challenges.all())
    ]
    return {
        "kind": "publisher",
        "membership": membership,
        "programs": programs,
        "challenges": challenges,
        "intake": intake,
    }
