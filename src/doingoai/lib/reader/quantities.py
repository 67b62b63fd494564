"""Numbers as Vietnamese prose writes them, with the noun each one counts.

A clause like "đón tiếp 06 đoàn với 49 lượt khách quốc tế" holds two
quantities, each with its own noun: 6 *đoàn*, 49 *lượt khách*. This module
finds them, in digits written the Vietnamese way ("1.221", "2.690,67", "02")
or in words ("hai đoàn", "Hai tỷ không trăm năm mươi lăm triệu đồng"), and
reads amounts of money in every written form ("1,5 tỷ đồng", "hơn 22,4 tỷ",
"850 triệu đồng", "500.000đ", "625.000.000 VNĐ"). Amounts in another currency
are kept as such (a province sums đồng only), unless a đồng equivalent is
written beside them.

Everything works on the folded key (:func:`normalise.key`), which has the same
length as the text, so a span found there is a span of the original.
"""

import re
from dataclasses import dataclass

_GROUPED = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?"
_PLAIN = r"\d+(?:,\d+)?"
DIGITS = re.compile(r"(?<![\w/.,-])(" + _GROUPED + "|" + _PLAIN + r")(?![\w/]|[.,]\d)")

_UNITS = {
    "khong": 0,
    "mot": 1,
    "hai": 2,
    "ba": 3,
    "bon": 4,
    "tu": 4,
    "nam": 5,
    "lam": 5,
    "nham": 5,
    "sau": 6,
    "bay": 7,
    "tam": 8,
    "chin": 9,
}
_SCALES = {"nghin": 1_000, "ngan": 1_000, "trieu": 1_000_000, "ty": 1_000_000_000, "ti": 1_000_000_000}
_NUMBER_WORD = r"(?:khong|mot|hai|ba|bon|tu|nam|lam|nham|sau|bay|tam|chin|muoi|tram|linh|le|nghin|ngan|trieu|ty|ti)"
# A run of number words; single words that are also ordinary words ("năm", "tư", "ba") are
# accepted only before a counting noun, which the caller checks.
WORDS = re.compile(r"(?<![\w])(" + _NUMBER_WORD + r"(?:\s+" + _NUMBER_WORD + r")*)(?![\w])")
_SMALL_WORDS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10}

# Multipliers and currencies of money.
_MULTIPLIER = r"(?:\s*(ty|ti|trieu|nghin|ngan))?"
_DONG = r"(?:dong|vnd|vnđ|đ|d)(?![a-z])"
_OTHER_CURRENCY = re.compile(r"^\s*(?:usd|do la|do-la|dola|euro|eur|yen|won|bath|baht|kip|nhan dan te|ndt|\$)")


@dataclass
class Number:
    value: float
    start: int  # span in the clause
    end: int
    words: bool = False  # written in words


@dataclass
class Money:
    value: int  # đồng
    start: int
    end: int


def parse_digits(text: str) -> float | None:
    """ "1.221" → 1221, "2.690,67" → 2690.67, "02" → 2, "1,5" → 1.5."""
    text = text.strip()
    try:
        if re.fullmatch(_GROUPED, text):
            return float(text.replace(".", "").replace(",", "."))
        return float(text.replace(",", "."))
    except ValueError:
        return None


def parse_words(words: str) -> int | None:
    """ "hai tỷ không trăm năm mươi lăm triệu" (folded) → 2055000000; None when not a number."""
    tokens = words.split()
    if not tokens:
        return None
    total = 0  # completed scales (tỷ, triệu, nghìn)
    chunk = 0  # below a thousand
    pending: int | None = None  # a digit word waiting for mươi/trăm/scale
    seen = False
    for token in tokens:
        if token in ("linh", "le"):
            continue
        if token == "muoi":
            if pending is None:
                chunk += 10  # "mười"; folded, "mười" and "mươi" are the same word
            else:
                chunk += pending * 10
                pending = None
            seen = True
            continue
        if token == "tram":
            chunk += (pending if pending is not None else 1) * 100
            pending = None
            seen = True
            continue
        if token in _SCALES:
            value = chunk + (pending or 0)
            if token in ("ty", "ti"):
                total = (total + (value or 1)) * _SCALES[token]
            else:
                total += (value or 1) * _SCALES[token]
            chunk, pending = 0, None
            seen = True
            continue
        if token in _UNITS:
            if pending is not None:
                chunk += pending
            pending = _UNITS[token]
            seen = True
            continue
        return None
    if not seen:
        return None
    return total + chunk + (pending or 0)


def numbers(k: str) -> list[Number]:
    """Every number of a folded clause, digits and words, in order."""
    found: list[Number] = []
    for match in DIGITS.finditer(k):
        value = parse_digits(match.group(1))
        if value is not None:
            found.append(Number(value, match.start(1), match.end(1)))
    for match in WORDS.finditer(k):
        text = match.group(1)
        value = parse_words(text)
        if value is None:
            continue
        if " " not in text and text not in _SMALL_WORDS:
            continue  # "năm" (year), "tư", "ba" alone: too ambiguous outside a phrase
        if any(n.start <= match.start(1) < n.end for n in found):
            continue
        found.append(Number(float(value), match.start(1), match.end(1), words=True))
    found.sort(key=lambda n: n.start)
    return found


_MONEY = re.compile(r"(" + _GROUPED + "|" + _PLAIN + r")" + _MULTIPLIER + r"\s*(" + _DONG + r")?")
_MULTIPLIERS = {"ty": 10**9, "ti": 10**9, "trieu": 10**6, "nghin": 10**3, "ngan": 10**3}


def money(k: str) -> list[Money]:
    """Amounts of đồng in a folded clause: "1,5 tỷ đồng", "hơn 22,4 tỷ", "500.000đ", "625.000.000 vnđ".

    An amount counts as đồng when it says so, or when it is given in tỷ/triệu with no
    other currency after it ("hơn 22,4 tỷ"); "2 triệu USD" is not đồng, but the
    "tương đương 30,2 tỷ đồng" written beside it is. Amounts written in words
    ("Bằng chữ: Hai tỷ ... đồng chẵn") are read too.
    """
    found: list[Money] = []
    for match in _MONEY.finditer(k):
        digits, multiplier, dong = match.group(1), match.group(2), match.group(3)
        if match.start() > 0 and (k[match.start() - 1].isalnum() or k[match.start() - 1] in "/.,"):
            continue
        after = k[match.end() :]
        if _OTHER_CURRENCY.match(after):
            continue
        if not dong and not multiplier:
            continue
        if not dong and multiplier:
            # "hơn 22,4 tỷ": money only if no noun follows ("2,3 triệu lượt khách" is not money)
            if re.match(r"^\s*[a-z]", after) and not re.match(
                r"^\s*(?:dong|vnd|va|tuong|cho|de|tu|nham|trong)\b", after
            ):
                continue
        value = parse_digits(digits)
        if value is None:
            continue
        if multiplier:
            value *= _MULTIPLIERS[multiplier]
        elif re.fullmatch(_PLAIN, digits) and "," in digits:
            continue  # "1,5 đồng" is not an amount anyone reports
        found.append(Money(int(round(value)), match.start(), match.end()))
    for match in WORDS.finditer(k):
        text = match.group(1)
        if " " not in text:
            continue
        after = k[match.end() :]
        if not re.match(r"^\s*" + _DONG, after):
            continue
        value = parse_words(text)
        if value is None or value < 1000:
            continue
        if any(m.start <= match.start(1) < m.end for m in found):
            continue
        found.append(Money(value, match.start(1), match.end(1)))
    found.sort(key=lambda m: m.start)
    return found
