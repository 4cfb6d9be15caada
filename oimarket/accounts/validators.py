import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)


def business_number_checksum_ok(digits: str) -> bool:
    """The check digit of a Korean business registration number (사업자등록번호)."""
    if not re.fullmatch(r"\d{10}", digits):
        return False
    nums = [int(c) for c in digits]
    total = sum(n * w for n, w in zip(nums[:9], _WEIGHTS, strict=True))
    total += (nums[8] * 5) // 10
    return (10 - total % 10) % 10 == nums[9]


def normalize_business_number(value: str) -> str:
    """Accept `123-45-67890`, spaces or full-width digits; return 10 digits or raise."""
    if not value or not value.strip():
        return ""
    digits = re.sub(r"\D", "", value.translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    if len(digits) != 10:
        raise ValidationError(
            _("A business registration number has 10 digits (e.g. 123-45-67890)."),
            code="length",
        )
    if not business_number_checksum_ok(digits):
        raise ValidationError(
            _("This business registration number is not valid: its check digit does not match."),
            code="checksum",
        )
    return digits
