import pytest

from doingoai.reports.figures import WARNING_FIGURE, count_text, figures_in_text, money_text, section_figure_warnings

DELEGATIONS = {"delegations_out": 0, "delegations_in_foreign": 2, "delegations_in_domestic": 0}


def test_numbers_are_written_the_vietnamese_way():
    assert count_text(2, "đoàn") == "02 đoàn"
    assert count_text(1250, "người") == "1.250 người"
    assert money_text(850_000_000) == "850.000.000 đồng"


def test_figures_with_units_are_found_in_every_usual_form():
    found = [(f.value, f.word) for f in figures_in_text("03 đoàn; 1.250 người; 15 triệu đồng; 500.000đ; 1,2 tỷ đồng")]
    assert found == [(3, "đoàn"), (1250, "người"), (15_000_000, "đồng"), (500_000, "đồng"), (1_200_000_000, "đồng")]


def test_dates_differences_and_other_words_are_not_figures():
    text = "Ngày 12/03/2026 tăng 2 đoàn so với cùng kỳ; 150 đoàn viên; 03 đoàn thể; 04 thành viên"
    assert figures_in_text(text) == []


def test_text_saying_three_delegations_when_records_hold_two_is_warned():
    warnings = section_figure_warnings(text="Trong kỳ, xã đón tiếp 03 đoàn vào.", values=DELEGATIONS)
    assert len(warnings) == 1
    assert warnings[0].figure == "03 đoàn" and warnings[0].expected == "02 đoàn"
    assert warnings[0].message == WARNING_FIGURE.format(
        figure="03 đoàn",
        expected="02 đoàn",
        detail="đoàn ra: 0, đoàn vào (nước ngoài): 2, đoàn trong nước đến làm việc: 0",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Xã đón tiếp 02 đoàn vào.",
        "Xã có 0 đoàn ra và 02 đoàn vào, tổng cộng 02 đoàn.",
        "Không có đoàn nào được ghi bằng số.",
    ],
)
def test_figures_that_agree_with_the_indicators_are_not_warned(text):
    assert section_figure_warnings(text=text, values=DELEGATIONS) == []


def test_figures_of_single_records_are_known_and_not_warned():
    values = {"ngo_projects": 2, "ngo_aid_value_vnd": 460_000_000, "ngo_beneficiaries": 320}
    text = "Dự án A: 850.000.000 đồng, 1.250 người hưởng lợi. Tiếp nhận trong kỳ 460.000.000 đồng."
    assert section_figure_warnings(text=text, values=values, known={850_000_000, 1250}) == []
    assert [w.figure for w in section_figure_warnings(text=text, values=values)] == ["850.000.000 đồng", "1.250 người"]


def test_an_indicator_the_report_does_not_state_is_not_checked():
    assert section_figure_warnings(text="05 dự án FDI", values={"fdi_projects": None, "oda_projects": None}) == []
