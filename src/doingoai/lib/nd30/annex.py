"""The NGO-aid annex table (shared/domain-regs.md §4.4(e), a proposal, not a legal form).

``annex`` is a dict: ``{"title": str | None, "rows": [row, ...], "note": str | None}``;
each row may carry the keys of ``COLUMNS`` below (missing keys stay blank). Money
and counts are ints in đồng / people; ``None`` stays blank and ``0`` prints "0",
so that "reported none" stays apart from "did not say".

>>> annex_cells({"donor": "WVI", "country": "Hoa Kỳ", "cash_vnd": 0}, 1)[:2]
['1', 'WVI (Hoa Kỳ)']
"""

from collections.abc import Callable
from dataclasses import dataclass

from doingoai.lib.vn import format_date, format_number, parse_date


def _join(*parts) -> str:
    return "; ".join(str(p).strip() for p in parts if p not in (None, "") and str(p).strip())


def _money(value) -> str:
    return "" if value in (None, "") else format_number(value) if isinstance(value, int | float) else str(value)


def _date(value) -> str:
    if not value:
        return ""
    try:
        return format_date(parse_date(value))
    except ValueError:
        return str(value)


@dataclass(frozen=True)
class Column:
    header: str
    width: float  # share of the table width
    cell: Callable[[dict], str]
    money: bool = False  # summed in the "Tổng cộng" row, right-aligned


COLUMNS: tuple[Column, ...] = (
    Column("Tổ chức, nhà tài trợ (quốc tịch)", 24,
           lambda r: f"{r.get('donor') or ''} ({r['country']})".strip() if r.get("country") else str(r.get("donor") or "")),
    Column("Giấy đăng ký hoạt động (số, ngày, thời hạn)", 17, lambda r: str(r.get("registration") or "")),
    Column("Chương trình, dự án, phi dự án; phương thức", 26, lambda r: _join(r.get("project"), r.get("modality"))),
    Column("Lĩnh vực; địa bàn", 20, lambda r: _join(r.get("sector"), r.get("area"))),
    Column("Quyết định phê duyệt; cơ quan chủ quản; chủ khoản viện trợ", 20,
           lambda r: _join(r.get("approval"), r.get("governing_body"), r.get("aid_owner"))),
    Column("Thời gian thực hiện", 16,
           lambda r: " – ".join(x for x in (_date(r.get("start")), _date(r.get("end"))) if x)),
    Column("Giá trị cam kết", 17, lambda r: _money(r.get("committed"))),
    Column("Tiền mặt tiếp nhận trong kỳ (đồng)", 21, lambda r: _money(r.get("cash_vnd")), money=True),
    Column("Hiện vật tiếp nhận trong kỳ (danh mục; trị giá, đồng)", 28,
           lambda r: _join(r.get("in_kind"), _money(r.get("in_kind_vnd")))),
    Column("Vốn đối ứng (đồng)", 17, lambda r: _money(r.get("counterpart_vnd")), money=True),
    Column("Số người, hộ hưởng lợi", 14, lambda r: _money(r.get("beneficiaries"))),
    Column("Lũy kế từ đầu dự án; so với cùng kỳ", 15, lambda r: _join(r.get("cumulative"), r.get("compare"))),
    Column("Ghi chú", 17, lambda r: str(r.get("note") or "")),
)  # fmt: skip
KEYS_SUMMED = {"Tiền mặt tiếp nhận trong kỳ (đồng)": "cash_vnd", "Vốn đối ứng (đồng)": "counterpart_vnd"}
STT_WIDTH = 10
HEADERS = ("STT", *(c.header for c in COLUMNS))


def annex_widths(total_mm: float) -> list[float]:
    shares = [STT_WIDTH, *(c.width for c in COLUMNS)]
    return [total_mm * s / sum(shares) for s in shares]


def annex_cells(row: dict, index: int) -> list[str]:
    return [str(index), *(c.cell(row) for c in COLUMNS)]


def annex_total(rows: list[dict]) -> list[str]:
    """The "Tổng cộng" row: sums of the money columns where at least one row states a value."""
    cells = ["", "Tổng cộng"] + [""] * (len(COLUMNS) - 1)
    for position, column in enumerate(COLUMNS, start=1):
        key = KEYS_SUMMED.get(column.header)
        values = [r.get(key) for r in rows if isinstance(r.get(key), int)] if key else []
        if values:
            cells[position] = format_number(sum(values))
    return cells
