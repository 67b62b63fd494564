"""Render a report (the JSON contract of shared/domain.md) as an ND30 .docx.

Layout, top to bottom (Nghị định 30/2020, Phụ lục I; Mẫu 1.4 of Phụ lục III):
the borderless two-column header table (Ô 1–4), "BÁO CÁO" and the trích yếu
(Ô 5a), the "Thực hiện Công văn số …" sentence, the numbered body (Ô 6), the
closing sentence, the borderless "Nơi nhận" / signature table (Ô 7, Ô 9b) and,
when given, the NGO-aid annex on its own landscape pages.

Section codes stay recoverable: each heading paragraph carries a hidden
bookmark ``_dnNN_<code>`` and the codes with their ``also`` list are kept in a
custom XML part (see ``readback.read_rendered``).
"""

import datetime as dt
import io

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from . import layout as L
from .annex import HEADERS, annex_cells, annex_total, annex_widths
from .docxml import (
    add_custom_xml,
    add_page_field,
    add_text,
    bookmark,
    cell_margins,
    fixed_table,
    keep_row_together,
    page_number_restart,
    repeat_header_row,
    rule_below,
    set_document_defaults,
    space,
)
from .fields import (
    DOC_TYPE,
    MOTTO,
    NATIONAL_NAME,
    Issuer,
    annex_reference,
    basis_sentence,
    closing_sentence,
    date_line,
    issuer_of,
    number_line,
    period_of,
    recipients_of,
    signature_lines,
    summary_of,
    unit_body,
)
from .metrics import text_width_mm
from .outline import body_lines, outline

CENTER, JUSTIFY, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT
BOOKMARK_PREFIX = "_dn"  # "_dn07h_ngo_aid": section 7 starts at its heading ("t": at its first line of text)
BOOKMARK_BASIS, BOOKMARK_CLOSING = "_dn_basis", "_dn_closing"
PAYLOAD_FORMAT = "doingoai-report/1"
RULE_MARK = L.Element(4)  # the empty paragraph that carries a rule, a little below the text


def render_docx(report: dict, *, annex: dict | None = None) -> bytes:
    """The report as .docx bytes, laid out to Nghị định 30/2020 (Phụ lục I)."""
    meta = report.get("meta") or {}
    issuer = issuer_of(meta)
    document = Document()
    set_document_defaults(document, size_pt=L.BODY.size)
    section = document.sections[0]
    _page_setup(section, landscape=False)
    _page_numbers(section)

    sections = report.get("sections") or []
    plans = any(s.get("code") == "plans" for s in sections)
    _header_table(document, meta, issuer)
    _title(document, meta, plans=plans)
    if basis := basis_sentence(meta, issuer):
        bookmark(_body_paragraph(document, basis), BOOKMARK_BASIS, 9001)
    _body(document, sections)
    closing = _body_paragraph(document, closing_sentence(meta, issuer, plans=plans))
    closing.paragraph_format.keep_with_next = True  # never leave the signature alone on a page
    bookmark(closing, BOOKMARK_CLOSING, 9002)
    _closing_table(document, meta, issuer)
    if annex:
        _annex(document, meta, issuer, annex)

    _properties(document, meta, issuer, plans=plans)
    _drop_template_thumbnail(document)
    add_custom_xml(
        document,
        {
            "format": PAYLOAD_FORMAT,
            "source": report.get("source"),
            "sections": [{"code": s.get("code"), "also": list(s.get("also") or [])} for s in sections],
        },
    )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _page_setup(section, *, landscape: bool) -> None:
    """A4, portrait for the report; landscape only for the annex table (PL I §I.1–3)."""
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    width, height = (L.PAGE_HEIGHT_MM, L.PAGE_WIDTH_MM) if landscape else (L.PAGE_WIDTH_MM, L.PAGE_HEIGHT_MM)
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.top_margin, section.bottom_margin = Mm(L.MARGIN_TOP_MM), Mm(L.MARGIN_BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(L.MARGIN_LEFT_MM), Mm(L.MARGIN_RIGHT_MM)
    section.header_distance = section.footer_distance = Mm(L.HEADER_DISTANCE_MM)
    section.gutter = Mm(0)


def _page_numbers(section) -> None:
    """Page number centred in the top margin, not on the first page (PL I §I.7)."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = CENTER
    space(paragraph)
    add_page_field(paragraph, L.PAGE_NUMBER)
    first = section.first_page_header
    first.is_linked_to_previous = False
    space(first.paragraphs[0])


def _paragraph(container, text: str, element: L.Element, *, align=CENTER, before: float = 0, after: float = 0):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    space(paragraph, before=before, after=after)
    add_text(paragraph, text, element)
    return paragraph


def _rule(container, *, length_mm: float, available_mm: float) -> None:
    paragraph = container.add_paragraph()
    paragraph.alignment = CENTER
    space(paragraph)
    add_text(paragraph, "", RULE_MARK)
    rule_below(paragraph, length_mm=length_mm, available_mm=available_mm)


def _cell_width(width_mm: float) -> float:
    return width_mm - 2 * L.CELL_MARGIN_MM


def _header_table(document, meta: dict, issuer: Issuer) -> None:
    """Ô 2 + Ô 3 on the left, Ô 1 + Ô 4 on the right (Mẫu 1.4)."""
    table = document.add_table(rows=2, cols=2)
    fixed_table(table, [L.HEADER_LEFT_MM, L.HEADER_RIGHT_MM], borders=False)
    (body, motto_cell), (number_cell, date_cell) = (row.cells for row in table.rows)
    for cell in (body, motto_cell, number_cell, date_cell):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
        cell._tc.remove(cell.paragraphs[0]._p)

    left, right = _cell_width(L.HEADER_LEFT_MM), _cell_width(L.HEADER_RIGHT_MM)
    # Ô 2: parent body not bold, issuing body bold, a rule 1/3–1/2 of its line (PL I §II.2.b).
    if issuer.parent:
        _paragraph(body, issuer.parent, L.PARENT_BODY)
    for line in issuer.lines:
        _paragraph(body, line, L.ISSUER)
    widest = max(text_width_mm(line, size_pt=L.ISSUER.size, bold=True) for line in issuer.lines)
    _rule(body, length_mm=min(widest, left) * L.SHORT_RULE_RATIO, available_mm=left)
    # Ô 1: Quốc hiệu, Tiêu ngữ, and a rule as long as the Tiêu ngữ (PL I §II.1).
    _paragraph(motto_cell, NATIONAL_NAME, L.NATIONAL_NAME)
    _paragraph(motto_cell, MOTTO, L.MOTTO)
    motto_width = text_width_mm(MOTTO, size_pt=L.MOTTO.size, bold=True)
    _rule(motto_cell, length_mm=motto_width, available_mm=right)
    # Ô 3 and Ô 4 on one row (PL I §II.3.c, §II.4.c).
    _paragraph(number_cell, number_line(meta, issuer), L.NUMBER, before=6)
    _paragraph(date_cell, date_line(meta), L.PLACE_DATE, before=6)


def _title(document, meta: dict, *, plans: bool) -> None:
    """Ô 5a: "BÁO CÁO", the trích yếu under it, and a short rule (PL I §II.5.b)."""
    _paragraph(document, DOC_TYPE, L.DOC_TYPE, before=18)
    lines = [line.strip() for line in summary_of(meta, plans=plans).splitlines() if line.strip()]
    for line in lines:
        _paragraph(document, line, L.SUMMARY)
    longest = max(text_width_mm(line, size_pt=L.SUMMARY.size, bold=True) for line in lines)
    _rule(document, length_mm=min(longest, L.TEXT_WIDTH_MM) * L.SHORT_RULE_RATIO, available_mm=L.TEXT_WIDTH_MM)
    addressees = [a.strip() for a in meta.get("addressees") or [] if a and a.strip()]
    if addressees:
        _addressees(document, addressees)
    space(document.add_paragraph())  # a blank line before the body, as in Mẫu 1.4


def _addressees(document, addressees: list[str]) -> None:
    """Ô 9a "Kính gửi:" (PL I §II.9.b): one on the same line, several one per line."""
    if len(addressees) == 1:
        _paragraph(document, f"Kính gửi: {addressees[0].rstrip('.;')}.", L.BODY, before=12)
        return
    _paragraph(document, "Kính gửi:", L.BODY, before=12)
    for position, name in enumerate(addressees):
        end = "." if position == len(addressees) - 1 else ";"
        paragraph = _paragraph(document, f"- {name.rstrip('.;')}{end}", L.BODY, align=LEFT)
        paragraph.paragraph_format.left_indent = Mm(50)


def _body_paragraph(document, text: str, element: L.Element = L.BODY):
    """Body text: justified, first-line indent 1 cm, 6 pt before, 1.15 lines (PL I §II.6.e)."""
    paragraph = document.add_paragraph()
    paragraph.alignment = JUSTIFY
    paragraph.paragraph_format.first_line_indent = Mm(L.BODY_INDENT_MM)
    space(paragraph, before=L.BODY_SPACE_BEFORE_PT, line=L.BODY_LINE_SPACING)
    add_text(paragraph, text, element)
    return paragraph


_HEADING_ELEMENT = {0: L.HEADING_FREE, 1: L.HEADING_1, 2: L.HEADING_2, 3: L.HEADING_3}


def _body(document, sections: list[dict]) -> None:
    """Headings renumbered in sequence (outline.py) and each line of text a paragraph."""
    for index, (section, heading) in enumerate(zip(sections, outline(sections), strict=False)):
        first = None
        if heading is not None:
            first = _body_paragraph(document, heading.label, _HEADING_ELEMENT[heading.level])
            first.paragraph_format.keep_with_next = True
        for line in body_lines(section.get("text") or ""):
            paragraph = _body_paragraph(document, line)
            first = first or paragraph
        if first is not None:
            kind = "h" if heading is not None else "t"
            bookmark(first, f"{BOOKMARK_PREFIX}{index:02d}{kind}_{section.get('code') or 'other'}", index + 1)


def _closing_table(document, meta: dict, issuer: Issuer) -> None:
    """ "Nơi nhận" on the left, level with the authority line; signature on the right (Ô 7, Ô 9b)."""
    table = document.add_table(rows=1, cols=2)
    fixed_table(table, [L.CLOSING_LEFT_MM, L.CLOSING_RIGHT_MM], borders=False)
    keep_row_together(table.rows[0])
    recipients, signature = table.rows[0].cells
    for cell in (recipients, signature):
        cell._tc.remove(cell.paragraphs[0]._p)

    _paragraph(recipients, "Nơi nhận:", L.RECIPIENTS_LABEL, align=LEFT, before=12)
    for line in recipients_of(meta):
        _paragraph(recipients, line, L.RECIPIENT, align=LEFT)

    lines, name = signature_lines(meta, issuer)
    for position, line in enumerate(lines):
        _paragraph(signature, line, L.AUTHORITY, before=12 if position == 0 else 0)
    if name:
        _paragraph(signature, name, L.SIGNER, before=L.SIGNATURE_SPACE_PT)
    else:
        _paragraph(signature, "", L.SIGNER, before=L.SIGNATURE_SPACE_PT)
    ending = document.add_paragraph()
    space(ending)
    add_text(ending, "", RULE_MARK)


def _annex(document, meta: dict, issuer: Issuer, annex: dict) -> None:
    """The NGO-aid table as "Phụ lục" on landscape pages numbered on their own (PL I §III.1)."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    _page_setup(section, landscape=True)
    section.different_first_page_header_footer = True
    page_number_restart(section)
    width = L.PAGE_HEIGHT_MM - L.MARGIN_LEFT_MM - L.MARGIN_RIGHT_MM

    _paragraph(document, annex.get("label") or "Phụ lục", L.ANNEX_LABEL)
    period = period_of(meta)
    title = annex.get("title") or "Tình hình vận động, tiếp nhận viện trợ phi chính phủ nước ngoài" + (
        f" {period.phrase}" if period else ""
    )
    _paragraph(document, title.upper(), L.ANNEX_TITLE)
    _paragraph(document, annex_reference(meta, issuer), L.ANNEX_REF, after=12)

    rows = list(annex.get("rows") or [])
    table = document.add_table(rows=2 + len(rows) + 1, cols=len(HEADERS))
    fixed_table(table, annex_widths(width), borders=True)
    cell_margins(table, side_mm=L.TABLE_CELL_MARGIN_MM)
    repeat_header_row(table.rows[0])
    repeat_header_row(table.rows[1])
    for row in table.rows:
        keep_row_together(row)
    body = [annex_cells(row, index) for index, row in enumerate(rows, start=1)]
    numbers = [f"({n})" for n in range(1, len(HEADERS) + 1)]
    for r, (cells, element) in enumerate(
        [
            (list(HEADERS), L.TABLE_HEAD),
            (numbers, L.TABLE),
            *((c, L.TABLE) for c in body),
            (annex_total(rows), L.TABLE_HEAD),
        ]
    ):
        row_cells = table.rows[r].cells  # python-docx rebuilds this list on every access
        for c, text in enumerate(cells):
            cell = row_cells[c]
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            paragraph = cell.paragraphs[0]
            numeric = r >= 2 and c > 0 and text.replace(".", "").isdigit()
            paragraph.alignment = CENTER if r < 2 or c == 0 else (WD_ALIGN_PARAGRAPH.RIGHT if numeric else LEFT)
            space(paragraph, before=2, after=2)
            add_text(paragraph, text, element)
    if note := (annex.get("note") or "").strip():
        _paragraph(document, note, L.ANNEX_REF, align=LEFT, before=6)


def _properties(document, meta: dict, issuer: Issuer, *, plans: bool) -> None:
    props = document.core_properties
    props.title = f"{DOC_TYPE.capitalize()} {summary_of(meta, plans=plans)}"
    props.subject = "Báo cáo công tác đối ngoại"
    props.author = props.last_modified_by = unit_body(meta, issuer)
    props.language = "vi-VN"
    props.created = props.modified = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
    props.comments = "Trình bày theo Nghị định 30/2020/NĐ-CP (doingoai)"
    props.keywords = ""
    props.revision = 1
    props.category = "BC"


def _drop_template_thumbnail(document) -> None:
    """python-docx's template ships a thumbnail of its own blank page; a file
    browser would show it as the report's preview."""
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package.rels[rel_id]
