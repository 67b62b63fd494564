"""Heading levels and numbers: Roman, Arabic, Vietnamese letters."""

from doingoai.lib.nd30.outline import LETTERS, body_lines, letter, outline, roman, split_number


def test_vietnamese_letter_order_has_d_bar_and_skips_f_j_w_z():
    assert [letter(i) for i in range(11)] == ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l"]
    assert not {"f", "j", "w", "z"} & set(LETTERS)
    assert letter(len(LETTERS)) == "aa"


def test_roman_numerals():
    assert [roman(n) for n in (1, 4, 9, 14, 40)] == ["I", "IV", "IX", "XIV", "XL"]


def test_split_number_recognises_the_numbering_styles_of_the_seeds():
    assert split_number("IV. Khó khăn") == ("roman", "Khó khăn")
    assert split_number("10. Công tác") == ("arabic", "Công tác")
    assert split_number("1 Đề nghị") == ("arabic", "Đề nghị")
    assert split_number("đ) Ngoại giao kinh tế") == ("letter", "Ngoại giao kinh tế")
    assert split_number("a. Công tác") == ("letter", "Công tác")
    assert split_number("## **I. TÌNH HÌNH**") == ("roman", "TÌNH HÌNH")
    assert split_number("* Tồn tại, hạn chế:") == ("free", "* Tồn tại, hạn chế:")


def test_outline_keeps_unnumbered_sub_headings_as_written():
    headings = outline([{"heading": "I. Chung"}, {"heading": "* Tồn tại:"}, {"heading": None}])
    assert headings[1].label == "* Tồn tại:" and headings[1].level == 0 and headings[2] is None


def test_khoan_titles_in_capitals_become_sentence_case_keeping_acronyms():
    headings = outline([{"heading": "I. A"}, {"heading": "1. VIỆN TRỢ PHI CHÍNH PHỦ (PCPNN)"}])
    assert headings[1].label == "1. Viện trợ phi chính phủ (PCPNN)"


def test_body_lines_give_a_list_item_the_dot_its_sibling_has():
    assert body_lines("1 Đề nghị A.\n2. Tổ chức B.") == ["1. Đề nghị A.", "2. Tổ chức B."]
    assert body_lines("1. Một.\n2 Hai.\n\n3. Ba.") == ["1. Một.", "2. Hai.", "3. Ba."]


def test_body_lines_leave_counts_and_lone_numbers_alone():
    assert body_lines("12 đoàn đã đến.\n13 Đoàn khác.") == ["12 đoàn đã đến.", "13 Đoàn khác."]
    assert body_lines("2025 Năm bản lề.") == ["2025 Năm bản lề."]
    assert body_lines("1 đoàn đã đến.\n2. Tổ chức B.") == ["1 đoàn đã đến.", "2. Tổ chức B."]
    assert body_lines("  a\n\n b ") == ["a", "b"]


def test_checker_refuses_a_body_list_that_starts_mid_way():
    from doingoai.lib.nd30 import check_docx, render_docx

    from .factories import minimal_report

    report = minimal_report()
    report["sections"] = [
        {"code": "recommendations", "heading": "I. Kiến nghị", "text": "2. Tổ chức tập huấn.\n3. Hỗ trợ."}
    ]
    messages = [f.message for f in check_docx(render_docx(report)) if f.rule == "C4"]
    assert messages == ['khoản "2." trong thân bài phải là "1."']
    report["sections"][0]["text"] = "1. Đề nghị.\n2. Tổ chức tập huấn.\n1. Danh sách mới."
    assert [f for f in check_docx(render_docx(report)) if f.rule == "C4"] == []
