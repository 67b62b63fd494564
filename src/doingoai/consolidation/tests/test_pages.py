"""What the consolidation pages say: totals, counts, changes, the links that keep the period and the filter."""

import datetime as dt
import doctest

import pytest

from doingoai.consolidation import forms
from doingoai.consolidation.pages import (
    Selection,
    change_shown,
    counts_phrase,
    default_period,
    period_options,
    total_shown,
)
from doingoai.consolidation.services.totals import Change, Figure, Total
from doingoai.lib.catalogues import INDICATORS_BY_CODE
from doingoai.lib.periods import Period
from doingoai.reports.tests.factories import a_request

OUT, MONEY = INDICATORS_BY_CODE["delegations_out"], INDICATORS_BY_CODE["ngo_aid_value_vnd"]


def _total(indicator, values):
    return Total(indicator, {i: Figure(v) for i, v in enumerate(values)})


def test_a_total_reads_with_its_unit_word_or_in_dong():
    assert total_shown(_total(OUT, [2, 1, None])) == "3 đoàn"
    assert total_shown(_total(OUT, [0, None])) == "0 đoàn"
    assert total_shown(_total(MONEY, [1_250_000_000])) == "1.250.000.000 đồng"
    assert total_shown(_total(OUT, [None, None])) == "Chưa có số liệu"


def test_the_counts_add_up_to_the_units_expected():
    total = _total(OUT, [2, 1, 0, None, None])
    assert counts_phrase(total, "xã, phường") == "2/5 xã, phường có số liệu, 1 báo cáo không phát sinh, 2 không nêu"


def test_the_change_names_what_it_compares_with():
    assert change_shown(Change(3, 2), OUT) == "tăng 1 (+50%) — cùng kỳ: 2 đoàn"
    assert change_shown(Change(1_000, 2_000), MONEY) == "giảm 1.000 (-50%) — cùng kỳ: 2.000 đồng"
    assert change_shown(Change(3, None), OUT) == "không so sánh được"


@pytest.mark.django_db
def test_links_keep_the_period_and_the_filter(province):
    selection = Selection(province=province, period=Period(2026, "half", 1), accepted_only=True)
    assert selection.url == "/consolidation/51/?ky=2026H1&bao_cao=da-nhan"
    assert selection.indicator_url("delegations_out") == "/consolidation/51/delegations_out/?ky=2026H1&bao_cao=da-nhan"
    assert selection.xlsx_url == "/consolidation/51/tong-hop.xlsx?ky=2026H1&bao_cao=da-nhan"
    country = Selection(province=None, period=Period(2025))
    assert country.url == "/consolidation/country/?ky=2025" and country.is_country
    assert country.for_province(province).url == "/consolidation/51/?ky=2025"


@pytest.mark.django_db
def test_the_workbook_is_named_after_what_it_sums(province, commune_a):
    assert (
        Selection(province=province, period=Period(2026, "half", 1)).xlsx_filename == "tong-hop-quang-ngai-2026h1.xlsx"
    )
    assert Selection(province=None, period=Period(2025)).xlsx_filename == "tong-hop-ca-nuoc-2025.xlsx"
    asked = a_request(province, [commune_a])
    by_request = Selection(province=province, period=asked.period_obj, request=asked)
    assert by_request.xlsx_filename == "tong-hop-cv-1070-sngv-hcth.xlsx"
    assert by_request.url == f"/consolidation/requests/{asked.pk}/"


@pytest.mark.django_db
def test_the_default_period_is_the_provinces_latest_request_else_the_current_half(province, other_province, commune_a):
    today = dt.date(2026, 3, 1)
    assert default_period(province=province, today=today) == Period(2026, "half", 1)
    a_request(province, [commune_a], period="2025")
    assert default_period(province=province, today=today) == Period(2025)
    assert default_period(province=other_province, today=today) == Period(2026, "half", 1)
    assert default_period(province=None, today=today) == Period(2025)  # the country: any province's
    assert Period(2025) in period_options(province=province, today=today)


def test_the_forms_docstring_example_holds():
    assert doctest.testmod(forms).failed == 0
