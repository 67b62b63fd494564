"""Specific ND30 rules the renderer applies, each checked on the .docx it writes."""

import io

import docx
import pytest
from docx.oxml.ns import qn

from doingoai.lib.nd30 import check_docx, render_docx
from doingoai.lib.nd30.fields import ERROR_NO_UNIT, issuer_of, recipients_of, signature_lines
from doingoai.lib.nd30.readback import read_rendered

from .factories import minimal_report, paragraphs_text


def _header(docx_bytes: bytes) -> tuple[str, str]:
    table = docx.Document(io.BytesIO(docx_bytes)).tables[0]
    return table.rows[1].cells[0].text, table.rows[1].cells[1].text


def _signature(docx_bytes: bytes) -> list[str]:
    table = docx.Document(io.BytesIO(docx_bytes)).tables[1]
    return [p.text for p in table.rows[0].cells[1].paragraphs if p.text]


def _assert_clean(docx_bytes: bytes) -> None:
    findings = check_docx(docx_bytes)
    assert findings == [], "\n".join(map(str, findings))


def test_draft_leaves_number_and_day_blank_as_the_seeds_do():
    report = minimal_report(
        doc_number=None,
        issued_date=None,
        issued_place="Đức Phổ",
        request={"number": "1070/SNV-HCTH", "date": "2025-11-11", "issuer": "Sở Ngoại vụ"},
    )
    rendered = render_docx(report)
    assert _header(rendered) == ("Số:      /BC-UBND", "Đức Phổ, ngày      tháng 11 năm 2025")
    _assert_clean(rendered)


def test_draft_without_a_request_leaves_the_month_blank_too():
    report = minimal_report(doc_number=None, issued_date=None, request=None)
    assert _header(render_docx(report))[1] == "Minh Long, ngày      tháng      năm 2026"


def test_numbers_days_and_first_months_below_ten_take_a_leading_zero():
    rendered = render_docx(minimal_report(doc_number="5/BC-UBND", issued_date="2026-01-05"))
    assert _header(rendered) == ("Số: 05/BC-UBND", "Minh Long, ngày 05 tháng 01 năm 2026")
    _assert_clean(rendered)


def test_months_from_march_carry_no_leading_zero():
    assert _header(render_docx(minimal_report(issued_date="2026-06-09")))[1] == "Minh Long, ngày 09 tháng 6 năm 2026"


def test_vice_chairman_signs_kt_for_the_chairman_on_behalf_of_the_committee():
    rendered = render_docx(minimal_report(signer={"name": "Mai Văn Xuân", "title": "Phó Chủ tịch", "authority": "KT"}))
    assert _signature(rendered) == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Mai Văn Xuân"]
    _assert_clean(rendered)


def test_chairman_signs_tm_on_behalf_of_the_committee():
    rendered = render_docx(minimal_report(signer={"name": "Lê Đình Ngà", "title": "Chủ tịch", "authority": "TM"}))
    assert _signature(rendered) == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Đình Ngà"]


def test_source_naming_no_authority_gets_the_communes_chairman_block():
    rendered = render_docx(minimal_report(signer={"name": "Trần Ngọc Sang", "title": None, "authority": None}))
    assert _signature(rendered) == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Ngọc Sang"]


def test_deputy_written_without_authority_still_signs_kt():
    meta = minimal_report(signer={"name": "B", "title": "Phó Chủ tịch", "authority": None})["meta"]
    assert signature_lines(meta, issuer_of(meta))[0] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


def test_lettered_points_follow_the_vietnamese_alphabet_with_d_bar_and_without_f():
    report = minimal_report()
    report["sections"] += [
        {"code": "other", "heading": f"x) Điểm số {n}", "text": "Nội dung.", "level": 3} for n in range(12)
    ]
    rendered = render_docx(report)
    letters = [t.split(")")[0] for t in paragraphs_text(rendered) if t.startswith("Điểm", 3)]
    assert letters == ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m"]
    _assert_clean(rendered)


def test_misnumbered_headings_are_renumbered_in_sequence():
    report = minimal_report()
    report["sections"] = [
        {"code": "situation", "heading": "I. ĐẶC ĐIỂM TÌNH HÌNH", "text": "A."},
        {"code": "other", "heading": "I. KẾT QUẢ", "text": ""},  # seed 003 repeats "I."
        {"code": "delegations", "heading": "1. Đoàn ra", "text": "B."},
        {"code": "people_diplomacy", "heading": "3. Đối ngoại nhân dân", "text": "C."},  # seed 002 skips "2."
        {"code": "plans", "heading": "a. Phương hướng", "text": "D."},
    ]
    texts = paragraphs_text(render_docx(report))
    assert "II. KẾT QUẢ" in texts and "2. Đối ngoại nhân dân" in texts and "a) Phương hướng" in texts


def test_report_numbered_from_arabic_gets_roman_parts():
    report = minimal_report()
    report["sections"] = [
        {"code": "situation", "heading": "1. Đặc điểm tình hình", "text": "A."},
        {"code": "delegations", "heading": "a. Công tác đoàn ra", "text": "B."},
    ]
    texts = paragraphs_text(render_docx(report))
    assert "I. ĐẶC ĐIỂM TÌNH HÌNH" in texts and "1. Công tác đoàn ra" in texts


def test_level_given_by_the_source_wins_over_its_numbering():
    report = minimal_report()
    report["sections"] = [{"code": "situation", "heading": "Tình hình chung", "text": "A.", "level": 1}]
    assert "I. TÌNH HÌNH CHUNG" in paragraphs_text(render_docx(report))


def test_place_comes_from_the_unit_when_the_source_has_none():
    rendered = render_docx(minimal_report(issued_place=None, unit_name="Xã Minh Long"))
    assert _header(rendered)[1].startswith("Minh Long, ngày")
    assert _header(render_docx(minimal_report(issued_place=None, unit_name="Phường 1")))[1].startswith("Phường 1, ngày")


def test_recipients_end_with_the_archive_line_of_the_van_thu():
    assert recipients_of({"recipients": ["Sở Ngoại vụ", "Lưu: VP."]}) == ["- Sở Ngoại vụ;", "- Lưu: VT, VP."]
    assert recipients_of({"recipients": ["Sở Ngoại vụ;"]}) == ["- Sở Ngoại vụ;", "- Lưu: VT."]
    assert recipients_of({"recipients": []}) == ["- Lưu: VT."]


def test_addressees_put_nhu_tren_first_among_recipients():
    rendered = render_docx(minimal_report(addressees=["Sở Ngoại vụ tỉnh Quảng Ngãi"]))
    texts = paragraphs_text(rendered)
    assert "Kính gửi: Sở Ngoại vụ tỉnh Quảng Ngãi." in texts
    assert texts[texts.index("Nơi nhận:") + 1] == "- Như trên;"
    _assert_clean(rendered)


def test_section_codes_are_recoverable_from_the_document():
    report = minimal_report()
    report["sections"].append({"code": "ngo_aid", "heading": None, "text": "Không có viện trợ.", "also": ["other"]})
    back = read_rendered(render_docx(report))
    assert [s["code"] for s in back["sections"]] == ["situation", "delegations", "ngo_aid"]
    assert back["sections"][2] == {"code": "ngo_aid", "heading": None, "text": "Không có viện trợ.", "also": ["other"]}


def test_report_without_a_unit_is_refused_in_vietnamese():
    with pytest.raises(ValueError, match="Thiếu tên đơn vị"):
        render_docx(minimal_report(unit_name=None))
    assert ERROR_NO_UNIT.startswith("Thiếu")


ANNEX = {
    "rows": [
        {"donor": "Tổ chức Rộng Xanh", "country": "Úc", "project": "Hỗ trợ học tập", "cash_vnd": 4_000_000,
         "in_kind": "06 xe đạp", "in_kind_vnd": 15_000_000, "beneficiaries": 23, "start": "2026-01-01", "end": "2026-06-30"},
        {"donor": "Tổ chức WVI", "country": "Hoa Kỳ", "project": "Chương trình Vùng", "cash_vnd": 0},
        {"donor": "Hue Help", "project": "Bơi An Toàn", "cash_vnd": None, "counterpart_vnd": 1_500_000},
    ]
}  # fmt: skip


def test_annex_table_lists_each_aid_item_on_its_own_numbered_landscape_pages():
    rendered = render_docx(minimal_report(), annex=ANNEX)
    document = docx.Document(io.BytesIO(rendered))
    last = document.sections[-1]
    assert last.page_width > last.page_height  # landscape for the wide table (PL I §I.2)
    assert last._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"  # PL I §III.1.đ
    table = document.tables[-1]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0][0] == "STT" and rows[0][8] == "Tiền mặt tiếp nhận trong kỳ (đồng)"
    assert rows[1][:3] == ["(1)", "(2)", "(3)"]
    assert rows[2][:2] == ["1", "Tổ chức Rộng Xanh (Úc)"] and rows[2][8] == "4.000.000"
    assert rows[2][6] == "01/01/2026 – 30/06/2026" and rows[2][9] == "06 xe đạp; 15.000.000"
    assert rows[3][8] == "0" and rows[4][8] == ""  # an explicit zero is not silence
    assert rows[-1][1] == "Tổng cộng" and rows[-1][8] == "4.000.000" and rows[-1][10] == "1.500.000"
    texts = paragraphs_text(rendered)
    assert "Phụ lục" in texts
    assert any(t.startswith("(Kèm theo Báo cáo số 297/BC-UBND ngày 12 tháng 6 năm 2026") for t in texts)
    _assert_clean(rendered)
