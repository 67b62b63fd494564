"""A request's consolidation: the communes it went to, its period and deadline; reached from the request board."""

import datetime as dt

import pytest
from django.urls import reverse

from doingoai.reports.models import Report
from doingoai.reports.tests.factories import a_request
from doingoai.testing import client_for

from .factories import stated

pytestmark = pytest.mark.django_db


@pytest.fixture
def asked(province, commune_a, commune_b, province_officer):
    return a_request(province, [commune_a, commune_b], by=province_officer, deadline=dt.date(2020, 6, 25))


def _url(asked, indicator=None):
    if indicator:
        return reverse("consolidation:request-indicator", args=[asked.pk, indicator])
    return reverse("consolidation:request", args=[asked.pk])


def test_the_request_board_links_to_its_sums(asked, province_officer):
    board = client_for(province_officer).get(reverse("reports:request", args=[asked.pk])).content.decode()
    assert f'href="{_url(asked)}"' in board and "Tổng hợp số liệu" in board


def test_it_sums_only_the_communes_the_request_went_to(asked, province, commune_a, commune_b, province_officer):
    stated(commune_a, "2026H1", {"delegations_out": 2})
    stated(commune_b, "2026H1", {"delegations_out": 0})
    response = client_for(province_officer).get(_url(asked))
    assert response.status_code == 200
    html = response.content.decode()
    assert "1/2 xã, phường có số liệu, 1 báo cáo không phát sinh, 0 không nêu" in html
    assert "Công văn số 1070/SNgV-HCTH" in html and "Hạn gửi 25/06/2020" in html
    assert 'name="ky"' not in html  # the request fixes the period


def test_it_lists_who_is_not_counted_and_late_and_links_back_to_the_board(
    asked, commune_a, commune_b, province_officer
):
    stated(commune_a, "2026H1", {"delegations_out": 2})
    response = client_for(province_officer).get(_url(asked))
    page = response.context["page"]
    assert page.completeness.missing == [commune_b] and page.completeness.late == 1
    html = response.content.decode()
    assert "1 xã, phường chưa được tính (1 quá hạn)" in html
    assert f'href="{reverse("reports:request", args=[asked.pk])}"' in html


def test_the_accepted_only_filter_applies_to_a_request(asked, commune_a, commune_b, province_officer):
    stated(commune_a, "2026H1", {"delegations_out": 2}, status=Report.Status.ACCEPTED)
    stated(commune_b, "2026H1", {"delegations_out": 3})
    client = client_for(province_officer)
    assert client.get(_url(asked)).context["page"].consolidation.by_code["delegations_out"].total == 5
    only = client.get(_url(asked) + "?bao_cao=da-nhan").context["page"]
    assert only.consolidation.by_code["delegations_out"].total == 2
    drill = client.get(_url(asked, "delegations_out") + "?bao_cao=da-nhan").context["page"]
    assert [r.unit for r in drill.stated] == [commune_a]


def test_its_drill_down_opens_onto_each_communes_figure(asked, commune_a, province_officer):
    report = stated(commune_a, "2026H1", {"delegations_out": 2})
    page = client_for(province_officer).get(_url(asked, "delegations_out")).context["page"]
    (row,) = page.stated
    assert row.unit == commune_a and row.evidence[0].report_url.startswith(reverse("reports:detail", args=[report.pk]))


def test_it_hides_other_provinces_requests(asked, other_province_officer):
    client = client_for(other_province_officer)
    for url in (_url(asked), _url(asked, "delegations_out"), reverse("consolidation:request-xlsx", args=[asked.pk])):
        assert client.get(url).status_code == 404


def test_a_commune_the_request_went_to_sees_no_sums(asked, officer_a, leader_a):
    for user in (officer_a, leader_a):
        client = client_for(user)
        assert client.get(reverse("reports:request", args=[asked.pk])).status_code == 200  # it sees the request
        for url in (_url(asked), _url(asked, "delegations_out")):
            assert client.get(url).status_code == 404


def test_a_request_a_commune_typed_in_has_no_province_sums(province, commune_a, officer_a, province_officer):
    typed = a_request(province, [commune_a], entered_by_unit=commune_a)
    assert client_for(province_officer).get(_url(typed)).status_code == 404


def test_the_ministry_may_look_at_a_provinces_request(asked, ministry_officer):
    assert client_for(ministry_officer).get(_url(asked)).status_code == 200
