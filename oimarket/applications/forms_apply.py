"""Forms of the application side: the form builder's, starting an application, attaching a
file; and reading one autosaved answer out of a POST. Services do the checking that matters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from oimarket.accounts.forms import DomainErrorMixin
from oimarket.accounts.models import Organization
from oimarket.documents.enums import DocumentKind
from oimarket.documents.filecheck import ACCEPT_ATTRIBUTE, accepted_types_text

from .enums import Prefill, QuestionKind
from .models import Question
from .services.answers import TABLE_COLUMNS


class FormSettingsForm(DomainErrorMixin, forms.Form):
    intro = forms.CharField(
        label=_("Introduction"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown above the questions, e.g. what to prepare before starting."),
    )
    business_plan_max_pages = forms.IntegerField(
        label=_("Business plan: most pages"),
        required=False,
        min_value=1,
        max_value=500,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        help_text=_("Checked on the PDF attached to the question marked as the business plan."),
    )


class SectionForm(DomainErrorMixin, forms.Form):
    title = forms.CharField(label=_("Section title"), max_length=200)
    title_en = forms.CharField(label=_("Section title in English"), max_length=200, required=False)


class QuestionForm(DomainErrorMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=QuestionKind.choices)
    label = forms.CharField(label=_("Question"), max_length=300)
    label_en = forms.CharField(label=_("Question in English"), max_length=300, required=False)
    help_text = forms.CharField(label=_("Help text"), max_length=500, required=False)
    required = forms.BooleanField(label=_("Required"), required=False, initial=True)
    max_chars = forms.IntegerField(
        label=_("Most characters"),
        required=False,
        min_value=1,
        max_value=20_000,
        help_text=_("Text questions: spaces and line breaks count, as in Korean forms."),
    )
    choices = forms.CharField(
        label=_("Choices"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Choice questions: one choice per line."),
    )
    document_kind = forms.ChoiceField(
        label=_("Kind of document"),
        required=False,
        choices=[("", _("Any document")), *DocumentKind.choices],
        help_text=_("File questions: the locker documents offered."),
    )
    is_business_plan = forms.BooleanField(
        label=_("This file is the business plan (its pages are counted)"), required=False
    )
    prefill = forms.ChoiceField(
        label=_("Start from the profile"),
        required=False,
        choices=Prefill.choices,
        help_text=_("Text and number questions: the startup can still change the answer."),
    )

    @classmethod
    def initial_from(cls, question: Question) -> dict:
        names = [name for name in cls.base_fields if name != "choices"]
        return {
            **{name: getattr(question, name) for name in names},
            "choices": "\n".join(question.choices),
        }

    def clean_choices(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["choices"].splitlines() if line.strip()]


class StartForm(forms.Form):
    """Which startup applies: a select only for members of several startups."""

    startup = forms.ModelChoiceField(
        label=_("Apply as"), queryset=Organization.objects.none(), empty_label=None
    )

    def __init__(self, *args, startups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["startup"].queryset = Organization.objects.filter(
            pk__in=[s.pk for s in startups]
        )


class UploadForm(DomainErrorMixin, forms.Form):
    file = forms.FileField(
        label=_("Upload a new file"), widget=forms.FileInput(attrs={"accept": ACCEPT_ATTRIBUTE})
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = accepted_types_text()


def _revision(data) -> int | None:
    raw = data.get("revision", "")
    return int(raw) if raw.isdigit() else None


def answer_input(question: Question, data) -> dict:
    """The keyword arguments of `application_answer_save` read from an autosave POST: the
    fields are named `value` (several for multiple choices) or after a table's columns, one
    input per row and column, so `getlist` gives the columns aligned."""
    kind = question.kind
    found = {"revision": _revision(data)}
    if kind == QuestionKind.FILE:
        return {**found, "document_version_id": data.get("value") or None}
    if kind == QuestionKind.MULTI_CHOICE:
        return {**found, "value": data.getlist("value")}
    if kind in TABLE_COLUMNS:
        columns = TABLE_COLUMNS[kind]
        cells = [data.getlist(column) for column in columns]
        rows = [dict(zip(columns, row, strict=False)) for row in zip(*cells, strict=False)]
        return {**found, "value": rows}
    return {**found, "value": data.get("value", "")}
