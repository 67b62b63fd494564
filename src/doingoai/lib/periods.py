"""Reporting periods: a year, a half or a quarter, with its data window.

Written ``2025``, ``2026H1``, ``2026H2``, ``2026Q3`` on the CLI and the API;
"Năm 2025", "6 tháng đầu năm 2026", "Quý III năm 2026" on screen.

The data window follows Nghị định 09/2019 (see shared/domain.md): a year runs
15/12 of the previous year to 14/12; the first half 15/12 → 14/6; the second
half 15/6 → 14/12; a quarter from the 15th of the month before it to the 14th
of its last month. A province's request may replace the window with its own.
"""

import datetime as dt
import re
from dataclasses import dataclass

ERROR_PERIOD = "Kỳ báo cáo không hợp lệ: hãy viết 2025, 2026H1, 2026H2 hoặc 2026Q3."

YEAR, HALF, QUARTER = "year", "half", "quarter"
KINDS = (
    (YEAR, "Năm"),
    (HALF, "6 tháng"),
    (QUARTER, "Quý"),
)
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_CODE = re.compile(r"^\s*(\d{4})\s*(?:([HhQq])\s*([1-4]))?\s*$")


def _day_before(year: int, month: int) -> dt.date:
    """The 14th of a month: the last day of a window."""
    return dt.date(year, month, 14)


def _window_start(year: int, month: int) -> dt.date:
    """The 15th of the month before ``month`` of ``year`` (December of the year before for January)."""
    if month == 1:
        return dt.date(year - 1, 12, 15)
    return dt.date(year, month - 1, 15)


@dataclass(frozen=True, order=True)
class Period:
    year: int
    kind: str = YEAR
    index: int | None = None

    def __post_init__(self):
        valid = (
            (self.kind == YEAR and self.index is None)
            or (self.kind == HALF and self.index in (1, 2))
            or (self.kind == QUARTER and self.index in (1, 2, 3, 4))
        )
        if not valid or not 1990 <= self.year <= 2100:
            raise ValueError(ERROR_PERIOD)

    @classmethod
    def parse(cls, code: "str | Period") -> "Period":
        """``"2026H1"`` → Period(2026, "half", 1)."""
        if isinstance(code, Period):
            return code
        match = _CODE.match(str(code))
        if not match:
            raise ValueError(ERROR_PERIOD)
        year, letter, index = match.groups()
        if not letter:
            return cls(int(year))
        kind = HALF if letter.upper() == "H" else QUARTER
        return cls(int(year), kind, int(index))

    @classmethod
    def from_contract(cls, data: dict) -> "Period":
        """From the JSON contract: ``{"kind": "half", "year": 2026, "index": 1}``."""
        return cls(int(data["year"]), data["kind"], data.get("index"))

    @classmethod
    def containing(cls, day: dt.date, kind: str = HALF) -> "Period":
        """The period of ``kind`` whose data window contains ``day``."""
        year = day.year + 1 if (day.month, day.day) >= (12, 15) else day.year
        if kind == YEAR:
            return cls(year)
        if kind == HALF:
            in_first = year != day.year or (day.month, day.day) < (6, 15)
            return cls(year, HALF, 1 if in_first else 2)
        for index in (1, 2, 3, 4):
            candidate = cls(year, QUARTER, index)
            start, end = candidate.window
            if start <= day <= end:
                return candidate
        raise AssertionError("every day falls in a quarter window")

    @property
    def code(self) -> str:
        if self.kind == YEAR:
            return str(self.year)
        return f"{self.year}{'H' if self.kind == HALF else 'Q'}{self.index}"

    @property
    def label(self) -> str:
        if self.kind == YEAR:
            return f"Năm {self.year}"
        if self.kind == HALF:
            part = "đầu" if self.index == 1 else "cuối"
            return f"6 tháng {part} năm {self.year}"
        return f"Quý {_ROMAN[self.index]} năm {self.year}"

    @property
    def phrase(self) -> str:
        """The label as it runs inside a sentence: "năm 2025", "6 tháng đầu năm 2026"."""
        return self.label[0].lower() + self.label[1:] if self.kind != HALF else self.label

    @property
    def window(self) -> tuple[dt.date, dt.date]:
        """The data window (first day, last day), both inclusive."""
        if self.kind == YEAR:
            return _window_start(self.year, 1), _day_before(self.year, 12)
        if self.kind == HALF:
            if self.index == 1:
                return _window_start(self.year, 1), _day_before(self.year, 6)
            return _window_start(self.year, 7), _day_before(self.year, 12)
        first_month = 3 * (self.index - 1) + 1
        return _window_start(self.year, first_month), _day_before(self.year, first_month + 2)

    @property
    def calendar(self) -> tuple[dt.date, dt.date]:
        """Calendar months of the period, as NGO-aid financial reports use."""
        if self.kind == YEAR:
            return dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)
        months = 6 if self.kind == HALF else 3
        first = (self.index - 1) * months + 1
        last = first + months - 1
        end = dt.date(self.year + (last == 12), last % 12 + 1, 1) - dt.timedelta(days=1)
        return dt.date(self.year, first, 1), end

    def same_period_last_year(self) -> "Period":
        return Period(self.year - 1, self.kind, self.index)

    def next(self) -> "Period":
        if self.kind == YEAR:
            return Period(self.year + 1)
        last = 2 if self.kind == HALF else 4
        if self.index == last:
            return Period(self.year + 1, self.kind, 1)
        return Period(self.year, self.kind, self.index + 1)

    def previous(self) -> "Period":
        if self.kind == YEAR:
            return Period(self.year - 1)
        last = 2 if self.kind == HALF else 4
        if self.index == 1:
            return Period(self.year - 1, self.kind, last)
        return Period(self.year, self.kind, self.index - 1)

    def tilings(self) -> list[tuple["Period", ...]]:
        """The ways shorter periods cover this one's data window exactly: a year by its halves or its
        quarters, a half by its two quarters.

        >>> [[p.code for p in tiling] for tiling in Period(2025).tilings()]
        [['2025H1', '2025H2'], ['2025Q1', '2025Q2', '2025Q3', '2025Q4']]
        """
        if self.kind == YEAR:
            halves = (Period(self.year, HALF, 1), Period(self.year, HALF, 2))
            return [halves, tuple(Period(self.year, QUARTER, i) for i in (1, 2, 3, 4))]
        if self.kind == HALF:
            first = 2 * self.index - 1
            return [(Period(self.year, QUARTER, first), Period(self.year, QUARTER, first + 1))]
        return []

    def to_contract(self) -> dict:
        return {"kind": self.kind, "year": self.year, "index": self.index}

    def __str__(self) -> str:
        return self.code


def recent_periods(today: dt.date, count: int = 6) -> list[Period]:
    """Periods an officer is likely to pick, newest first: halves and years around today."""
    half = Period.containing(today, HALF)
    year = Period.containing(today, YEAR)
    periods: list[Period] = []
    for _ in range(count // 2):
        periods.append(half)
        half = half.previous()
    for _ in range(count - len(periods)):
        periods.append(year)
        year = year.previous()
    return sorted(set(periods), key=lambda p: (p.window[1], p.kind != YEAR), reverse=True)
