"""Pages of an attached PDF, for the business plan's page cap.

Only PDFs can be counted: for any other type (HWP, DOCX, ...) the count is None and the
checklist says it could not be checked. Versions never change, so the count is cached by the
file's SHA-256.
"""

import logging

from django.core.cache import cache
from pypdf import PdfReader
from pypdf.errors import PyPdfError

logger = logging.getLogger(__name__)

PDF_CONTENT_TYPE = "application/pdf"
_CACHE_SECONDS = 7 * 24 * 3600


def pdf_page_count(file) -> int | None:
    """Pages of a PDF file object (opened in binary mode), or None when it cannot be read."""
    try:
        return len(PdfReader(file).pages)
    except (PyPdfError, OSError, ValueError, KeyError, TypeError) as error:
        logger.warning("Could not count the pages of a PDF: %s", error)
        return None


def version_page_count(version) -> int | None:
    """Pages of a DocumentVersion's file when it is a PDF, else None."""
    if version is None or version.content_type != PDF_CONTENT_TYPE:
        return None
    key = f"pdfpages:{version.sha256}"
    pages = cache.get(key)
    if pages is None:
        try:
            with version.file.open("rb") as handle:
                pages = pdf_page_count(handle)
        except FileNotFoundError:
            logger.error("Document version %s: file %s is missing", version.pk, version.file.name)
            return None
        if pages is not None:
            cache.set(key, pages, _CACHE_SECONDS)
    return pages
