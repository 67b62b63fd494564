import datetime as dt

import pytest

from doingoai.lib import vn


@pytest.mark.parametrize(
    "typed, value",
    [("1.234", 1234), ("02", 2), ("1.234.567", 1234567), ("8199", 8199), (" 12 ", 12), (7, 7), ("1 234", 1234)],
)
def test_counts_are_read_the_vietnamese_way(typed, value):
    assert vn.parse_int(typed) == value


@pytest.mark.parametrize("typed", ["1.5OO", "abc", "1,5", "", "12a", "1..2"])
def test_a_count_with_a_typo_is_refused_with_a_vietnamese_message(typed):
    with pytest.raises(ValueError) as error:
        vn.parse_int(typed)
    assert str(error.value) == vn.ERROR_NUMBER


def test_a_negative_count_is_refused():
    with pytest.raises(ValueError) as error:
        vn.parse_int("-3")
    assert str(error.value) == vn.ERROR_NEGATIVE


@pytest.mark.parametrize(
    "typed, value",
    [
        ("1.500.000", 1_500_000),
        ("1.500.000 đồng", 1_500_000),
        ("500.000đ", 500_000),
        ("15 triệu", 15_000_000),
        ("15 triệu đồng", 15_000_000),
        ("1,2 tỷ", 1_200_000_000),
        ("1.5 tỷ", 1_500_000_000),
        ("800 tỷ đồng", 800_000_000_000),
        ("250 nghìn", 250_000),
        ("1500000", 1_500_000),
        ("2 tr", 2_000_000),
    ],
)
def test_amounts_are_read_as_officers_type_them(typed, value):
    assert vn.parse_amount_vnd(typed) == value


@pytest.mark.parametrize("typed", ["1.5OO.000", "15 trieu dong x", "1.50.000", "tỷ", "1,5", "12.3"])
def test_an_amount_with_a_typo_is_refused(typed):
    with pytest.raises(ValueError) as error:
        vn.parse_amount_vnd(typed)
    assert str(error.value) in (vn.ERROR_AMOUNT, vn.ERROR_AMOUNT_FRACTION)


def test_a_dot_without_a_unit_word_groups_thousands_never_decimals():
    assert vn.parse_amount_vnd("1.500") == 1500


def test_numbers_and_money_are_formatted_with_dots():
    assert vn.format_number(1234567) == "1.234.567"
    assert vn.format_number(2690.67, decimals=2) == "2.690,67"
    assert vn.format_vnd(1_500_000) == "1.500.000 đồng"


@pytest.mark.parametrize("typed", ["05/03/2026", "5/3/2026", "05-03-2026", "05.03.2026", "2026-03-05"])
def test_dates_are_read_day_first(typed):
    assert vn.parse_date(typed) == dt.date(2026, 3, 5)


@pytest.mark.parametrize("typed", ["31/02/2026", "2026/03/05", "03/2026", "hôm qua", "13/13/2026"])
def test_a_wrong_date_is_refused_with_a_vietnamese_message(typed):
    with pytest.raises(ValueError) as error:
        vn.parse_date(typed)
    assert str(error.value) == vn.ERROR_DATE


def test_official_dates_take_leading_zeros_only_where_nghi_dinh_30_asks():
    assert vn.format_long_date(dt.date(2026, 1, 5)) == "ngày 05 tháng 01 năm 2026"
    assert vn.format_long_date(dt.date(2026, 6, 12)) == "ngày 12 tháng 6 năm 2026"
    assert vn.format_date(dt.date(2026, 6, 2)) == "02/06/2026"
