"""The operator's rule editor: one small form per rule kind, producing the rule's params."""

from django import forms
from django.utils.translation import gettext_lazy as _

from oimarket.accounts.enums import InvestmentStage
from oimarket.accounts.models import Region

from .models import RuleKind


def _years(label):
    return forms.IntegerField(label=label, min_value=1, max_value=50)


def _fields_for(kind: str) -> dict[str, forms.Field]:
    from oimarket.programs.forms import FieldsChoiceField, field_choices
    from oimarket.programs.selectors import programs_public

    if kind == RuleKind.FOUNDED_WITHIN:
        return {
            "years": _years(_("Founded less than this many years ago")),
            "pre_founders_allowed": forms.BooleanField(
                label=_("Pre-founders may apply"), required=False
            ),
            "reference_date": forms.DateField(
                label=_("Reference date"),
                required=False,
                help_text=_("Leave empty to count up to the application deadline."),
                widget=forms.DateInput(attrs={"type": "date"}),
            ),
        }
    if kind == RuleKind.TEAM_MIN:
        return {
            "people": forms.IntegerField(
                label=_("At least (people)"), min_value=1, max_value=10_000
            )
        }
    if kind == RuleKind.REGIONS:
        return {
            "regions": forms.MultipleChoiceField(
                label=_("Regions"),
                widget=forms.CheckboxSelectMultiple,
                choices=[(r.code, str(r)) for r in Region.objects.all()],
            )
        }
    if kind == RuleKind.INVESTMENT:
        return {
            "min_krw": forms.IntegerField(
                label=_("At least (KRW)"),
                min_value=0,
                initial=0,
                help_text=_("0 means any investment attracted."),
            )
        }
    if kind == RuleKind.STAGE:
        return {
            "stages": forms.MultipleChoiceField(
                label=_("Stages"),
                widget=forms.CheckboxSelectMultiple,
                choices=InvestmentStage.choices,
            )
        }
    if kind == RuleKind.FIELDS:
        field = FieldsChoiceField(required=True)
        field.choices = field_choices()
        return {"fields": field}
    if kind == RuleKind.NOT_SELECTED_BEFORE:
        return {
            "program": forms.ModelChoiceField(
                label=_("Program"), queryset=programs_public().order_by("-closes_at")
            ),
            "years": _years(_("Within this many years")),
        }
    if kind == RuleKind.MANUAL:
        return {
            "text": forms.CharField(label=_("Condition"), max_length=300),
            "text_en": forms.CharField(
                label=_("Condition in English"), max_length=300, required=False
            ),
        }
    return {}


class RuleForm(forms.Form):
    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.fields.update(_fields_for(kind))

    def params(self) -> dict:
        """The cleaned values as JSON: dates as ISO strings, a program as its id and title."""
        params = {}
        for name, value in self.cleaned_data.items():
            if name == "program":
                params["program_id"], params["program_title"] = value.pk, value.title
            elif name == "reference_date":
                if value:
                    params[name] = value.isoformat()
            else:
                params[name] = value
        return params
