"""Chị Lan drafts the province's report in the browser, the Giám đốc approves it, it goes up to the ministry."""

import datetime as dt

import pytest

from doingoai.records.tests.factories import delegation
from doingoai.reports.models import Report
from doingoai.reports.tests.factories import submitted
from doingoai.testing import browser_login, chromium_page

from .test_synthesis import nd30_findings

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_province_drafts_edits_approves_and_sends_up_its_report(
    live_server, province, commune_a, officer_a, leader_a, province_officer, province_leader, ministry_officer
):
    from playwright.sync_api import sync_playwright

    delegation(commune_a, start_date=dt.date(2026, 3, 12))
    submitted(commune_a, officer_a, leader_a, period="2026H1")
    base = live_server.url
    with sync_playwright() as playwright:
        browser, page = chromium_page(playwright)
        try:
            browser_login(page, base, "lan")
            page.get_by_role("link", name="Báo cáo của tỉnh").click()
            page.get_by_label("Kỳ báo cáo").select_option("2026H1")
            page.get_by_role("button", name="Soạn báo cáo tổng hợp").click()
            page.wait_for_selector("text=Đã soạn báo cáo tổng hợp từ 1 báo cáo")
            report = Report.objects.get(unit=province, period="2026H1")
            delegations = report.sections.get(code="delegations")
            box = page.locator(f"#t-{delegations.pk}")
            assert "đón tiếp đoàn vào có yếu tố nước ngoài, tổng số 01 đoàn" in box.input_value()
            box.fill(box.input_value() + "\nSở Ngoại vụ đã hướng dẫn xã Minh Long đón đoàn.")
            box.blur()
            page.wait_for_selector(f"#st-{delegations.pk} .save-ok", timeout=10_000)
            page.get_by_role("button", name="Gửi lãnh đạo duyệt").click()
            page.wait_for_selector("text=Đã gửi lãnh đạo duyệt")

            browser_login(page, base, "hung")
            page.goto(f"{base}/reports/{report.pk}/")
            assert "GIÁM ĐỐC" in page.locator("section.review").first.inner_text()
            page.get_by_role("button", name="Duyệt báo cáo").click()
            page.wait_for_selector("text=Đã duyệt báo cáo")

            browser_login(page, base, "lan")
            page.goto(f"{base}/reports/{report.pk}/")
            page.get_by_role("button", name="Gửi Bộ Ngoại giao").click()
            page.wait_for_selector("text=Đã gửi báo cáo lên Bộ Ngoại giao")
            with page.expect_download() as download:
                page.get_by_role("link", name="Tải bản Word (.docx)").click()
            with open(download.value.path(), "rb") as docx_file:
                assert nd30_findings(docx_file.read()) == []

            browser_login(page, base, "bng")
            page.goto(f"{base}/reports/{report.pk}/")
            page.get_by_role("button", name="Nhận báo cáo").click()
            page.wait_for_selector("text=Đã nhận báo cáo")
        finally:
            browser.close()
    report.refresh_from_db()
    assert report.status == Report.Status.ACCEPTED
    assert "Sở Ngoại vụ đã hướng dẫn" in report.sections.get(code="delegations").text
