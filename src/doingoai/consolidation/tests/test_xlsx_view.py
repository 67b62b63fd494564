"""The Excel download: the button on every consolidation page, the workbook of what the page shows, and its scope.

The workbook's contents are ``consolidation_xlsx``'s (services/exports.py, tested with the CLI and the API);
here a stand-in records what the view hands it, so that these tests hold the view to its part: scope, the same
sums, the file's name. One test opens the real workbook the page downloads.
"""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from doingoai.consolidation.services import exports
from doingoai.reports.models import Report
from doingoai.reports.tests.factories import a_request
from doingoai.testing import client_for

from .factories import stated

pytestmark = pytest.mark.django_db
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def workbooks(monkeypatch):
    """Every consolidation the view asked a workbook for."""
    asked = []

    def consolidation_xlsx(*, consolidation):
        asked.append(consolidation)
        return b"PK\x03\x04 workbook"

    monkeypatch.setattr(exports, "consolidation_xlsx", consolidation_xlsx)
    return asked


def test_the_page_offers_the_download_of_what_it_shows(province, province_officer):
    html = client_for(province_officer).get(reverse("consolidation:province", args=[51]) + "?ky=2025").content.decode()
    assert 'href="/consolidation/51/tong-hop.xlsx?ky=2025"' in html and "Tải bảng tổng hợp (.xlsx)" in html


def test_it_hands_the_workbook_the_same_sums_as_the_page(province, commune_a, commune_b, province_officer, workbooks):
    stated(commune_a, "2026H1", {"delegations_out": 2}, status=Report.Status.ACCEPTED)
    stated(commune_b, "2026H1", {"delegations_out": 5})
    url = reverse("consolidation:province-xlsx", args=[province.code]) + "?ky=2026H1&bao_cao=da-nhan"
    response = client_for(province_officer).get(url)
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    assert response["Content-Disposition"] == 'attachment; filename="tong-hop-quang-ngai-2026h1.xlsx"'
    assert response.content == b"PK\x03\x04 workbook"
    (consolidation,) = workbooks
    assert (consolidation.scope, consolidation.period.code, consolidation.accepted_only) == (province, "2026H1", True)
    assert consolidation.by_code["delegations_out"].total == 2


def test_a_requests_workbook_covers_its_communes(province, commune_a, commune_b, province_officer, workbooks):
    asked = a_request(province, [commune_a], by=province_officer)
    response = client_for(province_officer).get(reverse("consolidation:request-xlsx", args=[asked.pk]))
    assert response.status_code == 200
    assert [u.pk for u in workbooks[0].units] == [commune_a.pk] and workbooks[0].request == asked


def test_the_country_workbook_is_the_ministrys(units, ministry_officer, workbooks):
    response = client_for(ministry_officer).get(reverse("consolidation:country-xlsx") + "?ky=2025")
    assert response.status_code == 200 and workbooks[0].scope is None
    assert 'filename="tong-hop-ca-nuoc-2025.xlsx"' in response["Content-Disposition"]


def test_it_hides_other_provinces_workbooks(province, other_province_officer, officer_a, workbooks):
    for user in (other_province_officer, officer_a):
        assert client_for(user).get(reverse("consolidation:province-xlsx", args=[province.code])).status_code == 404
    assert workbooks == []


def test_an_unknown_period_gets_a_vietnamese_error_not_a_file(province, province_officer, workbooks):
    response = client_for(province_officer).get(reverse("consolidation:province-xlsx", args=[51]) + "?ky=2026H9")
    assert response.status_code == 400 and "Không có kỳ báo cáo «2026H9»" in response.content.decode()
    assert workbooks == []


def test_the_download_is_the_real_workbook_with_a_sheet_per_area(province, commune_a, commune_b, province_officer):
    stated(commune_a, "2026H1", {"delegations_out": 2})
    stated(commune_b, "2026H1", {"delegations_out": 0})
    url = reverse("consolidation:province-xlsx", args=[province.code]) + "?ky=2026H1"
    workbook = load_workbook(io.BytesIO(client_for(province_officer).get(url).content))
    assert any("đoàn ra" in name.lower() for name in workbook.sheetnames)
    cells = [c.value for sheet in workbook for row in sheet.iter_rows() for c in row]
    assert commune_a.name in cells and commune_b.name in cells
