import pytest
from django.core.exceptions import ValidationError

from oimarket.accounts.validators import business_number_checksum_ok, normalize_business_number


@pytest.mark.parametrize("digits", ["1234567891", "2208100001", "1048612345"])
def test_business_number_checksum_ok_accepts_valid_numbers(digits):
    assert business_number_checksum_ok(digits) is True


def test_business_number_checksum_ok_rejects_a_wrong_check_digit():
    assert business_number_checksum_ok("1234567890") is False


@pytest.mark.parametrize(
    "raw",
    [
        "123-45-67891",
        "123 45 67891",
        " 1234567891 ",
        "１２３-４５-６７８９１",
        "１２３４５６７８９１",
    ],
)
def test_normalize_business_number_accepts_hyphens_spaces_and_full_width_digits(raw):
    assert normalize_business_number(raw) == "1234567891"


@pytest.mark.parametrize("raw", ["", "   "])
def test_normalize_business_number_keeps_empty_empty(raw):
    assert normalize_business_number(raw) == ""


def test_normalize_business_number_rejects_a_wrong_checksum():
    with pytest.raises(ValidationError) as excinfo:
        normalize_business_number("123-45-67890")

    assert excinfo.value.code == "checksum"


@pytest.mark.parametrize("raw", ["123-45-6789", "123-45-678911", "abc"])
def test_normalize_business_number_rejects_a_wrong_length(raw):
    with pytest.raises(ValidationError) as excinfo:
        normalize_business_number(raw)

    assert excinfo.value.code == "length"
