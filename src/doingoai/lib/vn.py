"""Vietnamese numbers, money and dates: parse what people type, format what they read.

Numbers are written the Vietnamese way: ``1.234.567`` (dot groups thousands),
``2.690,67`` (comma is the decimal mark), ``02`` is two. Money may carry a unit
word: ``15 triệu``, ``1,2 tỷ``, ``500.000đ``.
"""

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from django.utils import timezone

ERROR_NUMBER = "Số không hợp lệ: hãy gõ chữ số, ví dụ 1.234 hoặc 25."
ERROR_NEGATIVE = "Số không được âm."
ERROR_AMOUNT = "Số tiền không hợp lệ: hãy gõ ví dụ 1.500.000, 15 triệu hoặc 1,2 tỷ."
ERROR_AMOUNT_FRACTION = "Số tiền phải tròn đến đồng."
ERROR_DATE = "Ngày không hợp lệ: hãy gõ theo dạng ngày/tháng/năm, ví dụ 05/03/2026."


def today() -> dt.date:
    """Today in Vietnam (settings.TIME_ZONE is Asia/Ho_Chi_Minh), whatever the server's clock zone."""
    return timezone.localdate()


_MULTIPLIERS = {
    "nghìn": 1_000,
    "nghin": 1_000,
    "ngàn": 1_000,
    "ngan": 1_000,
    "triệu": 1_000_000,
    "trieu": 1_000_000,
    "tr": 1_000_000,
    "tỷ": 1_000_000_000,
    "tỉ": 1_000_000_000,
    "ty": 1_000_000_000,
}
_CURRENCY = re.compile(r"\s*(?:vnđ|vnd|đồng|dong|đ|d)\.?\s*$", re.IGNORECASE)
_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")  # 1.234.567 or 2.690,67
_GROUPED_SPACE = re.compile(r"^\d{1,3}(?:[ \u00a0]\d{3})+$")  # 1 234 567
_PLAIN = re.compile(r"^\d+(?:[.,]\d+)?$")  # 1234567, 1,2 or 1.5


def _to_decimal(digits: str) -> Decimal:
    """Read one written number, Vietnamese grouping first."""
    digits = digits.strip()
    if _GROUPED.match(digits):
        return Decimal(digits.replace(".", "").replace(",", "."))
    if _GROUPED_SPACE.match(digits):
        return Decimal(re.sub(r"\s", "", digits))
    if _PLAIN.match(digits):
        return Decimal(digits.replace(",", "."))
    raise ValueError(ERROR_NUMBER)


def parse_int(text: str | int, *, allow_negative: bool = False) -> int:
    """``"1.234"`` → 1234, ``"02"`` → 2. Raises ValueError with a Vietnamese message."""
    if isinstance(text, int) and not isinstance(text, bool):
        value = text
    else:
        raw = str(text).strip()
        negative = raw.startswith("-")
        if negative:
            raw = raw[1:].strip()
        try:
            number = _to_decimal(raw)
        except (ValueError, InvalidOperation):
            raise ValueError(ERROR_NUMBER) from None
        if number != number.to_integral_value():
            raise ValueError(ERROR_NUMBER)
        value = -int(number) if negative else int(number)
    if value < 0 and not allow_negative:
        raise ValueError(ERROR_NEGATIVE)
    return value


def parse_amount_vnd(text: str | int) -> int:
    """An amount of đồng as typed: ``1.500.000``, ``15 triệu``, ``1,2 tỷ`` → int.

    >>> parse_amount_vnd("1,2 tỷ")
    1200000000
    """
    if isinstance(text, int) and not isinstance(text, bool):
        if text < 0:
            raise ValueError(ERROR_NEGATIVE)
        return text
    raw = str(text).strip().lower()
    if raw.startswith("-"):
        raise ValueError(ERROR_NEGATIVE)
    raw = _CURRENCY.sub("", raw).strip()
    multiplier = 1
    match = re.match(r"^(.*?)\s*([a-zà-ỹđ]+)$", raw)
    if match and match.group(2) in _MULTIPLIERS:
        raw, multiplier = match.group(1).strip(), _MULTIPLIERS[match.group(2)]
    if not raw:
        raise ValueError(ERROR_AMOUNT)
    try:
        if multiplier == 1:
            # Without a unit word a dot groups thousands: "1.500" is 1500, never 1.5.
            if not (_GROUPED.match(raw) or _GROUPED_SPACE.match(raw) or raw.isdigit()):
                raise ValueError(ERROR_AMOUNT)
        number = _to_decimal(raw) * multiplier
    except (ValueError, InvalidOperation):
        raise ValueError(ERROR_AMOUNT) from None
    if number != number.to_integral_value():
        raise ValueError(ERROR_AMOUNT_FRACTION)
    return int(number)


def format_number(value: int | float | Decimal | None, decimals: int = 0) -> str:
    """1234567 → ``1.234.567``; with decimals, 2690.67 → ``2.690,67``."""
    if value is None:
        return ""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\u0001").replace(".", ",").replace("\u0001", ".")


def format_vnd(value: int | None) -> str:
    return "" if value is None else f"{format_number(value)} đồng"


def format_date(value: dt.date | None) -> str:
    return "" if value is None else value.strftime("%d/%m/%Y")


_DATE_DMY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def parse_date(text: str | dt.date) -> dt.date:
    """``05/03/2026``, ``5/3/2026``, ``05-03-2026`` or ISO ``2026-03-05`` → date."""
    if isinstance(text, dt.datetime):
        return text.date()
    if isinstance(text, dt.date):
        return text
    raw = str(text).strip()
    if match := _DATE_DMY.match(raw):
        day, month, year = (int(g) for g in match.groups())
    elif match := _DATE_ISO.match(raw):
        year, month, day = (int(g) for g in match.groups())
    else:
        raise ValueError(ERROR_DATE)
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(ERROR_DATE) from None


def format_long_date(value: dt.date) -> str:
    """The official form of Nghị định 30: ``ngày 05 tháng 01 năm 2026``.

    Days below 10 and months 1 and 2 take a leading zero; other months do not.
    """
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"
