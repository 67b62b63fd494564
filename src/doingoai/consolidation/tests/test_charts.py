"""The SVG charts, read back as XML: bars, labels, the three states, accessibility, escaping."""

import doctest
import xml.etree.ElementTree as ET

from doingoai.consolidation import charts
from doingoai.consolidation.charts import NOT_REPORTED, SVG_NS, ZERO, Bar, Pair, bars_svg, paired_bars_svg

NS = {"s": SVG_NS}


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def _labels(root) -> list[str]:
    return [t.text for t in root.iterfind(".//s:text[@class='label']", NS)]


def _values(root) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{{{SVG_NS}}}text") if "value" in t.get("class", "").split()]


def _bar_widths(root) -> list[float]:
    return [
        float(r.get("width").rstrip("%")) for r in root.iterfind(".//s:rect", NS) if "bar" in r.get("class").split()
    ]


def test_bars_are_sorted_largest_first_then_zeros_then_silence():
    svg = bars_svg(
        chart_id="c",
        title="Đoàn ra",
        desc="Theo xã",
        unit="đoàn",
        bars=[Bar("Xã An", 1), Bar("Xã Bình", None), Bar("Xã Chợ", 0), Bar("Xã Đông", 4)],
    )
    root = _parse(svg)
    assert _labels(root) == ["Xã Đông", "Xã An", "Xã Chợ", "Xã Bình"]
    assert _values(root) == ["4 đoàn", "1 đoàn", ZERO, NOT_REPORTED]
    assert _bar_widths(root) == [100.0, 25.0]


def test_a_zero_and_a_silence_are_drawn_apart_from_numbers():
    root = _parse(bars_svg(chart_id="c", title="t", desc="d", bars=[Bar("A", 2), Bar("B", 0), Bar("C", None)]))
    rows = root.findall("s:g", NS)
    assert [r.get("class") for r in rows] == ["row number", "row zero", "row missing"]
    assert rows[0].find("s:rect", NS).get("class") == "bar"
    assert rows[1].find("s:rect", NS).get("class") == "zero" and rows[1].find("s:line", NS) is None
    assert rows[2].find("s:rect", NS) is None and rows[2].find("s:line", NS).get("stroke-dasharray")


def test_a_chart_names_itself_for_screen_readers_and_every_bar_has_a_title():
    root = _parse(
        bars_svg(chart_id="ind-1", title="Đoàn ra theo xã", desc="Mô tả", bars=[Bar("Xã An", 2)], unit="đoàn")
    )
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "ind-1-title ind-1-desc"
    assert root.find("s:title", NS).text == "Đoàn ra theo xã" and root.find("s:title", NS).get("id") == "ind-1-title"
    assert root.find("s:desc", NS).text == "Mô tả"
    assert root.find("s:g/s:title", NS).text == "Xã An: 2 đoàn"


def test_every_label_is_escaped():
    hostile = 'Xã <script>alert("x")</script> & "A"'
    svg = bars_svg(chart_id="c", title="<b>t</b>", desc="a & b", bars=[Bar(hostile, 1)])
    assert "<script>" not in svg and "<b>" not in svg
    root = _parse(svg)
    assert _labels(root) == [hostile]
    assert root.find("s:title", NS).text == "<b>t</b>"


def test_money_reads_in_dong_and_numbers_the_vietnamese_way():
    root = _parse(bars_svg(chart_id="c", title="t", desc="d", money=True, bars=[Bar("A", 1_250_000_000)]))
    assert _values(root) == ["1.250.000.000 đồng"]


def test_many_silent_units_take_one_row():
    bars = [Bar("Xã có số", 5)] + [Bar(f"Xã {i}", None) for i in range(20)]
    root = _parse(bars_svg(chart_id="c", title="t", desc="d", bars=bars, missing_word="xã, phường"))
    assert _labels(root) == ["Xã có số", "20 xã, phường không nêu"]
    few = _parse(bars_svg(chart_id="c", title="t", desc="d", bars=bars[:4]))
    assert len(_labels(few)) == 4


def test_a_long_bar_carries_its_value_inside_a_short_one_after_it():
    root = _parse(bars_svg(chart_id="c", title="t", desc="d", bars=[Bar("A", 10), Bar("B", 1)]))
    long_value, short_value = (t for t in root.iter(f"{{{SVG_NS}}}text") if t.get("class") == "value")
    assert long_value.get("text-anchor") == "end" and long_value.get("fill") == "#fff"
    assert short_value.get("text-anchor") == "start"


def test_paired_bars_show_this_period_above_last_year_with_a_legend():
    svg = paired_bars_svg(
        chart_id="p",
        title="So với cùng kỳ",
        desc="d",
        now_label="6 tháng đầu năm 2026",
        before_label="6 tháng đầu năm 2025",
        unit="đoàn",
        pairs=[Pair("Xã An", 3, 2, "tăng 1 (+50%)"), Pair("Xã Bình", None, 4)],
    )
    root = _parse(svg)
    assert [t.text for t in root.iterfind(".//s:g[@class='legend']/s:text", NS)] == [
        "6 tháng đầu năm 2026",
        "6 tháng đầu năm 2025",
    ]
    first, second = root.findall("s:g[@class]", NS)[1:]
    assert [r.get("class") for r in first.findall("s:rect", NS)] == ["now bar", "before bar"]
    assert [float(r.get("width").rstrip("%")) for r in first.findall("s:rect", NS)] == [75.0, 50.0]
    assert first.find("s:text[@class='note']", NS).text == "tăng 1 (+50%)"
    assert second.find("s:text[@class='note']", NS) is None
    lowest = max(float(t.get("y")) for t in root.iter(f"{{{SVG_NS}}}text"))
    assert lowest < float(root.get("height"))  # nothing drawn below the chart's own height
    assert second.find("s:line", NS).get("class") == "now missing"
    assert "Xã Bình: 6 tháng đầu năm 2026 Không nêu; 6 tháng đầu năm 2025 4 đoàn" == second.find("s:title", NS).text


def test_paired_bars_of_an_area_each_take_their_own_scale_and_unit():
    svg = paired_bars_svg(
        chart_id="p",
        title="t",
        desc="d",
        now_label="2026",
        before_label="2025",
        own_scale=True,
        units=["dự án", "đồng"],
        moneys=[False, True],
        pairs=[Pair("Dự án", 2, 4), Pair("Giá trị", 900_000_000, 300_000_000)],
    )
    root = _parse(svg)
    assert _bar_widths(root) == [50.0, 100.0, 100.0, 33.33]
    assert _values(root) == ["2 dự án", "4 dự án", "900.000.000 đồng", "300.000.000 đồng"]


def test_the_module_docstring_example_holds():
    assert doctest.testmod(charts).failed == 0
