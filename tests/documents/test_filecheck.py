import hashlib

import pytest
from django.core.files.base import ContentFile

from oimarket.core.errors import DomainError
from oimarket.documents.filecheck import check_upload, human_size

from . import samples

NOT_ACCEPTED = (
    "This type of file is not accepted. Upload a PDF, HWP, HWPX, DOCX, XLSX, PPTX, PNG or JPG file."
)


@pytest.mark.parametrize(
    ("name", "data", "content_type", "extension"),
    [
        ("사업자등록증.pdf", samples.PDF, "application/pdf", ".pdf"),
        ("SCAN.PDF", samples.PDF, "application/pdf", ".pdf"),
        ("logo.png", samples.png(), "image/png", ".png"),
        ("photo.jpg", samples.JPEG, "image/jpeg", ".jpg"),
        ("photo.jpeg", samples.JPEG, "image/jpeg", ".jpg"),
        ("사업계획서.hwp", samples.hwp(), "application/x-hwp", ".hwp"),
        ("사업계획서.hwpx", samples.hwpx(), "application/hwp+zip", ".hwpx"),
        (
            "plan.docx",
            samples.docx(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ".docx",
        ),
        (
            "finance.xlsx",
            samples.xlsx(),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ".xlsx",
        ),
        (
            "IR.pptx",
            samples.pptx(),
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            ".pptx",
        ),
    ],
)
def test_check_upload_accepts_real_files(name, data, content_type, extension):
    checked = check_upload(samples.upload(name, data))

    assert (checked.content_type, checked.extension, checked.size) == (
        content_type,
        extension,
        len(data),
    )
    assert checked.sha256 == hashlib.sha256(data).hexdigest()


def test_check_upload_accepts_hwpx_by_its_content_hpf_member():
    data = samples.zip_bytes({"Contents/content.hpf": b"<opf/>", "Contents/section0.xml": b""})

    assert check_upload(samples.upload("a.hwpx", data)).content_type == "application/hwp+zip"


def test_check_upload_finds_the_hwp_signature_across_a_chunk_boundary():
    ole = bytes.fromhex("D0CF11E0A1B11AE1")
    boundary = ContentFile.DEFAULT_CHUNK_SIZE
    data = ole + b"\x00" * (boundary - len(ole) - 5) + b"HWP Document File" + b"\x00" * 100

    assert check_upload(ContentFile(data, name="split.hwp")).content_type == "application/x-hwp"


def test_check_upload_ignores_the_browser_content_type():
    upload = samples.upload("plan.pdf", samples.PDF, content_type="text/html")

    assert check_upload(upload).content_type == "application/pdf"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("invoice.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64),
        ("page.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
        ("notes.docx", "그냥 텍스트 파일입니다".encode()),
        ("archive.docx", samples.zip_bytes({"readme.txt": b"hello"})),
        ("old-word.hwp", bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 600),
        ("image.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>'),
        ("fake.hwpx", samples.zip_bytes({"mimetype": b"application/epub+zip"})),
    ],
)
def test_check_upload_refuses_what_it_does_not_recognize(name, data):
    with pytest.raises(DomainError) as excinfo:
        check_upload(samples.upload(name, data, content_type="application/pdf"))

    assert (excinfo.value.message, excinfo.value.field) == (NOT_ACCEPTED, "file")


def test_check_upload_refuses_a_real_file_under_another_extension():
    with pytest.raises(DomainError) as excinfo:
        check_upload(samples.upload("scan.pdf", samples.docx()))

    assert excinfo.value.message == "This is a DOCX file, so its name must end in .docx."


def test_check_upload_refuses_a_file_without_extension():
    with pytest.raises(DomainError) as excinfo:
        check_upload(samples.upload("photo", samples.JPEG))

    assert excinfo.value.message == "This is a JPG file, so its name must end in .jpg / .jpeg."


def test_check_upload_refuses_an_oversize_file(settings):
    settings.UPLOAD_MAX_BYTES = 1000

    with pytest.raises(DomainError) as excinfo:
        check_upload(samples.upload("big.pdf", b"\x00" * 1001))

    assert excinfo.value.message == "The file is 1,001 B; the limit is 1,000 B."


def test_check_upload_refuses_an_empty_file():
    with pytest.raises(DomainError) as excinfo:
        check_upload(samples.upload("empty.pdf", b""))

    assert excinfo.value.message == "The file is empty."


def test_check_upload_refuses_a_zip_bomb(settings):
    settings.UPLOAD_MAX_BYTES = 1000
    data = samples.zip_bytes({"word/document.xml": b"\x00" * 20_001})
    assert len(data) < 1000

    with pytest.raises(DomainError) as excinfo:
        check_upload(samples.upload("bomb.docx", data))

    assert excinfo.value.message == "The file unpacks to more than 19.5 KB and is refused."


def test_check_upload_refuses_a_damaged_zip():
    with pytest.raises(DomainError) as excinfo:
        check_upload(samples.upload("broken.docx", b"PK\x03\x04" + b"\x01" * 200))

    assert excinfo.value.message == "The file is damaged and cannot be opened."


def test_check_upload_refuses_office_files_with_macros():
    data = samples.zip_bytes({"word/document.xml": b"<d/>", "word/vbaProject.bin": b"\x00"})

    with pytest.raises(DomainError) as excinfo:
        check_upload(samples.upload("macro.docx", data))

    assert excinfo.value.message == (
        "Office files with macros are not accepted: save it as DOCX, XLSX or PPTX."
    )


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (999, "999 B"),
        (20 * 1024 * 1024, "20 MB"),
        (round(25.3 * 1024 * 1024), "25.3 MB"),
        (1536, "1.5 KB"),
    ],
)
def test_human_size(size, text):
    assert human_size(size) == text


def test_check_upload_says_a_file_just_over_the_limit_is_bigger(settings):
    settings.UPLOAD_MAX_BYTES = 20 * 1024 * 1024

    with pytest.raises(DomainError) as excinfo:
        check_upload(samples.upload("big.pdf", samples.PDF + b"\x00" * (20 * 1024 * 1024)))

    assert excinfo.value.message == "The file is 20.1 MB; the limit is 20 MB."


def test_check_upload_message_for_a_25_mb_file(settings):
    with pytest.raises(DomainError) as excinfo:
        check_upload(samples.upload("deck.pdf", b"\x00" * round(25.3 * 1024 * 1024)))

    assert excinfo.value.message == "The file is 25.3 MB; the limit is 20 MB."
