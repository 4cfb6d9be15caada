from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, ListView, TemplateView, View
from django.views.i18n import set_language
from rules.contrib.views import PermissionRequiredMixin

from oimarket.core.errors import DomainError

from . import selectors, services
from .enums import MembershipRole, OrganizationKind
from .forms import (
    InvitationForm,
    MembershipRoleForm,
    OrganizationCreateForm,
    OrganizationForm,
    StartupProfileForm,
)
from .models import Organization, StartupProfile


class OrganizationMixin(PermissionRequiredMixin):
    """The organization in the URL, looked up among those the user may see (else 404)."""

    @cached_property
    def organization(self) -> Organization:
        qs = selectors.organizations_visible_to(self.request.user)
        return get_object_or_404(qs, slug=self.kwargs["slug"])

    def get_permission_object(self):
        return self.organization

    def get_context_data(self, **kwargs):
        return super().get_context_data(organization=self.organization, **kwargs)


class ServiceFormMixin:
    """Call `run_service(form)`; a DomainError is shown on the form, the input is kept."""

    def form_valid(self, form):
        try:
            url = self.run_service(form)
        except DomainError as error:
            form.add_domain_error(error)
            return self.form_invalid(form)
        return HttpResponseRedirect(url)


class OnboardingView(ServiceFormMixin, FormView):
    template_name = "accounts/onboarding.html"
    form_class = OrganizationCreateForm

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            invitations=selectors.invitations_pending_for(user),
            memberships=selectors.memberships_of(user),
            **kwargs,
        )

    def run_service(self, form) -> str:
        organization = services.organization_create(by=self.request.user, **form.service_data())
        messages.success(self.request, _("Your organization was created."))
        if organization.is_startup:
            return reverse("accounts:profile-edit", kwargs={"slug": organization.slug})
        return reverse("core:dashboard")


@method_decorator(login_not_required, name="dispatch")
class OrganizationListView(ListView):
    template_name = "accounts/organization_list.html"
    context_object_name = "organizations"
    paginate_by = 20

    def get_queryset(self):
        params = self.request.GET
        return selectors.organizations_search(q=params.get("q", ""), kind=params.get("kind", ""))

    def get_context_data(self, **kwargs):
        params = self.request.GET
        return super().get_context_data(
            kinds=OrganizationKind.choices,
            q=params.get("q", ""),
            kind=params.get("kind", ""),
            **kwargs,
        )


@method_decorator(login_not_required, name="dispatch")
class OrganizationDetailView(DetailView):
    template_name = "accounts/organization_detail.html"
    context_object_name = "organization"

    def get_object(self, queryset=None):
        qs = selectors.organizations_visible_to(self.request.user)
        return get_object_or_404(qs, slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        organization = self.object
        user = self.request.user
        context = {
            "is_insider": user.has_perm("accounts.view_organization_members", organization),
            "can_edit": user.has_perm("accounts.change_organization", organization),
        }
        if organization.is_startup:
            context["profile"] = selectors.startup_profile_of(organization)
        if organization.is_publisher:
            context["programs"] = selectors.organization_published_programs(organization)
            context["challenges"] = selectors.organization_published_challenges(organization)
        return super().get_context_data(**context, **kwargs)


class OrganizationEditView(OrganizationMixin, ServiceFormMixin, FormView):
    permission_required = "accounts.change_organization"
    template_name = "accounts/organization_form.html"
    form_class = OrganizationForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.organization}

    def run_service(self, form) -> str:
        organization = services.organization_update(
            organization=self.organization, by=self.request.user, **form.service_data()
        )
        messages.success(self.request, _("The organization was saved."))
        return organization.get_absolute_url()


class ProfileEditView(OrganizationMixin, ServiceFormMixin, FormView):
    permission_required = "accounts.change_organization"
    template_name = "accounts/startupprofile_form.html"
    form_class = StartupProfileForm

    @cached_property
    def profile(self) -> StartupProfile:
        profile = selectors.startup_profile_of(self.organization)
        if profile is None:
            raise Http404(_("This organization has no startup profile."))
        return profile

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.profile}

    def get_context_data(self, **kwargs):
        percent, missing = selectors.profile_completeness(self.profile)
        return super().get_context_data(
            profile=self.profile, completeness=percent, missing=missing, **kwargs
        )

    def run_service(self, form) -> str:
        services.startup_profile_update(
            profile=self.profile, by=self.request.user, **form.service_data()
        )
        messages.success(self.request, _("The profile was saved."))
        return self.organization.get_absolute_url()


class MembersView(OrganizationMixin, ServiceFormMixin, FormView):
    permission_required = "accounts.view_organization_members"
    template_name = "accounts/membership_list.html"
    form_class = InvitationForm

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm("accounts.manage_members", self.organization):
            return self.handle_no_permission()
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        can_manage = self.request.user.has_perm("accounts.manage_members", self.organization)
        context = {
            "memberships": selectors.organization_members(self.organization),
            "can_manage": can_manage,
            "roles": MembershipRole.choices,
        }
        if can_manage:
            context["invitations"] = selectors.invitations_pending_for_organization(
                self.organization
            )
        return super().get_context_data(**context, **kwargs)

    def run_service(self, form) -> str:
        invitation = services.invitation_create(
            organization=self.organization, by=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, _("An invitation was sent to %s.") % invitation.email)
        return reverse("accounts:members", kwargs={"slug": self.organization.slug})


class MemberActionView(OrganizationMixin, View):
    """A POST-only action on the members page; refusals come back as a message."""

    permission_required = "accounts.manage_members"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            message = self.act()
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, message)
        if not request.user.has_perm("accounts.view_organization_members", self.organization):
            return redirect("core:dashboard")
        return redirect("accounts:members", slug=self.organization.slug)

    def get_membership(self):
        return get_object_or_404(self.organization.memberships, pk=self.kwargs["pk"])


class InvitationRevokeView(MemberActionView):
    def act(self) -> str:
        invitation = get_object_or_404(self.organization.invitations, pk=self.kwargs["pk"])
        services.invitation_revoke(invitation=invitation, by=self.request.user)
        return _("The invitation was withdrawn.")


class MembershipRoleView(MemberActionView):
    def act(self) -> str:
        form = MembershipRoleForm(self.request.POST)
        if not form.is_valid():
            raise DomainError(_("Choose a role."))
        services.membership_change_role(
            membership=self.get_membership(), by=self.request.user, role=form.cleaned_data["role"]
        )
        return _("The role was changed.")


class MembershipRemoveView(MemberActionView):
    def act(self) -> str:
        services.membership_remove(membership=self.get_membership(), by=self.request.user)
        return _("The member was removed.")


class InvitationAcceptView(TemplateView):
    """Shows an invitation and accepts it for the logged-in user it was sent to."""

    template_name = "accounts/invitation_accept.html"

    @cached_property
    def invitation(self):
        invitation = selectors.invitation_for_token(self.kwargs["token"])
        if invitation is None:
            raise Http404(_("This invitation does not exist."))
        return invitation

    def render_refusal(self, refusal: str | None, ok_status: int):
        is_for_user = services.invitation_is_for(invitation=self.invitation, user=self.request.user)
        status = 200 if refusal is None else ok_status if is_for_user else 403
        context = self.get_context_data(invitation=self.invitation, refusal=refusal)
        return self.render_to_response(context, status=status)

    def get(self, request, *args, **kwargs):
        refusal = services.invitation_refusal(invitation=self.invitation, by=request.user)
        return self.render_refusal(refusal, ok_status=200)

    def post(self, request, *args, **kwargs):
        try:
            membership = services.invitation_accept(invitation=self.invitation, by=request.user)
        except DomainError as error:
            return self.render_refusal(error.message, ok_status=400)
        messages.success(request, _("Welcome to %s.") % membership.organization.display_name)
        return redirect(membership.organization)


@login_not_required
def language_switch(request):
    """Django's set_language, remembering the choice on the account for e-mails."""
    response = set_language(request)
    language = request.POST.get("language", "")
    user = request.user
    if user.is_authenticated and language in dict(settings.LANGUAGES) and language != user.language:
        user.language = language
        user.save(update_fields=["language"])
    return response
