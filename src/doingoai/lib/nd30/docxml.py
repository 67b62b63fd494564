"""Small WordprocessingML helpers python-docx does not offer: fonts without theme
overrides, paragraph rules, borderless fixed tables, the PAGE field, bookmarks
and a custom XML data part."""

import json
import uuid
from functools import lru_cache

from docx.enum.text import WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from .layout import FONT, Element

TWIPS_PER_MM = 1440 / 25.4
CUSTOM_XML_NS = "urn:doingoai:report:1"


_TBLPR_ORDER = ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
                "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd",
                "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription")  # fmt: skip


def _ordered_child(parent, tag: str, order: tuple[str, ...]):
    """The child ``tag`` of ``parent``, created at its schema position if missing."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    found = OxmlElement(tag)
    later = {qn(t) for t in order[order.index(tag) + 1 :]}
    successor = next((c for c in parent if c.tag in later), None)
    if successor is not None:
        successor.addprevious(found)
    else:
        parent.append(found)
    return found


def _child(parent, tag: str, *, first: bool = False):
    """The child ``tag`` of ``parent``, created if missing."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        if first:
            parent.insert(0, found)
        else:
            parent.append(found)
    return found


def set_fonts(rpr) -> None:
    """Times New Roman for every script slot, theme attributes removed (checklist F1)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def set_document_defaults(document, *, size_pt: float) -> None:
    """docDefaults and the Normal style: Times New Roman, black, Vietnamese."""
    styles = document.styles.element
    defaults = _child(styles, "w:docDefaults", first=True)
    rpr = _child(_child(defaults, "w:rPrDefault"), "w:rPr")
    set_fonts(rpr)
    _child(rpr, "w:sz").set(qn("w:val"), str(int(size_pt * 2)))
    _child(rpr, "w:szCs").set(qn("w:val"), str(int(size_pt * 2)))
    lang = _child(rpr, "w:lang")
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "en-US")
    normal = document.styles["Normal"]
    set_fonts(normal.element.get_or_add_rPr())
    normal.font.size = Pt(size_pt)


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@lru_cache(maxsize=64)
def _rpr_xml(element: Element, *, mark: bool) -> str:
    """Run properties of ``element`` (explicit on/off, so no style can change them)."""
    fonts = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}" w:eastAsia="{FONT}"/>'
    weight = "" if mark else f'<w:b w:val="{int(element.bold)}"/><w:i w:val="{int(element.italic)}"/>'
    size = f'<w:sz w:val="{round(element.size * 2)}"/><w:szCs w:val="{round(element.size * 2)}"/>'
    return f'<w:rPr xmlns:w="{_W}">{fonts}{weight}{size}</w:rPr>'


def _rpr(element: Element, *, mark: bool = False):
    return parse_xml(_rpr_xml(element, mark=mark))


def style_run(run, element: Element) -> None:
    """Times New Roman at the element's size, bold and italic set either way."""
    old = run._r.find(qn("w:rPr"))
    if old is not None:
        run._r.remove(old)
    run._r.insert(0, _rpr(element))


def add_text(paragraph: Paragraph, text: str, element: Element):
    """One run of ``text`` set as ``element``; the paragraph mark takes the same size."""
    run = paragraph.add_run(text)
    style_run(run, element)
    ppr = paragraph._p.get_or_add_pPr()
    old = ppr.find(qn("w:rPr"))
    if old is not None:
        ppr.remove(old)
    anchor = next((c for c in ppr if c.tag in (qn("w:sectPr"), qn("w:pPrChange"))), None)
    if anchor is not None:
        anchor.addprevious(_rpr(element, mark=True))
    else:
        ppr.append(_rpr(element, mark=True))
    return run


def space(paragraph: Paragraph, *, before: float = 0, after: float = 0, line: float | None = 1.0) -> None:
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    if line is not None:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE if line == 1.0 else WD_LINE_SPACING.MULTIPLE
        if line != 1.0:
            fmt.line_spacing = line


def rule_below(paragraph: Paragraph, *, length_mm: float, available_mm: float) -> None:
    """A solid rule of ``length_mm``, centred, drawn as the bottom border of an
    otherwise empty paragraph whose indents leave exactly that length."""
    side = max(0.0, (available_mm - length_mm) / 2)
    fmt = paragraph.paragraph_format
    fmt.left_indent = Mm(side)
    fmt.right_indent = Mm(side)
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    # pBdr must come before spacing/ind/jc in CT_PPr order.
    anchor = next(
        (ppr.find(qn(t)) for t in ("w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc") if ppr.find(qn(t)) is not None),
        None,
    )
    if anchor is not None:
        anchor.addprevious(borders)
    else:
        ppr.append(borders)


def fixed_table(table, widths_mm: list[float], *, borders: bool) -> None:
    """Fixed layout, exact column widths, and either no borders or single lines."""
    tbl = table._tbl
    tblpr = tbl.tblPr
    width = _ordered_child(tblpr, "w:tblW", _TBLPR_ORDER)
    width.set(qn("w:w"), str(round(sum(widths_mm) * TWIPS_PER_MM)))
    width.set(qn("w:type"), "dxa")
    _ordered_child(tblpr, "w:tblLayout", _TBLPR_ORDER).set(qn("w:type"), "fixed")
    edges = _ordered_child(tblpr, "w:tblBorders", _TBLPR_ORDER)
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = _child(edges, f"w:{edge}")
        line.set(qn("w:val"), "single" if borders else "nil")
        if borders:
            line.set(qn("w:sz"), "4")
            line.set(qn("w:space"), "0")
            line.set(qn("w:color"), "000000")
    grid = tbl.tblGrid
    for col, mm in zip(grid.findall(qn("w:gridCol")), widths_mm, strict=False):
        col.set(qn("w:w"), str(round(mm * TWIPS_PER_MM)))
    for row in table.rows:
        for cell, mm in zip(row.cells, widths_mm, strict=False):
            cell.width = Mm(mm)


def add_page_field(paragraph: Paragraph, element: Element) -> None:
    """A PAGE field (PL I §I.7) as a complex field, with "2" as its cached result."""
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        run = paragraph.add_run()
        style_run(run, element)
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run._r.append(_text_element(text))


def _text_element(text: str):
    element = OxmlElement("w:t")
    element.text = text
    return element


def bookmark(paragraph: Paragraph, name: str, ident: int) -> None:
    """A hidden bookmark around the paragraph's content (names starting "_" are hidden in Word)."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(ident))
    start.set(qn("w:name"), name[:40])
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(ident))
    p = paragraph._p
    ppr = p.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


def page_number_restart(section, start: int = 1) -> None:
    """Appendix pages are numbered on their own (PL I §III.1.đ)."""
    sect = section._sectPr
    numbering = sect.find(qn("w:pgNumType"))
    if numbering is None:
        numbering = OxmlElement("w:pgNumType")
        anchor = sect.find(qn("w:cols"))
        if anchor is not None:
            anchor.addprevious(numbering)
        else:
            sect.append(numbering)
    numbering.set(qn("w:start"), str(start))


_TRPR_ORDER = ("w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter", "w:cantSplit",
               "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden")  # fmt: skip


def repeat_header_row(row) -> None:
    _ordered_child(row._tr.get_or_add_trPr(), "w:tblHeader", _TRPR_ORDER)


def keep_row_together(row) -> None:
    _ordered_child(row._tr.get_or_add_trPr(), "w:cantSplit", _TRPR_ORDER)


def cell_margins(table, *, side_mm: float) -> None:
    """Left/right cell margins of the whole table (Word's default is 1.9 mm)."""
    margins = _ordered_child(table._tbl.tblPr, "w:tblCellMar", _TBLPR_ORDER)
    for edge in ("left", "right"):
        element = _child(margins, f"w:{edge}")
        element.set(qn("w:w"), str(round(side_mm * TWIPS_PER_MM)))
        element.set(qn("w:type"), "dxa")


def add_custom_xml(document, payload: dict) -> None:
    """Store ``payload`` as a custom XML data part (customXml/itemN.xml), which
    Word and LibreOffice keep across edits: the section codes stay recoverable."""
    package = document.part.package
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    item_id = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, CUSTOM_XML_NS + body)).upper() + "}"
    escaped = body.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<report xmlns="{CUSTOM_XML_NS}">{escaped}</report>'
    props = (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        f'<ds:datastoreItem ds:itemID="{item_id}" '
        'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">'
        f'<ds:schemaRefs><ds:schemaRef ds:uri="{CUSTOM_XML_NS}"/></ds:schemaRefs></ds:datastoreItem>'
    )
    item_name = package.next_partname("/customXml/item%d.xml")
    item = Part(item_name, "application/xml", xml.encode("utf-8"), package)
    item_props = Part(
        PackURI(item_name.replace("/item", "/itemProps")),
        "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
        props.encode("utf-8"),
        package,
    )
    item.relate_to(item_props, RT.CUSTOM_XML_PROPS)
    document.part.relate_to(item, RT.CUSTOM_XML)
