from django import forms
from django.utils.translation import gettext_lazy as _

from oimarket.accounts.models import Region
from oimarket.programs.models import Field

from .enums import SearchKind
from .selectors import MAX_RESULTS, PER_PAGE, SearchQuery

MAX_QUERY_CHARS = 200


class SearchForm(forms.Form):
    """The search page's and the API's GET parameters."""

    q = forms.CharField(label=_("Search"), required=False, max_length=MAX_QUERY_CHARS)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All")), *SearchKind.choices], required=False
    )
    field = forms.MultipleChoiceField(label=_("Fields"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    open = forms.BooleanField(label=_("Open calls only"), required=False)
    eligible = forms.BooleanField(label=_("Only ones I can apply to"), required=False)
    page = forms.IntegerField(min_value=1, max_value=MAX_RESULTS // PER_PAGE, required=False)

    def __init__(self, *args, fields_qs=None, **kwargs):
        super().__init__(*args, **kwargs)
        fields_qs = fields_qs if fields_qs is not None else Field.objects.all()
        self.fields["field"].choices = [(f.code, str(f)) for f in fields_qs]
        self.fields["region"].choices = [("", _("All regions"))] + [
            (r.code, str(r)) for r in Region.objects.all()
        ]

    def to_query(self) -> SearchQuery:
        """Call after is_valid()."""
        data = self.cleaned_data
        return SearchQuery(
            q=" ".join(data.get("q", "").split()),
            kind=data.get("kind") or "",
            fields=tuple(data.get("field") or ()),
            region=data.get("region") or "",
            open_only=bool(data.get("open")),
            eligible_only=bool(data.get("eligible")),
            page=data.get("page") or 1,
        )
