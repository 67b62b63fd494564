import datetime as dt

import pytest

from doingoai.lib.periods import ERROR_PERIOD, Period, recent_periods


@pytest.mark.parametrize(
    "code, label, start, end",
    [
        ("2025", "Năm 2025", dt.date(2024, 12, 15), dt.date(2025, 12, 14)),
        ("2026H1", "6 tháng đầu năm 2026", dt.date(2025, 12, 15), dt.date(2026, 6, 14)),
        ("2026H2", "6 tháng cuối năm 2026", dt.date(2026, 6, 15), dt.date(2026, 12, 14)),
        ("2026Q1", "Quý I năm 2026", dt.date(2025, 12, 15), dt.date(2026, 3, 14)),
        ("2026Q3", "Quý III năm 2026", dt.date(2026, 6, 15), dt.date(2026, 9, 14)),
    ],
)
def test_each_period_has_its_label_and_its_nghi_dinh_09_window(code, label, start, end):
    period = Period.parse(code)
    assert period.code == code
    assert period.label == label
    assert period.window == (start, end)


def test_codes_are_read_in_either_case():
    assert Period.parse("2026h1") == Period(2026, "half", 1)
    assert Period.parse(" 2026q3 ") == Period(2026, "quarter", 3)


@pytest.mark.parametrize("code", ["2026H3", "2026Q5", "26H1", "năm nay", "", "2026X1"])
def test_a_wrong_period_is_refused(code):
    with pytest.raises(ValueError) as error:
        Period.parse(code)
    assert str(error.value) == ERROR_PERIOD


def test_a_day_after_the_14th_of_december_belongs_to_next_years_window():
    assert Period.containing(dt.date(2026, 12, 20), "year") == Period(2027)
    assert Period.containing(dt.date(2026, 12, 20), "half") == Period(2027, "half", 1)
    assert Period.containing(dt.date(2026, 6, 14), "half") == Period(2026, "half", 1)
    assert Period.containing(dt.date(2026, 6, 15), "half") == Period(2026, "half", 2)
    assert Period.containing(dt.date(2026, 9, 15), "quarter") == Period(2026, "quarter", 4)


def test_a_period_knows_the_same_period_last_year_and_its_neighbours():
    period = Period.parse("2026H1")
    assert period.same_period_last_year() == Period.parse("2025H1")
    assert period.previous() == Period.parse("2025H2")
    assert period.next() == Period.parse("2026H2")
    assert Period.parse("2026Q4").next() == Period.parse("2027Q1")


def test_the_contract_shape_round_trips():
    period = Period.parse("2026H1")
    assert period.to_contract() == {"kind": "half", "year": 2026, "index": 1}
    assert Period.from_contract(period.to_contract()) == period


def test_calendar_months_serve_ngo_financial_reports():
    assert Period.parse("2026H2").calendar == (dt.date(2026, 7, 1), dt.date(2026, 12, 31))
    assert Period.parse("2026Q1").calendar == (dt.date(2026, 1, 1), dt.date(2026, 3, 31))


def test_recent_periods_start_with_the_current_half():
    periods = recent_periods(dt.date(2026, 11, 24))
    assert periods[0] == Period.parse("2026H2")
    assert Period.parse("2026H1") in periods and Period.parse("2025") in periods


def test_shorter_periods_tile_a_longer_one_window_for_window():
    import doctest

    from doingoai.lib import periods

    assert doctest.testmod(periods).failed == 0
    for period in (Period(2025), Period(2026, "half", 1), Period(2026, "half", 2)):
        for tiling in period.tilings():
            assert tiling[0].window[0] == period.window[0] and tiling[-1].window[1] == period.window[1]
            for before, after in zip(tiling, tiling[1:], strict=False):
                assert after.window[0] == before.window[1] + dt.timedelta(days=1)
    assert Period(2026, "quarter", 3).tilings() == []
