"""Word .docx, read straight from its XML (faster than python-docx, and it sees more).

What matters in real files (see shared/realdocx): the header, the signature and
"Nơi nhận" live in tables, sometimes nested; a paragraph may hold several
visual lines joined by line breaks; list numbers may exist only as Word
numbering (``w:numPr``); text boxes such as a floating "DỰ THẢO" stamp are
decoration and are skipped, as are deleted runs and field codes.
"""

import functools
import io
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from doingoai.lib.ooxml import StyleSheet, W, is_on

from ..errors import ERROR_CORRUPT_DOCX, ERROR_NO_TEXT, ERROR_ZIP_BOMB, ReaderError
from ..lines import Line, RawDocument

SUFFIXES = (".docx", ".docm", ".dotx")

_W = W
MAX_PART_BYTES = 64 * 1024 * 1024  # a real document.xml is a few MB at most
MAX_TOTAL_BYTES = 512 * 1024 * 1024
MAX_RATIO = 200  # deflate rarely exceeds ~20:1 on Word XML

# Containers whose runs are part of the visible paragraph text.
_RUN_CONTAINERS = {
    _W + "hyperlink",
    _W + "ins",
    _W + "smartTag",
    _W + "sdt",
    _W + "sdtContent",
    _W + "fldSimple",
    _W + "customXml",
    _W + "moveTo",
    _W + "dir",
    _W + "bdo",
}
_FORMATS_LETTER = "abcdefghijklmnopqrstuvwxyz"


def _roman(number: int) -> str:
    values = (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    )
    out = []
    for value, letters in values:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _format_counter(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letter = _FORMATS_LETTER[(value - 1) % 26] * ((value - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt == "lowerRoman":
        return _roman(value).lower()
    if fmt == "upperRoman":
        return _roman(value)
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class _Numbering:
    """Word list numbering: renders the label Word shows ("1.", "a)") per paragraph."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId -> ilvl -> level
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def parse(cls, xml: bytes | None) -> "_Numbering":
        numbering = cls()
        if not xml:
            return numbering
        root = etree.fromstring(xml)
        abstract: dict[str, dict[int, _Level]] = {}
        for node in root.iter(_W + "abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in node.iter(_W + "lvl"):
                level = _Level()
                fmt = lvl.find(_W + "numFmt")
                text = lvl.find(_W + "lvlText")
                start = lvl.find(_W + "start")
                if fmt is not None:
                    level.fmt = fmt.get(_W + "val", "decimal")
                if text is not None:
                    level.text = text.get(_W + "val", "")
                if start is not None:
                    level.start = int(start.get(_W + "val", "1") or 1)
                levels[int(lvl.get(_W + "ilvl", "0"))] = level
            abstract[node.get(_W + "abstractNumId", "")] = levels
        for num in root.iter(_W + "num"):
            ref = num.find(_W + "abstractNumId")
            if ref is None:
                continue
            levels = dict(abstract.get(ref.get(_W + "val", ""), {}))
            for override in num.iter(_W + "lvlOverride"):
                start = override.find(_W + "startOverride")
                ilvl = int(override.get(_W + "ilvl", "0"))
                if start is not None and ilvl in levels:
                    base = levels[ilvl]
                    levels[ilvl] = _Level(base.fmt, base.text, int(start.get(_W + "val", "1")))
            numbering.levels[num.get(_W + "numId", "")] = levels
        return numbering

    def label(self, num_id: str, ilvl: int) -> str | None:
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return None
        level = levels[ilvl]
        if level.fmt in ("bullet", "none"):
            return "-" if level.fmt == "bullet" else None
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        text = level.text
        for index in range(ilvl, -1, -1):
            token = f"%{index + 1}"
            if token in text:
                value = counters.get(index, levels.get(index, _Level()).start)
                fmt = levels.get(index, _Level()).fmt
                text = text.replace(token, _format_counter(value, fmt))
        return text.strip() or None


class _Styles:
    """Paragraph and character styles, resolved (basedOn chains) only when a style is used."""

    def __init__(self, xml: bytes | None):
        self.sheet = StyleSheet(etree.fromstring(xml) if xml else None)
        self._cache: dict[str, tuple[bool, str | None, tuple[str, int] | None]] = {}
        defaults = self.sheet.default_rpr
        self.default_bold = bool(is_on(defaults.find(_W + "b"))) if defaults is not None else False

    @staticmethod
    def _own(style) -> tuple[bool | None, str | None, tuple[str, int] | None]:
        """(bold, alignment, numbering) a style sets itself."""
        bold = style.find(f"{_W}rPr/{_W}b")
        jc = style.find(f"{_W}pPr/{_W}jc")
        num = style.find(f"{_W}pPr/{_W}numPr")
        numbering = None
        if num is not None:
            num_id = num.find(_W + "numId")
            ilvl = num.find(_W + "ilvl")
            numbering = (
                num_id.get(_W + "val", "") if num_id is not None else "",
                int(ilvl.get(_W + "val", "0") or 0) if ilvl is not None else 0,
            )
        return is_on(bold), jc.get(_W + "val") if jc is not None else None, numbering

    def name(self, sid: str) -> str | None:
        style = self.sheet.by_id.get(sid)
        if style is None:
            return sid or None
        name = style.find(_W + "name")
        return name.get(_W + "val", sid) if name is not None else sid

    def resolve(self, sid: str) -> tuple[bool, str | None, tuple[str, int] | None]:
        """(bold, alignment, list numbering) of a style, following its basedOn chain."""
        cached = self._cache.get(sid)
        if cached is not None:
            return cached
        bold = align = num = None
        for style in self.sheet.chain(sid):
            own_bold, own_align, own_num = self._own(style)
            bold = own_bold if bold is None else bold
            align = own_align if align is None else align
            num = own_num if num is None else num
        result = (self.default_bold if bold is None else bold, align, num)
        self._cache[sid] = result
        return result


@functools.lru_cache(maxsize=16)
def _styles_of(xml: bytes | None) -> _Styles:
    """One office's documents share one styles part: parsed once, its resolved styles kept with it."""
    return _Styles(xml)


_ALIGN = {
    "center": "center",
    "right": "right",
    "end": "right",
    "both": "justify",
    "distribute": "justify",
    "left": "left",
    "start": "left",
}


class _Walker:
    def __init__(self, styles: _Styles, numbering: _Numbering):
        self.styles = styles
        self.numbering = numbering
        self.lines: list[Line] = []
        self.tables = 0
        self.page = 1
        self.blank = False

    # -- paragraphs -------------------------------------------------------
    def _pieces(self, node, para_bold: bool, out: list[tuple[str, bool]]) -> None:
        for child in node:
            tag = child.tag
            if tag == _W + "r":
                self._run(child, para_bold, out)
            elif tag in _RUN_CONTAINERS:
                self._pieces(child, para_bold, out)

    def _run(self, run, para_bold: bool, out: list[tuple[str, bool]]) -> None:
        props = run.find(_W + "rPr")
        bold = para_bold
        if props is not None:
            rstyle = props.find(_W + "rStyle")
            if rstyle is not None:
                bold = self.styles.resolve(rstyle.get(_W + "val", ""))[0] or bold
            b = props.find(_W + "b")
            if b is not None:
                bold = bool(is_on(b))
            if props.find(_W + "vanish") is not None and is_on(props.find(_W + "vanish")):
                return
        for child in run:
            tag = child.tag
            if tag == _W + "t":
                out.append((child.text or "", bold))
            elif tag == _W + "tab" or tag == _W + "ptab":
                out.append(("\t", bold))
            elif tag == _W + "br":
                if child.get(_W + "type") == "page":
                    self.page += 1
                out.append(("\n", bold))
            elif tag == _W + "cr":
                out.append(("\n", bold))
            elif tag == _W + "noBreakHyphen":
                out.append(("-", bold))
            elif tag == _W + "lastRenderedPageBreak":
                self.page += 1

    def paragraph(self, p, cell: tuple[int, int, int] | None) -> None:
        ppr = p.find(_W + "pPr")
        style_id = ""
        align = None
        num: tuple[str, int] | None = None
        indent = None
        if ppr is not None:
            pstyle = ppr.find(_W + "pStyle")
            if pstyle is not None:
                style_id = pstyle.get(_W + "val", "")
            jc = ppr.find(_W + "jc")
            if jc is not None:
                align = jc.get(_W + "val")
            numpr = ppr.find(_W + "numPr")
            if numpr is not None:
                num_id = numpr.find(_W + "numId")
                ilvl = numpr.find(_W + "ilvl")
                num = (
                    num_id.get(_W + "val", "") if num_id is not None else "",
                    int(ilvl.get(_W + "val", "0") or 0) if ilvl is not None else 0,
                )
            ind = ppr.find(_W + "ind")
            if ind is not None:
                raw = ind.get(_W + "left") or ind.get(_W + "start") or ind.get(_W + "firstLine")
                try:
                    indent = float(raw) / 20 if raw else None  # twips -> points
                except ValueError:
                    indent = None
        style_bold, style_align, style_num = self.styles.resolve(style_id)
        if num is None:
            num = style_num
        align = align or style_align
        para_bold = style_bold
        pieces: list[tuple[str, bool]] = []
        self._pieces(p, para_bold, pieces)
        text = "".join(t for t, _ in pieces)
        if not text.strip():
            self.blank = True
            return
        label = None
        if num is not None and num[0] not in ("", "0"):
            label = self.numbering.label(num[0], num[1])
        # Split the paragraph at line breaks: each visual line is one Line.
        current: list[tuple[str, bool]] = []
        segments: list[list[tuple[str, bool]]] = []
        for piece, bold in pieces:
            parts = piece.split("\n")
            for index, part in enumerate(parts):
                if index:
                    segments.append(current)
                    current = []
                if part:
                    current.append((part, bold))
        segments.append(current)
        first = True
        for segment in segments:
            seg_text = "".join(t for t, _ in segment)
            if not seg_text.strip():
                continue
            inked = [(t, b) for t, b in segment if t.strip()]
            bold_all = bool(inked) and all(b for _, b in inked)
            prefix = 0
            if not bold_all:
                for t, b in segment:
                    if not b and t.strip():
                        break
                    prefix += len(t)
                leading = len(seg_text) - len(seg_text.lstrip())
                prefix = max(0, prefix - leading) if prefix > leading else 0
            self.lines.append(
                Line(
                    text=seg_text,
                    bold=bold_all,
                    bold_prefix=prefix,
                    align=_ALIGN.get(align or "", None),
                    cell=cell,
                    page=self.page,
                    style=self.styles.name(style_id) if style_id else None,
                    numbering=label if first else None,
                    blank_before=self.blank,
                    indent=indent,
                )
            )
            self.blank = False
            first = False

    # -- tables -----------------------------------------------------------
    def table(self, tbl) -> None:
        table_id = self.tables
        self.tables += 1
        for row_index, tr in enumerate(tbl.iterfind(_W + "tr")):
            col = 0
            for tc in self._cells(tr):
                tcpr = tc.find(_W + "tcPr")
                span = 1
                continued = False
                if tcpr is not None:
                    grid = tcpr.find(_W + "gridSpan")
                    if grid is not None:
                        span = int(grid.get(_W + "val", "1") or 1)
                    vmerge = tcpr.find(_W + "vMerge")
                    continued = vmerge is not None and vmerge.get(_W + "val", "continue") == "continue"
                if not continued:
                    self.block(tc, (table_id, row_index, col))
                col += span
        self.blank = True

    def _cells(self, tr):
        for child in tr:
            if child.tag == _W + "tc":
                yield child
            elif child.tag in (_W + "sdt", _W + "customXml"):
                content = child.find(_W + "sdtContent") if child.tag == _W + "sdt" else child
                if content is not None:
                    yield from self._cells(content)

    def block(self, node, cell: tuple[int, int, int] | None) -> None:
        for child in node:
            tag = child.tag
            if tag == _W + "p":
                self.paragraph(child, cell)
            elif tag == _W + "tbl":
                self.table(child)
            elif tag in (_W + "sdt", _W + "customXml"):
                content = child.find(_W + "sdtContent") if tag == _W + "sdt" else child
                if content is not None:
                    self.block(content, cell)


def _read_part(archive: zipfile.ZipFile, name: str) -> bytes | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise ReaderError(ERROR_ZIP_BOMB)
    with archive.open(info) as handle:
        data = handle.read(MAX_PART_BYTES + 1)  # the header's size may lie
    if len(data) > MAX_PART_BYTES:
        raise ReaderError(ERROR_ZIP_BOMB)
    return data


def _check_archive(archive: zipfile.ZipFile) -> None:
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 8 << 20:
            raise ReaderError(ERROR_ZIP_BOMB)
    if total > MAX_TOTAL_BYTES:
        raise ReaderError(ERROR_ZIP_BOMB)


def read(data: bytes, *, name: str) -> RawDocument:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise ReaderError(ERROR_CORRUPT_DOCX, source=name) from None
    with archive:
        _check_archive(archive)
        try:
            document = _read_part(archive, "word/document.xml")
            if document is None:
                raise ReaderError(ERROR_CORRUPT_DOCX, source=name)
            styles = _styles_of(_read_part(archive, "word/styles.xml"))
            numbering = _Numbering.parse(_read_part(archive, "word/numbering.xml"))
            parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
            root = etree.fromstring(document, parser)
        except ReaderError as error:
            error.source = name
            raise
        except (
            etree.XMLSyntaxError,
            zipfile.BadZipFile,
            ValueError,
            KeyError,
            OSError,
            EOFError,
            NotImplementedError,
            RuntimeError,
        ):
            # RuntimeError: zip entries that are themselves encrypted.
            raise ReaderError(ERROR_CORRUPT_DOCX, source=name) from None
    body = root.find(_W + "body")
    if body is None:
        raise ReaderError(ERROR_CORRUPT_DOCX, source=name)
    walker = _Walker(styles, numbering)
    walker.block(body, None)
    if not walker.lines:
        raise ReaderError(ERROR_NO_TEXT, source=name)
    return RawDocument(lines=walker.lines, kind="docx", pages=walker.page)
