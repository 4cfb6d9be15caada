from django import forms
from django.utils.translation import gettext_lazy as _

from oimarket.accounts.models import Organization

from .enums import DECLINE_NOTE_MAX_LENGTH, DeclineReason, ProposalStatus
from .models import Proposal


class ProposalForm(forms.ModelForm):
    """The proposal; a startup select appears only for members of several startups."""

    startup = forms.ModelChoiceField(
        label=_("Propose as"), queryset=Organization.objects.none(), empty_label=None
    )

    class Meta:
        model = Proposal
        fields = ["teaser", "poc_plan", "cost_krw", "timeline_weeks"]
        widgets = {
            "teaser": forms.Textarea(attrs={"rows": 5}),
            "poc_plan": forms.Textarea(attrs={"rows": 6}),
            "cost_krw": forms.NumberInput(attrs={"min": 0, "step": 10000, "inputmode": "numeric"}),
            "timeline_weeks": forms.NumberInput(attrs={"min": 1, "inputmode": "numeric"}),
        }

    def __init__(self, *args, startups, **kwargs):
        super().__init__(*args, **kwargs)
        self.startups = list(startups)
        if len(self.startups) > 1:
            self.fields["startup"].queryset = Organization.objects.filter(
                pk__in=[s.pk for s in self.startups]
            )
            self.order_fields(["startup"])
        else:
            del self.fields["startup"]

    def clean(self):
        data = super().clean()
        if "startup" not in self.fields and self.startups:
            data["startup"] = self.startups[0]
        return data


class DeclineForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Reason"), choices=[("", _("Choose a reason")), *DeclineReason.choices]
    )
    note = forms.CharField(
        label=_("Note to the startup"),
        required=False,
        max_length=DECLINE_NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The startup sees the reason and this note. Required for “Other”."),
    )

    def clean(self):
        data = super().clean()
        if data.get("reason") == DeclineReason.OTHER and not data.get("note", "").strip():
            self.add_error("note", _("Explain the reason in the note."))
        return data


class InboxFilterForm(forms.Form):
    """The inbox's GET parameters. Unknown values are dropped, never an error page."""

    challenge = forms.TypedChoiceField(
        label=_("Challenge"), required=False, coerce=int, empty_value=None
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *ProposalStatus.choices],
    )

    def __init__(self, *args, challenges, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["challenge"].choices = [("", _("All challenges"))] + [
            (c.pk, c.display_title) for c in challenges
        ]

    def filters(self) -> dict:
        self.is_valid()  # keeps the valid fields in cleaned_data, drops the others
        return {
            "challenge_id": self.cleaned_data.get("challenge"),
            "status": self.cleaned_data.get("status", ""),
        }
