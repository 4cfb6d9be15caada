"""What an uploaded file really is, judged by its bytes, never by its name or the browser.

Accepted, and the file's extension must be one of its type's (``report.docx`` holding a PDF
is refused with a message saying how to rename it):

- PDF: the bytes start with ``%PDF-``.
- PNG, JPEG: their magic numbers, read by ``filetype``.
- HWP 5: an OLE2 compound file (``D0 CF 11 E0 A1 B1 1A E1``) whose bytes contain the HWP
  FileHeader signature ``HWP Document File``. The FileHeader stream is small and never
  compressed, so the signature appears verbatim in every HWP 5 file; a Word 97 ``.doc`` or an
  old Excel file (same OLE2 container) has no such bytes. The OLE directory is not parsed.
- ZIP-based (``PK\\x03\\x04``), opened with ``zipfile`` and judged by member names:
  DOCX ``word/document.xml``, XLSX ``xl/workbook.xml``, PPTX ``ppt/presentation.xml``,
  HWPX a ``mimetype`` member equal to ``application/hwp+zip`` or a ``Contents/content.hpf``
  member. Refused: a damaged archive; one declaring more than 20 × UPLOAD_MAX_BYTES
  uncompressed (zip bomb; nothing is decompressed but the tiny ``mimetype`` member); an
  Office file carrying macros (``vbaProject.bin``).

Everything else (executables, HTML, text, other archives) is refused. The size limit is
``settings.UPLOAD_MAX_BYTES``. The SHA-256 is computed in the same chunked pass.
"""

import hashlib
import math
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.files import File
from django.utils.translation import gettext as _

from oimarket.core.errors import DomainError


@dataclass(frozen=True)
class FileType:
    label: str
    content_type: str
    extensions: tuple[str, ...]  # the first one is used for the name on disk


PDF = FileType("PDF", "application/pdf", (".pdf",))
HWP = FileType("HWP", "application/x-hwp", (".hwp",))
HWPX = FileType("HWPX", "application/hwp+zip", (".hwpx",))
DOCX = FileType(
    "DOCX",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    (".docx",),
)
XLSX = FileType(
    "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",)
)
PPTX = FileType(
    "PPTX",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    (".pptx",),
)
PNG = FileType("PNG", "image/png", (".png",))
JPEG = FileType("JPG", "image/jpeg", (".jpg", ".jpeg"))

ACCEPTED_TYPES = (PDF, HWP, HWPX, DOCX, XLSX, PPTX, PNG, JPEG)
# For <input type="file" accept="...">: a hint to the browser, not a check.
ACCEPT_ATTRIBUTE = ",".join(ext for t in ACCEPTED_TYPES for ext in t.extensions)

OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
HWP_SIGNATURE = b"HWP Document File"
ZIP_SIGNATURE = b"PK\x03\x04"
ZIP_EXPANSION_LIMIT = 20  # × UPLOAD_MAX_BYTES, uncompressed
_OOXML_MARKERS = (
    ("word/document.xml", DOCX),
    ("xl/workbook.xml", XLSX),
    ("ppt/presentation.xml", PPTX),
)
_HEAD_BYTES = 8192
_ZIP_ERRORS = (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError)


@dataclass(frozen=True)
class CheckedFile:
    type: FileType
    size: int
    sha256: str

    @property
    def content_type(self) -> str:
        return self.type.content_type

    @property
    def extension(self) -> str:
        return self.type.extensions[0]


def accepted_types_text() -> str:
    return _("Accepted: PDF, HWP, HWPX, DOCX, XLSX, PPTX, PNG, JPG; up to %(limit)s.") % {
        "limit": human_size(settings.UPLOAD_MAX_BYTES)
    }


def human_size(size: int, *, round_up: bool = False) -> str:
    """`26_528_973` → `25.3 MB`, `1536` → `1.5 KB`, `999` → `999 B`."""
    for unit, factor in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= factor:
            value = math.ceil(size * 10 / factor) / 10 if round_up else size / factor
            return f"{value:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size:,} B"


def check_upload(file) -> CheckedFile:
    """The file's real type, size and SHA-256; DomainError (field "file") if it is refused."""
    if not isinstance(file, File):
        file = File(file)
    limit = settings.UPLOAD_MAX_BYTES
    if file.size is not None and file.size > limit:
        raise _too_large(file.size, limit)
    size, sha256, head, has_hwp_signature = _scan(file, limit)
    if size == 0:
        raise DomainError(_("The file is empty."), field="file")
    found = _detect(file, head, has_hwp_signature)
    file.seek(0)
    return CheckedFile(type=_match_name(found, file.name or ""), size=size, sha256=sha256)


def _too_large(size: int, limit: int) -> DomainError:
    size_text, limit_text = human_size(size), human_size(limit)
    if size_text == limit_text:  # 20 MB + 1 byte: say 20.1 MB, not 20 MB
        size_text = human_size(size, round_up=True)
    message = _("The file is %(size)s; the limit is %(limit)s.") % {
        "size": size_text,
        "limit": limit_text,
    }
    return DomainError(message, field="file")


def _not_accepted() -> DomainError:
    return DomainError(
        _(
            "This type of file is not accepted. "
            "Upload a PDF, HWP, HWPX, DOCX, XLSX, PPTX, PNG or JPG file."
        ),
        field="file",
    )


def _scan(file: File, limit: int) -> tuple[int, str, bytes, bool]:
    """One pass in chunks: size, SHA-256, the first bytes, and whether the HWP signature occurs."""
    digest, size, head, tail, has_hwp = hashlib.sha256(), 0, b"", b"", False
    overlap = len(HWP_SIGNATURE) - 1
    for chunk in file.chunks():
        digest.update(chunk)
        size += len(chunk)
        if size > limit:
            raise _too_large(size, limit)
        if len(head) < _HEAD_BYTES:
            head += chunk[: _HEAD_BYTES - len(head)]
        if not has_hwp:
            has_hwp = HWP_SIGNATURE in tail + chunk[:overlap] or HWP_SIGNATURE in chunk
            tail = chunk[-overlap:]
    return size, digest.hexdigest(), head, has_hwp


def _detect(file: File, head: bytes, has_hwp_signature: bool) -> list[FileType]:
    """The types the content can be (a ZIP may carry several markers)."""
    if head.startswith(b"%PDF-"):
        return [PDF]
    if head.startswith(OLE_SIGNATURE):
        return [HWP] if has_hwp_signature else []
    if head.startswith(ZIP_SIGNATURE):
        return _zip_types(file)
    image = {"image/png": PNG, "image/jpeg": JPEG}.get(filetype.guess_mime(head) or "")
    return [image] if image else []


def _zip_types(file: File) -> list[FileType]:
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            expanded = sum(info.file_size for info in infos)
            found = [t for member, t in _OOXML_MARKERS if member in names]
            if _is_hwpx(archive, names):
                found.append(HWPX)
    except _ZIP_ERRORS:
        raise DomainError(_("The file is damaged and cannot be opened."), field="file") from None
    limit = ZIP_EXPANSION_LIMIT * settings.UPLOAD_MAX_BYTES
    if expanded > limit:
        message = _("The file unpacks to more than %(limit)s and is refused.") % {
            "limit": human_size(limit)
        }
        raise DomainError(message, field="file")
    if found and any(name.lower().endswith("vbaproject.bin") for name in names):
        raise DomainError(
            _("Office files with macros are not accepted: save it as DOCX, XLSX or PPTX."),
            field="file",
        )
    return found


def _is_hwpx(archive: zipfile.ZipFile, names: set[str]) -> bool:
    if "Contents/content.hpf" in names:
        return True
    if "mimetype" not in names:
        return False
    with archive.open("mimetype") as member:
        return member.read(64).strip() == b"application/hwp+zip"


def _match_name(found: list[FileType], name: str) -> FileType:
    """The detected type whose extension the file's name has; refuse a disguised name."""
    extension = PurePath(name).suffix.lower()
    for file_type in found:
        if extension in file_type.extensions:
            return file_type
    if not found:
        raise _not_accepted()
    message = _("This is a %(type)s file, so its name must end in %(extensions)s.") % {
        "type": found[0].label,
        "extensions": " / ".join(found[0].extensions),
    }
    raise DomainError(message, field="file")
