"""Outlines (đề cương): which sections a report has, their headings, levels and order.

The default outline is declared once, here, from the catalogue of sections
(lib/catalogues.SECTIONS, in the canonical order of shared/domain.md) in the
shape seeds 000, 002 and 004 share:

    I.   situation
    II.  direction
    III. results of the period (a group heading) with 1..n topics
    IV.  difficulties and causes (a group heading) with 1. difficulties, 2. causes
    V.   plans for the next period
    VI.  recommendations

An item is ``{"code", "heading", "level", "group": bool, "border_only": bool}``.
Headings carry no number (the renderer and the page number them in sequence,
lib/nd30/outline.py) and may use ``{period}`` and ``{next_period}``:

>>> [(i["level"], i["heading"]) for i in outline_items(None)][:3]
[(1, 'Đặc điểm tình hình'), (1, 'Công tác chỉ đạo, điều hành'), (1, 'Kết quả triển khai công tác đối ngoại {period}')]
"""

from doingoai.lib.catalogues import SECTIONS, SECTIONS_BY_CODE
from doingoai.lib.periods import Period

DEFAULT_NAME = "Đề cương mặc định (theo hướng dẫn chung)"
# Topics of the catalogue a commune report leaves out unless a province asks for them:
# a commune rarely has party or state diplomacy of its own, the overall assessment is
# one paragraph of the situation, and "other" is a reader's fallback, not a topic.
NOT_BY_DEFAULT = {"assessment", "party_diplomacy", "state_diplomacy", "other"}
BORDER_ONLY = {"border_affairs"}  # only communes on a border (Luật Thỏa thuận quốc tế 2020)
RESULTS_HEADING = "Kết quả triển khai công tác đối ngoại {period}"
OUTLOOK_HEADING = "Khó khăn, vướng mắc và nguyên nhân"
# Heading overrides where the catalogue label alone reads oddly in a report.
HEADINGS = {
    "plans": "Phương hướng, nhiệm vụ công tác đối ngoại {next_period}",
    "recommendations": "Đề xuất, kiến nghị",
}

ERROR_OUTLINE_EMPTY = "Đề cương phải có ít nhất một mục có nội dung."
ERROR_OUTLINE_HEADING = "Mục {code} chưa có đề mục."
ERROR_OUTLINE_CODE = "Mã mục không hợp lệ: {code}."
ERROR_OUTLINE_LEVEL = "Cấp của mục phải là 1, 2 hoặc 3."


def _item(code: str, heading: str, level: int, *, group: bool = False) -> dict:
    return {"code": code, "heading": heading, "level": level, "group": group, "border_only": code in BORDER_ONLY}


def default_items() -> list[dict]:
    """The default outline, derived from the catalogue (see the module docstring)."""
    frame = [s for s in SECTIONS if s.group == "frame" and s.code not in NOT_BY_DEFAULT]
    results = [s for s in SECTIONS if s.group == "results" and s.code not in NOT_BY_DEFAULT]
    outlook = [s for s in SECTIONS if s.group == "outlook"]
    items = [_item(s.code, HEADINGS.get(s.code, s.label), 1) for s in frame]
    items.append(_item("other", RESULTS_HEADING, 1, group=True))
    items += [_item(s.code, HEADINGS.get(s.code, s.label), 2) for s in results]
    items.append(_item("other", OUTLOOK_HEADING, 1, group=True))
    items += [_item(s.code, HEADINGS.get(s.code, s.label), 2) for s in outlook if s.code in ("difficulties", "causes")]
    items += [
        _item(s.code, HEADINGS.get(s.code, s.label), 1) for s in outlook if s.code not in ("difficulties", "causes")
    ]
    return items


DEFAULT_ITEMS: tuple[dict, ...] = tuple(default_items())


def outline_items(outline) -> list[dict]:
    """The items of an Outline row, or of the default outline for None."""
    if outline is None or not outline.items:
        return [dict(item) for item in DEFAULT_ITEMS]
    return [dict(item) for item in outline.items]


def heading_text(heading: str, period: Period) -> str:
    """ "Phương hướng, nhiệm vụ công tác đối ngoại {next_period}" → "... 6 tháng cuối năm 2026"."""
    return heading.replace("{period}", period.phrase).replace("{next_period}", period.next().phrase)


def items_for_unit(items: list[dict], *, unit) -> list[dict]:
    """The items that apply to a unit: topics for border communes only are left out elsewhere."""
    return [item for item in items if not (item.get("border_only") and not unit.is_border)]


def outline_validate(items: list[dict]) -> list[dict]:
    """Clean items typed in the outline editor; raises ValueError with a Vietnamese message."""
    cleaned = []
    for item in items:
        code = item.get("code") or "other"
        if code not in SECTIONS_BY_CODE:
            raise ValueError(ERROR_OUTLINE_CODE.format(code=code))
        heading = " ".join(str(item.get("heading") or "").split())
        if not heading:
            raise ValueError(ERROR_OUTLINE_HEADING.format(code=SECTIONS_BY_CODE[code].label))
        try:
            level = int(item.get("level") or 1)
        except (TypeError, ValueError):
            raise ValueError(ERROR_OUTLINE_LEVEL) from None
        if level not in (1, 2, 3):
            raise ValueError(ERROR_OUTLINE_LEVEL)
        cleaned.append(
            {**_item(code, heading, level, group=bool(item.get("group"))), "border_only": code in BORDER_ONLY}
        )
    if not any(not item["group"] for item in cleaned):
        raise ValueError(ERROR_OUTLINE_EMPTY)
    return cleaned
