"""Figures in report prose: writing them the administrative way, and checking them against the records.

Writing: counts below ten take a leading zero ("02 đoàn"), larger numbers
group thousands with dots ("1.250 người"), money is in đồng
("850.000.000 đồng").

Checking: ``figures_in_text`` finds numbers followed by a unit word ("03 đoàn",
"1.250 người", "15 triệu đồng"); ``section_figure_warnings`` compares them with
the indicators of the section. A figure agrees when it equals one of the
section's indicator values with that unit, their sum, or a figure the composer
itself wrote from the records (one project's value, one nationality's count).
Numbers right after "tăng"/"giảm" are differences, not figures, and are skipped.

>>> [(f.value, f.word) for f in figures_in_text("Đoàn vào: 03 đoàn, tổng 1,2 tỷ đồng; tăng 2 đoàn")]
[(3, 'đoàn'), (1200000000, 'đồng')]
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from doingoai.lib.catalogues import INDICATORS, INDICATORS_BY_CODE
from doingoai.lib.vn import format_number

# Unit words a text may use for each indicator; the first is the catalogue's own.
WORDS: dict[str, tuple[str, ...]] = {
    "delegations_out": ("đoàn",),
    "delegations_in_foreign": ("đoàn",),
    "delegations_in_domestic": ("đoàn",),
    "agreements_signed": ("thỏa thuận",),
    "conferences_international": ("hội nghị", "hội thảo"),
    "ngo_projects": ("dự án", "chương trình"),
    "ngo_aid_value_vnd": ("đồng",),
    "ngo_beneficiaries": ("người",),
    "foreigners_resident": ("người",),
    "fdi_projects": ("dự án",),
    "oda_projects": ("dự án",),
    "foreign_press_activities": ("lượt",),
    "consular_cases": ("vụ", "vụ việc"),
    "illegal_exit_cases": ("người", "công dân"),
    "officials_trained": ("người", "lượt cán bộ", "cán bộ"),
    "commendations_received": ("hình thức",),
}
assert set(WORDS) == set(INDICATORS_BY_CODE), "every indicator has its words"

_MULTIPLIERS = {"nghìn": 1_000, "ngàn": 1_000, "triệu": 1_000_000, "tỷ": 1_000_000_000, "tỉ": 1_000_000_000}
_ALL_WORDS = sorted({w for words in WORDS.values() for w in words} | {"đ"}, key=len, reverse=True)
_FIGURE = re.compile(
    r"(?<![\d.,/\w])(?P<number>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
    r"(?:\s*(?P<mult>nghìn|ngàn|triệu|tỷ|tỉ))?"
    r"\s*(?P<word>" + "|".join(re.escape(w) for w in _ALL_WORDS) + r")(?!\w)"
    r"(?!\s+(?:thể|viên)(?!\w))",  # "đoàn thể", "đoàn viên" are not delegations
    re.IGNORECASE,
)
_DIFFERENCE = re.compile(r"(?:tăng|giảm|hơn|chênh lệch)(?:\s+thêm)?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    value: int
    word: str  # normalised: "đ" is "đồng"
    text: str  # as written: "03 đoàn"


@dataclass(frozen=True)
class FigureWarning:
    figure: str  # "03 đoàn"
    expected: str  # "02 đoàn"
    message: str


def count_text(value: int, word: str = "") -> str:
    """ "02 đoàn", "1.250 người", "12 tin, bài"; the leading zero is the administrative style below ten."""
    number = f"{value:02d}" if 0 < value < 10 else format_number(value)
    return f"{number} {word}".strip()


def money_text(value: int) -> str:
    """ "850.000.000 đồng"."""
    return f"{format_number(value)} đồng"


def _number(text: str) -> float:
    return float(text.replace(".", "").replace(",", "."))


def figures_in_text(text: str) -> list[Figure]:
    """Numbers followed by a unit word, differences ("tăng 2 đoàn") left out."""
    found = []
    for match in _FIGURE.finditer(text or ""):
        if _DIFFERENCE.search(text[max(0, match.start() - 20) : match.start()]):
            continue
        value = _number(match.group("number")) * _MULTIPLIERS.get((match.group("mult") or "").lower(), 1)
        word = match.group("word").lower()
        found.append(Figure(int(round(value)), "đồng" if word == "đ" else word, match.group(0)))
    return found


def section_indicators(code: str, also: Iterable[str] = ()) -> list[str]:
    codes = {code, *also}
    return [i.code for i in INDICATORS if i.section in codes]


def section_figure_warnings(
    *, text: str, values: dict[str, int | None], known: Iterable[int] = ()
) -> list[FigureWarning]:
    """Figures of ``text`` that no indicator of the section (``values``, code → value) explains.

    ``known`` are figures the records themselves give (one project's value...).
    A zero phrase ("không phát sinh") with no figure is not checked here: the
    composer writes it only when the records hold nothing.
    """
    known = set(known)
    warnings = []
    seen = set()
    for figure in figures_in_text(text):
        stated = {code: v for code, v in values.items() if v is not None and figure.word in WORDS[code]}
        if not stated:
            continue
        allowed = set(stated.values()) | {sum(stated.values())} | known
        if figure.value in allowed or figure.text in seen:
            continue
        seen.add(figure.text)
        total = sum(stated.values())
        expected = money_text(total) if figure.word == "đồng" else count_text(total, figure.word)
        detail = ", ".join(
            f"{INDICATORS_BY_CODE[code].label.lower()}: {format_number(value)}" for code, value in stated.items()
        )
        message = WARNING_FIGURE.format(figure=figure.text, expected=expected, detail=detail)
        warnings.append(FigureWarning(figure.text, expected, message))
    return warnings


WARNING_FIGURE = 'Nội dung ghi "{figure}" nhưng ghi chép trong kỳ cho {expected} ({detail}). Hãy sửa lại cho khớp.'
