"""A startup's document locker: typed documents, each with immutable numbered versions.

Applications attach a `DocumentVersion` by reference, so a version is never overwritten or
deleted: a new upload is a new version, and "deleting" a document archives it (files stay).
"""

import re
import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from oimarket.core.models import TimeStampedModel

from .enums import EXPIRY_WARNING_DAYS, DocumentKind

_SAFE_EXTENSION = re.compile(r"^\.[a-z0-9]{1,5}$")


def version_upload_to(instance: "DocumentVersion", filename: str) -> str:
    """`documents/<yyyy>/<mm>/<uuid4 hex><ext>`: only the extension of `filename` is kept.

    The service passes the extension of the detected type, never the user's file name.
    """
    extension = PurePath(filename).suffix.lower()
    if not _SAFE_EXTENSION.match(extension):
        extension = ""
    now = timezone.localtime()
    return f"documents/{now:%Y}/{now:%m}/{uuid.uuid4().hex}{extension}"


class Document(TimeStampedModel):
    organization = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("organization"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    kind = models.CharField(_("kind"), max_length=30, choices=DocumentKind.choices)
    title = models.CharField(_("title"), max_length=200, blank=True)
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)

    class Meta:
        ordering = ["kind", "title", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        indexes = [models.Index(fields=["organization", "archived_at"])]

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        return self.title or self.get_kind_display()

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    @property
    def current_version(self) -> "DocumentVersion | None":
        """The highest-numbered version. Uses `versions` when prefetched (see selectors)."""
        return max(self.versions.all(), key=lambda v: v.number, default=None)


class DocumentVersion(models.Model):
    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("file"), upload_to=version_upload_to, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField("SHA-256", max_length=64, db_index=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["document", "-number"]
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="unique_version_number"),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="version_number_gte_1"),
            models.CheckConstraint(
                condition=models.Q(sha256__regex=r"^[0-9a-f]{64}$"), name="version_sha256_hex"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document} v{self.number}"

    def get_download_url(self) -> str:
        return reverse("documents:version-download", kwargs={"pk": self.pk})

    @property
    def days_until_expiry(self) -> int | None:
        if self.expires_on is None:
            return None
        return (self.expires_on - timezone.localdate()).days

    @property
    def is_expired(self) -> bool:
        days = self.days_until_expiry
        return days is not None and days < 0

    @property
    def expires_soon(self) -> bool:
        """Not expired yet, but within the warning window (today counts)."""
        days = self.days_until_expiry
        return days is not None and 0 <= days <= EXPIRY_WARNING_DAYS
