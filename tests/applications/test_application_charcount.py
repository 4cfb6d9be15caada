"""Characters counted as the browser counts them, and pages of a business plan PDF."""

import unicodedata
from io import BytesIO

import pytest

from oimarket.applications.charcount import char_count, normalize_text
from oimarket.applications.pdfpages import pdf_page_count, version_page_count
from tests.factories import DocumentVersionFactory, pdf_bytes


def test_char_count_counts_korean_spaces_and_line_breaks():
    assert char_count("안녕하세요 반갑습니다") == 11


def test_char_count_counts_crlf_as_one_character():
    assert char_count("첫 줄\r\n둘째 줄\r\n") == char_count("첫 줄\n둘째 줄\n") == 9


def test_char_count_counts_decomposed_hangul_as_composed():
    composed = "한글 자기소개서"
    decomposed = unicodedata.normalize("NFD", composed)

    assert (len(decomposed), char_count(decomposed), char_count(composed)) == (17, 8, 8)


def test_char_count_counts_an_emoji_as_one_character():
    assert char_count("좋아요👍") == 4


def test_char_count_of_nothing_is_zero():
    assert (char_count(""), char_count(None)) == (0, 0)


def test_normalize_text_stores_lf_and_nfc():
    text = unicodedata.normalize("NFD", "가\r\n나")

    assert normalize_text(text) == "가\n나"


def test_pdf_page_count_counts_pages():
    assert pdf_page_count(BytesIO(pdf_bytes(16))) == 16


def test_pdf_page_count_is_none_for_a_broken_file():
    assert pdf_page_count(BytesIO(b"%PDF-1.4 not really")) is None


@pytest.mark.django_db
def test_version_page_count_reads_the_stored_pdf():
    version = DocumentVersionFactory(file__data=pdf_bytes(3), sha256="a" * 64)

    assert version_page_count(version) == 3


@pytest.mark.django_db
def test_version_page_count_is_none_for_another_type():
    version = DocumentVersionFactory(content_type="application/x-hwp", sha256="b" * 64)

    assert version_page_count(version) is None
