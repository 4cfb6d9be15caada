from django import forms
from django.utils.translation import gettext_lazy as _

from oimarket.accounts.forms import DomainErrorMixin

from .enums import DocumentKind
from .filecheck import ACCEPT_ATTRIBUTE, accepted_types_text


class _FileFormBase(DomainErrorMixin, forms.Form):
    """The file itself is checked by the service (content, size, SHA-256): its refusal comes
    back as a DomainError on the `file` field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = accepted_types_text()


class DocumentUploadForm(_FileFormBase):
    kind = forms.ChoiceField(label=_("Kind of document"), choices=DocumentKind.choices)
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Optional, e.g. “IR deck 2026 H1”. The kind is shown when empty."),
    )
    file = forms.FileField(
        label=_("File"), widget=forms.FileInput(attrs={"accept": ACCEPT_ATTRIBUTE})
    )
    expires_on = forms.DateField(
        label=_("Expires on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("If the document has a validity date, e.g. a certificate."),
    )


class DocumentVersionForm(_FileFormBase):
    file = forms.FileField(
        label=_("New version"),
        widget=forms.FileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
    )
    expires_on = forms.DateField(
        label=_("Expires on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
