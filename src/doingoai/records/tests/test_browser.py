import pytest

from doingoai.records.models import Delegation
from doingoai.testing import browser_login, chromium_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_officer_logs_in_records_a_delegation_and_sees_it_listed(live_server, officer_a):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser, page = chromium_page(playwright)
        try:
            browser_login(page, live_server.url, "hoa")
            assert "Xã Minh Long" in page.content()

            page.get_by_role("link", name="Đoàn ra, đoàn vào").first.click()
            page.get_by_role("link", name="+ Ghi mới").click()
            page.get_by_label("Loại đoàn").select_option("in")
            page.get_by_label("Cơ quan, tổ chức").fill("Tổ chức Tầm nhìn Thế giới (WVI)")
            page.get_by_label("Quốc gia").select_option("US")
            page.get_by_label("Ngày bắt đầu").fill("12/03/2026")
            page.get_by_label("Số thành viên").fill("04")
            page.get_by_label("Mục đích, nội dung làm việc").fill("Khảo sát dự án trường học")
            page.get_by_role("button", name="Lưu").click()

            page.wait_for_selector("#records")
            table = page.locator("#records").inner_text()
            assert "Tổ chức Tầm nhìn Thế giới (WVI)" in table
            assert "12/03/2026" in table and "Hoa Kỳ" in table
            assert "Đã lưu" in page.content()
        finally:
            browser.close()
    assert Delegation.objects.get().members_count == 4
