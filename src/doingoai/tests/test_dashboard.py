import datetime as dt

import pytest

from doingoai.dashboard import dashboard_for_commune
from doingoai.lib.periods import Period
from doingoai.records.tests.factories import delegation, ngo_project
from doingoai.testing import client_for

pytestmark = pytest.mark.django_db


def test_the_dashboard_counts_records_by_area_and_names_the_empty_ones(commune_a):
    delegation(commune_a, start_date=dt.date(2026, 3, 12))
    ngo_project(commune_a)
    board = dashboard_for_commune(unit=commune_a, period=Period.parse("2026H1"))
    counts = {a.record_type.code: a.count for a in board.areas}
    assert counts["delegations"] == 1 and counts["ngo-aid"] == 1 and counts["training"] == 0
    assert len(board.empty_areas) == len(board.areas) - 2


def test_an_empty_period_says_what_to_do_first(commune_a):
    board = dashboard_for_commune(unit=commune_a, period=Period.parse("2026H1"))
    assert board.total == 0 and board.next_url_code == "delegations"
    assert "Chưa có ghi chép nào" in board.next_step


def test_the_commune_home_page_shows_the_period_and_areas(client_a, commune_a):
    delegation(commune_a, start_date=dt.date(2026, 3, 12))
    page = client_a.get("/?ky=2026H1").content.decode()
    assert "Xã Minh Long — 6 tháng đầu năm 2026" in page
    assert "Đoàn ra, đoàn vào" in page and "không phát sinh" in page
    assert "15/12/2025" in page and "14/06/2026" in page


def test_a_wrong_period_in_the_address_falls_back_to_the_current_one(client_a):
    assert client_a.get("/?ky=2026H9").status_code == 200


def test_the_province_officer_sees_the_communes_of_the_province_only(province_officer, officer_a):
    page = client_for(province_officer).get("/").content.decode()
    assert "Tỉnh Quảng Ngãi" in page and "Xã Minh Long" in page
    assert "Xã Trung Hội" not in page


def test_the_ministry_sees_each_province_with_the_report_it_sent_and_never_a_draft(
    ministry_officer, province, other_province, commune_a
):
    from doingoai.consolidation.tests.factories import stated
    from doingoai.reports.models import Report

    sent = stated(province, "2026H1", {"delegations_out": 3}, status=Report.Status.SUBMITTED)
    draft = stated(other_province, "2026H1", {"delegations_out": 1}, status=Report.Status.DRAFT)
    commune_draft = stated(commune_a, "2026H1", {"delegations_out": 1}, status=Report.Status.DRAFT)
    client = client_for(ministry_officer)
    page = client.get("/?ky=2026H1").content.decode()
    assert "1/34</strong> tỉnh, thành phố đã gửi" in page
    assert f"/reports/{sent.pk}/" in page and f"/reports/{draft.pk}/" not in page
    assert client.get(f"/reports/{sent.pk}/").status_code == 200
    assert client.get(f"/reports/{draft.pk}/").status_code == 404
    assert client.get(f"/reports/{commune_draft.pk}/").status_code == 404
    assert "Chưa gửi" in page
