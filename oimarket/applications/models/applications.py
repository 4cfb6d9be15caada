"""Application forms that operators build per program, and the startups' applications."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from oimarket.accounts.enums import OrganizationKind
from oimarket.core.models import TimeStampedModel

from ..enums import ApplicationStatus, Prefill, QuestionKind


def _localized(obj, name: str) -> str:
    english = get_language() == "en" and getattr(obj, f"{name}_en")
    return getattr(obj, f"{name}_en") if english else getattr(obj, name)


class ApplicationForm(TimeStampedModel):
    """The form of one program: sections of questions, built by the program's operator."""

    program = models.OneToOneField(
        "programs.Program", on_delete=models.CASCADE, related_name="application_form"
    )
    intro = models.TextField(_("introduction"), blank=True)
    business_plan_max_pages = models.PositiveSmallIntegerField(
        _("business plan: most pages"),
        null=True,
        blank=True,
        help_text=_("Checked on PDF files attached to the question marked as the business plan."),
    )

    class Meta:
        verbose_name = _("application form")
        verbose_name_plural = _("application forms")

    def __str__(self) -> str:
        return str(self.program)


class FormSection(models.Model):
    form = models.ForeignKey(ApplicationForm, on_delete=models.CASCADE, related_name="sections")
    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("form section")
        verbose_name_plural = _("form sections")

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        return _localized(self, "title")


class Question(models.Model):
    section = models.ForeignKey(FormSection, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(_("kind"), max_length=20, choices=QuestionKind.choices)
    label = models.CharField(_("question"), max_length=300)
    label_en = models.CharField(_("question in English"), max_length=300, blank=True)
    help_text = models.CharField(_("help text"), max_length=500, blank=True)
    required = models.BooleanField(_("required"), default=True)
    max_chars = models.PositiveIntegerField(
        _("most characters"),
        null=True,
        blank=True,
        help_text=_("Counted as Korean forms count: every character, spaces and line breaks."),
    )
    choices = models.JSONField(_("choices"), default=list, blank=True)
    document_kind = models.CharField(
        _("document kind"),
        max_length=30,
        blank=True,
        help_text=_("For a file question: the kind of locker document it asks for."),
    )
    is_business_plan = models.BooleanField(_("this file is the business plan"), default=False)
    prefill = models.CharField(
        _("start from the profile"), max_length=30, choices=Prefill.choices, blank=True
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.display_label

    @property
    def display_label(self) -> str:
        return _localized(self, "label")


class Application(TimeStampedModel):
    """A startup's application to a program: a draft saved as it is typed, then submitted."""

    program = models.ForeignKey(
        "programs.Program", on_delete=models.PROTECT, related_name="applications"
    )
    startup = models.ForeignKey(
        "accounts.Organization",
        on_delete=models.PROTECT,
        related_name="applications",
        limit_choices_to={"kind": OrganizationKind.STARTUP},
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
    )
    receipt_number = models.CharField(_("receipt number"), max_length=30, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    # The submitted version, frozen: answers as shown, files by version id and SHA-256.
    submitted_snapshot = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.UniqueConstraint(
                fields=["program", "startup"],
                condition=~Q(status=ApplicationStatus.WITHDRAWN),
                name="one_live_application_per_program",
            ),
            models.UniqueConstraint(
                fields=["receipt_number"],
                condition=~Q(receipt_number=""),
                name="unique_receipt_number",
            ),
        ]

    def __str__(self) -> str:
        return self.receipt_number or f"{self.startup} → {self.program}"

    def get_absolute_url(self) -> str:
        return reverse("applications:application-detail", kwargs={"pk": self.pk})


class Answer(models.Model):
    """One question's answer. Saved on its own, so two tabs never overwrite each other's work."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    value = models.JSONField(default=None, null=True, blank=True)
    document_version = models.ForeignKey(
        "documents.DocumentVersion",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="answers",
    )
    revision = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application", "question"], name="one_answer_each")
        ]

    def __str__(self) -> str:
        return f"{self.application} / {self.question}"


class ReviewResolution(models.Model):
    """An operator settled a "needs review" rule for one applicant, with a note."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="review_resolutions"
    )
    rule = models.ForeignKey(
        "programs.EligibilityRule", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    rule_kind = models.CharField(max_length=40)
    passed = models.BooleanField(_("meets the condition"), default=True)
    note = models.TextField(_("note"))
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-resolved_at"]
        constraints = [
            models.UniqueConstraint(fields=["application", "rule"], name="one_resolution_per_rule")
        ]
        verbose_name = _("review resolution")
        verbose_name_plural = _("review resolutions")

    def __str__(self) -> str:
        return f"{self.application} / {self.rule_kind}"
