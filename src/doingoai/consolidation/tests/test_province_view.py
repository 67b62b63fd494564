"""The province's consolidation page: the table by area of work, the period picker and the filter, and its scope."""

import datetime as dt

import pytest
from django.urls import reverse

from doingoai.consolidation.forms import ERROR_UNKNOWN_FILTER, ERROR_UNKNOWN_PERIOD
from doingoai.reports.models import Report
from doingoai.reports.tests.factories import a_request
from doingoai.testing import client_for
from doingoai.units.models import Unit

from .factories import stated

pytestmark = pytest.mark.django_db
S = Report.Status


def _url(province, **query):
    from urllib.parse import urlencode

    base = reverse("consolidation:province", args=[province.code])
    return f"{base}?{urlencode(query)}" if query else base


def _all_urls(province):
    return [
        _url(province, ky="2026H1"),
        reverse("consolidation:province-indicator", args=[province.code, "delegations_out"]) + "?ky=2026H1",
        reverse("consolidation:province-xlsx", args=[province.code]) + "?ky=2026H1",
    ]


def _communes(province) -> int:
    return Unit.objects.filter(province=province, is_active=True).count()


def test_it_sums_each_area_of_work_with_reported_zero_and_silent_counts(
    province, commune_a, commune_b, province_officer
):
    stated(commune_a, "2026H1", {"delegations_out": 2, "ngo_aid_value_vnd": 850_000_000})
    stated(commune_b, "2026H1", {"delegations_out": 0})
    response = client_for(province_officer).get(_url(province, ky="2026H1"))
    assert response.status_code == 200
    page = response.context["page"]
    assert [a.section.code for a in page.areas][:3] == [
        "delegations",
        "international_agreements",
        "international_conferences",
    ]
    assert all(area.rows for area in page.areas)  # only areas that have indicators
    html = response.content.decode()
    n = _communes(province)
    assert "Công tác đoàn ra, đoàn vào" in html
    assert f"1/{n} xã, phường có số liệu, 1 báo cáo không phát sinh, {n - 2} không nêu" in html
    assert "2 đoàn" in html
    assert "850.000.000 đồng" in html
    assert "Chưa có số liệu" in html  # an indicator nobody stated is not a zero


def test_each_total_opens_onto_its_drill_down_with_and_without_javascript(province, commune_a, province_officer):
    stated(commune_a, "2026H1", {"delegations_out": 2})
    html = client_for(province_officer).get(_url(province, ky="2026H1")).content.decode()
    drill = reverse("consolidation:province-indicator", args=[province.code, "delegations_out"]) + "?ky=2026H1"
    assert f'href="{drill}"' in html and f'hx-get="{drill}"' in html
    assert 'hx-target="#drill-delegations"' in html and 'id="drill-delegations"' in html


def test_it_compares_with_the_same_period_of_last_year(province, commune_a, commune_b, province_officer):
    stated(commune_a, "2025H1", {"delegations_in_foreign": 2})
    stated(commune_a, "2026H1", {"delegations_in_foreign": 3, "delegations_out": 1})
    html = client_for(province_officer).get(_url(province, ky="2026H1")).content.decode()
    assert "tăng 1 (+50%) — cùng kỳ: 2 đoàn" in html
    assert "không so sánh được" in html  # delegations_out: nothing last year


def test_the_area_charts_are_svg_drawn_on_the_server(province, commune_a, province_officer):
    stated(commune_a, "2026H1", {"delegations_out": 2})
    html = client_for(province_officer).get(_url(province, ky="2026H1")).content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html and 'id="chart-area-delegations"' in html
    assert "<script" not in html.split("</head>")[1]  # no chart library


def test_accepted_only_leaves_out_what_is_merely_submitted(province, commune_a, commune_b, province_officer):
    stated(commune_a, "2026H1", {"delegations_out": 1}, status=S.ACCEPTED)
    stated(commune_b, "2026H1", {"delegations_out": 2}, status=S.SUBMITTED)
    client = client_for(province_officer)
    both = client.get(_url(province, ky="2026H1")).context["page"]
    only = client.get(_url(province, ky="2026H1", bao_cao="da-nhan")).context["page"]
    assert both.consolidation.by_code["delegations_out"].total == 3
    assert only.consolidation.by_code["delegations_out"].total == 1
    assert (
        "Chỉ tính báo cáo tỉnh đã nhận" in client.get(_url(province, ky="2026H1", bao_cao="da-nhan")).content.decode()
    )


def test_the_period_picker_offers_the_usual_periods_and_keeps_the_one_chosen(province, province_officer):
    response = client_for(province_officer).get(_url(province, ky="2019"))
    html = response.content.decode()
    assert '<option value="2019" selected>Năm 2019</option>' in html
    assert "6 tháng đầu năm" in html


def test_without_a_period_it_takes_the_provinces_latest_request(province, commune_a, province_officer):
    a_request(province, [commune_a], by=province_officer, period="2025")
    page = client_for(province_officer).get(_url(province)).context["page"]
    assert page.selection.period.code == "2025"


def test_an_unknown_period_is_a_clear_vietnamese_error(province, province_officer):
    response = client_for(province_officer).get(_url(province, ky="2026H7"))
    assert response.status_code == 400
    assert ERROR_UNKNOWN_PERIOD.format(value="2026H7") in response.content.decode()
    assert response.context["page"] is None
    response = client_for(province_officer).get(_url(province, ky="abc'<b>"))
    assert response.status_code == 400 and "<b>" not in response.content.decode().split("<main")[1]


def test_an_unknown_filter_is_a_clear_vietnamese_error(province, province_officer):
    response = client_for(province_officer).get(_url(province, ky="2026H1", bao_cao="tat-ca"))
    assert response.status_code == 400
    assert ERROR_UNKNOWN_FILTER in response.content.decode()


def test_it_lists_the_communes_not_counted_yet_and_how_many_are_late(province, commune_a, commune_b, province_officer):
    a_request(province, [commune_a, commune_b], by=province_officer, deadline=dt.date(2020, 1, 1))
    stated(commune_a, "2026H1", {"delegations_out": 1})
    page = client_for(province_officer).get(_url(province, ky="2026H1")).context["page"]
    assert page.completeness.submitted == 1
    assert commune_b in page.completeness.missing and commune_a not in page.completeness.missing
    assert page.completeness.late == len(page.completeness.missing)
    html = client_for(province_officer).get(_url(province, ky="2026H1")).content.decode()
    assert f"{page.completeness.late} quá hạn" in html.replace("<strong>", "").replace("</strong>", "")
    assert commune_b.name in html


def test_it_hides_other_provinces_figures(province, commune_a, other_province_officer):
    stated(commune_a, "2026H1", {"delegations_out": 7})
    client = client_for(other_province_officer)
    for url in _all_urls(province):
        assert client.get(url).status_code == 404, url


def test_a_commune_sees_no_consolidation(province, officer_a, leader_a):
    for user in (officer_a, leader_a):
        client = client_for(user)
        for url in _all_urls(province):
            assert client.get(url).status_code == 404, url


def test_the_provinces_leader_and_the_ministry_see_it(province, commune_a, province_leader, ministry_officer):
    stated(commune_a, "2026H1", {"delegations_out": 2})
    for user in (province_leader, ministry_officer):
        response = client_for(user).get(_url(province, ky="2026H1"))
        assert response.status_code == 200
        assert response.context["page"].consolidation.by_code["delegations_out"].total == 2


def test_the_ministry_goes_back_to_the_country(province, ministry_officer, province_officer):
    back = reverse("consolidation:country")
    assert back in client_for(ministry_officer).get(_url(province, ky="2026H1")).content.decode()
    assert f'href="{back}' not in client_for(province_officer).get(_url(province, ky="2026H1")).content.decode()


def test_an_unknown_province_is_not_found(units, ministry_officer):
    assert client_for(ministry_officer).get(reverse("consolidation:province", args=[999])).status_code == 404


def test_a_visitor_is_sent_to_log_in(province, client):
    response = client.get(_url(province))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_navigation_offers_it_to_the_province_and_not_to_a_commune(province, province_officer, officer_a):
    home = reverse("consolidation:home")
    assert f'href="{home}"' in client_for(province_officer).get(reverse("home")).content.decode()
    assert f'href="{home}"' not in client_for(officer_a).get(reverse("home")).content.decode()
