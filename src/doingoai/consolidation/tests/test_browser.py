"""Chị Lan on a 360-pixel phone, keyboard only: the province's sums, a total opened in place, the sentence behind it."""

import pytest

from doingoai.ingest.services.placing import document_confirm
from doingoai.ingest.services.uploads import batch_create, batch_run
from doingoai.ingest.tests.conftest import report_text
from doingoai.testing import browser_login, chromium_page

from .factories import stated

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_officer_opens_a_total_onto_the_communes_and_the_sentence_behind_it_at_360_px(
    live_server, province_officer, commune_a, commune_b
):
    from playwright.sync_api import sync_playwright

    batch = batch_run(batch=batch_create(files=[("minh-long.txt", report_text())], by=province_officer))
    document_confirm(document=batch.documents.get(), by=province_officer)
    stated(commune_b, "2025", {"delegations_in_foreign": 0})
    base = live_server.url
    with sync_playwright() as playwright:
        browser, page = chromium_page(playwright)
        try:
            browser_login(page, base, "lan")
            page.get_by_role("link", name="Tổng hợp", exact=True).click()
            page.get_by_label("Kỳ báo cáo").select_option("2025")
            page.get_by_role("button", name="Xem").click()
            page.wait_for_selector("h1 >> text=Tổng hợp số liệu năm 2025")
            assert page.evaluate("document.documentElement.scrollWidth") <= 360  # the tables fold into cards

            # Keyboard only: the total opens in place (htmx) and the focus lands on what opened.
            total = page.locator("#i-delegations_in_foreign a")
            assert "2 đoàn" in total.inner_text()
            total.focus()
            page.keyboard.press("Enter")
            page.wait_for_selector("#drill-delegations h2")
            assert page.evaluate("document.activeElement.id") == "ind-delegations_in_foreign"
            drill = page.locator("#drill-delegations")
            assert "0 (không phát sinh)" in drill.inner_text() and "không nêu" in drill.inner_text()
            assert drill.locator("svg.chart title").first.text_content().startswith("Đoàn vào (nước ngoài) theo xã")
            assert page.evaluate("document.documentElement.scrollWidth") <= 360

            # From the figure to the sentence, highlighted in the document read.
            drill.get_by_role("link", name="Xem câu này trong văn bản gốc").click()
            page.wait_for_url("**/ingest/documents/*/#ev-delegations_in_foreign")
            highlighted = page.locator("mark:target, mark:has(span:target)")
            assert "02 đoàn nước ngoài" in highlighted.inner_text()
        finally:
            browser.close()
