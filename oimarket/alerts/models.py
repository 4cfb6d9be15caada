from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from oimarket.accounts.models import Region

from .enums import KIND_LABELS, AlertKind, Frequency


class SavedSearch(models.Model):
    """A search (or a followed field) whose new matches a user wants to hear about.

    A "followed field" is a saved search with no keyword and exactly one field.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(_("name"), max_length=100)
    q = models.CharField(_("keyword"), max_length=200, blank=True)
    kinds = models.JSONField(_("kinds"), default=list, blank=True)  # ["program", ...]; [] = all
    fields = models.JSONField(_("fields"), default=list, blank=True)  # Field codes, any of
    region = models.ForeignKey(
        Region, verbose_name=_("region"), null=True, blank=True, on_delete=models.SET_NULL
    )
    open_only = models.BooleanField(_("open calls only"), default=False)
    frequency = models.CharField(
        _("e-mail digest"), max_length=10, choices=Frequency.choices, default=Frequency.DAILY
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    last_checked_at = models.DateTimeField(_("last checked"), null=True, blank=True)
    last_digest_at = models.DateTimeField(_("last e-mail"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        indexes = [models.Index(fields=["user", "active"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("alerts:search-detail", kwargs={"pk": self.pk})

    @property
    def is_follow(self) -> bool:
        """A followed field: no keyword, one field, no other filter."""
        return (
            not self.q
            and len(self.fields) == 1
            and not self.kinds
            and self.region_id is None
            and not self.open_only
        )

    @property
    def kind_labels(self) -> list[str]:
        return [str(KIND_LABELS.get(kind, kind)) for kind in self.kinds]


class AlertMatch(models.Model):
    """A record that appeared and matched a saved search: announced once, e-mailed once."""

    saved_search = models.ForeignKey(SavedSearch, on_delete=models.CASCADE, related_name="matches")
    kind = models.CharField(_("kind"), max_length=20, choices=AlertKind.choices)
    record_id = models.PositiveBigIntegerField(_("record"))
    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    url = models.CharField(_("link"), max_length=500)  # a path on this site
    found_at = models.DateTimeField(_("found"), db_index=True)
    digested_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)

    class Meta:
        ordering = ["-found_at", "-id"]
        verbose_name = _("alert match")
        verbose_name_plural = _("alert matches")
        constraints = [
            models.UniqueConstraint(
                fields=["saved_search", "kind", "record_id"], name="alert_match_once"
            )
        ]
        indexes = [
            models.Index(
                fields=["saved_search"],
                condition=models.Q(digested_at__isnull=True),
                name="alert_match_undigested",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.record_id} → {self.saved_search}"

    @property
    def display_title(self) -> str:
        if get_language() == "en" and self.title_en:
            return self.title_en
        return self.title or self.title_en
