from django import forms
from django.utils.translation import gettext_lazy as _

from oimarket.accounts.models import Region
from oimarket.programs.forms import FieldsChoiceField, field_choices

from .enums import SEARCH_KINDS, Frequency


class SaveSearchForm(forms.Form):
    """What `alerts/_save_search.html` posts: the search page's parameters, a name, a frequency."""

    name = forms.CharField(label=_("Name"), max_length=100, required=False)
    frequency = forms.ChoiceField(
        label=_("E-mail"), choices=Frequency.choices, initial=Frequency.DAILY
    )
    q = forms.CharField(max_length=200, required=False)
    kind = forms.ChoiceField(choices=[("", "")] + [(k, k) for k in SEARCH_KINDS], required=False)
    field = forms.MultipleChoiceField(required=False)
    region = forms.ModelChoiceField(queryset=Region.objects.all(), required=False)
    open = forms.BooleanField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["field"].choices = [
            (code, code) for _group, options in field_choices() for code, _label in options
        ]

    def service_data(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "frequency": data["frequency"],
            "q": data["q"],
            "kinds": [data["kind"]] if data["kind"] else [],
            "fields": data["field"],
            "region": data["region"],
            "open_only": data["open"],
        }


class SavedSearchForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    frequency = forms.ChoiceField(
        label=_("E-mail digest"),
        choices=Frequency.choices,
        widget=forms.RadioSelect,
        help_text=_("Daily e-mails go out at 8:00 (Korea time); weekly ones on Monday at 8:00."),
    )


class FollowFieldsForm(forms.Form):
    fields = FieldsChoiceField(label=_("Fields you follow"))
    frequency = forms.ChoiceField(
        label=_("E-mail digest"), choices=Frequency.choices, initial=Frequency.DAILY
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fields"].choices = field_choices()
