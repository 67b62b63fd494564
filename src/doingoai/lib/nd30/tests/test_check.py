"""The checker catches what breaks the rules, so a clean result means something."""

import io
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from doingoai.lib.nd30 import check_docx, render_docx
from doingoai.lib.nd30.check import ERROR, RULES, WARNING, Finding
from doingoai.lib.nd30.shared import shared_dir

from .factories import minimal_report


def _document(**meta) -> docx.Document:
    return docx.Document(io.BytesIO(render_docx(minimal_report(**meta))))


def _bytes(document: docx.Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _rules(document: docx.Document) -> set[str]:
    return {f.rule for f in check_docx(_bytes(document))}


def _paragraph(document: docx.Document, starts: str):
    for p in document.element.body.iter(qn("w:p")):
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        if text.startswith(starts):
            return docx.text.paragraph.Paragraph(p, document.part)
    raise AssertionError(starts)


def test_rendered_report_is_clean_to_begin_with():
    assert check_docx(_bytes(_document())) == []


def test_checker_catches_wrong_margins_and_paper():
    document = _document()
    section = document.sections[0]
    section.top_margin, section.bottom_margin = Mm(15), Mm(30)
    section.left_margin, section.right_margin = Mm(25), Mm(25)
    section.page_width, section.page_height = Mm(215.9), Mm(279.4)  # US Letter
    findings = check_docx(_bytes(document))
    assert {"P1", "P2", "P3", "P4", "P5"} <= {f.rule for f in findings}
    assert any(f.rule == "P4" and "25.0 mm" in f.message for f in findings)


def test_checker_catches_a_wrong_font_on_any_run():
    document = _document()
    run = _paragraph(document, "Tình hình ổn định").runs[0]
    run.font.name = "Arial"
    findings = [f for f in check_docx(_bytes(document)) if f.rule == "F1"]
    assert findings and "Arial" in findings[0].message and findings[0].severity == ERROR


def test_checker_resolves_fonts_through_styles_to_a_theme_font():
    document = docx.Document(io.BytesIO(render_docx(minimal_report())))
    rfonts = _paragraph(document, "Tình hình ổn định").runs[0]._r.rPr.find(qn("w:rFonts"))
    rfonts.getparent().remove(rfonts)  # falls back to the style chain ...
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    defaults.find(qn("w:rFonts")).set(qn("w:asciiTheme"), "minorHAnsi")  # ... which ends in a theme font
    normal = document.styles["Normal"].element.rPr
    normal.remove(normal.find(qn("w:rFonts")))
    findings = [f for f in check_docx(_bytes(document)) if f.rule == "F1"]
    assert findings and "minorHAnsi" in findings[0].message


def test_checker_catches_a_missing_page_number_field():
    document = _document()
    header = document.sections[0].header._element
    for tag in ("w:fldChar", "w:instrText"):
        for element in list(header.iter(qn(tag))):
            element.getparent().remove(element)
    findings = [f for f in check_docx(_bytes(document)) if f.rule == "N1"]
    assert findings and "PAGE" in findings[0].message


def test_checker_catches_a_number_on_the_first_page():
    document = _document()
    document.sections[0].different_first_page_header_footer = False
    assert "N2" in _rules(document)


def test_checker_catches_page_numbers_put_in_the_footer():
    document = _document()
    header = document.sections[0].header._element
    for element in list(header.iter(qn("w:instrText"))):
        element.text = " DATE "
    footer = document.sections[0].footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    field = docx.oxml.parse_xml(
        '<w:fldSimple xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:instr=" PAGE "/>'
    )
    paragraph._p.append(field)
    findings = [f for f in check_docx(_bytes(document)) if f.rule == "N1"]
    assert findings and "chân trang" in findings[0].message


def test_checker_catches_header_faults():
    document = _document()
    number = _paragraph(document, "Số:")
    number.runs[0].text = "Số: 5/BC UBND"
    date = _paragraph(document, "Minh Long, ngày")
    date.runs[0].text = "Minh Long ngày 5 tháng 1 năm 2026"
    date.runs[0].font.italic = False
    motto = _paragraph(document, "Độc lập")
    motto.runs[0].text = "Độc lập – Tự do – Hạnh phúc"
    motto.runs[0].font.size = Pt(12)
    national = _paragraph(document, "CỘNG HÒA")
    national.runs[0].font.bold = False
    rules = _rules(document)
    assert {"H1", "H2", "H7", "H9", "D1"} <= rules


def test_checker_catches_unpadded_day_and_month():
    document = _document()
    _paragraph(document, "Minh Long, ngày").runs[0].text = "Minh Long, ngày 5 tháng 1 năm 2026"
    _paragraph(document, "Số:").runs[0].text = "Số: 7/BC-UBND"
    findings = check_docx(_bytes(document))
    assert [f.rule for f in findings if f.rule in ("D2", "H8")] == ["H8", "D2", "D2"]


def test_checker_catches_missing_rules_under_the_motto_and_summary():
    document = _document()
    for p in document.element.body.iter(qn("w:p")):
        ppr = p.find(qn("w:pPr"))
        if ppr is not None and ppr.find(qn("w:pBdr")) is not None:
            ppr.remove(ppr.find(qn("w:pBdr")))
    assert {"H3", "H6", "T3"} <= _rules(document)


def test_checker_catches_body_faults():
    document = _document()
    paragraph = _paragraph(document, "Tình hình ổn định")
    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    paragraph.paragraph_format.first_line_indent = Mm(5)
    paragraph.paragraph_format.space_before = Pt(0)
    paragraph.paragraph_format.line_spacing = 2.0
    paragraph.runs[0].font.italic = True
    paragraph.runs[0].font.size = Pt(12)
    findings = {f.rule: f for f in check_docx(_bytes(document))}
    assert {"B1", "B2", "B3", "B4"} <= set(findings)
    assert "5.0 mm" in findings["B2"].where


def test_checker_catches_heading_and_numbering_faults():
    document = _document()
    _paragraph(document, "I. ĐẶC").runs[0].text = "II. Đặc điểm tình hình"
    _paragraph(document, "1. Công tác").runs[0].text = "3. Công tác đoàn ra, đoàn vào"
    report = minimal_report()
    report["sections"].append({"code": "other", "heading": "a) Điểm", "text": "X.", "level": 3})
    lettered = docx.Document(io.BytesIO(render_docx(report)))
    _paragraph(lettered, "a) Điểm").runs[0].text = "a. Điểm"
    _paragraph(lettered, "a. Điểm").runs[0].font.bold = True
    assert {"C1", "C4"} <= _rules(document)
    assert "C3" in _rules(lettered)


def test_checker_catches_closing_block_faults():
    document = _document(signer={"name": "TS. Nguyễn Văn A", "title": "Phó Chủ tịch", "authority": "KT"})
    _paragraph(document, "Nơi nhận").runs[0].font.italic = False
    _paragraph(document, "- Sở Ngoại vụ").runs[0].font.size = Pt(13)
    _paragraph(document, "- Lưu").runs[0].text = "- Lưu VT"
    _paragraph(document, "TM. ỦY BAN").runs[0].text = ""
    _paragraph(document, "TS. Nguyễn").runs[0].font.bold = False
    findings = check_docx(_bytes(document))
    rules = {f.rule for f in findings}
    assert {"R1", "R2", "R3", "S3"} <= rules
    assert any(f.rule == "S2" and f.severity == WARNING for f in findings)
    assert any(f.rule == "S3" and "học hàm" in f.message for f in findings)


def test_checker_finds_almost_everything_wrong_in_a_plain_python_docx_file():
    document = docx.Document()
    document.add_paragraph("Báo cáo công tác đối ngoại")
    document.add_paragraph("Nội dung.")
    rules = {f.rule for f in check_docx(_bytes(document))}
    assert {"P1", "P2", "F1", "N1", "H1", "T1"} <= rules  # Letter paper, 25.4 mm top margin, Calibri


def test_checker_refuses_what_is_not_a_docx_with_a_finding():
    findings = check_docx(b"PK\x03\x04 not really")
    assert [f.rule for f in findings] == ["DOCX"] and findings[0].severity == ERROR


def test_each_finding_names_its_rule_and_what_was_measured():
    finding = Finding("P2", ERROR, "lề trên 15.0 mm, phải 20–25 mm", "phần (section) 1")
    assert str(finding) == "[P2] Lề trên 20–25 mm: lề trên 15.0 mm, phải 20–25 mm (phần (section) 1)"
    assert finding.source == "PL I §I.3"
    assert all(rule in RULES for rule in ("P1", "N1", "N2", "H3", "D2", "T3", "B3", "C4", "S2", "R3", "A2"))


REAL = Path(shared_dir()) / "realdocx" / "docs"


@pytest.mark.skipif(not REAL.exists(), reason="shared/realdocx not present")
@pytest.mark.parametrize("name", ["r01.docx", "r02.docx", "r03.docx", "r04.docx", "r07.docx", "r08.docx", "r09.docx"])
def test_checker_measures_real_office_files_in_place(name):
    findings = check_docx((REAL / name).read_bytes())
    assert all(isinstance(f, Finding) and f.rule in RULES for f in findings)
    assert "DOCX" not in {f.rule for f in findings}


@pytest.mark.skipif(not REAL.exists(), reason="shared/realdocx not present")
def test_checker_reports_what_a_real_commune_report_gets_wrong():
    findings = check_docx((REAL / "r01.docx").read_bytes())
    messages = {f.rule: f.message for f in findings}
    assert "lề trái 25.0 mm" in messages["P4"]  # the file's real margin
    assert "chân trang" in messages["N1"]  # its page number is in the footer
    assert "Lưu VT." in messages["R3"]
    assert check_docx((REAL / "r05.doc").read_bytes())[0].rule == "DOCX"  # Word 97 binary
