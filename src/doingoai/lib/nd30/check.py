"""Check a .docx against the ND30 checklist (shared/nd30-format.md §10).

Written apart from the renderer on purpose: it imports nothing from it, keeps
its own table of the allowed ranges, and reads any Word file the way Word does
(run → character style → paragraph style → table style → document defaults).
It measures what the structure of the file shows; the lengths of drawn rules
are compared with an *estimate* of the text width (Times New Roman widths by
letter class), so those findings are warnings, as the checklist asks.

>>> [f.rule for f in check_docx(b"not a docx")]
['DOCX']
"""

import io
import re
import unicodedata
import zipfile
from collections import Counter
from dataclasses import dataclass

import docx
from docx.oxml.ns import qn

from doingoai.lib.ooxml import StyleSheet, is_on

ERROR, WARNING = "error", "warning"
FONT = "Times New Roman"
EMU_PER_MM = 36000
TWIPS_PER_MM = 1440 / 25.4
MM_TOLERANCE = 0.3

# rule id → (what it asks, source), in checklist order (nd30-format.md §10).
RULES: dict[str, tuple[str, str]] = {
    "DOCX": ("Tệp .docx đọc được", "—"),
    "P1": ("Khổ giấy A4 (210 × 297 mm), trang dọc", "PL I §I.1–2"),
    "P2": ("Lề trên 20–25 mm", "PL I §I.3"),
    "P3": ("Lề dưới 20–25 mm", "PL I §I.3"),
    "P4": ("Lề trái 30–35 mm", "PL I §I.3"),
    "P5": ("Lề phải 15–20 mm", "PL I §I.3"),
    "F1": ("Phông chữ Times New Roman", "PL I §I.4"),
    "F2": ("Chữ màu đen", "PL I §I.4"),
    "N1": ("Số trang: trường PAGE ở đầu trang (không ở chân trang), căn giữa, cỡ 13–14, chữ đứng", "PL I §I.7"),
    "N2": ("Không hiện số trang ở trang đầu", "PL I §I.7"),
    "H0": ("Bảng phần đầu văn bản không kẻ viền", "Mẫu 1.4 PL III"),
    "H1": ("Quốc hiệu: in hoa, cỡ 12–13, đậm, đứng, căn giữa, ở cột phải", "PL I §II.1.a"),
    "H2": (
        'Tiêu ngữ: "Độc lập - Tự do - Hạnh phúc", cỡ 13–14, đậm, đứng, căn giữa, ngay dưới Quốc hiệu',
        "PL I §II.1.b",
    ),
    "H3": ("Đường kẻ dưới Tiêu ngữ, dài bằng dòng Tiêu ngữ", "PL I §II.1.b"),
    "H4": ("Tên cơ quan ban hành: in hoa, cỡ 12–13, đậm, căn giữa, ở cột trái", "PL I §II.2.b"),
    "H5": ("Tên cơ quan chủ quản: in hoa, cỡ 12–13, không đậm", "PL I §II.2.b"),
    "H6": ("Đường kẻ dưới tên cơ quan ban hành, dài 1/3–1/2 dòng chữ", "PL I §II.2.b"),
    "H7": ('Số, ký hiệu: "Số: 05/BC-UBND", cỡ 13, đứng, không đậm, căn giữa dưới tên cơ quan', "PL I §II.3.c"),
    "H8": ("Số nhỏ hơn 10 ghi thêm số 0 phía trước", "PL I §II.3.a, §II.3.c"),
    "H9": ("Ký hiệu có chữ viết tắt tên loại BC, không có dấu cách", "PL I §II.3.b–c; PL III"),
    "D1": (
        'Địa danh, ngày tháng: "Nơi, ngày … tháng … năm …", nghiêng, cỡ 13–14, căn giữa, cùng hàng với số ký hiệu',
        "PL I §II.4.b–c",
    ),
    "D2": ("Ngày dưới 10 và tháng 1, 2 ghi thêm số 0; tháng 3–12 không", "PL I §II.4.b"),
    "T1": ('Tên loại "BÁO CÁO": in hoa, cỡ 13–14, đậm, căn giữa, ngoài bảng phần đầu', "PL I §II.5.b"),
    "T2": ("Trích yếu ngay dưới tên loại: chữ thường, cỡ 13–14, đậm, căn giữa", "PL I §II.5.b"),
    "T3": ("Đường kẻ dưới trích yếu, dài 1/3–1/2 dòng chữ", "PL I §II.5.b"),
    "B1": ("Thân bài: cỡ 13–14, chữ đứng, căn đều hai bên", "PL I §II.6.e"),
    "B2": ("Thân bài: lùi đầu dòng 10 mm hoặc 12,7 mm", "PL I §II.6.e"),
    "B3": ("Thân bài: khoảng cách giữa các đoạn ít nhất 6 pt", "PL I §II.6.e"),
    "B4": ("Thân bài: giãn dòng từ dòng đơn đến 1,5 dòng", "PL I §II.6.e"),
    "C1": ('Tiêu đề mục "I.": số La Mã, in hoa, cỡ 13–14, đậm, đứng', "Mục V 6.b"),
    "C2": ('Tiêu đề khoản "1.": cỡ 13–14, đậm, đứng, không in hoa toàn bộ', "Mục V 6.b"),
    "C3": ('Điểm "a)": chữ cái và dấu ")", cỡ như thân bài, đứng, không đậm', "PL I §II.6.đ; Mục V 6.b"),
    "C4": ("Số thứ tự mục, khoản, điểm liên tục (điểm theo thứ tự chữ cái tiếng Việt)", "PL I §II.6.c"),
    "S1": ("Quyền hạn, chức vụ người ký: in hoa, cỡ 13–14, đậm; TM./KT./Q./TL./TUQ.", "PL I §II.7.b, §II.7.đ"),
    "S2": ("UBND làm việc theo chế độ tập thể: TM. ỦY BAN NHÂN DÂN (KT. CHỦ TỊCH)", "Điều 13.2; Mục V row 7"),
    "S3": ("Họ tên người ký: chữ thường, cỡ 13–14, đậm, căn giữa, không ghi học hàm, học vị", "PL I §II.7.c–đ"),
    "R1": ('"Nơi nhận:": cỡ 12, đậm, nghiêng, cột trái, ngang hàng quyền hạn người ký', "PL I §II.9.d"),
    "R2": ('Các dòng nơi nhận: cỡ 11, đứng, không đậm, bắt đầu "- ", kết thúc ";"', "PL I §II.9.d"),
    "R3": ('Dòng cuối nơi nhận: "- Lưu: VT, …." kết thúc bằng dấu chấm', "PL I §II.9.d"),
    "R4": ('"Kính gửi": cỡ 13–14, đứng; nơi nhận bắt đầu bằng "- Như trên;"', "PL I §II.9.b, §II.9.d"),
    "A1": ('Phụ lục: "Phụ lục" cỡ 14 đậm; tên phụ lục in hoa đậm; "(Kèm theo …)" nghiêng', "PL I §III.1.b–c"),
    "A2": ("Phụ lục đánh số trang riêng", "PL I §III.1.đ"),
    "X1": ("Ký hiệu người soạn thảo, số bản: in hoa, cỡ 11, đứng", "PL I §III.3"),
}
_ORDER = {rule: position for position, rule in enumerate(RULES)}


@dataclass(frozen=True)
class Finding:
    """One rule not met: which rule, what was measured, where."""

    rule: str
    severity: str
    message: str
    where: str = ""

    @property
    def title(self) -> str:
        return RULES.get(self.rule, ("", ""))[0]

    @property
    def source(self) -> str:
        return RULES.get(self.rule, ("", ""))[1]

    def __str__(self) -> str:
        where = f" ({self.where})" if self.where else ""
        return f"[{self.rule}] {self.title}: {self.message}{where}"


# --------------------------------------------------------------------------- reading


@dataclass
class Run:
    text: str
    fonts: tuple[str, str]  # resolved ascii, hAnsi ("theme:minorHAnsi" when a theme font wins)
    size: float | None
    bold: bool
    italic: bool
    caps: bool
    color: str | None


@dataclass
class Cell:
    table: int  # order of the table in the document
    row: int
    col: int  # grid column
    cols: int  # grid columns of the table
    width_mm: float | None
    depth: int


@dataclass
class Para:
    index: int
    el: object
    pieces: list  # (text, Run) in order; "\n" and "\t" pieces carry run None
    props: dict
    cell: Cell | None
    section: int
    where: str

    @property
    def text(self) -> str:
        return _clean("".join(t for t, _ in self.pieces).replace("\t", " ").replace("\n", " "))

    def lines(self) -> list["Line"]:
        """Lines split at breaks; each tab-separated chunk after text is a further column."""
        out: list[Line] = []
        current: list = []
        for text, run in [*self.pieces, ("\n", None)]:
            if text == "\n" and run is None:
                out.extend(_columns(self, current, len(out)))
                current = []
            else:
                current.append((text, run))
        return [line for line in out if line.text]


@dataclass
class Line:
    text: str
    runs: list[Run]
    para: Para
    column: int  # tab column within the paragraph (0 for most lines)
    number: int  # line number within the paragraph

    @property
    def col(self) -> int:
        return (self.para.cell.col if self.para.cell else 0) + self.column

    @property
    def shown(self) -> str:
        """The text as displayed: ``caps`` runs in capitals."""
        return _clean("".join(r.text.upper() if r.caps else r.text for r in self.runs))


def _columns(para: Para, pieces: list, number: int) -> list[Line]:
    chunks: list[list] = [[]]
    for text, run in pieces:
        if text == "\t" and run is None:
            chunks.append([])
        else:
            chunks[-1].append((text, run))
    lines = []
    column = 0
    for chunk in chunks:
        runs = [r for t, r in chunk if r is not None and t]
        text = _clean("".join(r.text for r in runs))
        if text:
            lines.append(Line(text, runs, para, column, number))
            column += 1
    return lines


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip()


class Styles(StyleSheet):
    """Resolves run and paragraph properties through the style chain (lib/ooxml.py)."""

    def __init__(self, document):
        super().__init__(document.styles.element)
        self.theme = _theme_fonts(document)

    def para_styles(self, p, table_style: str | None) -> list:
        ppr = p.find(qn("w:pPr"))
        pstyle = ppr.find(qn("w:pStyle")) if ppr is not None else None
        style_id = pstyle.get(qn("w:val")) if pstyle is not None else self.default_paragraph
        return self.chain(style_id) + self.chain(table_style)

    def run(self, r, text: str, para_styles: list) -> Run:
        rpr = r.find(qn("w:rPr"))
        layers = [rpr] if rpr is not None else []
        rstyle = rpr.find(qn("w:rStyle")) if rpr is not None else None
        if rstyle is not None:
            layers += [s.find(qn("w:rPr")) for s in self.chain(rstyle.get(qn("w:val")))]
        layers += [s.find(qn("w:rPr")) for s in para_styles]
        layers.append(self.default_rpr)
        layers = [layer for layer in layers if layer is not None]

        def first(tag: str):
            return next((layer.find(qn(tag)) for layer in layers if layer.find(qn(tag)) is not None), None)

        def font(slot: str) -> str:
            for layer in layers:
                fonts = layer.find(qn("w:rFonts"))
                if fonts is None:
                    continue
                theme = fonts.get(qn(f"w:{slot}Theme"))
                if theme:
                    return f"theme:{theme}"
                if fonts.get(qn(f"w:{slot}")):
                    return fonts.get(qn(f"w:{slot}"))
            return "(mặc định)"

        size = first("w:sz")
        color = first("w:color")
        return Run(
            text=text,
            fonts=(font("ascii"), font("hAnsi")),
            size=int(size.get(qn("w:val"))) / 2 if size is not None and size.get(qn("w:val")) else None,
            bold=bool(is_on(first("w:b"))),
            italic=bool(is_on(first("w:i"))),
            caps=bool(is_on(first("w:caps"))),
            color=_colour(color),
        )

    def para(self, p, para_styles: list) -> dict:
        layers = [p.find(qn("w:pPr"))] + [s.find(qn("w:pPr")) for s in para_styles] + [self.default_ppr]
        layers = [layer for layer in layers if layer is not None]

        def attr(tag: str, name: str):
            for layer in layers:
                element = layer.find(qn(tag))
                if element is not None and element.get(qn(name)) is not None:
                    return element.get(qn(name))
            return None

        def border(edge: str):
            for layer in layers:
                borders = layer.find(qn("w:pBdr"))
                if borders is not None and borders.find(qn(f"w:{edge}")) is not None:
                    value = borders.find(qn(f"w:{edge}")).get(qn("w:val"))
                    return value not in (None, "nil", "none")
            return False

        def twips(value) -> float | None:
            return None if value is None else int(float(value)) / TWIPS_PER_MM

        auto_before = attr("w:spacing", "w:beforeAutospacing") in ("1", "true", "on")
        auto_after = attr("w:spacing", "w:afterAutospacing") in ("1", "true", "on")
        hanging = attr("w:ind", "w:hanging")
        first_line = attr("w:ind", "w:firstLine")
        return {
            "jc": attr("w:jc", "w:val") or "left",
            "first_line_mm": -twips(hanging) if hanging else (twips(first_line) or 0.0),
            "left_mm": twips(attr("w:ind", "w:left") or attr("w:ind", "w:start")) or 0.0,
            "right_mm": twips(attr("w:ind", "w:right") or attr("w:ind", "w:end")) or 0.0,
            "before_pt": 14.0 if auto_before else int(attr("w:spacing", "w:before") or 0) / 20,
            "after_pt": 14.0 if auto_after else int(attr("w:spacing", "w:after") or 0) / 20,
            "line": attr("w:spacing", "w:line"),
            "line_rule": attr("w:spacing", "w:lineRule") or "auto",
            "border_bottom": border("bottom"),
            "border_top": border("top"),
        }


def _colour(element) -> str | None:
    if element is None:
        return None
    if element.get(qn("w:themeColor")) and element.get(qn("w:themeColor")) not in ("text1",):
        return "theme:" + element.get(qn("w:themeColor"))
    return element.get(qn("w:val"))


def _theme_fonts(document) -> dict[str, str]:
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/theme") and not rel.is_external:
            xml = rel.target_part.blob.decode("utf-8", "replace")
            minor = re.search(r"<a:minorFont>\s*<a:latin typeface=\"([^\"]*)\"", xml)
            major = re.search(r"<a:majorFont>\s*<a:latin typeface=\"([^\"]*)\"", xml)
            return {
                "minorHAnsi": minor.group(1) if minor else "?",
                "minorAscii": minor.group(1) if minor else "?",
                "majorHAnsi": major.group(1) if major else "?",
                "majorAscii": major.group(1) if major else "?",
            }
    return {}


_SKIP_ANCESTORS = {
    qn("w:txbxContent"),
    qn("w:del"),
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
    qn("w:moveFrom"),
}


class Reader:
    """Every paragraph of the body, in order, with its table cell and section."""

    def __init__(self, document):
        self.document = document
        self.styles = Styles(document)
        self.paras: list[Para] = []
        self.tables: list = []  # table elements in order
        self.section_has_table: Counter = Counter()
        self._section = 0
        self._walk(document.element.body, None, 0, None)

    def _walk(self, container, cell: Cell | None, depth: int, table_style: str | None) -> None:
        for child in container.iterchildren():
            if child.tag == qn("w:p"):
                self._para(child, cell, table_style)
                ppr = child.find(qn("w:pPr"))
                if ppr is not None and ppr.find(qn("w:sectPr")) is not None:
                    self._section += 1
            elif child.tag == qn("w:tbl"):
                self._table(child, depth)
            elif child.tag in (qn("w:sdt"), qn("w:customXml"), qn("w:smartTag")):
                content = child.find(qn("w:sdtContent"))
                self._walk(content if content is not None else child, cell, depth, table_style)

    def _table(self, tbl, depth: int) -> None:
        number = len(self.tables)
        self.tables.append(tbl)
        self.section_has_table[self._section] += 1
        tblpr = tbl.find(qn("w:tblPr"))
        style = tblpr.find(qn("w:tblStyle")) if tblpr is not None else None
        style_id = style.get(qn("w:val")) if style is not None else None
        grid = [int(float(c.get(qn("w:w"), "0"))) for c in tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")]
        for r, tr in enumerate(tbl.findall(qn("w:tr"))):
            col = 0
            for tc in tr.findall(qn("w:tc")):
                tcpr = tc.find(qn("w:tcPr"))
                span_el = tcpr.find(qn("w:gridSpan")) if tcpr is not None else None
                span = int(span_el.get(qn("w:val"))) if span_el is not None else 1
                width = sum(grid[col : col + span]) / TWIPS_PER_MM if grid[col : col + span] else None
                tcw = tcpr.find(qn("w:tcW")) if tcpr is not None else None
                if tcw is not None and tcw.get(qn("w:type")) == "dxa":
                    width = int(float(tcw.get(qn("w:w"), "0"))) / TWIPS_PER_MM or width
                cell = Cell(number, r, col, max(len(grid), 1), width, depth + 1)
                self._walk(tc, cell, depth + 1, style_id)
                col += span

    def _para(self, p, cell: Cell | None, table_style: str | None) -> None:
        styles = self.styles.para_styles(p, table_style)
        pieces = []
        for r in p.iter(qn("w:r")):
            if _skipped(r, p):
                continue
            props = None
            for child in r.iterchildren():
                tag = child.tag
                if tag == qn("w:t"):
                    props = props or self.styles.run(r, "", styles)
                    pieces.append((child.text or "", _with_text(props, child.text or "")))
                elif tag == qn("w:tab"):
                    pieces.append(("\t", None))
                elif tag in (qn("w:br"), qn("w:cr")) and child.get(qn("w:type")) in (None, "textWrapping"):
                    pieces.append(("\n", None))
                elif tag == qn("w:noBreakHyphen"):
                    pieces.append(("-", self.styles.run(r, "-", styles)))
        where = (
            f"bảng {cell.table + 1}, hàng {cell.row + 1}, cột {cell.col + 1}" if cell else f"đoạn {len(self.paras) + 1}"
        )
        self.paras.append(Para(len(self.paras), p, pieces, self.styles.para(p, styles), cell, self._section, where))


def _with_text(run: Run, text: str) -> Run:
    return Run(text, run.fonts, run.size, run.bold, run.italic, run.caps, run.color)


def _skipped(r, p) -> bool:
    node = r.getparent()
    while node is not None and node is not p:
        if node.tag in _SKIP_ANCESTORS:
            return True
        node = node.getparent()
    return False


# --------------------------------------------------------------------------- measuring helpers


def _sizes(runs: list[Run]) -> set:
    return {r.size for r in runs if r.text.strip()}


def _fmt_sizes(sizes: set) -> str:
    return ", ".join("không rõ" if s is None else f"{s:g}" for s in sorted(sizes, key=lambda s: s or 0)) + " pt"


def _size_in(runs: list[Run], low: float, high: float) -> bool:
    sizes = _sizes(runs)
    return bool(sizes) and all(s is not None and low <= s <= high for s in sizes)


def _words(runs: list[Run]) -> list[Run]:
    """Runs carrying letters or digits: a comma set upright in a bold line is not a fault anyone sees."""
    return [r for r in runs if any(ch.isalnum() for ch in r.text)]


def _all_bold(runs: list[Run]) -> bool:
    texts = _words(runs)
    return bool(texts) and all(r.bold for r in texts)


def _any_bold(runs: list[Run]) -> bool:
    return any(r.bold for r in _words(runs))


def _any_italic(runs: list[Run]) -> bool:
    return any(r.italic for r in _words(runs))


def _all_italic(runs: list[Run]) -> bool:
    texts = _words(runs)
    return bool(texts) and all(r.italic for r in texts)


def _is_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(not ch.islower() for ch in letters)


def _centred(line: Line) -> bool:
    return line.para.props["jc"] == "center"


def _style(runs: list[Run]) -> str:
    """ "13 pt, đậm, nghiêng" — what a line looks like, for messages."""
    parts = [_fmt_sizes(_sizes(runs))]
    parts.append("đậm" if _all_bold(runs) else "đậm một phần" if _any_bold(runs) else "không đậm")
    parts.append("nghiêng" if _all_italic(runs) else "nghiêng một phần" if _any_italic(runs) else "đứng")
    return ", ".join(parts)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


_JC = {"center": "căn giữa", "both": "căn đều", "distribute": "căn đều", "left": "căn trái", "start": "căn trái",
       "right": "căn phải", "end": "căn phải"}  # fmt: skip


def _estimate_width_mm(text: str, size_pt: float, bold: bool) -> float:
    """Coarse Times New Roman width by letter class (em fractions), for rule lengths only."""
    total = 0.0
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            continue
        if ch == " ":
            total += 0.25
        elif ch in "đ":
            total += 0.53 if bold else 0.50
        elif ch.isupper():
            total += 0.74 if bold else 0.70
        elif ch.islower():
            total += 0.49 if bold else 0.46
        elif ch.isdigit():
            total += 0.5
        else:
            total += 0.33
    return total * size_pt * 25.4 / 72


# --------------------------------------------------------------------------- rules (horizontal lines)


def _shape_lengths(element) -> list[float]:
    """Lengths (mm) of line shapes drawn in ``element``: DrawingML lines/connectors, else VML."""
    lengths = []
    for drawing in element.iter(qn("w:drawing")):
        geom = [g.get("prst") for g in drawing.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}prstGeom")]
        is_line = any(g and ("line" in g.lower() or "connector" in g.lower()) for g in geom) or any(
            True for _ in drawing.iter("{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}cNvCnPr")
        )
        extent = drawing.find(f".//{qn('wp:extent')}")
        if is_line and extent is not None:
            lengths.append(int(extent.get("cx", "0")) / EMU_PER_MM)
    if lengths:
        return lengths
    vml = "urn:schemas-microsoft-com:vml"
    for line in element.iter(f"{{{vml}}}line"):
        start, end = _vml_point(line.get("from", "0,0")), _vml_point(line.get("to", "0,0"))
        lengths.append(abs(end[0] - start[0]))
    for shape in element.iter(f"{{{vml}}}shape"):
        style = shape.get("style", "")
        if shape.get("type", "").endswith("_x0000_t32") or shape.get(
            "{urn:schemas-microsoft-com:office:office}connectortype"
        ):
            width = re.search(r"width:([\d.]+)(pt|in|mm|cm|px)?", style)
            if width:
                lengths.append(_vml_length(width.group(1), width.group(2)))
    return lengths


def _vml_length(number: str, unit: str | None) -> float:
    value = float(number)
    return {"pt": value * 25.4 / 72, "in": value * 25.4, "mm": value, "cm": value * 10,
            "px": value * 0.75 * 25.4 / 72, None: value * 0.75 * 25.4 / 72}[unit]  # fmt: skip


def _vml_point(text: str) -> tuple[float, float]:
    parts = []
    for item in text.split(",")[:2]:
        match = re.match(r"\s*(-?[\d.]+)\s*(pt|in|mm|cm|px)?", item)
        parts.append(_vml_length(match.group(1), match.group(2)) if match else 0.0)
    return (parts + [0.0, 0.0])[0], (parts + [0.0, 0.0])[1]


def _available_mm(para: Para, text_width_mm: float) -> float:
    if para.cell and para.cell.width_mm:
        return para.cell.width_mm - 2 * 1.9
    return text_width_mm


def _rule_after(paras: list[Para], position: int, limit: int, text_width_mm: float, *,
                column: bool = False) -> tuple[bool, float | None, str]:  # fmt: skip
    """A horizontal rule under paragraph ``paras[position]``: its bottom border, the
    top/bottom border of the next empty paragraph, an underscore line, or a drawn
    line in it or in the next paragraphs (of the same cell, or right after its
    table). With ``column``, a line drawn anywhere in the same table column counts
    (Word anchors floating lines to any paragraph). Returns (found, length mm, kind)."""
    here = paras[position]

    def geometry(para: Para) -> float:
        return _available_mm(para, text_width_mm) - para.props["left_mm"] - para.props["right_mm"]

    if here.props["border_bottom"]:
        return True, geometry(here), "viền dưới đoạn"
    lengths = _shape_lengths(here.el)
    if lengths:
        return True, max(lengths), "đường vẽ"
    for para in paras[position + 1 : position + 1 + limit]:
        if para.cell is not None and para.cell != here.cell:
            break
        lengths = _shape_lengths(para.el)
        if lengths:
            return True, max(lengths), "đường vẽ"
        text = para.text
        if not text and (para.props["border_bottom"] or para.props["border_top"]):
            return True, geometry(para), "viền đoạn trống"
        if text and re.fullmatch(r"[_\-–—=]{3,}", text.replace(" ", "")):
            return True, _estimate_width_mm(text, 13, False) * 0.8, "dòng gạch"
        if text:
            break
    if column and here.cell is not None:
        for para in paras:
            if para.cell and para.cell.table == here.cell.table and para.cell.col == here.cell.col:
                lengths = _shape_lengths(para.el)
                if lengths and para.index > here.index:
                    return True, max(lengths), f"đường vẽ neo ở {para.where}"
    return False, None, ""


# --------------------------------------------------------------------------- the checker


NATIONAL = re.compile(r"^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$")
MOTTO = "Độc lập - Tự do - Hạnh phúc"
NUMBER_REGISTERED = re.compile(r"^Số: (?P<n>\d+)/(?P<sym>\S+)$")
NUMBER_DRAFT = re.compile(r"^Số:\s*/(?P<sym>\S+)$")
SYMBOL = re.compile(r"^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$")
DATE = re.compile(r"^(?P<place>[^,]+), ngày (?P<d>\d{1,2}) tháng (?P<m>\d{1,2}) năm (?P<y>\d{4})$")
DATE_DRAFT = re.compile(r"^[^,]+, ngày\s+tháng\s+(\d{1,2}\s+)?năm \d{4}$")
DATE_NO_COMMA = re.compile(r"^[^,]+ ngày\s*\d{0,2}\s*tháng")
TYPE_NAMES = ("BÁO CÁO", "KẾ HOẠCH", "TỜ TRÌNH", "QUYẾT ĐỊNH", "CHỈ THỊ", "THÔNG BÁO", "NGHỊ QUYẾT",
              "HƯỚNG DẪN", "CHƯƠNG TRÌNH", "ĐỀ ÁN", "BIÊN BẢN", "QUY CHẾ", "CÔNG ĐIỆN", "GIẤY MỜI")  # fmt: skip
AUTHORITY = re.compile(r"^(TM|KT|Q|TL|TUQ)\.\s?\S")
ROMAN_HEADING = re.compile(r"^(?P<n>[IVXLC]+)\.\s")
ARABIC_HEADING = re.compile(r"^(?P<n>\d+)\.\s")
LETTER_ITEM = re.compile(r"^(?P<n>[a-zđ])(?P<sep>[).])\s")
PART_HEADING = re.compile(r"^(PHẦN|Phần)\b")
RECIPIENT_LAST = re.compile(r"^- Lưu: VT(, .+)?\.$")
ACADEMIC = re.compile(r"^(TS|ThS|Ths|PGS|GS|CN|KS|BS)\.?\s", re.IGNORECASE)
DRAFTER = re.compile(r"^[A-ZĐ]{1,8}\.\(\d+\)$")
LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()
ROMANS = {v: i for i, v in enumerate(
    "I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX".split(), start=1)}  # fmt: skip


def _norm_caps(text: str) -> str:
    return text.upper().replace("HOÀ", "HÒA").replace("HOÁ", "HÓA")


class Checker:
    def __init__(self, document):
        self.doc = document
        self.read = Reader(document)
        self.findings: list[Finding] = []
        first = document.sections[0]
        self.text_width_mm = (
            (first.page_width - first.left_margin - first.right_margin) / EMU_PER_MM if first.page_width else 165
        )

    def add(self, rule: str, message: str, where: str = "", severity: str = ERROR) -> None:
        self.findings.append(Finding(rule, severity, message, where))

    def run(self) -> list[Finding]:
        self.check_pages()
        self.check_page_numbers()
        self.check_fonts()
        header_end = self.check_header()
        body_start = self.check_title(header_end)
        closing = self.find_closing(body_start)
        self.check_body(body_start, closing)
        if closing is not None:
            self.check_closing(closing)
        self.check_appendix(closing)
        self.check_drafter()
        return sorted(self.findings, key=lambda f: (_ORDER.get(f.rule, 99), f.where))

    # P1–P5 ----------------------------------------------------------------------------
    def check_pages(self) -> None:
        for number, section in enumerate(self.doc.sections):
            where = f"phần (section) {number + 1}"
            width, height = (section.page_width or 0) / EMU_PER_MM, (section.page_height or 0) / EMU_PER_MM
            portrait = abs(width - 210) <= 1 and abs(height - 297) <= 1
            landscape = abs(width - 297) <= 1 and abs(height - 210) <= 1
            if landscape and not self.read.section_has_table[number]:
                self.add("P1", f"trang ngang {width:.1f} × {height:.1f} mm nhưng phần này không có bảng", where)
            elif not (portrait or landscape):
                self.add("P1", f"khổ giấy {width:.1f} × {height:.1f} mm, không phải A4", where)
            for rule, name, value, low, high in (
                ("P2", "trên", section.top_margin, 20, 25),
                ("P3", "dưới", section.bottom_margin, 20, 25),
                ("P4", "trái", section.left_margin, 30, 35),
                ("P5", "phải", section.right_margin, 15, 20),
            ):
                mm = abs(value or 0) / EMU_PER_MM
                if not (low - MM_TOLERANCE <= mm <= high + MM_TOLERANCE):
                    self.add(rule, f"lề {name} {mm:.1f} mm, phải {low}–{high} mm", where)

    # N1–N2, A2 ------------------------------------------------------------------------
    def check_page_numbers(self) -> None:
        section = self.doc.sections[0]
        header_xml = section.header._element if section.header is not None else None
        fields = _page_fields(header_xml) if header_xml is not None else []
        in_footer = _page_fields(section.footer._element) if section.footer is not None else []
        if not fields:
            detail = "chỉ có ở chân trang" if in_footer else "không có trường PAGE ở đầu trang"
            self.add("N1", detail, "đầu trang phần 1")
        else:
            para = fields[0]
            p_reader = _header_para(self.read.styles, para)
            jc, runs = p_reader
            if jc != "center":
                self.add("N1", f"số trang {_JC.get(jc, jc)}, không căn giữa", "đầu trang phần 1")
            if runs and not _size_in(runs, 13, 14):
                self.add("N1", f"số trang cỡ {_fmt_sizes(_sizes(runs))}, phải 13–14 pt", "đầu trang phần 1")
            if runs and _any_italic(runs):
                self.add("N1", "số trang in nghiêng", "đầu trang phần 1")
        if not section.different_first_page_header_footer:
            if fields:
                self.add("N2", 'không đặt "trang đầu khác" (titlePg): trang 1 cũng hiện số trang', "phần 1")
        else:
            first = section.first_page_header
            if first is not None and (_page_fields(first._element) or re.search(r"\d", _xml_text(first._element))):
                self.add("N2", "đầu trang của trang 1 có số hoặc trường PAGE", "phần 1")

    # F1–F2 ------------------------------------------------------------------------------
    def check_fonts(self) -> None:
        wrong: Counter = Counter()
        example: dict = {}
        colours: Counter = Counter()
        containers = [(p, "thân văn bản") for p in self.read.paras]
        for number, section in enumerate(self.doc.sections):
            for part in (section.header, section.first_page_header, section.footer, section.first_page_footer):
                if part is not None and not part.is_linked_to_previous:
                    containers += [
                        (p, f"đầu/chân trang phần {number + 1}") for p in _part_paras(self.read.styles, part._element)
                    ]
        for para, where in containers:
            for text, run in para.pieces:
                if run is None or not text.strip():
                    continue
                for _slot, name in zip(("ascii", "hAnsi"), run.fonts, strict=False):
                    if name != FONT:
                        label = name
                        if name.startswith("theme:"):
                            label = f"phông theo chủ đề {name[6:]} (= {self.read.styles.theme.get(name[6:], '?')})"
                        wrong[label] += 1
                        example.setdefault(label, f'{where}, {para.where}: "{_short(_clean(text), 30)}"')
                        break
                if run.color and run.color.lower() not in ("auto", "000000"):
                    colours[run.color] += 1
                    example.setdefault("color:" + run.color, f'{para.where}: "{_short(_clean(text), 30)}"')
        for label, count in wrong.most_common():
            severity = WARNING if "= Times New Roman" in label else ERROR
            self.add(
                "F1",
                f"{count} đoạn chữ dùng {label if label.startswith('phông') else repr(label)}",
                example[label],
                severity,
            )
        for colour, count in colours.most_common():
            self.add("F2", f"{count} đoạn chữ màu {colour}", example["color:" + colour])

    # H0–H9, D1–D2 -------------------------------------------------------------------------
    def check_header(self) -> int:
        """Check Ô 1–4; return the index of the last paragraph of the header block."""
        paras = self.read.paras
        lines = [line for para in paras[:80] for line in para.lines()]
        national = next((ln for ln in lines if NATIONAL.match(_norm_caps(ln.shown))), None)
        if national is None:
            self.add("H1", 'không tìm thấy dòng "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"')
            return -1
        cell = national.para.cell
        if cell is not None:
            block = [p for p in paras if p.cell and p.cell.table == cell.table]
            header_end = max(p.index for p in block)
        else:  # columns made with tabs (r10): the block ends at the date line
            block = paras[: national.para.index + 6]
            ends = [p.index for p in block if re.search(r"^Số\s*:|\bngày\b.*\btháng\b", p.text) or "\tSố" in p.text]
            block = paras[: max(ends, default=national.para.index + 1) + 1]
            header_end = block[-1].index
        block_lines = [ln for p in block for ln in p.lines()]
        if cell is not None:
            self._check_borderless(cell.table)
        right_col = national.col
        if right_col < 1:
            self.add("H1", "Quốc hiệu không nằm ở cột phải của phần đầu", national.para.where)
        self._element("H1", national, (12, 13), bold=True, caps=True, centred=True)

        after = [
            ln
            for ln in block_lines
            if ln.col == right_col and (ln.para.index, ln.number) > (national.para.index, national.number)
        ]
        motto = after[0] if after else None
        if motto is None or _clean(motto.text.replace("–", "-")) != MOTTO:
            self.add("H2", f"dòng dưới Quốc hiệu là \"{_short(motto.text) if motto else '(trống)'}\", không phải \"{MOTTO}\"",
                     motto.para.where if motto else national.para.where)  # fmt: skip
        if motto is not None and motto.text != MOTTO and _clean(motto.text.replace("–", "-")) == MOTTO:
            self.add("H2", 'Tiêu ngữ dùng gạch ngang dài "–" thay cho dấu "-"', motto.para.where)
        if motto is not None:
            self._element("H2", motto, (13, 14), bold=True, centred=True)
            found, length, kind = _rule_after(paras, motto.para.index, 2, self.text_width_mm, column=True)
            if not found:
                self.add("H3", "không thấy đường kẻ dưới Tiêu ngữ", motto.para.where)
            elif length is not None:
                size = max((s for s in _sizes(motto.runs) if s), default=13)
                text_mm = _estimate_width_mm(motto.text, size, True)
                if not 0.8 <= length / text_mm <= 1.25:
                    self.add("H3", f"đường kẻ ({kind}) dài {length:.0f} mm, dòng Tiêu ngữ ước {text_mm:.0f} mm",
                             motto.para.where, WARNING)  # fmt: skip

        number = next((ln for ln in block_lines if re.match(r"^Số\s*:", ln.text)), None)
        self._check_issuer(block_lines, right_col, number, paras)
        if number is None:
            self.add("H7", 'không tìm thấy dòng "Số: …"')
        else:
            self._check_number(number, right_col)
        date = next((ln for ln in block_lines if re.search(r"\bngày\b.*\btháng\b.*\bnăm\b", ln.text)), None)
        if date is None:
            self.add("D1", "không tìm thấy dòng địa danh, ngày tháng năm")
        else:
            self._check_date(date, number, right_col)
        return header_end

    def _check_borderless(self, table_no: int) -> None:
        tbl = self.read.tables[table_no]
        visible = []
        for borders in tbl.iter(qn("w:tblBorders"), qn("w:tcBorders")):
            for edge in borders:
                if edge.get(qn("w:val")) not in (None, "nil", "none"):
                    visible.append(edge.tag.split("}")[1])
        style_el = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}")
        if style_el is not None and style_el.get(qn("w:val")) in self.read.styles.by_id:
            style = self.read.styles.by_id[style_el.get(qn("w:val"))]
            explicit = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}")
            if explicit is None:
                for borders in style.iter(qn("w:tblBorders")):
                    visible += [e.tag.split("}")[1] for e in borders if e.get(qn("w:val")) not in (None, "nil", "none")]
        if visible:
            self.add("H0", f"bảng phần đầu có viền: {', '.join(sorted(set(visible)))}", f"bảng {table_no + 1}", WARNING)

    def _check_issuer(self, block_lines: list[Line], right_col: int, number: Line | None, paras: list[Para]) -> None:
        left = [ln for ln in block_lines if ln.col < right_col]
        if number is not None:
            left = [ln for ln in left if (ln.para.index, ln.number) < (number.para.index, number.number)]
        left = [ln for ln in left if not re.fullmatch(r"[_\-–—=*\s]+", ln.text)]
        if not left:
            self.add("H4", "không tìm thấy tên cơ quan ban hành ở cột trái")
            return
        bold_from = next((i for i, ln in enumerate(left) if _all_bold(ln.runs)), None)
        if bold_from is None:
            self.add("H4", f"tên cơ quan ban hành không in đậm ({_style(left[-1].runs)})", left[-1].para.where)
            parents, names = [], left
        else:
            parents, names = left[:bold_from], left[bold_from:]
        for line in parents:
            if not _is_caps(line.shown):
                self.add("H5", f'"{_short(line.text)}" không in hoa', line.para.where)
            if not _size_in(line.runs, 12, 13):
                self.add(
                    "H5", f'"{_short(line.text)}" cỡ {_fmt_sizes(_sizes(line.runs))}, phải 12–13 pt', line.para.where
                )
            if _any_bold(line.runs):
                self.add("H5", f'"{_short(line.text)}" in đậm', line.para.where)
        for line in names:
            self._element("H4", line, (12, 13), bold=True, caps=True, centred=True)
        last = names[-1]
        found, length, kind = _rule_after(paras, last.para.index, 2, self.text_width_mm, column=True)
        if not found:
            self.add("H6", "không thấy đường kẻ dưới tên cơ quan ban hành", last.para.where)
        elif length is not None:
            widest = max(
                _estimate_width_mm(ln.text, max((s for s in _sizes(ln.runs) if s), default=13), True) for ln in names
            )
            ratio = length / widest if widest else 0
            if not 0.28 <= ratio <= 0.6:
                self.add("H6", f"đường kẻ ({kind}) dài {length:.0f} mm = {ratio:.2f} dòng chữ (ước {widest:.0f} mm), nên 1/3–1/2",
                         last.para.where, WARNING)  # fmt: skip

    def _check_number(self, line: Line, right_col: int) -> None:
        text = line.text
        where = line.para.where
        registered, draft = NUMBER_REGISTERED.match(text), NUMBER_DRAFT.match(text)  # spaces already collapsed
        if not (registered or draft):
            self.add("H7", f'"{_short(text)}" không đúng dạng "Số: 05/BC-UBND"', where)
        if line.col >= right_col:
            self.add("H7", "số, ký hiệu không nằm ở cột trái", where)
        if not _size_in(line.runs, 13, 13):
            self.add("H7", f"cỡ chữ {_fmt_sizes(_sizes(line.runs))}, phải 13 pt", where)
        if _any_italic(line.runs) or _any_bold(line.runs):
            self.add("H7", f"số, ký hiệu trình bày {_style(line.runs)}, phải đứng, không đậm", where)
        if not _centred(line) and line.para.cell is not None:
            self.add("H7", f"{_JC.get(line.para.props['jc'], line.para.props['jc'])}, phải căn giữa", where)
        if registered:
            number = registered.group("n")
            if int(number) < 10 and len(number) != 2:
                self.add("H8", f'số "{number}" phải viết "{int(number):02d}"', where)
        symbol = (registered or draft).group("sym") if (registered or draft) else text.partition("/")[2]
        after_slash = text.partition("/")[2]
        if " " in after_slash.strip():
            self.add("H9", f'ký hiệu "{after_slash.strip()}" có dấu cách', where)
        elif symbol and not SYMBOL.match(symbol):
            self.add("H9", f'ký hiệu "{symbol}" không viết hoa hoặc có ký tự lạ', where)
        if symbol and symbol.split("-")[0] != "BC":
            self.add("H9", f'ký hiệu "{symbol}" không bắt đầu bằng BC (Báo cáo)', where)

    def _check_date(self, line: Line, number: Line | None, right_col: int) -> None:
        text, where = line.text, line.para.where
        match = DATE.match(text)
        if not match and not DATE_DRAFT.match(text):
            if DATE_NO_COMMA.match(text) and "," not in text.split("ngày")[0]:
                self.add("D1", f'"{_short(text)}": thiếu dấu phẩy sau địa danh', where)
            else:
                self.add("D1", f'"{_short(text)}" không đúng dạng "Nơi, ngày 05 tháng 01 năm 2026"', where)
        if not _all_italic(line.runs):
            self.add("D1", f"địa danh, ngày tháng trình bày {_style(line.runs)}, phải nghiêng", where)
        if not _size_in(line.runs, 13, 14):
            self.add("D1", f"cỡ chữ {_fmt_sizes(_sizes(line.runs))}, phải 13–14 pt", where)
        if line.col < right_col:
            self.add("D1", "địa danh, ngày tháng không nằm ở cột phải", where)
        if number is not None and line.para.cell and number.para.cell and line.para.cell.row != number.para.cell.row:
            self.add("D1", "không cùng hàng với dòng số, ký hiệu", where)
        if not _centred(line) and line.para.cell is not None:
            self.add("D1", f"{_JC.get(line.para.props['jc'], line.para.props['jc'])}, phải căn giữa", where)
        if match:
            day, month = match.group("d"), match.group("m")
            if int(day) < 10 and len(day) != 2:
                self.add("D2", f'ngày "{day}" phải viết "0{int(day)}"', where)
            if int(month) <= 2 and len(month) != 2:
                self.add("D2", f'tháng "{month}" phải viết "0{int(month)}"', where)
            if 3 <= int(month) <= 9 and len(month) == 2:
                self.add("D2", f'tháng "{month}" không cần số 0 (mẫu: "tháng 6")', where, WARNING)

    # T1–T3 ----------------------------------------------------------------------------
    def check_title(self, header_end: int) -> int:
        """Check Ô 5a; return the index of the first body paragraph."""
        paras = self.read.paras
        candidates = [p for p in paras[header_end + 1 : header_end + 12] if p.text]
        kind = next(
            (p for p in candidates if _norm_caps(p.text.replace(" ", "")) in {t.replace(" ", "") for t in TYPE_NAMES}),
            None,
        )
        if kind is None:
            self.add("T1", 'không tìm thấy tên loại văn bản ("BÁO CÁO") sau phần đầu')
            return header_end + 1
        line = kind.lines()[0]
        if _norm_caps(kind.text).replace(" ", "") != "BÁOCÁO":
            self.add("T1", f'tên loại là "{kind.text}", không phải BÁO CÁO', kind.where, WARNING)
        elif kind.text != "BÁO CÁO" and _clean(line.shown) != "BÁO CÁO":
            self.add("T1", f'"{kind.text}" phải viết "BÁO CÁO"', kind.where)
        self._element("T1", line, (13, 14), bold=True, caps=True, centred=True)
        if kind.cell is not None and kind.cell.table == 0:
            self.add("T1", "tên loại nằm trong bảng phần đầu", kind.where)

        summary: list[Para] = []
        for para in paras[kind.index + 1 : kind.index + 8]:
            if not para.text:
                if summary:
                    break
                continue
            if para.props["jc"] != "center" or not _any_bold(para.lines()[0].runs if para.lines() else []):
                break
            summary.append(para)
        if not summary:
            following = next((p for p in paras[kind.index + 1 :] if p.text), None)
            detail = (
                f': đoạn tiếp theo "{_short(following.text)}" ({_style(following.lines()[0].runs)}, {_JC.get(following.props["jc"], following.props["jc"])})'
                if following
                else ""
            )
            self.add("T2", "không thấy trích yếu in đậm, căn giữa ngay dưới tên loại" + detail, kind.where)
            return kind.index + 1
        for para in summary:
            for line in para.lines():
                self._element("T2", line, (13, 14), bold=True, centred=True)
                if _is_caps(line.shown):
                    self.add("T2", f'trích yếu in hoa toàn bộ: "{_short(line.text)}"', para.where)
        last = summary[-1]
        drawn = [length for para in summary for length in _shape_lengths(para.el)]
        if drawn:  # a line drawn and anchored in one of the trích yếu paragraphs
            found, length, kind_of_rule = True, max(drawn), "đường vẽ"
        else:
            found, length, kind_of_rule = _rule_after(paras, last.index, 2, self.text_width_mm)
        if not found:
            self.add("T3", "không thấy đường kẻ dưới trích yếu", last.where)
        elif length is not None:
            size = max((s for ln in last.lines() for s in _sizes(ln.runs) if s), default=14)
            line_mm = min(max(_estimate_width_mm(p.text, size, True) for p in summary), self.text_width_mm)
            ratio = length / line_mm if line_mm else 0
            if not 0.28 <= ratio <= 0.6:
                self.add("T3", f"đường kẻ ({kind_of_rule}) dài {length:.0f} mm = {ratio:.2f} dòng chữ (ước {line_mm:.0f} mm), nên 1/3–1/2",
                         last.where, WARNING)  # fmt: skip
        end = last.index + 1
        while end < len(paras) and not paras[end].text:
            end += 1
        return end

    # closing block -------------------------------------------------------------------------
    def find_closing(self, start: int) -> Line | None:
        for para in self.read.paras[start:]:
            for line in para.lines():
                if re.match(r"^N[ơo]i nh[ậa]n\b", line.text, re.IGNORECASE):
                    return line
        self.add("R1", 'không tìm thấy "Nơi nhận:"')
        return None

    # B1–B4, C1–C4, R4 ---------------------------------------------------------------------
    def check_body(self, start: int, closing: Line | None) -> None:
        end = closing.para.index if closing is not None else len(self.read.paras)
        if closing is not None and closing.para.cell is not None:
            end = min(p.index for p in self.read.paras if p.cell and p.cell.table == closing.para.cell.table)
        body = [p for p in self.read.paras[start:end] if p.cell is None]
        counts: dict[str, list] = {k: [] for k in ("size", "italic", "align", "indent", "spacing", "line", "line_warn")}
        previous: Para | None = None
        roman_expected, arabic_expected, letter_expected = 1, 1, 0
        plain: dict[int, Para] = {}  # non-bold "N." paragraphs since the last heading
        listed = 0  # the last number of the body's own list since the last heading (0: none)
        addressee_seen = False
        for para in body:
            if not para.text:
                previous = None  # an empty paragraph is spacing enough
                continue
            runs = [r for _, r in para.pieces if r is not None and r.text.strip()]
            text = para.text
            if text.startswith("Kính gửi"):
                addressee_seen = True
                if not _size_in(runs, 13, 14) or _any_italic(runs):
                    self.add("R4", f'"Kính gửi" trình bày {_style(runs)}, phải 13–14 pt, đứng', para.where)
                previous = para
                continue
            heading = None
            if PART_HEADING.match(text):
                heading = "part"
                roman_expected, arabic_expected, letter_expected, listed = 1, 1, 0, 0
            elif (m := ROMAN_HEADING.match(text)) and m.group("n") in ROMANS:
                heading = "C1"
                number = ROMANS[m.group("n")]
                if number != roman_expected:
                    self.add(
                        "C4",
                        f'mục "{m.group("n")}." sau mục {_roman(roman_expected - 1) or "(đầu)"}: phải "{_roman(roman_expected)}."',
                        para.where,
                    )
                roman_expected, arabic_expected, letter_expected, plain, listed = number + 1, 1, 0, {}, 0
                self._heading(para, runs, "C1", caps=True)
            elif (m := ARABIC_HEADING.match(text)) and _all_bold(runs):
                heading = "C2"
                number = int(m.group("n"))
                missing = list(range(arabic_expected, number))
                if missing and all(n in plain for n in missing):
                    for n in missing:  # the sibling is there, only not set as a heading
                        self.add(
                            "C2",
                            f'khoản "{_short(plain[n].text, 50)}" không đậm như các khoản cùng cấp',
                            plain[n].where,
                        )
                elif number != arabic_expected:
                    self.add("C4", f'khoản "{number}." phải là "{arabic_expected}."', para.where)
                arabic_expected, letter_expected, plain, listed = number + 1, 0, {}, 0
                self._heading(para, runs, "C2", caps=False)
            elif m := LETTER_ITEM.match(text):
                heading = "C3"
                letter = m.group("n")
                if m.group("sep") == ".":
                    self.add("C3", f'điểm "{letter}." phải viết "{letter})"', para.where)
                position = LETTERS.index(letter) if letter in LETTERS else -1
                if position < 0:
                    self.add(
                        "C4", f'điểm "{letter})" không có trong bảng chữ cái tiếng Việt (bỏ f, j, w, z)', para.where
                    )
                elif position != letter_expected and position != 0:
                    expected = LETTERS[letter_expected] if letter_expected < len(LETTERS) else "?"
                    self.add("C4", f'điểm "{letter})" phải là "{expected})"', para.where)
                letter_expected = position + 1 if position >= 0 else letter_expected
                if _any_bold(runs) or _any_italic(runs):
                    self.add(
                        "C3", f'điểm "{_short(text, 40)}" trình bày {_style(runs)}, phải đứng, không đậm', para.where
                    )
                if not _size_in(runs, 13, 14):
                    counts["size"].append(para)
            elif _all_bold(runs):
                heading = "free"
                listed = 0
            elif m := ARABIC_HEADING.match(text):
                number = int(m.group("n"))
                plain.setdefault(number, para)
                if number not in (1, listed + 1):  # a list may start again at 1, never mid-way
                    self.add("C4", f'khoản "{number}." trong thân bài phải là "{listed + 1}."', para.where)
                listed = number
            if heading in ("C1", "C2", "part", "free"):
                if heading in ("part", "free") and not _size_in(runs, 13, 14):
                    counts["size"].append(para)
                previous = para
                continue
            # body paragraph (and điểm): B1–B4
            if heading is None:
                if not _size_in(runs, 13, 14):
                    counts["size"].append(para)
                if _any_italic(runs):
                    counts["italic"].append(para)
                if para.props["jc"] not in ("both", "distribute"):
                    counts["align"].append(para)
                indent = para.props["first_line_mm"]
                if not any(abs(indent - target) <= MM_TOLERANCE for target in (10.0, 12.7)):
                    counts["indent"].append(para)
            if previous is not None and previous.props["after_pt"] + para.props["before_pt"] < 6 - 0.01:
                counts["spacing"].append(para)
            rule, value = para.props["line_rule"], para.props["line"]
            if rule == "auto" and value is not None and not (240 <= int(float(value)) <= 360):
                counts["line"].append(para)
            elif rule in ("exact", "atLeast"):
                counts["line_warn"].append(para)
            previous = para
        self._report_counts(counts, len([p for p in body if p.text]))
        if addressee_seen and closing is not None:
            first = next((ln for ln in self._recipient_lines(closing)), None)
            if first is None or first.text != "- Như trên;":
                self.add("R4", 'có "Kính gửi" nhưng nơi nhận không bắt đầu bằng "- Như trên;"', closing.para.where)

    def _heading(self, para: Para, runs: list[Run], rule: str, *, caps: bool) -> None:
        problems = []
        if not _size_in(runs, 13, 14):
            problems.append(f"cỡ {_fmt_sizes(_sizes(runs))}")
        if not _all_bold(runs):
            problems.append("không đậm")
        if _any_italic(runs):
            problems.append("nghiêng")
        shown = _clean("".join(r.text.upper() if r.caps else r.text for r in runs))
        if caps and not _is_caps(shown):
            problems.append("không in hoa")
        if not caps and _is_caps(shown) and len([c for c in shown if c.isalpha()]) > 3:
            problems.append("in hoa toàn bộ")
        if problems:
            self.add(rule, f'"{_short(para.text, 50)}": {", ".join(problems)}', para.where)

    def _report_counts(self, counts: dict[str, list], total: int) -> None:
        def examples(items: list[Para], describe) -> str:
            return "; ".join(f'{p.where} "{_short(p.text, 30)}" {describe(p)}' for p in items[:3])

        def runs_of(p: Para) -> list[Run]:
            return [r for _, r in p.pieces if r is not None and r.text.strip()]

        table = (
            ("size", "B1", "cỡ chữ ngoài 13–14 pt", lambda p: _fmt_sizes(_sizes(runs_of(p))), ERROR),
            ("italic", "B1", "chữ nghiêng", lambda p: "", ERROR),
            ("align", "B1", "không căn đều hai bên", lambda p: _JC.get(p.props["jc"], p.props["jc"]), ERROR),
            ("indent", "B2", "lùi đầu dòng khác 10 mm / 12,7 mm", lambda p: f"{p.props['first_line_mm']:.1f} mm", ERROR),
            ("spacing", "B3", "cách đoạn trước dưới 6 pt", lambda p: f"{p.props['before_pt']:g} pt", ERROR),
            ("line", "B4", "giãn dòng ngoài 1–1,5 dòng", lambda p: f"{int(float(p.props['line'])) / 240:.2f} dòng", ERROR),
            ("line_warn", "B4", "giãn dòng cố định (exact/atLeast), Nghị định 30 không quy định", lambda p: f"{int(float(p.props['line'] or 0)) / 20:g} pt", WARNING),
        )  # fmt: skip
        for key, rule, label, describe, severity in table:
            items = counts[key]
            if items:
                self.add(rule, f"{len(items)}/{total} đoạn {label}", examples(items, describe), severity)

    def _recipient_lines(self, closing: Line) -> list[Line]:
        para = closing.para
        if para.cell is not None:
            paras = [p for p in self.read.paras if p.cell and p.cell.table == para.cell.table
                     and p.cell.row == para.cell.row and p.cell.col == para.cell.col]  # fmt: skip
        else:
            paras = self.read.paras[para.index : para.index + 30]
        lines = [ln for p in paras for ln in p.lines() if ln.column == closing.column]
        after = [ln for ln in lines if (ln.para.index, ln.number) > (para.index, closing.number)]
        out = []
        for line in after:
            if not line.text.startswith(("-", "+", "•")) and out and para.cell is None:
                break
            out.append(line)
        return out

    # R1–R3, S1–S3 -----------------------------------------------------------------------------
    def check_closing(self, closing: Line) -> None:
        where = closing.para.where
        label = closing.text
        if not re.match(r"^Nơi nhận:", label):
            self.add("R1", f'"{_short(label)}": phải viết "Nơi nhận:"', where)
        label_runs = [r for r in closing.runs if r.text.strip()]
        if not _size_in(label_runs, 12, 12):
            self.add("R1", f"cỡ chữ {_fmt_sizes(_sizes(label_runs))}, phải 12 pt", where)
        if not (_all_bold(label_runs) and _all_italic(label_runs)):
            self.add("R1", f'"Nơi nhận:" trình bày {_style(label_runs)}, phải đậm nghiêng', where)
        recipients = self._recipient_lines(closing)
        if not recipients:
            self.add("R2", 'không có dòng nơi nhận nào sau "Nơi nhận:"', where)
        for position, line in enumerate(recipients):
            last = position == len(recipients) - 1
            runs = [r for r in line.runs if r.text.strip()]
            problems = []
            if not _size_in(runs, 11, 11):
                problems.append(f"cỡ {_fmt_sizes(_sizes(runs))} (phải 11 pt)")
            if _any_bold(runs) or _any_italic(runs):
                problems.append(_style(runs))
            if not line.text.startswith("- "):
                problems.append('không bắt đầu bằng "- "')
            if not last and not line.text.endswith(";"):
                problems.append('không kết thúc bằng ";"')
            if problems:
                self.add("R2", f'"{_short(line.text, 40)}": {", ".join(problems)}', line.para.where)
            if last and not RECIPIENT_LAST.match(line.text):
                self.add("R3", f'dòng cuối "{_short(line.text, 40)}" không đúng dạng "- Lưu: VT, …."', line.para.where)

        signature = self._signature_lines(closing)
        if not signature:
            self.add("S1", 'không tìm thấy quyền hạn, chức vụ người ký bên phải "Nơi nhận"', where)
            return
        authority = [ln for ln in signature if _is_caps(ln.shown)]
        block_top = authority[0] if authority else signature[0]
        if closing.para.cell and block_top.para.cell and closing.para.cell.row != block_top.para.cell.row:
            self.add("R1", '"Nơi nhận:" không cùng hàng với quyền hạn người ký', where, WARNING)
        if not authority:
            self.add("S1", f'dòng đầu khối chữ ký "{_short(signature[0].text)}" không in hoa', signature[0].para.where)
        for line in authority:
            runs = [r for r in line.runs if r.text.strip()]
            if not _size_in(runs, 13, 14) or not _all_bold(runs):
                self.add("S1", f'"{_short(line.text)}" trình bày {_style(runs)}, phải 13–14 pt, đậm', line.para.where)
            if re.match(r"^(TM|KT|Q|TL|TUQ)\b", line.shown) and not AUTHORITY.match(line.shown):
                self.add("S1", f'"{_short(line.text)}": sau chữ viết tắt thẩm quyền phải có dấu chấm', line.para.where)
        texts = [_norm_caps(ln.shown) for ln in authority]
        if self._collective() and texts:
            if any(t.endswith("PHÓ CHỦ TỊCH") for t in texts):
                expected = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
            elif texts[-1] == "CHỦ TỊCH" or texts[-1].endswith(" CHỦ TỊCH"):
                expected = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"] if not texts[-1].startswith(("KT.", "Q.")) else None
            else:
                expected = None
            if expected and [t.replace("UBND", "ỦY BAN NHÂN DÂN") for t in texts] != expected:
                self.add(
                    "S2",
                    f'khối chữ ký "{" / ".join(texts)}", phải "{" / ".join(expected)}"',
                    authority[0].para.where,
                    WARNING,
                )
        names = [ln for ln in signature if ln not in authority and not re.match(r"^\(.*\)$", ln.text)]
        if names:
            name = names[-1]
            runs = [r for r in name.runs if r.text.strip()]
            problems = []
            if _is_caps(name.shown):
                problems.append("in hoa")
            if not _size_in(runs, 13, 14):
                problems.append(f"cỡ {_fmt_sizes(_sizes(runs))}")
            if not _all_bold(runs):
                problems.append("không đậm")
            if _any_italic(runs):
                problems.append("nghiêng")
            if not _centred(name):
                problems.append(_JC.get(name.para.props["jc"], name.para.props["jc"]))
            if ACADEMIC.match(name.text):
                problems.append("có học hàm, học vị trước tên")
            if problems:
                self.add("S3", f'"{_short(name.text)}": {", ".join(problems)}', name.para.where)

    def _collective(self) -> bool:
        first_lines = [ln.shown for p in self.read.paras[:30] for ln in p.lines()]
        return any(_norm_caps(t).startswith(("ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN")) for t in first_lines)

    def _signature_lines(self, closing: Line) -> list[Line]:
        para = closing.para
        if para.cell is not None:
            cell = para.cell
            paras = [p for p in self.read.paras if p.cell and p.cell.table == cell.table and p.cell.row >= cell.row
                     and p.cell.col > cell.col]  # fmt: skip
            lines = [ln for p in paras for ln in p.lines()]
            if not lines:  # signature in the next table or paragraphs after it
                paras = [
                    p
                    for p in self.read.paras[para.index + 1 : para.index + 40]
                    if not (p.cell and p.cell.table == cell.table and p.cell.col <= cell.col)
                ]
                lines = [ln for p in paras for ln in p.lines() if not ln.text.startswith("-")]
            return lines[:8]
        paras = self.read.paras[para.index : para.index + 30]
        return [
            ln
            for p in paras
            for ln in p.lines()
            if ln.column >= 1 or (ln.para.props["jc"] == "center" and ln.para is not para)
        ][:8]

    # A1–A2, X1 --------------------------------------------------------------------------------
    def check_appendix(self, closing: Line | None) -> None:
        start = closing.para.index + 1 if closing is not None else len(self.read.paras)
        paras = [p for p in self.read.paras[start:] if p.text]
        for position, para in enumerate(paras):
            if not re.match(r"^Phụ lục\b", para.text, re.IGNORECASE) or len(para.text) > 40:
                continue
            runs = [r for _, r in para.pieces if r is not None and r.text.strip()]
            problems = []
            if para.text.startswith("PHỤ LỤC"):
                problems.append('viết hoa (phải "Phụ lục")')
            if not _size_in(runs, 14, 14):
                problems.append(f"cỡ {_fmt_sizes(_sizes(runs))} (phải 14 pt)")
            if not _all_bold(runs):
                problems.append("không đậm")
            if problems:
                self.add("A1", f'"{para.text}": {", ".join(problems)}', para.where)
            title = paras[position + 1] if position + 1 < len(paras) else None
            if title is not None:
                truns = [r for _, r in title.pieces if r is not None and r.text.strip()]
                if not _is_caps(title.text) or not _all_bold(truns) or not _size_in(truns, 13, 14):
                    self.add(
                        "A1",
                        f'tên phụ lục "{_short(title.text)}" trình bày {_style(truns)}, phải in hoa, đậm, 13–14 pt',
                        title.where,
                    )
            ref = paras[position + 2] if position + 2 < len(paras) else None
            if ref is not None and ref.text.startswith("(Kèm theo"):
                rruns = [r for _, r in ref.pieces if r is not None and r.text.strip()]
                if not _all_italic(rruns) or not _size_in(rruns, 13, 14):
                    self.add("A1", f'dòng "(Kèm theo …)" trình bày {_style(rruns)}, phải nghiêng 13–14 pt', ref.where)
            section = self.doc.sections[para.section] if para.section < len(self.doc.sections) else None
            numbering = section._sectPr.find(qn("w:pgNumType")) if section is not None else None
            if para.section == 0 or numbering is None or numbering.get(qn("w:start")) is None:
                self.add("A2", "phụ lục không ở phần (section) riêng có số trang bắt đầu lại", para.where)

    def check_drafter(self) -> None:
        for para in self.read.paras:
            for line in para.lines():
                if DRAFTER.match(line.text):
                    runs = [r for r in line.runs if r.text.strip()]
                    if not _size_in(runs, 11, 11) or _any_italic(runs):
                        self.add("X1", f'"{line.text}" trình bày {_style(runs)}, phải 11 pt, đứng', para.where)

    # shared -------------------------------------------------------------------------------------
    def _element(self, rule: str, line: Line, sizes: tuple[float, float], *, bold: bool, caps: bool = False,
                 centred: bool = False) -> None:  # fmt: skip
        runs = [r for r in line.runs if r.text.strip()]
        problems = []
        if not _size_in(runs, *sizes):
            problems.append(f"cỡ {_fmt_sizes(_sizes(runs))} (phải {sizes[0]:g}–{sizes[1]:g} pt)")
        if bold and not _all_bold(runs):
            problems.append("đậm một phần" if _any_bold(runs) else "không đậm")
        if _any_italic(runs):
            problems.append("nghiêng")
        if caps and not _is_caps(line.shown):
            problems.append("không in hoa")
        if centred and not _centred(line):
            problems.append(_JC.get(line.para.props["jc"], line.para.props["jc"]) + " (phải căn giữa)")
        if problems:
            self.add(rule, f'"{_short(line.text)}": {", ".join(problems)}', line.para.where)


def _roman(value: int) -> str:
    return next((k for k, v in ROMANS.items() if v == value), "")


def _page_fields(element) -> list:
    """Paragraphs of ``element`` holding a PAGE field (simple or complex)."""
    found = []
    for p in element.iter(qn("w:p")):
        simple = any(re.search(r"\bPAGE\b", f.get(qn("w:instr"), "")) for f in p.iter(qn("w:fldSimple")))
        complex_ = any(re.search(r"(^|\s)PAGE(\s|$|\\)", t.text or "") for t in p.iter(qn("w:instrText")))
        if simple or complex_:
            found.append(p)
    return found


def _xml_text(element) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def _header_para(styles: Styles, p) -> tuple[str, list[Run]]:
    para_styles = styles.para_styles(p, None)
    props = styles.para(p, para_styles)
    runs = [styles.run(r, (r.find(qn("w:t")).text if r.find(qn("w:t")) is not None else "#"), para_styles)
            for r in p.iter(qn("w:r"))]  # fmt: skip
    shown = [r for r in runs if r.text.strip() and r.text != "#"] or [r for r in runs if r.text == "#"][:1]
    for run in shown:
        if run.text == "#":
            run.text = "1"
    return props["jc"], shown


def _part_paras(styles: Styles, element) -> list[Para]:
    out = []
    for p in element.iter(qn("w:p")):
        para_styles = styles.para_styles(p, None)
        pieces = [
            (t.text or "", styles.run(r, t.text or "", para_styles))
            for r in p.iter(qn("w:r"))
            for t in r.findall(qn("w:t"))
        ]
        out.append(Para(-1, p, pieces, styles.para(p, para_styles), None, 0, "đầu/chân trang"))
    return out


def check_docx(docx_bytes: bytes) -> list[Finding]:
    """Measure a .docx against the ND30 checklist; an empty list means every
    verifiable rule is met. Findings come in checklist order."""
    try:
        document = docx.Document(io.BytesIO(docx_bytes))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        return [Finding("DOCX", ERROR, f"không đọc được tệp .docx ({type(error).__name__}: {error})")]
    except Exception as error:  # python-docx raises its own errors for non-Word zips
        return [Finding("DOCX", ERROR, f"không đọc được tệp .docx ({type(error).__name__}: {error})")]
    return Checker(document).run()
