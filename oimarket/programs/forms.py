from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from oimarket.accounts.enums import PUBLISHER_KINDS, OrganizationKind
from oimarket.accounts.models import Organization, Region

from .enums import Phase, Track
from .models import Challenge, Field, Program
from .selectors import CatalogueQuery


def field_choices() -> list:
    """The taxonomy as grouped choices: common fields, then each problem area with its fields."""
    english = get_language() == "en"
    rows = list(Field.objects.order_by("position"))

    def label(f):
        return f.name_en if english else f.name_ko

    groups = [(_("Common fields"), [(f.code, label(f)) for f in rows if f.group == "common"])]
    for area in (f for f in rows if f.group == "area"):
        members = [(area.code, label(area))]
        members += [(f.code, label(f)) for f in rows if f.group == area.code]
        groups.append((label(area), members))
    return groups


class FieldsChoiceField(forms.MultipleChoiceField):
    """Fields of the taxonomy as grouped checkboxes; cleans to codes (the Field primary key)."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Fields"))
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)


def _init_fields(form) -> None:
    form.fields["fields"].choices = field_choices()
    instance = getattr(form, "instance", None)
    if instance is not None and instance.pk and not form.is_bound:
        form.initial["fields"] = [f.code for f in instance.fields.all()]


DEADLINE_CHOICES = [
    ("", _("Any deadline")),
    ("7", _("Within 7 days")),
    ("30", _("Within 30 days")),
    ("90", _("Within 90 days")),
]
STATUS_CHOICES = [("", _("Open and upcoming")), *Phase.choices, ("all", _("All"))]
SORT_CHOICES = [("closing", _("Closing soonest")), ("newest", _("Newest"))]


class CatalogueFilterForm(forms.Form):
    """The catalogue's GET parameters. Unknown values are dropped, never an error page."""

    q = forms.CharField(label=_("Keyword"), required=False, max_length=100)
    track = forms.ChoiceField(
        label=_("Track"), choices=[("", _("All tracks")), *Track.choices], required=False
    )
    field = forms.MultipleChoiceField(label=_("Fields"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=STATUS_CHOICES, required=False)
    org_kind = forms.ChoiceField(
        label=_("Organization kind"),
        choices=[
            ("", _("All kinds")),
            *[(k.value, k.label) for k in OrganizationKind if k in PUBLISHER_KINDS],
        ],
        required=False,
    )
    deadline = forms.ChoiceField(label=_("Deadline"), choices=DEADLINE_CHOICES, required=False)
    sort = forms.ChoiceField(label=_("Sort"), choices=SORT_CHOICES, required=False)

    def __init__(self, *args, fields_qs=None, regions=None, **kwargs):
        super().__init__(*args, **kwargs)
        fields_qs = fields_qs if fields_qs is not None else Field.objects.all()
        regions = regions if regions is not None else Region.objects.all()
        self.fields["field"].choices = [(f.code, str(f)) for f in fields_qs]
        self.fields["region"].choices = [("", _("All regions"))] + [
            (r.code, str(r)) for r in regions
        ]

    def to_query(self) -> CatalogueQuery:
        if not self.is_bound:
            return CatalogueQuery()
        if not self.is_valid():
            # Keep what is valid: a stale or hand-edited link still shows a catalogue.
            data = {
                name: self.cleaned_data.get(name) for name in self.fields if name not in self.errors
            }
        else:
            data = self.cleaned_data
        deadline = data.get("deadline")
        return CatalogueQuery(
            q=(data.get("q") or "").strip(),
            track=data.get("track") or "",
            fields=list(data.get("field") or []),
            region=data.get("region") or "",
            status=data.get("status") or "",
            org_kind=data.get("org_kind") or "",
            deadline_days=int(deadline) if deadline else None,
            sort=data.get("sort") or "closing",
        )


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class ProgramForm(forms.ModelForm):
    fields = FieldsChoiceField()

    class Meta:
        model = Program
        fields = [
            "title",
            "title_en",
            "summary",
            "summary_en",
            "body",
            "body_en",
            "track",
            "fields",
            "regions",
            "opens_at",
            "closes_at",
            "selection_quota",
            "max_cash_krw",
            "poc_grant_krw",
            "office_months",
            "investment_link",
            "trade_show",
            "mentoring",
            "follow_on_rnd_krw",
            "external_url",
            "contact_name",
            "contact_email",
            "contact_phone",
            "accepts_challenges",
            "partners",
        ]
        widgets = {
            "opens_at": DateTimeLocalInput(),
            "closes_at": DateTimeLocalInput(),
            "summary": forms.Textarea(attrs={"rows": 3}),
            "summary_en": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 12}),
            "body_en": forms.Textarea(attrs={"rows": 8}),
            "regions": forms.CheckboxSelectMultiple(),
        }

    def __init__(self, *args, organization: Organization | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        _init_fields(self)
        partners = Organization.objects.filter(kind__in=PUBLISHER_KINDS, is_public=True)
        if organization is not None:
            partners = partners.exclude(pk=organization.pk)
        self.fields["partners"].queryset = partners.order_by("name")
        self.fields["partners"].required = False
        self.fields["regions"].help_text = _("Leave empty for nationwide.")

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("Applications must close after they open."))
        return cleaned


class ChallengeForm(forms.ModelForm):
    fields = FieldsChoiceField()

    class Meta:
        model = Challenge
        fields = [
            "program",
            "title",
            "title_en",
            "problem",
            "problem_en",
            "expected_solution",
            "fields",
            "offers_test_site",
            "offers_data",
            "offers_staff",
            "poc_months",
            "poc_budget_krw",
            "ip_terms",
            "ip_terms_note",
            "conversion_path",
            "purchase_intent",
            "conversion_criteria",
            "closes_at",
        ]
        widgets = {
            "closes_at": DateTimeLocalInput(),
            "problem": forms.Textarea(attrs={"rows": 6}),
            "problem_en": forms.Textarea(attrs={"rows": 4}),
            "expected_solution": forms.Textarea(attrs={"rows": 4}),
            "offers_test_site": forms.Textarea(attrs={"rows": 2}),
            "offers_data": forms.Textarea(attrs={"rows": 2}),
            "offers_staff": forms.Textarea(attrs={"rows": 2}),
            "ip_terms_note": forms.Textarea(attrs={"rows": 2}),
            "conversion_criteria": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, programs=None, **kwargs):
        super().__init__(*args, **kwargs)
        _init_fields(self)
        current = self.instance.program_id
        qs = programs if programs is not None else Program.objects.none()
        if current:
            qs = qs | Program.objects.filter(pk=current)
        self.fields["program"].queryset = qs.distinct().order_by("closes_at")
        self.fields["program"].empty_label = _("None: the standing on-demand market")
        self.fields["poc_budget_krw"].widget.attrs.update({"min": 0, "step": 1_000_000})
