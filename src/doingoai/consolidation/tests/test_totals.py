"""The province's sums: three states kept apart, only what counts is counted, periods that add up."""

import datetime as dt

import pytest

from doingoai.consolidation.services.totals import (
    MISSING,
    NUMBER,
    ZERO,
    Change,
    consolidate,
    consolidation_scope,
    province_lookup,
    reports_behind,
    request_lookup,
)
from doingoai.reports.models import Report
from doingoai.reports.tests.factories import a_request
from doingoai.units.models import Unit

from .factories import stated

pytestmark = pytest.mark.django_db
S, O = Report.Status, Report.Origin


@pytest.fixture
def commune_c(province, commune_a, commune_b):
    return Unit.objects.filter(province=province).exclude(pk__in=[commune_a.pk, commune_b.pk]).order_by("code").first()


def test_a_total_keeps_numbers_zeros_and_silence_apart(province, commune_a, commune_b, commune_c):
    stated(commune_a, "2026H1", {"delegations_in_foreign": 2, "ngo_aid_value_vnd": 850_000_000})
    stated(commune_b, "2026H1", {"delegations_in_foreign": 0})
    result = consolidate(province=province, period="2026H1")
    total = result.by_code["delegations_in_foreign"]
    assert (total.total, total.reported, total.zero) == (2, 2, 1)
    assert total.not_reported == len(result.units) - 2
    assert total.figures[commune_a.pk].state == NUMBER
    assert total.figures[commune_b.pk].state == ZERO
    assert total.figures[commune_c.pk].state == MISSING
    money = result.by_code["ngo_aid_value_vnd"]
    assert (money.total, money.reported, money.with_activity) == (850_000_000, 1, 1)
    assert result.by_code["fdi_projects"].total is None  # nobody said anything: not a zero


def test_only_reports_the_province_has_received_or_confirmed_count(province, commune_a, commune_b, commune_c):
    stated(commune_a, "2026H1", {"delegations_out": 1}, status=S.DRAFT)
    stated(commune_b, "2026H1", {"delegations_out": 2}, status=S.APPROVED)
    stated(commune_c, "2026H1", {"delegations_out": 4}, status=S.READ, origin=O.INGESTED)
    assert consolidate(province=province, period="2026H1").by_code["delegations_out"].total is None
    Report.objects.filter(unit=commune_c).update(status=S.CONFIRMED)
    Report.objects.filter(unit=commune_b).update(status=S.REJECTED)
    assert consolidate(province=province, period="2026H1").by_code["delegations_out"].total == 4


def test_accepted_only_leaves_out_what_is_merely_submitted(province, commune_a, commune_b):
    stated(commune_a, "2026H1", {"delegations_out": 1}, status=S.ACCEPTED)
    stated(commune_b, "2026H1", {"delegations_out": 2}, status=S.SUBMITTED)
    assert consolidate(province=province, period="2026H1").by_code["delegations_out"].total == 3
    only = consolidate(province=province, period="2026H1", accepted_only=True)
    assert only.by_code["delegations_out"].total == 1
    assert (only.completeness.submitted, only.completeness.accepted) == (1, 1)


def test_a_composed_report_comes_before_one_read_from_a_file_for_the_same_period(province, commune_a):
    stated(commune_a, "2026H1", {"delegations_out": 5}, status=S.CONFIRMED, origin=O.INGESTED)
    stated(commune_a, "2026H1", {"delegations_out": 1}, status=S.SUBMITTED)
    assert consolidate(province=province, period="2026H1").by_code["delegations_out"].total == 1


def test_a_year_adds_up_its_halves_flows_summed_stocks_at_the_cut_off(province, commune_a, commune_b):
    stated(commune_a, "2025H1", {"delegations_out": 1, "foreigners_resident": 10, "consular_cases": 0})
    stated(commune_a, "2025H2", {"delegations_out": 2, "foreigners_resident": 12})
    stated(commune_b, "2025", {"delegations_out": 7, "foreigners_resident": 3})
    stated(commune_b, "2025H1", {"delegations_out": 100})  # its year report speaks for the year
    result = consolidate(province=province, period="2025")
    assert result.by_code["delegations_out"].figures[commune_a.pk].value == 3
    assert result.by_code["foreigners_resident"].figures[commune_a.pk].value == 12  # not 22
    assert result.by_code["delegations_out"].total == 10
    assert result.by_code["foreigners_resident"].total == 15
    # One half silent on a flow: the year is not reported for it, never half a number.
    assert result.by_code["consular_cases"].figures[commune_a.pk].state == MISSING
    assert result.completeness.submitted == 2


def test_half_a_year_alone_does_not_stand_for_the_year(province, commune_a):
    stated(commune_a, "2025H1", {"delegations_out": 1})
    assert consolidate(province=province, period="2025").by_code["delegations_out"].total is None


def test_the_same_period_last_year_is_compared_where_both_exist(province, commune_a, commune_b):
    stated(commune_a, "2026H1", {"delegations_in_foreign": 3, "consular_cases": 1})
    stated(commune_a, "2025H1", {"delegations_in_foreign": 2})
    stated(commune_b, "2025H1", {"delegations_in_foreign": 0})
    result = consolidate(province=province, period="2026H1")
    change = result.by_code["delegations_in_foreign"].change
    assert (change.now, change.before, change.delta, change.percent) == (3, 2, 1, 50.0)
    assert change.phrase == "tăng 1 (+50%)"
    assert result.by_code["consular_cases"].change.phrase == "không so sánh được"


@pytest.mark.parametrize(
    ("now", "before", "phrase"),
    [(12, 8, "tăng 4 (+50%)"), (6, 8, "giảm 2 (-25%)"), (5, 5, "không đổi"), (3, 0, "tăng 3"),
     (1, 3, "giảm 2 (-66,7%)"), (None, 4, "không so sánh được"), (4, None, "không so sánh được")],
)  # fmt: skip
def test_a_change_reads_as_the_reports_write_it(now, before, phrase):
    assert Change(now, before).phrase == phrase


def test_a_request_counts_its_own_communes_and_its_deadline(province, commune_a, commune_b, commune_c):
    asked = a_request(province, [commune_a, commune_b], deadline=dt.date(2026, 6, 25))
    stated(commune_a, "2026H1", {"delegations_out": 1})
    stated(commune_c, "2026H1", {"delegations_out": 9})  # not asked by this request
    result = consolidate(province=province, period="ignored", request=asked, today=dt.date(2026, 6, 30))
    assert [u.pk for u in result.units] == sorted(
        [commune_a.pk, commune_b.pk], key=lambda pk: Unit.objects.get(pk=pk).name
    )
    assert result.by_code["delegations_out"].total == 1
    c = result.completeness
    assert (c.expected, c.submitted, c.accepted, c.late, [u.pk for u in c.missing]) == (2, 1, 0, 1, [commune_b.pk])
    assert (
        consolidate(province=province, period="2026H1", request=asked, today=dt.date(2026, 6, 20)).completeness.late
        == 0
    )


def test_the_country_sums_each_province_from_its_communes(province, other_province, commune_a, commune_b):
    other_commune = Unit.objects.filter(province=other_province).first()
    stated(commune_a, "2026H1", {"delegations_out": 1})
    stated(commune_b, "2026H1", {"delegations_out": 2})
    stated(other_commune, "2026H1", {"delegations_out": 0})
    country = consolidate(province=None, period="2026H1")
    assert len(country.units) == 34
    total = country.by_code["delegations_out"]
    assert total.figures[province.pk].value == 3 and total.figures[other_province.pk].state == ZERO
    assert (total.total, total.reported, total.not_reported) == (3, 2, 32)
    assert country.completeness.expected == 3321 and country.completeness.submitted == 3
    assert country.to_json()["indicators"]["delegations_out"]["by_unit"] == {"51": 3, "19": 0}


def test_the_json_keys_each_figure_by_ward_code_and_counts_the_states(province, commune_a, commune_b):
    stated(commune_a, "2025", {"delegations_out": 0})
    stated(commune_b, "2025", {"delegations_out": 0}, status=S.CONFIRMED, origin=O.INGESTED)
    data = consolidate(province=province, period="2025").to_json()
    assert data["province"] == {"code": 51, "name": "Quảng Ngãi"}
    assert data["completeness"]["communes"] == len(Unit.objects.filter(province=province, is_active=True))
    assert (data["completeness"]["submitted"], data["completeness"]["accepted"]) == (2, 0)
    out = data["indicators"]["delegations_out"]
    assert (out["total"], out["reported"], out["zero"]) == (0, 2, 2)
    assert out["not_reported"] == data["completeness"]["communes"] - 2
    assert out["by_unit"] == {"21361": 0, "21439": 0}


def test_the_evidence_behind_a_figure_is_the_stored_sentence(province, commune_a):
    report = stated(commune_a, "2026H1", {"delegations_out": 2})
    result = consolidate(province=province, period="2026H1")
    (value,) = reports_behind(consolidation=result, indicator="delegations_out", unit=commune_a)
    assert value.report == report and value.evidence == "Xã Minh Long: delegations_out = 2"


def test_provinces_and_requests_are_found_as_people_write_them(province):
    assert province_lookup("51") == province == province_lookup("Quảng Ngãi") == province_lookup("quang ngai")
    assert province_lookup("Tỉnh Quảng Ngãi") == province
    assert province_lookup("Atlantis") is None and province_lookup("999") is None
    asked = a_request(province, [], number="645/SNgV-HCTH")
    assert request_lookup(province=province, number="645/sngv-hcth ") == asked
    assert request_lookup(province=province, number="1/XX") is None


def test_only_the_province_s_own_people_and_the_ministry_see_its_sums(
    province, other_province, officer_a, province_officer, other_province_officer, ministry_officer, province_leader
):
    assert consolidation_scope(user=province_officer, province=province)
    assert consolidation_scope(user=province_leader, province=province)
    assert not consolidation_scope(user=province_officer, province=other_province)
    assert not consolidation_scope(user=other_province_officer, province=province)
    assert not consolidation_scope(user=officer_a, province=province)
    assert not consolidation_scope(user=province_officer, province=None)
    assert consolidation_scope(user=ministry_officer, province=province)
    assert consolidation_scope(user=ministry_officer, province=None)


def test_a_commune_merged_away_is_not_missing_and_its_reports_count_for_its_successor(
    province, commune_a, commune_b, commune_c
):
    from doingoai.units.services import unit_merge

    stated(commune_c, "2026H1", {"delegations_out": 2, "foreigners_resident": 4})
    stated(commune_a, "2026H1", {"delegations_out": 1, "foreigners_resident": 3})
    unit_merge(source=commune_c, into=commune_a)
    result = consolidate(province=province, period="2026H1")
    assert commune_c.pk not in {u.pk for u in result.units}
    assert commune_c.pk not in {u.pk for u in result.completeness.missing}
    assert result.by_code["delegations_out"].figures[commune_a.pk].value == 3
    assert result.by_code["foreigners_resident"].total == 7
    assert result.completeness.submitted == 1
    with pytest.raises(ValueError):
        unit_merge(source=commune_b, into=commune_b)


def test_the_country_s_figure_of_a_province_is_that_province_s_total_whatever_the_reports_shape(
    province, other_province, commune_a, commune_b, commune_c
):
    """The country sums most communes in the database and the rest (quarters tiling a half-year, a merged
    commune, a report read and one composed for the same period) commune by commune: the two must agree."""
    from doingoai.units.services import unit_merge

    other_commune = Unit.objects.filter(province=other_province).order_by("code").first()
    stated(commune_a, "2026H1", {"delegations_out": 1, "foreigners_resident": 5, "ngo_projects": 0})
    stated(commune_a, "2026H1", {"delegations_out": 9}, origin=O.INGESTED, status=S.CONFIRMED)  # not counted
    stated(commune_b, "2026Q1", {"delegations_out": 2, "foreigners_resident": 3, "ngo_projects": 1})
    stated(commune_b, "2026Q2", {"delegations_out": 4, "foreigners_resident": 6, "ngo_projects": None})
    stated(commune_c, "2026H1", {"delegations_out": 7, "foreigners_resident": 1})
    unit_merge(source=commune_c, into=commune_b)
    stated(other_commune, "2026H1", {"delegations_out": 0, "ngo_projects": 2})
    stated(commune_a, "2025H1", {"delegations_out": 3})
    stated(commune_b, "2025H1", {"delegations_out": 1})

    country = consolidate(province=None, period="2026H1")
    for scope in (province, other_province):
        alone = consolidate(province=scope, period="2026H1")
        for code in ("delegations_out", "foreigners_resident", "ngo_projects"):
            assert country.by_code[code].figures[scope.pk].value == alone.by_code[code].total, (scope, code)
    sums = consolidate(province=province, period="2026H1").by_code
    assert sums["delegations_out"].figures[commune_b.pk].value == 2 + 4 + 7  # quarters, then the merged commune
    assert sums["foreigners_resident"].figures[commune_b.pk].value == 6 + 1  # a stock: the last quarter's
    assert sums["ngo_projects"].figures[commune_b.pk].value is None  # one quarter silent: not reported
    assert sums["delegations_out"].total == 1 + 13 and sums["delegations_out"].previous == 4
    assert country.by_code["delegations_out"].previous == 4
