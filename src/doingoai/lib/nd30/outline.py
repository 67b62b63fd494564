"""Headings of a report: their level and the number ND30 gives them.

Sources number their headings in many ways ("I.", "1.", "1 ", "a.", "a)", "#",
"**"), skip numbers (seed 002 has no "2." in part III) or repeat them (seed 003
numbers two parts "I."). The renderer keeps the words of each heading and
replaces its number: level 1 "I. ", level 2 "1. ", level 3 "a) " in Vietnamese
letter order (Mục V 6.b; PL I §II.6.đ), numbered in sequence (§II.6.c).

>>> [h.label for h in outline([{"heading": "1. Chung"}, {"heading": "a. Một"}, {"heading": "a. Hai"}])]
['I. CHUNG', '1. Một', '2. Hai']
"""

import re
from dataclasses import dataclass

ROMAN, ARABIC, LETTER, FREE = "roman", "arabic", "letter", "free"
# Vietnamese alphabet order for điểm: no f, j, w, z; đ after d (seed 002, PL I §II.6.đ).
LETTERS = ("a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y")  # fmt: skip

_ROMAN_NUMBER = re.compile(r"^(?P<n>[IVXLC]+)\s*[.):]\s*(?=\S)")
_ARABIC_NUMBER = re.compile(r"^(?P<n>\d{1,3})(?:\s*[.)]\s*|\s+)(?=\D)")
_LETTER_NUMBER = re.compile(r"^(?P<n>[a-zđ])\s*[.)]\s+")
_MARKUP = re.compile(r"^[#\s]+|\*\*|__")
# A list item in a section's text: "2. Tổ chức …", or "1 Đề nghị …" whose dot was lost.
_ITEM = re.compile(r"^(?P<n>\d{1,2})(?P<sep>\.\s+|\s+)(?=\S)")


@dataclass(frozen=True)
class Heading:
    level: int  # 1, 2, 3; 0 for an unnumbered sub-heading kept as written
    number: str  # "I.", "1.", "a)" or "" for level 0
    title: str  # the words of the heading, without its number, in ND30 case

    @property
    def label(self) -> str:
        return f"{self.number} {self.title}" if self.number else self.title


def roman(value: int) -> str:
    """4 → "IV"."""
    digits = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
              (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip
    out = ""
    for amount, sign in digits:
        while value >= amount:
            out, value = out + sign, value - amount
    return out


def letter(index: int) -> str:
    """0 → "a", 4 → "đ", 6 → "g"; past "y" the letters double ("aa")."""
    count = len(LETTERS)
    return LETTERS[index] if index < count else LETTERS[index // count - 1] + LETTERS[index % count]


def split_number(heading: str) -> tuple[str, str]:
    """Split a heading into the kind of its number and its words.

    >>> split_number("IV. Khó khăn vướng mắc")
    ('roman', 'Khó khăn vướng mắc')
    >>> split_number("* Tồn tại, hạn chế:")
    ('free', '* Tồn tại, hạn chế:')
    """
    text = _MARKUP.sub("", heading.strip()).strip()
    for kind, pattern in ((ROMAN, _ROMAN_NUMBER), (ARABIC, _ARABIC_NUMBER), (LETTER, _LETTER_NUMBER)):
        if match := pattern.match(text):
            return kind, text[match.end() :].strip()
    return FREE, text


def _sentence_case(text: str) -> str:
    """A khoản title in capitals becomes sentence case (C2: "not all caps");
    words in parentheses ("(PCPNN)") keep their capitals."""
    if text != text.upper() or not any(ch.isalpha() for ch in text):
        return text
    parts = re.split(r"(\([^)]*\))", text.lower())
    out = "".join(part.upper() if part.startswith("(") else part for part in parts)
    return out[:1].upper() + out[1:]


def outline(sections: list[dict]) -> list[Heading | None]:
    """One Heading per section (None where a section has no heading).

    A given ``section["level"]`` wins; otherwise the level comes from the kind
    of number the source used, ranked Roman > Arabic > letter, so that a report
    whose top headings are "1." (seed 001) gets "I." as ND30 lays out a report.
    """
    parsed = [split_number(s.get("heading") or "") if (s.get("heading") or "").strip() else None for s in sections]
    kinds_used = [k for k in (ROMAN, ARABIC, LETTER) if any(p and p[0] == k for p in parsed)]
    rank = {kind: position + 1 for position, kind in enumerate(kinds_used)}
    counters = [0, 0, 0]
    headings: list[Heading | None] = []
    for section, item in zip(sections, parsed, strict=False):
        if item is None:
            headings.append(None)
            continue
        kind, words = item
        level = section.get("level") or rank.get(kind, 0)
        level = max(0, min(int(level), 3))
        if level == 0 or not words:
            headings.append(Heading(0, "", words or (section.get("heading") or "").strip()))
            continue
        counters[level - 1] += 1
        for deeper in range(level, 3):
            counters[deeper] = 0
        count = counters[level - 1]
        if level == 1:
            headings.append(Heading(1, f"{roman(count)}.", words.upper()))
        elif level == 2:
            headings.append(Heading(2, f"{count}.", _sentence_case(words)))
        else:
            headings.append(Heading(3, f"{letter(count - 1)})", words))
    return headings


def body_lines(text: str) -> list[str]:
    """The non-empty lines of a section's text, its list items numbered as one list.

    An item whose number lost its dot gets the dot of the sibling next to it, so that
    seed 000's "1 Đề nghị …" before "2. Tổ chức …" is not read as a list starting at 2
    (PL I §II.6.c); a line that only starts with a count ("12 đoàn …") is left alone.

    >>> body_lines("1 Đề nghị A.\\n2. Tổ chức B.")
    ['1. Đề nghị A.', '2. Tổ chức B.']
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    items = {
        index: match
        for index, line in enumerate(lines)
        if (match := _ITEM.match(line)) and line[match.end()].isupper()  # an item starts with a capital
    }
    dotted = {(index, int(m.group("n"))) for index, m in items.items() if m.group("sep").startswith(".")}
    numbers = sorted(items)
    for position, index in enumerate(numbers):
        match = items[index]
        if match.group("sep").startswith("."):
            continue
        n = int(match.group("n"))
        before = numbers[position - 1] if position > 0 else None
        after = numbers[position + 1] if position + 1 < len(numbers) else None
        if (before, n - 1) in dotted or (after, n + 1) in dotted:
            lines[index] = f"{n}. {lines[index][match.end() :]}"
    return lines
