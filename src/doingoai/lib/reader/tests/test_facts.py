"""Facts: numbers, money, explicit zeros, compound phrasings, estimates, silence."""

from doingoai.lib.reader import read_text

HEAD = "BÁO CÁO\nCông tác đối ngoại năm 2025\nThực hiện Công văn số 1/SNgV ngày 02/01/2025 của Sở Ngoại vụ, UBND xã An Bình báo cáo:\n"


def _facts(*body: str) -> dict:
    result = read_text(HEAD + "\n".join(body) + "\nTrên đây là báo cáo./.\n", source="f.txt")
    return {f["indicator"]: f for f in result["facts"]}


def test_one_negated_sentence_states_two_zeros():
    facts = _facts(
        "1. Công tác đoàn ra, đoàn vào", "UBND xã không tổ chức hoặc tiếp đón đoàn ra, đoàn vào có yếu tố nước ngoài."
    )
    assert facts["delegations_out"]["value"] == 0
    assert facts["delegations_in_foreign"]["value"] == 0
    assert "delegations_in_domestic" not in facts


def test_a_label_answered_with_khong_co_is_zero_and_a_count_is_a_number():
    facts = _facts("1. Đoàn ra, đoàn vào", "- Đoàn trong nước: 6 đoàn:", "- Đoàn nước ngoài: Không có")
    assert facts["delegations_in_domestic"]["value"] == 6
    assert facts["delegations_in_foreign"]["value"] == 0


def test_compound_and_grouped_numbers_are_read_the_vietnamese_way():
    facts = _facts(
        "1. Đoàn ra, đoàn vào",
        "Tiếp 61 đoàn/571 lượt người nước ngoài.",
        "2. Ngoại giao kinh tế",
        "Hiện có 1.221 người nước ngoài đang sinh sống và làm việc; có 02 dự án FDI.",
    )
    assert facts["delegations_in_foreign"]["value"] == 61
    assert facts["foreigners_resident"]["value"] == 1221
    assert facts["fdi_projects"]["value"] == 2


def test_money_is_read_in_dong_and_an_estimate_is_flagged():
    facts = _facts(
        "1. Công tác viện trợ phi chính phủ nước ngoài",
        "Ước đến hết kỳ, tổng giá trị viện trợ giải ngân đạt trên 53 tỷ đồng.",
    )
    assert facts["ngo_aid_value_vnd"]["value"] == 53_000_000_000
    assert facts["ngo_aid_value_vnd"]["estimate"] is True


def test_silence_is_not_zero_and_not_many_is_not_zero():
    facts = _facts(
        "1. Hợp tác quốc tế",
        "Duy trì quan hệ với các địa phương nước ngoài.",
        "2. Khó khăn",
        "Chưa có nhiều hoạt động hội nghị, hội thảo quốc tế.",
        "3. Công tác lãnh sự",
        "Tình hình công dân địa phương xuất cảnh được thực hiện theo đúng quy định.",
    )
    assert facts == {}


def test_one_fact_per_indicator_prefers_the_section_of_its_topic():
    facts = _facts(
        "1. Đặc điểm tình hình",
        "- Không tổ chức các hội nghị, hội thảo quốc tế.",
        "2. Công tác tổ chức hội nghị, hội thảo quốc tế",
        "Xã không tổ chức hội thảo quốc tế.",
    )
    assert facts["conferences_international"]["section"] == "international_conferences"


def test_named_aid_items_are_counted_unless_figures_are_deferred_to_an_annex():
    items = (
        "5. Công tác viện trợ PCPNN",
        "- Dự án WWF đã hỗ trợ 02 máy lọc nước.",
        "- Tổ chức Hue Help triển khai dự án bơi an toàn cho 165 em học sinh.",
    )
    facts = _facts(*items)
    assert (facts["ngo_projects"]["value"], facts["ngo_beneficiaries"]["value"]) == (2, 165)
    deferred = _facts(*items, "- Số lượng và giá trị các dự án (Báo cáo theo Mẫu 6.2 kèm theo).")
    assert "ngo_projects" not in deferred
