"""Headings across numbering styles, run-ins, task lists, and their canonical codes."""

from doingoai.lib.reader import read_text
from doingoai.lib.reader.classify import topics
from doingoai.lib.reader.structure import numbering

OPENING = "Thực hiện Công văn số 12/SNgV-VP ngày 02/01/2026 của Sở Ngoại vụ, UBND xã An Bình báo cáo như sau:"
CLOSING = "Trên đây là báo cáo của UBND xã An Bình./."


def _sections(*body: str) -> list[dict]:
    text = "\n".join(("BÁO CÁO", "Công tác đối ngoại năm 2025", OPENING, *body, CLOSING))
    return read_text(text, source="t.txt")["sections"]


def _pairs(*body: str) -> list[tuple[str, str]]:
    return [(s["heading"], s["code"]) for s in _sections(*body)]


def test_numbering_styles_are_told_apart():
    assert numbering("IV. KHÓ KHĂN")[0] == "roman"
    assert numbering("B. PHƯƠNG HƯỚNG")[0] == "upper"
    assert numbering("2.1. Đoàn ra")[0] == "arabic2"
    assert numbering("6.1.Công tác rà soát")[0] == "arabic2"
    assert numbering("đ) Ngoại giao kinh tế")[0] == "letter"
    assert numbering("Phần thứ hai")[0] == "part"
    assert numbering("1.169 hộ dân")[0] == "plain"


def test_headings_nest_by_the_order_their_styles_first_appear():
    sections = _sections("A. KẾT QUẢ", "I. Đoàn ra, đoàn vào", "Không có.", "B. PHƯƠNG HƯỚNG", "Tiếp tục.")
    assert [s["level"] for s in sections] == [1, 2, 1]


def test_a_run_in_heading_ends_at_the_colon_and_the_rest_is_its_text():
    (section,) = _sections("3. Công tác tổ chức, quản lý hội thảo, hội nghị quốc tế: Không có.")
    assert section["heading"] == "3. Công tác tổ chức, quản lý hội thảo, hội nghị quốc tế:"
    assert section["text"] == "Không có."
    assert section["code"] == "international_conferences"


def test_numbered_task_sentences_under_a_plans_part_are_text_not_headings():
    sections = _sections(
        "V. Phương hướng công tác đối ngoại năm 2026",
        "1. Tiếp tục bám sát chỉ đạo của Tỉnh ủy, UBND tỉnh và Sở Ngoại vụ trong triển khai nhiệm vụ đối ngoại.",
        "2. Đẩy mạnh công tác tuyên truyền, quán triệt chủ trương của Đảng về đối ngoại đến cán bộ và Nhân dân.",
    )
    assert [s["code"] for s in sections] == ["plans"]
    assert sections[0]["text"].startswith("1. Tiếp tục")


def test_run_in_labels_without_a_number_stay_text():
    (section,) = _sections("1. Công tác đoàn ra, đoàn vào", "Công tác quản lý đoàn vào:", "- Đoàn trong nước: 6 đoàn")
    assert "Công tác quản lý đoàn vào:" in section["text"]


def test_a_longer_phrase_hides_a_shorter_one_inside_it():
    assert topics("Công tác tổ chức và quản lý các thỏa thuận hợp tác quốc tế do địa phương ký kết") == [
        "international_agreements"
    ]


def test_a_heading_naming_two_topics_takes_the_narrower_one():
    (section,) = _sections(
        "5. Công tác đối ngoại nhân dân và vận động quản lý viện trợ phi chính phủ nước ngoài:", "Không có."
    )
    assert section["code"] == "ngo_aid"
    assert section["also"] == ["people_diplomacy"]


def test_a_catch_all_heading_is_coded_from_its_content_label():
    (section,) = _sections(
        "d. Các công tác khác",
        "Ngoại giao kinh tế, văn hóa, thông tin đối ngoại, công tác về người Việt Nam ở nước ngoài...: Không phát sinh.",
    )
    assert section["code"] == "economic_diplomacy"
    assert section["also"] == ["cultural_diplomacy", "external_information", "overseas_vietnamese"]


def test_topics_under_a_part_heading_take_the_part_code():
    pairs = _pairs(
        "V. PHƯƠNG HƯỚNG 6 THÁNG CUỐI NĂM", "1. Đối ngoại Đảng", "Tiếp tục.", "2. Kiến nghị, đề xuất", "Đề nghị."
    )
    assert pairs == [
        ("V. PHƯƠNG HƯỚNG 6 THÁNG CUỐI NĂM", "plans"),
        ("1. Đối ngoại Đảng", "plans"),
        ("2. Kiến nghị, đề xuất", "recommendations"),
    ]


def test_a_result_container_is_other_and_a_difficulties_part_names_its_causes():
    sections = _sections(
        "III. KẾT QUẢ TRIỂN KHAI", "1. Hợp tác quốc tế", "Duy trì.", "IV. Khó khăn, vướng mắc và nguyên nhân", "Ít."
    )
    assert [(s["code"], s.get("also")) for s in sections] == [
        ("other", None),
        ("international_cooperation", None),
        ("difficulties", ["causes"]),
    ]


def test_difficulties_under_a_topic_keep_the_topic_in_also():
    sections = _sections("3. Đối ngoại nhân dân", "Được triển khai.", "* Tồn tại, hạn chế:", "Còn ít hoạt động.")
    assert (sections[1]["code"], sections[1]["also"]) == ("difficulties", ["people_diplomacy"])


def test_every_catalogue_section_and_indicator_has_phrasings_in_the_reader_catalogue():
    from doingoai.lib.catalogues import INDICATORS, SECTIONS
    from doingoai.lib.reader.normalise import key
    from doingoai.lib.reader.phrases import INDICATOR_PHRASES, SECTION_PHRASES, SUBJECT_ANCHORS, indicator_phrasings

    assert {s.code for s in SECTIONS} - {"other"} <= set(SECTION_PHRASES)
    assert set(indicator_phrasings()) == {i.code for i in INDICATORS}
    anchors = [key(a) for a in SUBJECT_ANCHORS]
    for phrasing in INDICATOR_PHRASES:
        for subject in phrasing.subjects:
            if not subject.startswith("re:"):
                assert any(a in key(subject) for a in anchors), subject
