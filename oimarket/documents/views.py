import logging

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from oimarket.accounts.models import Organization
from oimarket.accounts.selectors import organizations_visible_to
from oimarket.core.errors import DomainError

from . import selectors, services
from .forms import DocumentUploadForm, DocumentVersionForm
from .models import Document

logger = logging.getLogger(__name__)


class LockerMixin(PermissionRequiredMixin):
    """The startup in the URL, among the organizations the user may see (else 404)."""

    permission_required = "documents.view_locker"

    @cached_property
    def organization(self) -> Organization:
        qs = organizations_visible_to(self.request.user)
        organization = get_object_or_404(qs, slug=self.kwargs["slug"])
        if not organization.is_startup:
            raise Http404(_("Only startups have a document locker."))
        return organization

    def get_permission_object(self):
        return self.organization

    def locker_url(self) -> str:
        return reverse("documents:locker", kwargs={"slug": self.organization.slug})


class LockerView(LockerMixin, TemplateView):
    """The locker: current documents with their history; owners and managers upload."""

    template_name = "documents/document_list.html"

    @cached_property
    def can_change(self) -> bool:
        """Owners, managers and operators: upload, add versions, archive."""
        return self.request.user.has_perm("documents.upload_document", self.organization)

    def get_context_data(self, *, upload_form=None, version_form=None, **kwargs):
        documents = selectors.locker_documents(
            user=self.request.user, organization=self.organization
        )
        if self.can_change and upload_form is None:
            upload_form = DocumentUploadForm(prefix="new")
        return super().get_context_data(
            organization=self.organization,
            entries=[self._entry(document, version_form) for document in documents],
            can_change=self.can_change,
            upload_form=upload_form,
            **kwargs,
        )

    def _entry(self, document: Document, version_form) -> dict:
        """A document, its versions newest first, and its new-version form (bound if it was
        the one just posted with errors)."""
        versions = list(document.versions.all())
        form, prefix = None, _prefix(document)
        if self.can_change:
            posted = version_form is not None and version_form.prefix == prefix
            form = version_form if posted else DocumentVersionForm(prefix=prefix)
        current = versions[0] if versions else None
        return {"document": document, "current": current, "versions": versions, "form": form}

    def post(self, request, *args, **kwargs):
        if not self.can_change:
            return self.handle_no_permission()
        form = DocumentUploadForm(request.POST, request.FILES, prefix="new")
        if form.is_valid():
            try:
                services.document_upload(
                    organization=self.organization, by=request.user, **form.cleaned_data
                )
            except DomainError as error:
                form.add_domain_error(error)
            else:
                messages.success(request, _("The document was uploaded."))
                return redirect(self.locker_url())
        return self.render_to_response(self.get_context_data(upload_form=form))


def _prefix(document: Document) -> str:
    return f"v{document.pk}"


class DocumentMixin(LockerMixin):
    """One active document of the startup in the URL; owners and managers only."""

    permission_required = "documents.change_document"

    @cached_property
    def document(self) -> Document:
        qs = selectors.documents_visible_to(self.request.user).filter(
            organization=self.organization, archived_at__isnull=True
        )
        return get_object_or_404(qs, pk=self.kwargs["pk"])

    def get_permission_object(self):
        return self.document


class VersionCreateView(DocumentMixin, LockerView):
    """POST a new version of a document; errors are shown on the locker page."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = DocumentVersionForm(request.POST, request.FILES, prefix=_prefix(self.document))
        if form.is_valid():
            try:
                version = services.document_add_version(
                    document=self.document, by=request.user, **form.cleaned_data
                )
            except DomainError as error:
                form.add_domain_error(error)
            else:
                message = _("Version %(number)s of “%(title)s” was uploaded.") % {
                    "number": version.number,
                    "title": self.document.display_title,
                }
                messages.success(request, message)
                return redirect(self.locker_url())
        return self.render_to_response(self.get_context_data(version_form=form))


class DocumentArchiveView(DocumentMixin, TemplateView):
    """Confirm, then hide a document from the locker (its files stay)."""

    template_name = "documents/document_confirm_archive.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            organization=self.organization, document=self.document, **kwargs
        )

    def post(self, request, *args, **kwargs):
        try:
            services.document_archive(document=self.document, by=request.user)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("“%s” was archived.") % self.document.display_title)
        return redirect(self.locker_url())


@require_safe
def version_download(request, pk: int):
    """The file, to those allowed only; to everyone else the version does not exist."""
    qs = selectors.document_versions_visible_to(request.user)
    version = get_object_or_404(qs, pk=pk)
    if not request.user.has_perm("documents.view_documentversion", version):
        raise Http404
    try:
        handle = version.file.open("rb")
    except FileNotFoundError:
        logger.error("Document version %s: file %s is missing", version.pk, version.file.name)
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=version.original_name,
        content_type=version.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
