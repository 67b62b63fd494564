"""The whole half-year in one browser, as issue 9 reads it: request → send (composed, and uploaded and
confirmed) → accept → consolidate → Excel → synthesis draft → approve → render → send up → the ministry."""

import datetime as dt
import io

import docx
import pytest
from openpyxl import load_workbook

from doingoai.ingest.tests.conftest import report_text
from doingoai.records.tests.factories import delegation, ngo_project
from doingoai.reports.models import Report
from doingoai.reports.tests.factories import a_request
from doingoai.testing import browser_login, chromium_page

from .test_synthesis import nd30_findings

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _word_file(path, text: bytes) -> None:
    """Phường Đức Phổ still writes its report in Word."""
    document = docx.Document()
    for line in text.decode().splitlines():
        document.add_paragraph(line)
    document.save(path)


def test_a_half_year_from_the_commune_to_the_ministry(
    live_server,
    tmp_path,
    province,
    commune_a,
    commune_b,
    officer_a,
    leader_a,
    province_officer,
    province_leader,
    ministry_officer,
):
    from playwright.sync_api import expect, sync_playwright

    asked = a_request(province, [commune_a, commune_b], by=province_officer, deadline=dt.date(2026, 6, 25))
    delegation(commune_a, start_date=dt.date(2026, 3, 12))
    ngo_project(commune_a, start_date=dt.date(2026, 2, 20), cash_value_vnd=850_000_000, in_kind_value_vnd=None)
    word = tmp_path / "BC doi ngoai 6 thang Duc Pho.docx"
    _word_file(word, report_text(name="Đức Phổ", level="phường", year=2026, period="6 tháng đầu năm 2026"))
    base = live_server.url
    with sync_playwright() as playwright:
        browser, page = chromium_page(playwright)
        try:
            # Xã Minh Long: the report writes itself, the leader approves, one click sends it.
            browser_login(page, base, "hoa")
            page.get_by_role("link", name="Báo cáo", exact=True).click()
            page.get_by_label("Kỳ báo cáo").select_option("2026H1")
            page.get_by_role("button", name="Soạn báo cáo", exact=True).first.click()
            page.wait_for_selector("text=Đã soạn báo cáo từ ghi chép")
            report_a = Report.objects.get(unit=commune_a, period="2026H1", origin=Report.Origin.COMPOSED)
            page.get_by_role("button", name="Gửi lãnh đạo duyệt").click()
            page.wait_for_selector("text=Đã gửi lãnh đạo duyệt.")
            browser_login(page, base, "trung")
            page.goto(f"{base}/reports/{report_a.pk}/")
            page.get_by_role("button", name="Duyệt báo cáo").click()
            page.wait_for_selector("text=Nội dung và số liệu đã được khóa")
            browser_login(page, base, "hoa")
            page.goto(f"{base}/reports/{report_a.pk}/")
            page.get_by_role("button", name="Gửi tỉnh").click()
            page.wait_for_selector("text=Đã gửi báo cáo lên tỉnh")

            # Sở Ngoại vụ: Đức Phổ's Word file read and confirmed; Minh Long's report accepted on the board.
            browser_login(page, base, "lan")
            page.get_by_role("link", name="Đọc báo cáo có sẵn").click()
            page.get_by_label("Tệp báo cáo").set_input_files(str(word))
            page.get_by_role("button", name="Tải lên và đọc").click()
            expect(page.locator("#batch-progress")).to_contain_text("Đã đọc xong: 1/1 tệp")
            page.get_by_role("link", name="Kiểm tra, xác nhận").click()
            page.get_by_role("button", name="Xác nhận số liệu").click()
            expect(page.locator("#report-status")).to_have_text("Đã xác nhận")
            page.goto(f"{base}/reports/requests/{asked.pk}/")
            page.get_by_role("button", name="Nhận", exact=True).click()
            page.wait_for_selector("text=Đã nhận báo cáo")

            # The sums, their Excel, and the province's own report drafted from them.
            page.get_by_role("link", name="Tổng hợp số liệu").click()
            page.wait_for_selector("text=2/2")
            delegations_in = page.locator("#i-delegations_in_foreign")
            expect(delegations_in).to_contain_text("3 đoàn")  # 1 composed + 2 read from the Word file
            with page.expect_download() as download:
                page.get_by_role("link", name="Tải bảng tổng hợp (.xlsx)").click()
            with open(download.value.path(), "rb") as sheet_file:
                workbook = load_workbook(io.BytesIO(sheet_file.read()))
            sheet = workbook["Công tác đoàn ra, đoàn vào"]
            rows = {row[1]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
            assert rows["Tổng cộng"][3] == 3 and rows["Xã Minh Long"][2] == 0  # delegations in; out: a zero
            page.goto(f"{base}/reports/requests/{asked.pk}/")
            page.get_by_role("button", name="Soạn báo cáo tổng hợp").click()
            page.wait_for_selector("text=Đã soạn báo cáo tổng hợp từ 2 báo cáo")
            synthesis = Report.objects.get(unit=province, period="2026H1")
            assert synthesis.indicators.get(indicator="delegations_in_foreign").value == 3
            page.get_by_role("button", name="Gửi lãnh đạo duyệt").click()
            page.wait_for_selector("text=Đã gửi lãnh đạo duyệt")

            # The Giám đốc approves; the officer downloads it in the official layout and sends it up.
            browser_login(page, base, "hung")
            page.goto(f"{base}/reports/{synthesis.pk}/")
            page.get_by_role("button", name="Duyệt báo cáo").click()
            page.wait_for_selector("text=Đã duyệt báo cáo")
            browser_login(page, base, "lan")
            page.goto(f"{base}/reports/{synthesis.pk}/")
            with page.expect_download() as download:
                page.get_by_role("link", name="Tải bản Word (.docx)").click()
            with open(download.value.path(), "rb") as docx_file:
                assert nd30_findings(docx_file.read()) == []
            page.get_by_role("button", name="Gửi Bộ Ngoại giao").click()
            page.wait_for_selector("text=Đã gửi báo cáo lên Bộ Ngoại giao")

            # The ministry: the province's report is there, accepted; the country's sums name the province.
            browser_login(page, base, "bng")
            page.goto(f"{base}/?ky=2026H1")
            expect(page.locator("main")).to_contain_text("1/34")
            page.goto(f"{base}/reports/{synthesis.pk}/")
            page.get_by_role("button", name="Nhận báo cáo").click()
            page.wait_for_selector("text=Đã nhận báo cáo")
            page.goto(f"{base}/consolidation/country/?ky=2026H1")
            expect(page.locator("#i-delegations_in_foreign")).to_contain_text("3 đoàn")
            assert page.goto(f"{base}/consolidation/{province.code}/?ky=2026H1").status == 200
        finally:
            browser.close()
    synthesis.refresh_from_db()
    report_a.refresh_from_db()
    assert (report_a.status, synthesis.status) == (Report.Status.ACCEPTED, Report.Status.ACCEPTED)
    assert synthesis.doc_number and synthesis.signer_title == "Giám đốc"
