"""Forms of the operator's applicant views: the list's filters and the review resolution."""

from django import forms
from django.utils.translation import gettext_lazy as _

from oimarket.programs.eligibility.outcome import STATUS_LABELS, Status

from ..selectors.operator import OVERALL_FILTERS
from ..services.review import NOTE_MAX_LENGTH


class ApplicantFilterForm(forms.Form):
    """The list's GET parameters. Unknown values are dropped, never an error page."""

    status = forms.ChoiceField(
        label=_("Eligibility"),
        required=False,
        choices=[
            ("", _("All")),
            *[(code, STATUS_LABELS[Status(i)]) for i, code in enumerate(OVERALL_FILTERS)],
        ],
    )
    unresolved = forms.BooleanField(label=_("With an open review"), required=False)
    q = forms.CharField(label=_("Startup or receipt number"), required=False, max_length=100)

    def filters(self) -> dict:
        self.is_valid()  # keeps the valid fields in cleaned_data, drops the others
        return {
            "status": self.cleaned_data.get("status", ""),
            "unresolved": bool(self.cleaned_data.get("unresolved")),
            "q": self.cleaned_data.get("q", ""),
        }


class ResolveForm(forms.Form):
    """Settle one rule for the selected applicants. `rows` are the applicants that may be
    selected, `rules` (rule, sentence) pairs of the rules that may be chosen."""

    applications = forms.TypedMultipleChoiceField(
        label=_("Applicants"),
        coerce=int,
        error_messages={"required": _("Select at least one applicant.")},
    )
    rule = forms.TypedChoiceField(label=_("Rule"), coerce=int)
    passed = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("yes", _("Meets the condition")), ("no", _("Does not meet it"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What you checked. Kept with the decision."),
    )

    def __init__(self, *args, rows, rules, **kwargs):
        super().__init__(*args, **kwargs)
        self.applications_by_pk = {row.application.pk: row.application for row in rows}
        self.rules_by_pk = {rule.pk: rule for rule, _text in rules}
        self.fields["applications"].choices = [
            (pk, str(application)) for pk, application in self.applications_by_pk.items()
        ]
        self.fields["rule"].choices = [(rule.pk, text) for rule, text in rules]

    def resolve_kwargs(self) -> dict:
        """What `review_resolve` takes, once the form is valid (the user adds `by`)."""
        data = self.cleaned_data
        return {
            "applications": [self.applications_by_pk[pk] for pk in data["applications"]],
            "rule": self.rules_by_pk[data["rule"]],
            "passed": data["passed"],
            "note": data["note"],
        }
