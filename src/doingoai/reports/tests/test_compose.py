import datetime as dt

import pytest

from doingoai.lib.catalogues import INDICATOR_CODES, SECTION_CODES
from doingoai.records import models as rm
from doingoai.records.indicators import (
    indicator_values,
    record_indicators,
    records_behind_indicators,
    records_of_window,
)
from doingoai.records.tests.factories import delegation, ngo_project
from doingoai.reports.compose import ComposeError, evidence_of_records, report_compose
from doingoai.reports.drafting import DRAFTERS, PROSE
from doingoai.reports.models import IndicatorValue, Outline, Report, ReportEvent
from doingoai.reports.outlines import DEFAULT_ITEMS, default_items
from doingoai.reports.services.workflow import report_approve, report_submit_for_approval

from .factories import a_request, composed, section

pytestmark = pytest.mark.django_db


def test_an_empty_period_is_written_with_the_customary_zero_phrasing(commune_a):
    report = composed(commune_a)
    assert section(report, "delegations").text == (
        "Trong 6 tháng đầu năm 2026, trên địa bàn xã không phát sinh đoàn ra, đoàn vào có yếu tố nước ngoài."
    )
    assert "không tổ chức hội nghị, hội thảo quốc tế" in section(report, "international_conferences").text
    assert "không có chương trình, dự án viện trợ phi chính phủ nước ngoài" in section(report, "ngo_aid").text
    assert "không có công dân xuất cảnh trái phép" in section(report, "consular_affairs").text


def test_a_ward_says_phuong_not_xa(commune_b):
    text = section(composed(commune_b), "delegations").text
    assert "trên địa bàn phường không phát sinh đoàn ra, đoàn vào" in text


def test_delegations_are_listed_with_partner_country_dates_and_members(commune_a):
    delegation(commune_a, start_date=dt.date(2026, 3, 12), members_count=4, head="Ông John Miller")
    delegation(commune_a, partner="KOICA", country="KR", start_date=dt.date(2026, 4, 2), members_count=3)
    text = section(composed(commune_a), "delegations").text
    assert "đón tiếp 02 đoàn vào có yếu tố nước ngoài" in text
    assert (
        "- Đoàn vào: ngày 12/03/2026, đoàn Tổ chức Tầm nhìn Thế giới (WVI) (Hoa Kỳ), 04 thành viên, do Ông John Miller làm trưởng đoàn"
        in text
    )
    assert "KOICA (Hàn Quốc)" in text


def test_each_ngo_project_is_listed_with_donor_country_value_and_beneficiaries(commune_a):
    ngo_project(
        commune_a,
        name="Nước sạch cho thôn Gò Chè",
        donor="WVI",
        start_date=dt.date(2026, 2, 20),
        end_date=dt.date(2026, 8, 30),
        cash_value_vnd=850_000_000,
        in_kind_value_vnd=None,
        beneficiaries=1250,
    )
    text = section(composed(commune_a), "ngo_aid").text
    assert "- Nước sạch cho thôn Gò Chè do WVI (Hoa Kỳ) tài trợ" in text
    assert "850.000.000 đồng" in text and "1.250 người hưởng lợi" in text
    assert "Giá trị viện trợ tiếp nhận trong kỳ: 850.000.000 đồng" in text


def test_indicator_values_come_from_the_records_with_explicit_zeros(commune_a):
    delegation(commune_a, start_date=dt.date(2026, 3, 12))
    report = composed(commune_a)
    values = {v.indicator: v for v in report.indicators.all()}
    assert values["delegations_in_foreign"].value == 1
    assert values["delegations_out"].value == 0 and values["conferences_international"].value == 0
    assert all(v.source == IndicatorValue.Source.RECORDS for v in values.values())
    assert {code: v.value for code, v in values.items()} == record_indicators(unit=commune_a, period="2026H1")
    assert "fdi_projects" not in values  # no register for it: "not reported", never a made-up zero


def test_the_composed_figures_and_their_evidence_are_the_records_selector_s(commune_a):
    delegation(commune_a, start_date=dt.date(2026, 3, 12))
    delegation(commune_a, direction="out", start_date=dt.date(2026, 4, 14), country="LA", partner="Huyện Phu Vông")
    ngo_project(commune_a)
    report = composed(commune_a)
    window = (dt.date(2025, 12, 15), dt.date(2026, 6, 14))
    records = records_of_window(unit=commune_a, window=window)
    behind, values = records_behind_indicators(records), indicator_values(records)
    stored = {v.indicator: v for v in report.indicators.all()}
    assert set(stored) == set(behind)
    for code, rows in behind.items():
        assert (stored[code].value, stored[code].evidence) == (values[code], evidence_of_records(rows)), code


def test_the_same_period_last_year_is_compared_when_both_exist(commune_a):
    delegation(commune_a, start_date=dt.date(2025, 3, 1))
    for day in (dt.date(2026, 1, 10), dt.date(2026, 2, 10), dt.date(2026, 3, 10)):
        delegation(commune_a, start_date=day)
    text = section(composed(commune_a), "delegations").text
    assert "tăng 2 đoàn so với cùng kỳ năm 2025" in text


def test_no_comparison_without_last_years_figures(commune_a):
    delegation(commune_a, start_date=dt.date(2026, 3, 10))
    assert "so với cùng kỳ" not in section(composed(commune_a), "delegations").text


def test_last_years_report_is_the_comparison_when_it_states_a_figure(commune_a):
    last_year = composed(commune_a, period="2025H1")
    IndicatorValue.objects.filter(report=last_year, indicator="delegations_in_foreign").update(
        value=3, source="correction"
    )
    delegation(commune_a, start_date=dt.date(2026, 3, 10))
    assert "giảm 2 đoàn so với cùng kỳ năm 2025" in section(composed(commune_a), "delegations").text


def test_the_request_window_decides_which_records_count(commune_a, province):
    delegation(commune_a, partner="Trước kỳ", start_date=dt.date(2026, 1, 5))
    delegation(commune_a, partner="Trong kỳ", start_date=dt.date(2026, 3, 5))
    request = a_request(province, [commune_a], window_start=dt.date(2026, 1, 15), window_end=dt.date(2026, 5, 31))
    report = composed(commune_a, request=request)
    text = section(report, "delegations").text
    assert "Trong kỳ" in text and "Trước kỳ" not in text
    assert report.indicators.get(indicator="delegations_in_foreign").value == 1
    assert report.basis.startswith(
        "Thực hiện Công văn số 1070/SNgV-HCTH ngày 05/06/2026 của Sở Ngoại vụ tỉnh Quảng Ngãi về việc báo cáo"
    )


def test_narrative_sections_start_from_the_last_report_with_its_periods_moved_on(commune_a, officer_a):
    last = composed(commune_a, period="2025H1", by=officer_a)
    last.sections.filter(code="situation").update(text="Trong 6 tháng đầu năm 2025, xã tập trung ổn định bộ máy.")
    last.sections.filter(code="plans").update(text="Phương hướng 6 tháng cuối năm 2025: tiếp tục tuyên truyền.")
    report = composed(commune_a, period="2026H1", by=officer_a)
    situation, plans = section(report, "situation"), section(report, "plans")
    assert (
        situation.text == "Trong 6 tháng đầu năm 2026, xã tập trung ổn định bộ máy."
        and situation.draft_source == "previous"
    )
    assert plans.text == "Phương hướng 6 tháng cuối năm 2026: tiếp tục tuyên truyền."


def test_without_an_earlier_report_the_prose_is_a_neutral_starting_paragraph(commune_a):
    situation = section(composed(commune_a), "situation")
    assert situation.draft_source == "template" and situation.text.startswith(
        "Xã Minh Long là đơn vị hành chính cấp xã thuộc tỉnh Quảng Ngãi."
    )


def test_the_default_outline_has_the_usual_shape():
    levels = [(item["level"], item["code"], item["group"]) for item in DEFAULT_ITEMS]
    top = [code if not group else "group" for level, code, group in levels if level == 1]
    assert top == ["situation", "direction", "group", "group", "plans", "recommendations"]
    results = [code for level, code, _ in levels if level == 2]
    assert results[:3] == ["delegations", "international_agreements", "international_cooperation"]
    assert results[-2:] == ["difficulties", "causes"]
    assert list(DEFAULT_ITEMS) == default_items()


def test_the_report_follows_the_outline_with_periods_in_its_headings(commune_a):
    report = composed(commune_a)
    headings = [s.heading for s in report.sections.all()]
    assert headings[2] == "Kết quả triển khai công tác đối ngoại 6 tháng đầu năm 2026"
    assert "Phương hướng, nhiệm vụ công tác đối ngoại 6 tháng cuối năm 2026" in headings
    assert (
        report.summary
        == "Kết quả công tác đối ngoại 6 tháng đầu năm 2026 và phương hướng, nhiệm vụ 6 tháng cuối năm 2026"
    )
    assert report.recipients == ["Sở Ngoại vụ tỉnh Quảng Ngãi", "CT, các PCT UBND xã", "Lưu: VT"]
    assert report.doc_symbol == "BC-UBND" and report.issued_place == "Minh Long"


def test_border_topics_only_for_border_communes(commune_a):
    assert not composed(commune_a).sections.filter(code="border_affairs").exists()
    commune_a.is_border = True
    commune_a.save()
    assert composed(commune_a, period="2025").sections.filter(code="border_affairs").exists()


def test_a_province_outline_decides_the_sections_and_the_annex(commune_a, province):
    outline = Outline.objects.create(
        province=province,
        name="Ngắn",
        ngo_annex=True,
        items=[
            {"code": "delegations", "heading": "Đoàn ra, đoàn vào", "level": 1},
            {"code": "ngo_aid", "heading": "Viện trợ PCPNN {period}", "level": 1},
        ],
    )
    ngo_project(commune_a)
    report = composed(commune_a, request=a_request(province, [commune_a], outline=outline))
    assert [s.heading for s in report.sections.all()] == ["Đoàn ra, đoàn vào", "Viện trợ PCPNN 6 tháng đầu năm 2026"]
    rows = report.meta["annex"]["rows"]
    assert rows[0]["donor"] == "WVI" and rows[0]["country"] == "Hoa Kỳ" and rows[0]["beneficiaries"] == 1250


def test_every_catalogue_section_has_a_drafter_or_a_starting_paragraph():
    assert set(SECTION_CODES) <= set(DRAFTERS) | set(PROSE)
    assert len(INDICATOR_CODES) == 16


def test_composing_is_an_event_and_a_version(commune_a, officer_a):
    report = composed(commune_a, by=officer_a)
    assert report.events.filter(action=ReportEvent.Action.COMPOSED, by=officer_a).exists()
    assert report.versions.count() == 1 and report.status == Report.Status.DRAFT


def test_a_province_cannot_compose(province):
    with pytest.raises(ComposeError):
        report_compose(unit=province, period="2026H1")


def test_a_pending_report_is_not_recomposed(commune_a, officer_a):
    report = composed(commune_a, by=officer_a)
    report_submit_for_approval(report=report, by=officer_a)
    with pytest.raises(ComposeError):
        composed(commune_a)


def test_records_of_other_types_feed_their_sections(commune_a):
    rm.TrainingAttendance.objects.create(
        unit=commune_a, title="Bồi dưỡng đối ngoại", start_date=dt.date(2026, 3, 3), officials_count=2
    )
    rm.ForeignResidentCount.objects.create(unit=commune_a, as_of_date=dt.date(2026, 6, 1), country="KR", count=14)
    rm.ConsularCase.objects.create(
        unit=commune_a,
        date=dt.date(2026, 2, 14),
        kind="illegal_exit",
        people_count=2,
        country="KH",
        description="Hai công dân xuất cảnh trái phép",
    )
    report = composed(commune_a)
    assert "cử 02 lượt cán bộ, công chức tham dự 01 lớp" in section(report, "training").text
    consular = section(report, "consular_affairs").text
    assert "có 14 người nước ngoài cư trú, làm việc (Hàn Quốc: 14 người)" in consular
    assert "Có 02 công dân xuất cảnh trái phép" in consular
    assert report.indicators.get(indicator="illegal_exit_cases").value == 2


def test_approving_needs_the_draft_first(commune_a, officer_a, leader_a):
    report = composed(commune_a, by=officer_a)
    report_submit_for_approval(report=report, by=officer_a)
    report_approve(report=report, by=leader_a, date=dt.date(2026, 6, 16))
    with pytest.raises(ComposeError):
        composed(commune_a)
