import pytest

from doingoai.ingest.models import Correction
from doingoai.reports.models import Report
from doingoai.testing import browser_login, chromium_page

from .conftest import report_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_province_officer_uploads_reviews_corrects_and_confirms(live_server, province_officer, commune_a, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    word_file = tmp_path / "BC Minh Long 2025.txt"
    word_file.write_bytes(report_text())
    with sync_playwright() as playwright:
        browser, page = chromium_page(playwright)
        try:
            browser_login(page, live_server.url, "lan")

            page.get_by_role("link", name="Đọc báo cáo có sẵn").click()
            expect(page.get_by_text("Tối đa 50 MB mỗi lần tải lên")).to_be_visible()
            page.get_by_label("Tệp báo cáo").set_input_files(str(word_file))
            page.get_by_role("button", name="Tải lên và đọc").click()
            expect(page.locator("#batch-progress")).to_contain_text("Đã đọc xong: 1/1 tệp")
            expect(page.locator("#batch-documents")).to_contain_text("Xã Minh Long, Năm 2025")

            page.get_by_role("link", name="Kiểm tra, xác nhận").click()
            expect(page.locator(".doc-text")).to_contain_text("XÃ MINH LONG")
            expect(page.locator("#ev-delegations_in_foreign")).to_have_text(
                "Trong năm 2025, xã tiếp đón 02 đoàn nước ngoài đến làm việc."
            )
            value = page.locator("#value-delegations_in_foreign")
            expect(value).to_have_value("2")
            value.fill("3")
            value.press("Enter")  # the keyboard alone: htmx swaps the fact in place
            fact = page.locator("#fact-delegations_in_foreign")
            expect(fact).to_contain_text("Đã lưu.")
            expect(fact).to_contain_text("doingoai đọc được: 2")

            page.get_by_role("button", name="Xác nhận số liệu").click()
            expect(page.locator("#report-status")).to_have_text("Đã xác nhận")
            expect(page.get_by_text("Số liệu của báo cáo này từ nay được tính")).to_be_visible()
        finally:
            browser.close()
    report = Report.objects.get(unit=commune_a, period="2025", origin=Report.Origin.INGESTED)
    assert report.status == Report.Status.CONFIRMED and report.counts_for_province
    assert report.indicators.get(indicator="delegations_in_foreign").value == 3
    assert Correction.objects.get().old_value == 2
