from urllib.parse import parse_qs, urlparse

import pytest
from django.db import connections

from doingoai.testing import browser_login, chromium_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_on_a_phone_the_officer_types_sees_live_hits_and_opens_one_with_the_keyboard(live_server, draft_a):
    from playwright.sync_api import sync_playwright

    section = draft_a.sections.get(code="ngo_aid")
    base = live_server.url
    with sync_playwright() as playwright:
        browser, page = chromium_page(playwright)  # 360 px wide
        try:
            browser_login(page, base, "hoa")
            page.get_by_role("link", name="Tìm kiếm").click()

            page.get_by_label("Từ cần tìm").focus()
            page.keyboard.type("vien tro wwf", delay=30)  # no Enter: htmx brings the hits as one types
            page.wait_for_selector("#search-results mark")
            assert "Tìm thấy 1 mục báo cáo" in page.locator("#search-results").inner_text()
            assert parse_qs(urlparse(page.url).query)["q"] == [
                "vien tro wwf"
            ]  # the address follows: back button, sharing
            assert page.evaluate("document.documentElement.scrollWidth") <= 360

            link = page.locator("#search-results h2 a")
            for _ in range(12):
                if page.evaluate("document.activeElement === document.querySelector('#search-results h2 a')"):
                    break
                page.keyboard.press("Tab")
            assert "Viện trợ" in link.inner_text() or "viện trợ" in link.inner_text()
            page.keyboard.press("Enter")
            page.wait_for_url(f"**/reports/{draft_a.pk}/?xem=in#d-{section.pk}")
            assert page.locator(f"#d-{section.pk}").is_visible()
        finally:
            browser.close()
            connections.close_all()  # Playwright's greenlet has its own connection (PostgreSQL teardown)
