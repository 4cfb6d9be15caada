from django import forms
from django.utils.translation import gettext_lazy as _

from oimarket.core.errors import DomainError
from oimarket.programs.forms import field_choices
from oimarket.programs.models import Field

from .enums import MembershipRole, OrganizationKind
from .models import Organization, Region, StartupProfile
from .validators import normalize_business_number


class DomainErrorMixin:
    """Show a service's refusal (DomainError) next to its field, or above the form."""

    def add_domain_error(self, error: DomainError) -> None:
        field = error.field if error.field in self.fields else None
        self.add_error(field, error.message)


class ServiceModelForm(DomainErrorMixin, forms.ModelForm):
    """A model form that only validates input: a service applies it, so the instance is
    left untouched (nothing changes in memory when the service refuses)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "region" in self.fields:
            self.fields["region"].empty_label = _("Choose a region")

    def _post_clean(self):
        pass

    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.fields}


class OrganizationCreateForm(ServiceModelForm):
    class Meta:
        model = Organization
        fields = ["kind", "name", "name_en", "region"]
        widgets = {"kind": forms.RadioSelect}
        help_texts = {
            "name_en": _("Optional. Used for the English pages and the address of your page."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = OrganizationKind.choices
        self.fields["region"].required = False


class OrganizationForm(ServiceModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Organization
        fields = [
            "name",
            "name_en",
            "description",
            "description_en",
            "website",
            "region",
            "is_public",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "description_en": forms.Textarea(attrs={"rows": 5}),
        }


class StartupProfileForm(ServiceModelForm):
    business_number = forms.CharField(
        label=_("Business registration number"),
        max_length=20,
        required=False,
        help_text=_("10 digits, e.g. 123-45-67890. Leave empty if you are a pre-founder."),
    )
    total_investment_krw = forms.IntegerField(
        label=_("Total investment attracted (KRW)"),
        min_value=0,
        required=False,
        widget=forms.NumberInput(attrs={"step": 1_000_000}),
    )
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.all(), required=False
    )
    fields = forms.MultipleChoiceField(
        label=_("Fields"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )

    class Meta:
        model = StartupProfile
        fields = [
            "is_pre_founder",
            "founded_on",
            "team_size",
            "business_number",
            "listed_shareholder",
            "investment_stage",
            "total_investment_krw",
            "technologies",
            "one_liner",
            "description",
        ]
        widgets = {
            "founded_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fields"].choices = field_choices()
        profile = self.instance
        if profile.pk and not self.is_bound:
            self.initial["business_number"] = profile.business_number_display
            self.initial["region"] = profile.organization.region_id
            self.initial["fields"] = [f.code for f in profile.fields.all()]

    def clean_business_number(self) -> str:
        return normalize_business_number(self.cleaned_data["business_number"])

    def clean_fields(self) -> list[Field]:
        codes = self.cleaned_data["fields"]
        return list(Field.objects.filter(code__in=codes))


class InvitationForm(DomainErrorMixin, forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(
        label=_("Role"), choices=MembershipRole.choices, initial=MembershipRole.MEMBER
    )


class MembershipRoleForm(DomainErrorMixin, forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=MembershipRole.choices)
