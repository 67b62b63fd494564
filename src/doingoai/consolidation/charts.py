"""Charts drawn on the server as SVG: no JavaScript, no chart library, nothing fetched from elsewhere.

A commune office may be on a slow line, and a screen reader must read the chart:
each chart is an ``<svg role="img">`` with its ``<title>`` and ``<desc>``, every
bar carries a text label and its own ``<title>``, and the three states of a
figure are drawn differently (a bar for a number, a tick for an explicit zero,
a dotted line for "không nêu"). Geometry is in percent of the width and text in
pixels, so the same chart reads at 360 px and on a desktop. The tree is built
with ElementTree, which escapes every label.

>>> svg = bars_svg(chart_id="c", title="Đoàn ra", desc="Theo xã", bars=[Bar("Xã A", 3), Bar("Xã B", 0)], unit="đoàn")
>>> [t.text for t in ET.fromstring(svg).iter(f"{{{SVG_NS}}}text") if "label" in t.get("class")]
['Xã A', 'Xã B']
"""

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from doingoai.lib.vn import format_number, format_vnd

SVG_NS = "http://www.w3.org/2000/svg"
ET.register_namespace("", SVG_NS)

NOT_REPORTED = "Không nêu"
ZERO = "0 (không phát sinh)"
NUMBER_FILL, BEFORE_FILL, INK, MUTED = "#0b5cad", "#8fb8e3", "#1b1f24", "#5b6470"

# Above this many silent units the bar chart names them in one line: the table below lists them all.
MISSING_ROWS_SHOWN = 8

_LABEL_SIZE, _VALUE_SIZE = 13, 12
_BAR_HEIGHT, _ROW_GAP, _NOTE_HEIGHT = 16, 10, 15
# A value is written after its bar while the bar is short, inside it once it is long (so it never runs off).
_INSIDE_FROM = 60.0


@dataclass(frozen=True)
class Bar:
    label: str
    value: int | None  # None: not reported
    note: str = ""  # shown after the value, e.g. "ước"


@dataclass(frozen=True)
class Pair:
    label: str
    now: int | None
    before: int | None
    note: str = ""  # e.g. the change, "tăng 1 (+50%)"


def value_text(value: int | None, *, unit: str = "", money: bool = False) -> str:
    """How a figure reads: "3 đoàn", "850.000.000 đồng", "0 (không phát sinh)", "Không nêu"."""
    if value is None:
        return NOT_REPORTED
    if value == 0:
        return ZERO
    if money:
        return format_vnd(value)
    return f"{format_number(value)} {unit}".strip()


def sorted_bars(bars: list[Bar]) -> list[Bar]:
    """Largest first, then the explicit zeros, then the silent units; names in order within each."""
    return sorted(bars, key=lambda b: (b.value is None, -(b.value or 0), b.label))


def bars_svg(
    *,
    chart_id: str,
    title: str,
    desc: str,
    bars: list[Bar],
    unit: str = "",
    money: bool = False,
    missing_word: str = "đơn vị",
    missing_rows_shown: int = MISSING_ROWS_SHOWN,
) -> str:
    """A horizontal bar per unit, sorted; zeros and silence drawn apart from numbers.

    When more than ``missing_rows_shown`` units are silent they take one row ("81 xã, phường không nêu").
    """
    bars = sorted_bars(bars)
    missing = [b for b in bars if b.value is None]
    shown = [b for b in bars if b.value is not None]
    if len(missing) > missing_rows_shown:
        shown.append(Bar(f"{format_number(len(missing))} {missing_word} không nêu", None))
    else:
        shown.extend(missing)
    top = max((b.value for b in shown if b.value), default=0)
    svg, y = _svg(chart_id, title, desc, rows=len(shown), bars_per_row=1)
    for bar in shown:
        group = _group(svg, bar.value, f"{bar.label}: {_with_note(value_text(bar.value, unit=unit, money=money), bar)}")
        _label(group, y, bar.label)
        _bar(group, y + _LABEL_SIZE + 4, bar.value, top, value_text(bar.value, unit=unit, money=money), bar.note)
        y += _row_height(1)
    return ET.tostring(svg, encoding="unicode")


def paired_bars_svg(
    *,
    chart_id: str,
    title: str,
    desc: str,
    pairs: list[Pair],
    now_label: str,
    before_label: str,
    unit: str = "",
    money: bool = False,
    units: list[str] | None = None,
    moneys: list[bool] | None = None,
    own_scale: bool = False,
) -> str:
    """Two bars per row: this period (dark) above the same period of last year (light).

    With ``own_scale`` each row is drawn against its own largest value (the indicators of an area count
    different things: đoàn, người, đồng), and ``units``/``moneys`` give each row's unit word.
    """
    legend_height = _LABEL_SIZE + 10
    notes = sum(1 for p in pairs if p.note) * _NOTE_HEIGHT
    svg, y = _svg(chart_id, title, desc, rows=len(pairs), bars_per_row=2, extra=legend_height + notes)
    _legend(svg, y, now_label, before_label)
    y += legend_height
    shared_top = max((v for p in pairs for v in (p.now, p.before) if v), default=0)
    for index, pair in enumerate(pairs):
        row_unit = units[index] if units else unit
        row_money = moneys[index] if moneys else money
        top = max((v for v in (pair.now, pair.before) if v), default=0) if own_scale else shared_top
        now_text = value_text(pair.now, unit=row_unit, money=row_money)
        before_text = value_text(pair.before, unit=row_unit, money=row_money)
        spoken = f"{pair.label}: {now_label} {now_text}; {before_label} {before_text}"
        group = _group(svg, pair.now, spoken + (f"; {pair.note}" if pair.note else ""))
        _label(group, y, pair.label)
        if pair.note:  # on a line of its own: beside a long label it would run off a phone's width
            y += _NOTE_HEIGHT
            _note(group, y, pair.note)
        bar_y = y + _LABEL_SIZE + 4
        _bar(group, bar_y, pair.now, top, now_text, css="now")
        _bar(group, bar_y + _BAR_HEIGHT + 3, pair.before, top, before_text, css="before", fill=BEFORE_FILL)
        y += _row_height(2)
    return ET.tostring(svg, encoding="unicode")


def _row_height(bars_per_row: int) -> int:
    return _LABEL_SIZE + 4 + bars_per_row * (_BAR_HEIGHT + 3) + _ROW_GAP


def _svg(chart_id: str, title: str, desc: str, *, rows: int, bars_per_row: int, extra: int = 0):
    height = max(1, rows) * _row_height(bars_per_row) + extra + 4
    svg = ET.Element(
        f"{{{SVG_NS}}}svg",
        {
            "width": "100%",
            "height": str(height),
            "role": "img",
            "aria-labelledby": f"{chart_id}-title {chart_id}-desc",
            "class": "chart",
            "id": chart_id,
            "font-family": "system-ui, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif",
        },
    )
    ET.SubElement(svg, f"{{{SVG_NS}}}title", {"id": f"{chart_id}-title"}).text = title
    ET.SubElement(svg, f"{{{SVG_NS}}}desc", {"id": f"{chart_id}-desc"}).text = desc
    return svg, 2


def _group(svg, value: int | None, spoken: str):
    state = "missing" if value is None else ("zero" if value == 0 else "number")
    group = ET.SubElement(svg, f"{{{SVG_NS}}}g", {"class": f"row {state}"})
    ET.SubElement(group, f"{{{SVG_NS}}}title").text = spoken
    return group


def _label(group, y: int, text: str) -> None:
    label = ET.SubElement(
        group,
        f"{{{SVG_NS}}}text",
        {"x": "0", "y": str(y + _LABEL_SIZE), "class": "label", "font-size": str(_LABEL_SIZE), "fill": INK},
    )
    label.text = text


def _note(group, y: int, text: str) -> None:
    note = ET.SubElement(
        group,
        f"{{{SVG_NS}}}text",
        {"x": "0", "y": str(y + _LABEL_SIZE), "class": "note", "font-size": str(_VALUE_SIZE), "fill": MUTED},
    )
    note.text = text


def _bar(group, y: int, value: int | None, top: int, text: str, note: str = "", *, css="", fill=NUMBER_FILL):
    """One bar, or the tick of an explicit zero, or the dotted line of silence; its value written beside."""
    middle = y + _BAR_HEIGHT / 2
    classes = f"{css} " if css else ""
    if value is None:
        ET.SubElement(
            group,
            f"{{{SVG_NS}}}line",
            {
                "x1": "0",
                "x2": "100%",
                "y1": str(middle),
                "y2": str(middle),
                "class": f"{classes}missing",
                "stroke": MUTED,
                "stroke-width": "1",
                "stroke-dasharray": "3 4",
            },
        )
        _value(group, "0", middle, text, css=f"{classes}value missing", italic=True, background=True)
        return
    if value == 0:
        ET.SubElement(
            group,
            f"{{{SVG_NS}}}rect",
            {"x": "0", "y": str(y), "width": "3", "height": str(_BAR_HEIGHT), "class": f"{classes}zero", "fill": INK},
        )
        _value(group, "0", middle, text, css=f"{classes}value zero", dx=8)
        return
    share = 100.0 * value / top if top else 0.0
    width = max(share, 0.5)  # the smallest number still shows a sliver
    ET.SubElement(
        group,
        f"{{{SVG_NS}}}rect",
        {
            "x": "0",
            "y": str(y),
            "width": f"{width:.2f}%",
            "height": str(_BAR_HEIGHT),
            "class": f"{classes}bar",
            "fill": fill,
        },
    )
    shown = f"{text} {note}".strip()
    if width >= _INSIDE_FROM:
        fill_text = "#fff" if fill == NUMBER_FILL else INK
        _value(group, f"{width:.2f}%", middle, shown, css=f"{classes}value", dx=-6, anchor="end", fill=fill_text)
    else:
        _value(group, f"{width:.2f}%", middle, shown, css=f"{classes}value", dx=6)


def _value(group, x, middle, text, *, css, dx=0, anchor="start", fill=INK, italic=False, background=False):
    attributes = {
        "x": x,
        "y": f"{middle + _VALUE_SIZE / 2 - 2:.1f}",
        "class": css,
        "font-size": str(_VALUE_SIZE),
        "fill": MUTED if italic else fill,
        "text-anchor": anchor,
    }
    if dx:
        attributes["dx"] = str(dx)
    if italic:
        attributes["font-style"] = "italic"
    if background:  # a white halo so the words read over the dotted line
        attributes.update({"paint-order": "stroke", "stroke": "#fff", "stroke-width": "4", "dx": "2"})
    ET.SubElement(group, f"{{{SVG_NS}}}text", attributes).text = text


def _legend(svg, y: int, now_label: str, before_label: str) -> None:
    legend = ET.SubElement(svg, f"{{{SVG_NS}}}g", {"class": "legend"})
    for offset, (label, fill, css) in enumerate(
        ((now_label, NUMBER_FILL, "now"), (before_label, BEFORE_FILL, "before"))
    ):
        x = f"{offset * 50}%"
        ET.SubElement(
            legend,
            f"{{{SVG_NS}}}rect",
            {"x": x, "y": str(y + 2), "width": "12", "height": "12", "fill": fill, "class": f"key {css}"},
        )
        text = ET.SubElement(
            legend,
            f"{{{SVG_NS}}}text",
            {"x": x, "dx": "16", "y": str(y + 12), "font-size": str(_VALUE_SIZE), "fill": INK, "class": f"key {css}"},
        )
        text.text = label


def _with_note(text: str, bar: Bar) -> str:
    return f"{text} ({bar.note})" if bar.note else text
