"""Every catalogue indicator: the records behind it and the value they give, from one declaration."""

import datetime as dt

import pytest

from doingoai.lib.catalogues import INDICATOR_CODES
from doingoai.records import models as rm
from doingoai.records.indicators import (
    INDICATOR_SOURCES_BY_CODE,
    NOT_FROM_RECORDS,
    indicator_values,
    record_indicators,
    records_behind_indicators,
    records_of_window,
)

from .factories import delegation, ngo_project

pytestmark = pytest.mark.django_db

WINDOW = (dt.date(2025, 12, 15), dt.date(2026, 6, 14))
IN, BEFORE, AFTER = dt.date(2026, 3, 10), dt.date(2025, 11, 1), dt.date(2026, 7, 1)


@pytest.fixture
def a_half_year(commune_a, commune_b):
    """A half-year of records of commune A, each register with something inside the window, something
    outside it, and something that must not count; commune B's records must never leak in."""
    u = commune_a
    made = {
        "out": delegation(u, direction="out", country="LA", partner="Huyện Phu Vông", start_date=IN),
        "in_foreign": [delegation(u, start_date=IN), delegation(u, start_date=dt.date(2026, 5, 2), country="KR")],
        "in_domestic": delegation(u, origin="domestic", country="", partner="Sở Ngoại vụ", start_date=IN),
        "agreement": rm.InternationalAgreement.objects.create(
            unit=u, title="Thỏa thuận hợp tác", partner="Huyện Sảm Nứa", country="LA", signed_date=IN
        ),
        "conference": rm.InternationalConference.objects.create(unit=u, title="Hội thảo sinh kế", start_date=IN),
        "ngo_new": ngo_project(u, start_date=dt.date(2026, 2, 1), cash_value_vnd=850_000_000, in_kind_value_vnd=None),
        "ngo_old": ngo_project(u, start_date=dt.date(2025, 6, 1), end_date=None, beneficiaries=300),
        "residents": [
            rm.ForeignResidentCount.objects.create(unit=u, as_of_date=dt.date(2026, 6, 1), country="KR", count=12),
            rm.ForeignResidentCount.objects.create(unit=u, as_of_date=dt.date(2026, 6, 1), country="CN", count=5),
        ],
        "press": rm.InformationActivity.objects.create(
            unit=u, date=IN, channel="press", topic="Phóng viên NHK", items_count=2, foreign_press=True
        ),
        "protection": rm.ConsularCase.objects.create(unit=u, date=IN, kind="protection", description="Bảo hộ"),
        "exit": rm.ConsularCase.objects.create(unit=u, date=IN, kind="illegal_exit", people_count=3, description="XC"),
        "training": rm.TrainingAttendance.objects.create(unit=u, title="Bồi dưỡng", start_date=IN, officials_count=7),
        "received": rm.Commendation.objects.create(
            unit=u, date=IN, kind="received", form="Bằng khen", awarding_body="KOICA", recipient="UBND xã"
        ),
    }
    # Outside the window, or not of the kind counted: none of these may move a figure.
    delegation(u, direction="out", start_date=BEFORE)
    delegation(u, start_date=AFTER)
    ngo_project(u, start_date=dt.date(2025, 1, 1), end_date=dt.date(2025, 6, 30))
    rm.ForeignResidentCount.objects.create(unit=u, as_of_date=dt.date(2026, 1, 5), country="KR", count=40)
    rm.ForeignResidentCount.objects.create(unit=u, as_of_date=AFTER, country="KR", count=99)
    rm.InformationActivity.objects.create(unit=u, date=IN, channel="loudspeaker", topic="Biển đảo", items_count=9)
    rm.Commendation.objects.create(
        unit=u, date=IN, kind="proposed", form="Bằng khen", awarding_body="UBND tỉnh", recipient="Ông A"
    )
    rm.TrainingAttendance.objects.create(unit=u, title="Lớp cũ", start_date=BEFORE, officials_count=50)
    delegation(commune_b, direction="out", start_date=IN)
    ngo_project(commune_b, start_date=IN)
    return made


# What a province officer counting by hand gets from the records above.
EXPECTED = {
    "delegations_out": 1,
    "delegations_in_foreign": 2,
    "delegations_in_domestic": 1,
    "agreements_signed": 1,
    "conferences_international": 1,
    "ngo_projects": 2,  # the new one and the one still running from 2025
    "ngo_aid_value_vnd": 850_000_000,  # received in the window: the new project only
    "ngo_beneficiaries": 1250,
    "foreigners_resident": 17,  # the latest count up to 14/06: 12 + 5
    "foreign_press_activities": 2,
    "consular_cases": 1,
    "illegal_exit_cases": 3,
    "officials_trained": 7,
    "commendations_received": 1,
}


def test_every_catalogue_indicator_is_declared_once_from_records_or_as_not_kept_in_records():
    assert set(INDICATOR_SOURCES_BY_CODE).isdisjoint(NOT_FROM_RECORDS)
    assert set(INDICATOR_SOURCES_BY_CODE) | set(NOT_FROM_RECORDS) == set(INDICATOR_CODES)
    assert set(EXPECTED) == set(INDICATOR_SOURCES_BY_CODE)


def test_each_indicator_counts_exactly_the_records_of_its_window(a_half_year, commune_a):
    assert record_indicators(unit=commune_a, window=WINDOW) == EXPECTED
    assert record_indicators(unit=commune_a, period="2026H1") == EXPECTED


def test_the_records_behind_each_figure_are_the_ones_it_counts(a_half_year, commune_a):
    made = a_half_year
    records = records_of_window(unit=commune_a, window=WINDOW)
    behind = records_behind_indicators(records)
    expected = {
        "delegations_out": [made["out"]],
        "delegations_in_foreign": made["in_foreign"],
        "delegations_in_domestic": [made["in_domestic"]],
        "agreements_signed": [made["agreement"]],
        "conferences_international": [made["conference"]],
        "ngo_projects": [made["ngo_old"], made["ngo_new"]],
        "ngo_aid_value_vnd": [made["ngo_new"]],
        "ngo_beneficiaries": [made["ngo_new"]],
        "foreigners_resident": made["residents"],
        "foreign_press_activities": [made["press"]],
        "consular_cases": [made["protection"]],
        "illegal_exit_cases": [made["exit"]],
        "officials_trained": [made["training"]],
        "commendations_received": [made["received"]],
    }
    assert set(behind) == set(expected)
    for code, rows in expected.items():
        assert sorted(r.pk for r in behind[code]) == sorted(r.pk for r in rows), code
    assert indicator_values(records) == EXPECTED


def test_an_empty_window_gives_zero_for_every_indicator_kept_in_records(commune_a):
    assert record_indicators(unit=commune_a, window=WINDOW) == {code: 0 for code in EXPECTED}
