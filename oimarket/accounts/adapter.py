from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse


class AccountAdapter(DefaultAccountAdapter):
    def get_signup_redirect_url(self, request):
        return reverse("accounts:onboarding")

    def get_login_redirect_url(self, request):
        """Users without an organization (operators and evaluators aside) create or join one."""
        user = request.user
        independent = user.is_staff or user.is_evaluator
        if not independent and not user.memberships.exists():
            return reverse("accounts:onboarding")
        return super().get_login_redirect_url(request)
