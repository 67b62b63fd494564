"""Facts and metadata from prose (issue 10): each phrasing family, sentences typed here in the
forms the real corpus shows (tests/corpus/real holds the real texts themselves), with and
without headings."""

import pytest

from doingoai.lib.reader import read_text

ISSUE_EXAMPLE = (
    "Năm 2025, UBND xã Minh Long đã đón tiếp 06 đoàn với 49 lượt khách quốc tế đến thăm và làm việc tại xã; "
    "tổ chức 02 đoàn đi công tác nước ngoài. Tiếp nhận 03 dự án viện trợ phi chính phủ nước ngoài với tổng "
    "giá trị 1,5 tỷ đồng."
)
ISSUE_FACTS = {"delegations_in_foreign": 6, "delegations_out": 2, "ngo_projects": 3, "ngo_aid_value_vnd": 1_500_000_000}


def _read(text: str) -> dict:
    return read_text(text, source="prose.txt")


def _facts(text: str) -> dict:
    return {f["indicator"]: f["value"] for f in _read(text)["facts"]}


def test_the_issue_s_sentences_without_any_heading_give_the_period_and_all_four_facts():
    result = _read(ISSUE_EXAMPLE)
    assert result["meta"]["period"] == {"kind": "year", "year": 2025, "index": None}
    assert result["meta"]["unit_name"] == "Xã Minh Long" and result["meta"]["province"] == "Quảng Ngãi"
    assert {f["indicator"]: f["value"] for f in result["facts"]} == ISSUE_FACTS


def test_the_same_sentences_under_numbered_headings_give_the_same_four_facts():
    first, second = ISSUE_EXAMPLE.split(". Tiếp nhận")
    text = (
        "BÁO CÁO\nCông tác đối ngoại năm 2025\n1. Công tác đoàn ra, đoàn vào\n"
        f"{first}.\n2. Công tác viện trợ phi chính phủ nước ngoài\nTiếp nhận{second}"
    )
    assert _facts(text) == ISSUE_FACTS


@pytest.mark.parametrize(
    ("sentence", "indicator", "value"),
    [
        # verbs and frames of delegations; a count with its own noun ("06 đoàn với 49 lượt")
        ("Năm 2025, UBND tỉnh Lâm Đồng đã tiếp 12 đoàn khách quốc tế.", "delegations_in_foreign", 12),
        ("Năm 2025, UBND xã Bờ Y đã cử 03 đoàn cán bộ đi công tác tại Lào.", "delegations_out", 3),
        ("Năm 2023, UBND huyện Minh Long đã tiếp 04 đoàn khách nước ngoài đến làm việc.", "delegations_in_foreign", 4),
        # numbers as words, approximations dropped
        ("Năm 2025, UBND xã Minh Long tổ chức hai đoàn đi công tác nước ngoài.", "delegations_out", 2),
        ("Năm 2025, tỉnh Lào Cai đã đón khoảng 120 đoàn khách quốc tế đến thăm.", "delegations_in_foreign", 120),
        # aid items: dự án, chương trình, khoản viện trợ phi dự án
        (
            "Quý III/2023, phường Đức Phổ vận động được 02 chương trình viện trợ phi chính phủ nước ngoài.",
            "ngo_projects",
            2,
        ),
        ("Năm 2025, tỉnh Điện Biên tiếp nhận 04 khoản viện trợ phi dự án của các tổ chức PCPNN.", "ngo_projects", 4),
        # money in every written form
        (
            "Năm 2024, tỉnh Quảng Trị tiếp nhận 12 khoản viện trợ PCPNN với tổng giá trị hơn 22,4 tỷ đồng.",
            "ngo_aid_value_vnd",
            22_400_000_000,
        ),
        (
            "Năm 2023, phường Đức Phổ tiếp nhận 02 dự án viện trợ phi chính phủ nước ngoài, trị giá 850 triệu đồng.",
            "ngo_aid_value_vnd",
            850_000_000,
        ),
        (
            "Năm 2025, xã An Bình tiếp nhận 01 khoản viện trợ phi chính phủ nước ngoài trị giá 500.000đ.",
            "ngo_aid_value_vnd",
            500_000,
        ),
        (
            "Năm 2025, tỉnh Điện Biên tiếp nhận 04 khoản viện trợ PCPNN với tổng trị giá trên 3 tỷ đồng.",
            "ngo_aid_value_vnd",
            3_000_000_000,
        ),
        # agreements, also signed with foreign localities (not "other units' figures")
        ("Năm 2024, UBND tỉnh Hà Giang đã ký kết 03 thỏa thuận quốc tế.", "agreements_signed", 3),
        (
            "Năm 2024, tỉnh Hà Giang đã ký kết 03 thỏa thuận quốc tế với các địa phương của Trung Quốc.",
            "agreements_signed",
            3,
        ),
        # conferences, consular work, illegal exits, training
        ("Năm 2025, tỉnh Thừa Thiên Huế tổ chức 08 hội nghị, hội thảo quốc tế.", "conferences_international", 8),
        ("Năm 2025, Sở Ngoại vụ tỉnh An Giang đã giải quyết 15 vụ việc lãnh sự.", "consular_cases", 15),
        ("Năm 2025, xã Bờ Y đã giải quyết 05 trường hợp công dân xuất cảnh trái phép.", "illegal_exit_cases", 5),
        (
            "Năm 2025, Sở Ngoại vụ tỉnh Đồng Tháp tập huấn nghiệp vụ đối ngoại cho 150 lượt cán bộ, công chức.",
            "officials_trained",
            150,
        ),
    ],
)
def test_a_phrasing_family_gives_its_figure_wherever_the_sentence_is(sentence, indicator, value):
    assert _facts(sentence).get(indicator) == value


def test_an_amount_in_dollars_is_not_an_amount_in_dong():
    facts = _facts("Năm 2025, tỉnh Kon Tum tiếp nhận 05 dự án viện trợ PCPNN với tổng giá trị 1,2 triệu USD.")
    assert facts.get("ngo_projects") == 5 and "ngo_aid_value_vnd" not in facts


def test_the_period_s_own_figure_wins_over_a_cumulative_total():
    result = _read(
        "Năm 2025, tỉnh Quảng Ngãi tiếp nhận 10 dự án viện trợ phi chính phủ nước ngoài. "
        "Lũy kế đến nay, toàn tỉnh đã tiếp nhận 250 dự án viện trợ phi chính phủ nước ngoài."
    )
    assert {f["indicator"]: f["value"] for f in result["facts"]} == {"ngo_projects": 10}
    assert result["meta"]["period"]["year"] == 2025


def test_year_to_date_gives_no_period():
    result = _read("Từ đầu năm đến nay, UBND tỉnh Quảng Ngãi đã đón 35 đoàn khách quốc tế.")
    assert result["meta"]["period"] is None


@pytest.mark.parametrize(
    ("text", "unit", "province", "period"),
    [
        # the subject doing the work; a former province resolves to today's
        ("Năm 2025, tỉnh Kon Tum đã đón 05 đoàn khách quốc tế.", "Tỉnh Kon Tum", "Quảng Ngãi", ("year", 2025, None)),
        (
            "Năm 2024, UBND tỉnh Hà Giang đã ký kết 03 thỏa thuận quốc tế.",
            "Tỉnh Hà Giang",
            "Tuyên Quang",
            ("year", 2024, None),
        ),
        # a person's name after a title is not the unit: the Sở's province is
        (
            "Năm 2025, đồng chí Nguyễn Văn Hùng, Giám đốc Sở Ngoại vụ tỉnh Quảng Ngãi đã tiếp 05 đoàn khách quốc tế.",
            "Tỉnh Quảng Ngãi",
            "Quảng Ngãi",
            ("year", 2025, None),
        ),
        # the periods prose gives: a half, a quarter, "năm qua" with the text's date line
        (
            "6 tháng đầu năm 2024, tỉnh Quảng Trị tiếp nhận 12 khoản viện trợ PCPNN.",
            "Tỉnh Quảng Trị",
            "Quảng Trị",
            ("half", 2024, 1),
        ),
        (
            "Quý III/2023, UBND phường Đức Phổ vận động được 02 chương trình viện trợ PCPNN.",
            "Phường Đức Phổ",
            "Quảng Ngãi",
            ("quarter", 2023, 3),
        ),
        (
            "Thứ hai, 05/01/2026\nNăm qua, UBND phường Cẩm Thành đã đón 03 đoàn khách nước ngoài.",
            "Phường Cẩm Thành",
            "Quảng Ngãi",
            ("year", 2025, None),
        ),
    ],
)
def test_metadata_comes_from_the_prose(text, unit, province, period):
    meta = _read(text)["meta"]
    assert (meta["unit_name"], meta["province"]) == (unit, province)
    assert (meta["period"]["kind"], meta["period"]["year"], meta["period"]["index"]) == period
