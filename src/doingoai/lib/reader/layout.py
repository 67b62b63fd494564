"""The parts of an official document (Nghị định 30 layout), found in its lines.

header (issuing body, motto, number, place and date) → type line ("BÁO CÁO")
and summary (trích yếu) → preamble ("Thực hiện Công văn số ...") → body →
closing sentence ("Trên đây là báo cáo ...") → end (Nơi nhận, signature, annexes).
Every part may be missing: an extract has no header, a draft no number.
"""

import re
from dataclasses import dataclass

from .lines import Line
from .normalise import flat, key

DOC_TYPES = (
    "bao cao",
    "ke hoach",
    "chi thi",
    "quyet dinh",
    "to trinh",
    "thong bao",
    "chuong trinh",
    "huong dan",
    "de an",
    "nghi quyet",
    "bien ban",
    "cong van",
    "bao cao tong ket",
    "bao cao so ket",
    "giay moi",
    "phuong an",
    "quy che",
    "cong dien",
    "bao cao tom tat",
    "du thao bao cao",
)
_TYPE_LINE = re.compile(r"^(?:du thao\s+)?(" + "|".join(sorted(DOC_TYPES, key=len, reverse=True)) + r")\s*[:.]?$")
_OPENING = re.compile(
    r"^(?:thuc hien|can cu|theo (?:de nghi|yeu cau|chi dao|huong dan|cong van|van ban)|trien khai|"
    r"kinh gui|de (?:gop phan|thuc hien|trien khai|danh gia)|nham |duoc su)"
)
_CLOSING = re.compile(r"^(?:tren day (?:la )?(?:bao cao|ket qua|tinh hinh|noi dung|ke hoach)|tren day)")
_RECIPIENTS = re.compile(r"^noi nhan\b")
_AUTHORITY = re.compile(r"^(?:tm|kt|tl|tuq|q)\s*\.\s*\S")
_MOTTO = re.compile(r"cong hoa xa hoi chu nghia viet nam|doc lap\s*[-–]\s*tu do\s*[-–]\s*hanh phuc")
_NUMBER = re.compile(r"^so\s*[:.]")
_DATE = re.compile(r"\bngay\s*\d{0,2}\s*(?:thang|/)")
_VV = re.compile(r"^(?:v/v|ve viec)\b")
_HEADING_START = re.compile(r"^(?:[ivx]{1,5}\s*[.)]\s|\d{1,2}\s*[.)]\s|phan thu\s|[a-d]\s*[.)]\s)")


@dataclass
class Layout:
    lines: list[Line]
    header: range
    title: int | None
    summary: range
    body: range  # preamble and body: the headings are found here
    end: range  # closing sentence, recipients, signature, annexes
    closing: int | None

    def text(self, part: range) -> list[str]:
        return [flat(self.lines[i].text) for i in part]


def _k(line: Line) -> str:
    return key(flat(line.text))


def is_type_line(line: Line) -> bool:
    return bool(_TYPE_LINE.match(_k(line)))


def is_letterhead(text_key: str) -> bool:
    return bool(
        _MOTTO.search(text_key)
        or _NUMBER.match(text_key)
        or (_DATE.search(text_key) and len(text_key) < 80)
        or text_key.startswith(("uy ban nhan dan", "ubnd", "so:", "du thao"))
    )


def find_layout(lines: list[Line]) -> Layout:
    count = len(lines)
    keys = [_k(line) for line in lines]
    scan = min(count, 45)
    title = next((i for i in range(scan) if _TYPE_LINE.match(keys[i])), None)
    opening = next((i for i in range(scan) if _OPENING.match(keys[i])), None)
    if title is not None and opening is not None and opening < title:
        title = None  # a "Thực hiện ..." before the type line: that "BÁO CÁO" is something else
    if title is not None:
        header = range(0, title)
        stop = title + 1
        while stop < count and stop - title <= 4:
            k = keys[stop]
            line = lines[stop]
            if (
                _OPENING.match(k)
                or _HEADING_START.match(k)
                or is_letterhead(k)
                or (stop > title + 1 and line.blank_before and not lines[stop - 1].text.rstrip().endswith((",", "và")))
                or len(k) > 260
            ):
                break
            stop += 1
        summary = range(title + 1, stop)
        body_start = stop
    else:
        if opening is not None:
            body_start = opening
        else:
            body_start = next(
                (i for i in range(scan) if _HEADING_START.match(keys[i]) and not is_letterhead(keys[i])), 0
            )
        header_end = body_start
        # A summary line just above the opening, below the letterhead (an extract's title).
        start = header_end
        while start > 0 and not is_letterhead(keys[start - 1]) and header_end - start < 3:
            if _VV.match(keys[start - 1]):
                break
            start -= 1
        header = range(0, start)
        summary = range(start, header_end)
    # The body runs to the closing sentence, the recipients or the signature.
    closing = None
    end_start = count
    for i in range(body_start, count):
        k = keys[i]
        if _CLOSING.match(k) or _RECIPIENTS.match(k) or (k.endswith("./.") and i > body_start):
            closing = i
            end_start = i
            break
        if _AUTHORITY.match(k) and i > body_start:
            end_start = i
            break
    return Layout(
        lines=lines,
        header=header,
        title=title,
        summary=summary,
        body=range(body_start, end_start),
        end=range(end_start, count),
        closing=closing,
    )
