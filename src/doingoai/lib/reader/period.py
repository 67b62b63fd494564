"""The period a text in prose gives its figures for.

A news item has no title naming "Báo cáo … 6 tháng đầu năm 2024"; its period is the
adverbial attached to the figures: "Năm 2012, tỉnh có …", "… trong năm 2018",
"Qúy I/2024, tỉnh cấp mới …", "Sáu tháng đầu năm, …" (the year then comes from the
same sentence or from the text's own date line), "Tính đến cuối tháng 12/2018" (the
year's end), "năm nay", "năm qua". Some adverbials say there is no period: year to
date ("Từ đầu năm đến nay", "Tính từ đầu năm đến ngày 15-9"), "9 tháng", a month,
a span of years ("giai đoạn 2016-2020", "những năm qua", "Lũy kế"). A year that names
an event or a programme ("Hội nghị … năm 2023", "so với cùng kỳ năm 2023") is not an
adverbial and is not read.

Each fact's sentence is read first, then its paragraph; the facts vote, and a tie or a
"no period" wins over a guess. A text without facts takes its first adverbial.
"""

import re
from collections import Counter

from .normalise import key
from .prose import sentences

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_NONE = object()  # an adverbial that says the figures have no period of their own

_DATE_LINE = re.compile(r"\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d\d)\b")
_AT = r"(?:^|[,;:(]\s*|\b(?:trong|ca|rieng|rieng trong|tinh chung|chung|ket qua|tong ket|so ket)\s+)"
_PATTERNS = (
    # No period of its own: year to date, nine months, a month, several years.
    ("none", re.compile(r"\b(?:tu|tinh tu|ke tu)\s+dau\s+nam\b|\bluy ke\b|\bcong don\b")),
    ("none", re.compile(r"\b(?:9|chin|10|11)\s+thang\b")),
    ("none", re.compile(r"\b(?:nhung|cac|mot so|may|nhieu)\s+nam\s+(?:qua|gan day|tro lai day)\b|\bgiai doan\b")),
    ("none", re.compile(r"\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d\b|\btu\s+nam\s+\d{4}\s+den\b")),
    ("none", re.compile(_AT + r"thang\s+\d{1,2}(?:\s*(?:/|nam)\s*\d{4})?\s*[,;]")),
    # A half, a quarter, a year.
    ("year_end", re.compile(r"\b(?:tinh\s+)?den\s+(?:cuoi|het)\s+(?:thang\s+12\s*/\s*|nam\s+)(\d{4})\b")),
    ("half", re.compile(r"\b(?:6|sau)\s+thang\s+(dau|cuoi)\s+nam(?:\s+(\d{4}|nay))?")),
    ("half", re.compile(r"\bnua\s+(dau|cuoi)\s+nam(?:\s+(\d{4}|nay))?")),
    ("quarter", re.compile(r"\bquy\s+(iv|iii|ii|i|[1-4])\b(?:\s*(?:nam\s+|/\s*)(\d{4}))?")),
    ("year", re.compile(_AT + r"nam\s+(\d{4}|nay)\b(?!\s*[-–/]\s*\d)")),
    ("year_past", re.compile(_AT + r"nam\s+qua\b")),
)


def date_line_year(texts: list[str]) -> tuple[int, int] | None:
    """(year, month) of the text's own date line ("Thứ bảy, 03/08/2013 10:50", "V.A 14/07/2013")."""
    for text in texts[:8]:
        if len(text) > 90:
            continue
        match = _DATE_LINE.search(text)
        if match:
            day, month, year = (int(g) for g in match.groups())
            if 1 <= day <= 31 and 1 <= month <= 12:
                return year, month
    return None


def _expression(sentence: str, dated: tuple[int, int] | None):
    """The first period adverbial of a sentence: a period dict, _NONE, or None (nothing said)."""
    k = key(sentence)
    found = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(k):
            before = k[max(0, match.start() - 14) : match.start()]
            if re.search(r"(?:cung ky|so voi|sinh|vao|tu|den|truoc|sau|nhiem ky|khoa)\s*$", before):
                continue
            found.append((match.start(), kind, match))
            break
    if not found:
        return None
    found.sort(key=lambda f: f[0])
    _, kind, match = found[0]
    if kind == "none":
        return _NONE
    this_year = dated[0] if dated else None
    if kind == "year_end":
        return {"kind": "year", "year": int(match.group(1)), "index": None}
    if kind == "year_past":
        if not dated:
            return None
        year, month = dated
        return {"kind": "year", "year": year if month >= 10 else year - 1, "index": None}
    if kind in ("half", "quarter"):
        token = match.group(2)
        if token and token != "nay":
            year = int(token)
        else:
            # "sơ kết 6 tháng đầu năm và chương trình 6 tháng cuối năm 2013": the year written later.
            later = re.search(r"\bnam\s+(\d{4})\b", k[match.end() : match.end() + 80])
            year = int(later.group(1)) if later else this_year
        if not year:
            return None
        if kind == "half":
            return {"kind": "half", "year": year, "index": 1 if match.group(1) == "dau" else 2}
        index = _ROMAN.get(match.group(1)) or int(match.group(1))
        return {"kind": "quarter", "year": year, "index": index}
    token = match.group(1)
    year = this_year if token == "nay" else int(token)
    if not year or not 1990 <= year <= 2100:
        return None
    return {"kind": "year", "year": year, "index": None}


def prose_period(texts: list[str], facts: list[dict], dated: tuple[int, int] | None) -> dict | None:
    """The period of a prose text's figures (see the module's doc)."""
    votes: Counter = Counter()
    periods: dict[tuple, dict] = {}
    for fact in facts:
        evidence = (fact.get("evidence") or "").split(" | ")[0].strip()
        if not evidence:
            continue
        probe = evidence[:40]
        for text in texts:
            if probe not in text:
                continue
            said = None
            for sentence in sentences(text):
                if probe in sentence:
                    said = _expression(sentence, dated)
                    break
            if said is None:
                said = _expression(text, dated)
            if said is _NONE:
                votes["none"] += 1
            elif said is not None:
                label = (said["kind"], said["year"], said["index"])
                periods[label] = said
                votes[label] += 1
            break
    if not facts:
        for text in texts:
            for sentence in sentences(text):
                said = _expression(sentence, dated)
                if said is _NONE:
                    return None
                if said is not None:
                    return said
        return None
    if not votes:
        return None
    ranked = votes.most_common()
    best, count = ranked[0]
    if best == "none" or (len(ranked) > 1 and ranked[1][1] == count):
        return None
    return periods[best]


__all__ = ["date_line_year", "prose_period"]
