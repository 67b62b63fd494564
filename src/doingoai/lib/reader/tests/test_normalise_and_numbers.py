"""Normalisation, tone placement, numbers and periods."""

from doingoai.lib.reader.facts import _money, _number
from doingoai.lib.reader.lines import Line, RawDocument
from doingoai.lib.reader.meta import find_period
from doingoai.lib.reader.normalise import key, normalise, unify_tones


def _texts(*raw: str, kind: str = "txt") -> list[str]:
    return [line.text for line in normalise(RawDocument([Line(text=t) for t in raw], kind=kind))]


def test_old_and_new_tone_placement_meet_while_closed_syllables_stay():
    assert unify_tones("Thanh Hoá, thuỷ lợi, HOÀ BÌNH") == "Thanh Hóa, thủy lợi, HÒA BÌNH"
    assert unify_tones("hoàng, thuyền, quý, quỳnh") == "hoàng, thuyền, quý, quỳnh"


def test_matching_key_folds_diacritics_and_keeps_the_length_of_the_text():
    text = "Định Hoá, ĐOÀN RA"
    assert key(text) == "dinh hoa, doan ra"
    assert len(key(text)) == len(text)


def test_markdown_marks_and_escapes_are_removed_but_a_literal_star_stays():
    assert _texts("#### **I. TÌNH HÌNH CHUNG**") == ["I. TÌNH HÌNH CHUNG"]
    assert _texts("*\\* Tồn tại, hạn chế:*") == ["* Tồn tại, hạn chế:"]
    assert _texts("***Nơi nhận:***") == ["Nơi nhận:"]


def test_markdown_bold_label_is_kept_as_a_bold_prefix():
    (line,) = normalise(RawDocument([Line("**a) Đoàn ra, đoàn vào:** Không phát sinh.")], kind="txt"))
    assert line.text == "a) Đoàn ra, đoàn vào: Không phát sinh."
    assert line.bold_prefix == len("a) Đoàn ra, đoàn vào:")


def test_a_sentence_broken_by_a_page_break_is_joined():
    texts = _texts(
        "Đảng ủy đã quán triệt chủ trương, đường lối đối ngoại của Đảng về hội", "nhập quốc tế trong tình hình mới."
    )
    assert texts == [
        "Đảng ủy đã quán triệt chủ trương, đường lối đối ngoại của Đảng về hội nhập quốc tế trong tình hình mới."
    ]


def test_a_lettered_item_after_an_unfinished_line_is_not_joined():
    assert len(_texts("Kết quả triển khai công tác đối ngoại trong năm như sau", "a) Công tác đoàn ra")) == 2


def test_a_heading_glued_to_the_previous_sentence_is_split_off():
    assert _texts("UBND xã Minh Long báo cáo như sau:1. Đánh giá tổng quan") == [
        "UBND xã Minh Long báo cáo như sau:",
        "1. Đánh giá tổng quan",
    ]


def test_vietnamese_numbers_read_with_dots_as_thousands_and_comma_as_decimal():
    assert _number("1.221") == 1221
    assert _number("8199") == 8199
    assert _number("02") == 2
    assert _number("2.690,67") == 2690.67
    assert _number("hai") == 2


def test_amounts_of_dong_carry_their_unit_word():
    assert _money("trên 53 tỷ đồng") == 53_000_000_000
    assert _money("500.000đ") == 500_000
    assert _money("15 triệu đồng") == 15_000_000
    assert _money("1,2 tỷ đồng") == 1_200_000_000


def test_the_reviewed_period_is_the_first_one_a_title_names():
    assert find_period("Công tác đối ngoại năm 2025, phương hướng, nhiệm vụ năm 2026") == {
        "kind": "year",
        "year": 2025,
        "index": None,
    }
    assert find_period("Hoạt động 6 tháng đầu năm và nhiệm vụ 6 tháng cuối năm 2026") == {
        "kind": "half",
        "year": 2026,
        "index": 1,
    }
    assert find_period("Công tác cải cách hành chính quý I năm 2026 và phương hướng quý II") == {
        "kind": "quarter",
        "year": 2026,
        "index": 1,
    }
    assert find_period("Kết quả thực hiện nhiệm vụ tháng 6 năm 2026") is None
