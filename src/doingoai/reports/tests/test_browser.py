import datetime as dt

import pytest
from django.db import connections

from doingoai.lib.nd30 import check_docx
from doingoai.records.tests.factories import delegation
from doingoai.reports.models import Report
from doingoai.testing import browser_login, chromium_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_officer_composes_edits_offline_and_in_two_tabs_submits_the_leader_approves_and_the_docx_passes(
    live_server, officer_a, leader_a, commune_a, tmp_path
):
    from playwright.sync_api import sync_playwright

    delegation(commune_a, start_date=dt.date(2026, 3, 12))
    delegation(commune_a, partner="KOICA", country="KR", start_date=dt.date(2026, 4, 2))
    base = live_server.url
    with sync_playwright() as playwright:
        browser, page = chromium_page(playwright)
        try:
            browser_login(page, base, "hoa")
            page.get_by_role("link", name="Báo cáo", exact=True).click()
            page.get_by_label("Kỳ báo cáo").select_option("2026H1")
            page.get_by_role("button", name="Soạn báo cáo").click()
            page.wait_for_selector("text=Đã soạn báo cáo từ ghi chép")
            report = Report.objects.get(unit=commune_a, period="2026H1")
            delegations = report.sections.get(code="delegations")
            box = page.locator(f"#t-{delegations.pk}")
            assert "đón tiếp 02 đoàn vào" in box.input_value()

            # A wrong figure: saved after a pause, and the page warns that the records hold two.
            box.fill("Trong 6 tháng đầu năm 2026, UBND xã đón tiếp 03 đoàn vào có yếu tố nước ngoài.")
            page.wait_for_selector(f"#st-{delegations.pk} .save-ok", timeout=10_000)
            page.wait_for_selector(f"#w-{delegations.pk} >> text=ghi chép trong kỳ cho 02 đoàn")
            box.fill("Trong 6 tháng đầu năm 2026, UBND xã đón tiếp 02 đoàn vào có yếu tố nước ngoài.")
            box.blur()
            page.wait_for_function(f"!document.querySelector('#w-{delegations.pk} li')", timeout=10_000)

            # The connection drops while she types: the page says so and keeps the text; it is sent when the line returns.
            situation = report.sections.get(code="situation")
            page.context.set_offline(True)
            page.locator(f"#t-{situation.pk}").fill("Tình hình gõ khi mất mạng.")
            page.locator(f"#t-{situation.pk}").blur()
            page.wait_for_selector("#offline:not([hidden])", timeout=10_000)
            assert "nội dung vẫn được giữ trên máy này" in page.locator("#offline").inner_text()
            kept = page.evaluate(f"localStorage.getItem('dng-r{report.pk}-s{situation.pk}')")
            assert "Tình hình gõ khi mất mạng." in kept
            page.context.set_offline(False)
            page.evaluate("window.dispatchEvent(new Event('online'))")
            page.wait_for_selector(f"#st-{situation.pk} .save-ok", timeout=10_000)
            page.wait_for_selector("#offline[hidden]", state="attached")
            assert report.sections.get(code="situation").text == "Tình hình gõ khi mất mạng."

            # Two tabs on one section: the second save does not overwrite the first; both texts are shown.
            direction = report.sections.get(code="direction")
            second = browser.new_context(
                storage_state=page.context.storage_state(), viewport={"width": 360, "height": 740}
            )
            other = second.new_page()
            other.goto(page.url)
            other.locator(f"#t-{direction.pk}").fill("Bản của thẻ thứ hai.")
            other.locator(f"#t-{direction.pk}").blur()
            other.wait_for_selector(f"#st-{direction.pk} .save-ok", timeout=10_000)
            page.locator(f"#t-{direction.pk}").fill("Bản của thẻ thứ nhất.")
            page.locator(f"#t-{direction.pk}").blur()
            page.wait_for_selector(f"#st-{direction.pk} .conflict", timeout=10_000)
            assert "Bản của thẻ thứ hai." in page.locator(f"#st-{direction.pk}").inner_text()
            assert report.sections.get(code="direction").text == "Bản của thẻ thứ hai."
            page.get_by_role("button", name="Giữ bản của tôi").click()
            page.wait_for_selector(f"#st-{direction.pk} .save-ok", timeout=10_000)
            assert report.sections.get(code="direction").text == "Bản của thẻ thứ nhất."
            second.close()

            page.get_by_role("button", name="Gửi lãnh đạo duyệt").click()
            page.wait_for_selector("text=Đã gửi lãnh đạo duyệt.")
            page.context.clear_cookies()

            browser_login(page, base, "trung")
            page.goto(f"{base}/reports/{report.pk}/")
            assert "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" in page.content()
            page.get_by_role("button", name="Duyệt báo cáo").click()
            page.wait_for_selector("text=Nội dung và số liệu đã được khóa")
            with page.expect_download() as download:
                page.get_by_role("link", name="Tải bản Word (.docx)").click()
            path = tmp_path / "bao-cao.docx"
            download.value.save_as(path)
        finally:
            browser.close()
            # Queries made inside Playwright's greenlet use their own connection: close it, or
            # PostgreSQL keeps a session open and cannot drop the test database.
            connections.close_all()
    report.refresh_from_db()
    assert report.status == Report.Status.APPROVED and report.number_text == "01/BC-UBND"
    assert check_docx(path.read_bytes()) == []


def test_the_province_sees_the_sends_of_a_returned_and_resent_report_and_no_draft(
    live_server, officer_a, leader_a, commune_a, province_officer
):
    from playwright.sync_api import sync_playwright

    from .factories import BETWEEN_SENDS, LEADER_COMMENTS, NEVER_SENT, PROVINCE_REASON, returned_and_resent

    report = returned_and_resent(commune_a, officer_a, leader_a, province_officer)
    sent = set(report.versions.filter(event__action="submitted").values_list("number", flat=True))
    drafts = set(report.versions.values_list("number", flat=True)) - sent
    base = live_server.url
    with sync_playwright() as playwright:
        browser, page = chromium_page(playwright)
        try:
            browser_login(page, base, "lan")
            page.goto(f"{base}/reports/{report.pk}/")
            changes = page.locator("details.changes")
            assert "thay đổi so với lần gửi 1" in changes.inner_text() and PROVINCE_REASON in changes.inner_text()
            assert "Xã bổ sung số liệu đoàn vào" in changes.locator("ins").inner_text()
            events = page.locator("ol.events li").all_inner_texts()
            assert len(events) == 3 and all(("Gửi tỉnh" in e) or ("Tỉnh trả lại" in e) for e in events)

            page.get_by_role("link", name="Các lần xã gửi").click()
            page.wait_for_url(f"{base}/reports/{report.pk}/versions/")
            rows = page.locator("table.versions tbody tr")
            assert rows.count() == 2
            listed = {
                int(href.rstrip("/").rsplit("/", 1)[-1])
                for href in page.locator("table.versions a").evaluate_all("links => links.map(a => a.href)")
            }
            assert listed == sent
            text = page.locator("main").inner_text()
            assert "Lần gửi 2" in text and "Lần gửi 1" in text and "Chờ tỉnh nhận" in text
            for hidden in (NEVER_SENT, BETWEEN_SENDS, *LEADER_COMMENTS, "Gửi lãnh đạo duyệt", "Tự động lưu"):
                assert hidden not in text, hidden

            page.get_by_role("link", name="Lần gửi 2").click()
            page.wait_for_selector("text=Lần gửi 2 so với lần gửi 1")
            assert "Xã bổ sung số liệu đoàn vào" in page.locator("section.history ins").inner_text()
            assert page.get_by_role("button", name="Khôi phục").count() == 0
            for number in drafts:  # a version the commune did not send does not exist for the province
                assert page.goto(f"{base}/reports/{report.pk}/versions/{number}/").status == 404
        finally:
            browser.close()
            connections.close_all()
