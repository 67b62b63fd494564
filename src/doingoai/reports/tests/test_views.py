import datetime as dt

import pytest
from django.urls import reverse

from doingoai.consolidation.services.requests import ERROR_DEADLINE
from doingoai.records.tests.factories import delegation
from doingoai.reports.forms import ERROR_VERSION
from doingoai.reports.models import Outline, Report, ReportRequest
from doingoai.reports.rendering import ERROR_PDF_MISSING
from doingoai.reports.services.editing import ERROR_CONFLICT, report_section_save
from doingoai.reports.services.workflow import (
    ERROR_ALREADY_PENDING,
    ERROR_COMMENT_REQUIRED,
    ERROR_DATE_FUTURE,
    report_reject,
)
from doingoai.reports.views import APPROVED, COMPOSED, SENT, SUBMITTED
from doingoai.testing import client_for

from .factories import a_request, composed, section, submitted

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def _report_urls(report):
    s = report.sections.exclude(is_group=True).first()
    get = [
        reverse("reports:detail", args=[report.pk]),
        reverse("reports:versions", args=[report.pk]),
        reverse("reports:version", args=[report.pk, 1]),
        reverse("reports:docx", args=[report.pk]),
        reverse("reports:pdf", args=[report.pk]),
    ]
    post = [
        reverse("reports:section", args=[report.pk, s.pk]),
        reverse("reports:section-choose", args=[report.pk, s.pk]),
        reverse("reports:meta", args=[report.pk]),
        reverse("reports:indicator", args=[report.pk]),
        reverse("reports:submit", args=[report.pk]),
        reverse("reports:return", args=[report.pk]),
        reverse("reports:approve", args=[report.pk]),
        reverse("reports:send", args=[report.pk]),
        reverse("reports:version-restore", args=[report.pk, 1]),
    ]
    return get, post


def test_it_hides_other_communes_reports(commune_a, officer_a, officer_b, leader_b):
    report = composed(commune_a, by=officer_a)
    get, post = _report_urls(report)
    for client in (client_for(officer_b), client_for(leader_b)):
        for url in get:
            assert client.get(url).status_code == 404, url
        for url in post:
            assert client.post(url, {"text": "x", "version": 1, "comment": "x"}).status_code == 404, url
    assert Report.objects.get(pk=report.pk).status == Report.Status.DRAFT


def test_province_officers_never_see_drafts(commune_a, officer_a, leader_a, province_client):
    report = composed(commune_a, by=officer_a)
    get, post = _report_urls(report)
    for url in get:
        assert province_client.get(url).status_code == 404, url
    for url in [reverse("reports:accept", args=[report.pk]), reverse("reports:reject", args=[report.pk])]:
        assert province_client.post(url, {"reason": "x"}).status_code == 404
    # The province's list holds its own reports only (its synthesis), never a commune's draft.
    listed = province_client.get(reverse("reports:list"))
    assert listed.status_code == 200 and reverse("reports:detail", args=[report.pk]) not in listed.content.decode()


def test_the_province_sees_a_report_once_sent_and_another_province_never(
    commune_a, officer_a, leader_a, province_client, other_province_officer
):
    report = submitted(commune_a, officer_a, leader_a)
    assert province_client.get(reverse("reports:detail", args=[report.pk])).status_code == 200
    assert province_client.get(reverse("reports:docx", args=[report.pk])).status_code == 200
    other = client_for(other_province_officer)
    for url in (reverse("reports:detail", args=[report.pk]), reverse("reports:docx", args=[report.pk])):
        assert other.get(url).status_code == 404
    assert other.post(reverse("reports:accept", args=[report.pk])).status_code == 404


def test_commune_pages_are_not_for_the_province(province_client, commune_a, officer_a):
    report = composed(commune_a, by=officer_a)
    s = section(report, "situation")
    assert province_client.post(reverse("reports:compose"), {"period": "2026H1"}).status_code == 404
    assert (
        province_client.post(
            reverse("reports:section", args=[report.pk, s.pk]), {"text": "x", "version": 1}
        ).status_code
        == 404
    )


def test_the_officer_composes_and_sees_every_section_drafted(client_a, commune_a):
    delegation(commune_a, start_date=dt.date(2026, 3, 12))
    response = client_a.post(reverse("reports:compose"), {"period": "2026H1"}, follow=True)
    page = response.content.decode()
    assert COMPOSED in page
    assert "III. KẾT QUẢ TRIỂN KHAI CÔNG TÁC ĐỐI NGOẠI 6 THÁNG ĐẦU NĂM 2026" in page
    assert "1. Công tác đoàn ra, đoàn vào" in page and "đón tiếp 01 đoàn vào" in page
    assert "report-editor.js" in page and 'hx-trigger="input changed delay:3s, blur changed, dng-retry"' in page
    assert "Mất kết nối — nội dung vẫn được giữ trên máy này và sẽ tự gửi khi có mạng" in page


def test_a_wrong_period_is_refused_with_the_vietnamese_message(client_a):
    response = client_a.post(reverse("reports:compose"), {"period": "2026H9"}, follow=True)
    assert "Kỳ báo cáo không hợp lệ" in response.content.decode()


def test_autosave_answers_with_the_new_version_and_the_figure_warnings(client_a, commune_a, officer_a):
    delegation(commune_a, start_date=dt.date(2026, 3, 12))
    delegation(commune_a, start_date=dt.date(2026, 4, 12))
    report = composed(commune_a, by=officer_a)
    target = section(report, "delegations")
    url = reverse("reports:section", args=[report.pk, target.pk])
    response = client_a.post(url, {"text": "Trong kỳ, xã đón tiếp 03 đoàn vào.", "version": target.version}, **HTMX)
    page = response.content.decode()
    assert response.status_code == 200 and "Đã lưu lúc" in page
    assert f'value="{target.version + 1}" id="v-{target.pk}" hx-swap-oob="true"' in page
    assert "Nội dung ghi &quot;03 đoàn&quot; nhưng ghi chép trong kỳ cho 02 đoàn" in page


def test_a_stale_version_gets_409_with_both_texts(client_a, commune_a, officer_a):
    report = composed(commune_a, by=officer_a)
    target = section(report, "situation")
    report_section_save(section=target, text="Bản thẻ kia đã lưu.", version=target.version, by=officer_a)
    url = reverse("reports:section", args=[report.pk, target.pk])
    response = client_a.post(url, {"text": "Bản tôi đang gõ.", "version": target.version}, **HTMX)
    page = response.content.decode()
    assert response.status_code == 409
    assert ERROR_CONFLICT in page and "Bản thẻ kia đã lưu." in page and "Bản tôi đang gõ." in page
    assert section(report, "situation").text == "Bản thẻ kia đã lưu."
    plain = client_a.post(url, {"text": "Bản tôi đang gõ.", "version": target.version})
    assert plain.status_code == 409 and "Giữ bản của tôi" in plain.content.decode()


def test_a_save_without_its_version_is_refused(client_a, commune_a, officer_a):
    report = composed(commune_a, by=officer_a)
    target = section(report, "situation")
    response = client_a.post(reverse("reports:section", args=[report.pk, target.pk]), {"text": "x"}, **HTMX)
    assert response.status_code == 400 and ERROR_VERSION in response.content.decode()


def test_without_javascript_a_save_returns_to_the_page(client_a, commune_a, officer_a):
    report = composed(commune_a, by=officer_a)
    target = section(report, "situation")
    response = client_a.post(
        reverse("reports:section", args=[report.pk, target.pk]), {"text": "Lưu bằng nút.", "version": target.version}
    )
    assert response.status_code == 302 and response["Location"].endswith(f"#s-{target.pk}")


def test_the_workflow_through_the_pages(client_a, leader_a_client, province_client, commune_a, officer_a):
    report = composed(commune_a, by=officer_a)
    detail = reverse("reports:detail", args=[report.pk])
    assert SUBMITTED in client_a.post(reverse("reports:submit", args=[report.pk]), follow=True).content.decode()
    assert (
        ERROR_ALREADY_PENDING
        in client_a.post(reverse("reports:submit", args=[report.pk]), follow=True).content.decode()
    )
    page = leader_a_client.get(detail).content.decode()
    assert "Duyệt báo cáo" in page and "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" in page
    assert (
        ERROR_COMMENT_REQUIRED
        in leader_a_client.post(
            reverse("reports:return", args=[report.pk]), {"comment": ""}, follow=True
        ).content.decode()
    )
    assert (
        ERROR_DATE_FUTURE
        in leader_a_client.post(
            reverse("reports:approve", args=[report.pk]), {"date": "30/06/2026"}, follow=True
        ).content.decode()
    )
    page = leader_a_client.post(
        reverse("reports:approve", args=[report.pk]), {"date": "16/06/2026"}, follow=True
    ).content.decode()
    assert APPROVED.format(number="01/BC-UBND", date="16/06/2026") in page
    assert "Số: 01/BC-UBND" in page and "Minh Long, ngày 16 tháng 6 năm 2026" in page
    assert SENT in client_a.post(reverse("reports:send", args=[report.pk]), follow=True).content.decode()
    assert "Nhận báo cáo" in province_client.get(detail).content.decode()
    province_client.post(reverse("reports:accept", args=[report.pk]))
    assert Report.objects.get(pk=report.pk).status == Report.Status.ACCEPTED


def test_the_leader_sees_what_changed_since_he_last_looked(client_a, leader_a_client, commune_a, officer_a):
    report = composed(commune_a, by=officer_a)
    detail = reverse("reports:detail", args=[report.pk])
    leader_a_client.get(detail)
    target = section(report, "situation")
    report_section_save(section=target, text=target.text + " Câu mới thêm.", version=target.version, by=officer_a)
    client_a.post(reverse("reports:submit", args=[report.pk]))
    page = leader_a_client.get(detail).content.decode()
    assert "Thay đổi từ lần anh/chị xem trước" in page and "<ins> Câu mới thêm.</ins>" in page
    assert "<ins> Câu mới thêm.</ins>" in leader_a_client.get(detail).content.decode()  # still there on reload


def test_the_leader_sees_the_figures_next_to_the_records(client_a, leader_a_client, commune_a, officer_a):
    record = delegation(commune_a, start_date=dt.date(2026, 3, 12))
    report = composed(commune_a, by=officer_a)
    client_a.post(reverse("reports:submit", args=[report.pk]))
    page = leader_a_client.get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert "Đoàn vào (nước ngoài)" in page and "1 đoàn" in page
    assert reverse("records:edit", args=["delegations", record.pk]) in page and "12/03/2026" in page


def test_a_proposal_after_recomposing_shows_both_texts_and_can_be_taken(client_a, commune_a, officer_a):
    report = composed(commune_a, by=officer_a)
    target = section(report, "delegations")
    report_section_save(section=target, text="Bản chị Hoa.", version=target.version, by=officer_a)
    delegation(commune_a, start_date=dt.date(2026, 3, 12))
    page = client_a.post(reverse("reports:compose"), {"period": "2026H1"}, follow=True).content.decode()
    assert "Bản soạn mới từ ghi chép" in page and "Bản chị Hoa." in page and "Ghi chép của kỳ" not in page
    client_a.post(reverse("reports:section-choose", args=[report.pk, target.pk]), {"choice": "proposed"})
    assert "đón tiếp 01 đoàn vào" in section(report, "delegations").text


def test_records_changed_after_composing_are_announced(client_a, commune_a, officer_a):
    report = composed(commune_a, by=officer_a)
    delegation(commune_a, start_date=dt.date(2026, 3, 12))
    assert (
        "Ghi chép của kỳ đã thay đổi sau lần soạn trước"
        in client_a.get(reverse("reports:detail", args=[report.pk])).content.decode()
    )


def test_a_version_is_compared_and_restored_from_the_pages(client_a, commune_a, officer_a):
    report = composed(commune_a, by=officer_a)
    target = section(report, "situation")
    report_section_save(section=target, text="Đã viết lại.", version=target.version, by=officer_a)
    page = client_a.get(reverse("reports:version", args=[report.pk, 1])).content.decode()
    assert "<ins>Đã viết lại.</ins>" in page and "Khôi phục phiên bản 1" in page
    client_a.post(reverse("reports:version-restore", args=[report.pk, 1]))
    assert section(report, "situation").text != "Đã viết lại."


def test_the_docx_downloads_and_the_pdf_says_what_to_install_when_libreoffice_is_missing(
    client_a, commune_a, officer_a, monkeypatch
):
    report = composed(commune_a, by=officer_a)
    response = client_a.get(reverse("reports:docx", args=[report.pk]))
    assert (
        response.status_code == 200
        and response["Content-Disposition"] == 'attachment; filename="bao-cao-xa-minh-long-2026H1.docx"'
    )
    monkeypatch.setenv("DOINGOAI_SOFFICE", "/khong/co/soffice")
    page = client_a.get(reverse("reports:pdf", args=[report.pk]), follow=True).content.decode()
    assert ERROR_PDF_MISSING in page


def test_the_commune_dashboard_shows_the_request_with_the_days_left(client_a, commune_a, province):
    a_request(province, [commune_a], deadline=dt.date(2026, 6, 25))
    a_request(province, [commune_a], number="99/SNgV-HCTH", deadline=dt.date(2026, 6, 18))
    page = client_a.get("/").content.decode()
    assert "Công văn số 1070/SNgV-HCTH" in page and "còn 5 ngày" in page and "quá hạn 2 ngày" in page
    assert "Soạn báo cáo" in page


def test_a_commune_composes_for_a_request_and_the_report_carries_it(client_a, commune_a, province):
    request = a_request(province, [commune_a])
    client_a.post(reverse("reports:compose"), {"period": "2026H1", "request": request.pk})
    report = Report.objects.get(unit=commune_a)
    assert report.request == request and "Công văn số 1070/SNgV-HCTH" in report.basis


def test_a_commune_cannot_compose_for_a_request_it_did_not_receive(client_b, commune_a, province):
    request = a_request(province, [commune_a])
    assert client_b.post(reverse("reports:compose"), {"period": "2026H1", "request": request.pk}).status_code == 404


def test_a_commune_officer_types_the_request_received(client_a, commune_a):
    data = {
        "number": "1070/SNgV-HCTH",
        "date": "05/06/2026",
        "issuer": "Sở Ngoại vụ tỉnh Quảng Ngãi",
        "period": "2026H1",
        "deadline": "25/06/2026",
    }
    response = client_a.post(reverse("reports:request-new"), data)
    request = ReportRequest.objects.get()
    assert (
        response.status_code == 302
        and request.entered_by_unit == commune_a
        and list(request.communes.all()) == [commune_a]
    )


def test_the_request_form_shows_vietnamese_errors(province_client):
    data = {
        "number": "1",
        "date": "25/06/2026",
        "issuer": "Sở",
        "period": "2026H1",
        "deadline": "05/06/2026",
        "all_communes": "on",
    }
    page = province_client.post(reverse("reports:request-new"), data).content.decode()
    assert ERROR_DEADLINE in page and not ReportRequest.objects.exists()


def test_the_province_issues_a_request_to_chosen_communes_and_follows_them(
    province_client, commune_a, commune_b, officer_a, leader_a, officer_b
):
    data = {
        "number": "1070/SNgV-HCTH",
        "date": "05/06/2026",
        "issuer": "Sở Ngoại vụ",
        "period": "2026H1",
        "deadline": "18/06/2026",
        "communes": [commune_a.pk, commune_b.pk],
    }
    response = province_client.post(reverse("reports:request-new"), data)
    request = ReportRequest.objects.get()
    assert set(request.communes.all()) == {commune_a, commune_b}
    submitted(commune_a, officer_a, leader_a)
    composed(commune_b, by=officer_b)
    page = province_client.get(response["Location"]).content.decode()
    assert "Đã gửi, chờ tỉnh nhận" in page and "Đang soạn" in page and "quá hạn" in page
    assert "Trần" not in page  # nothing of Đức Phổ's draft shows, only where it stands


def test_the_province_accepts_several_reports_at_once(
    province_client, province, commune_a, commune_b, officer_a, leader_a, officer_b, leader_b
):
    request = a_request(province, [commune_a, commune_b])
    reports = [submitted(commune_a, officer_a, leader_a), submitted(commune_b, officer_b, leader_b)]
    page = province_client.post(
        reverse("reports:request-accept", args=[request.pk]), {"report": [r.pk for r in reports]}, follow=True
    ).content.decode()
    assert "Đã nhận 2 báo cáo." in page
    assert set(Report.objects.values_list("status", flat=True)) == {Report.Status.ACCEPTED}


def test_rendering_the_provinces_reports_follows_its_progress(
    province_client, province, commune_a, officer_a, leader_a, django_capture_on_commit_callbacks
):
    request = a_request(province, [commune_a])
    submitted(commune_a, officer_a, leader_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = province_client.post(reverse("reports:request-render", args=[request.pk]))
    page = province_client.get(response["Location"]).content.decode()
    assert "Xong: 1/1 báo cáo (100%)" in page and "Tải tệp .zip" in page
    assert province_client.get(response["Location"], **HTMX).content.decode().count("hx-trigger") == 0


def test_a_province_defines_its_own_outline(province_client, province):
    page = province_client.get(reverse("reports:outline-new")).content.decode()
    assert "Công tác đoàn ra, đoàn vào" in page
    data = {
        "name": "Đề cương Quảng Ngãi",
        "ngo_annex": "on",
        "r3_use": "on",
        "r3_order": "2",
        "r3_level": "1",
        "r3_heading": "Đoàn ra, đoàn vào",
        "r0_use": "on",
        "r0_order": "1",
        "r0_level": "1",
        "r0_heading": "Tình hình chung",
    }
    province_client.post(reverse("reports:outline-new"), data)
    outline = Outline.objects.get(province=province)
    assert [(i["code"], i["heading"]) for i in outline.items] == [
        ("situation", "Tình hình chung"),
        ("delegations", "Đoàn ra, đoàn vào"),
    ]
    assert outline.ngo_annex


def test_requests_boards_renders_and_outlines_are_scoped(
    client_b,
    province,
    commune_a,
    officer_a,
    leader_a,
    province_officer,
    other_province_officer,
    django_capture_on_commit_callbacks,
):
    from doingoai.reports.rendering import render_job_create

    request = a_request(province, [commune_a])
    submitted(commune_a, officer_a, leader_a)
    with django_capture_on_commit_callbacks(execute=True):
        job = render_job_create(by=province_officer, request=request)
    outline = Outline.objects.create(
        province=province, name="Riêng", items=[{"code": "delegations", "heading": "Đoàn", "level": 1}]
    )
    other = client_for(other_province_officer)
    for client in (client_b, other):
        assert client.get(reverse("reports:request", args=[request.pk])).status_code == 404
        assert client.post(reverse("reports:request-accept", args=[request.pk])).status_code == 404
        assert client.post(reverse("reports:request-render", args=[request.pk])).status_code == 404
        assert client.get(reverse("reports:render-job", args=[job.pk])).status_code == 404
        assert client.get(reverse("reports:render-download", args=[job.pk])).status_code == 404
        assert client.get(reverse("reports:outline", args=[outline.pk])).status_code == 404
    assert "1070/SNgV-HCTH" not in other.get(reverse("reports:requests")).content.decode()
    assert client_for(province_officer).get(reverse("reports:render-download", args=[job.pk])).status_code == 200


def test_a_report_the_province_returned_leaves_its_sight_at_the_first_change(
    client_a, province_client, commune_a, officer_a, leader_a, province_officer
):

    report = report_reject(
        report=submitted(commune_a, officer_a, leader_a), by=province_officer, reason="Thiếu số liệu"
    )
    detail = reverse("reports:detail", args=[report.pk])
    assert province_client.get(detail).status_code == 200
    page = client_a.get(detail).content.decode()
    assert "Tỉnh trả lại" in page and "Thiếu số liệu" in page
    client_a.post(reverse("reports:indicator", args=[report.pk]), {"indicator": "fdi_projects", "value": "0"})
    assert province_client.get(detail).status_code == 404


def test_accepting_returns_to_the_board_but_never_to_another_site(province_client, commune_a, officer_a, leader_a):
    report = submitted(commune_a, officer_a, leader_a)
    board = "/reports/requests/1/"
    assert province_client.post(reverse("reports:accept", args=[report.pk]), {"next": board})["Location"] == board
    second = submitted(commune_a, officer_a, leader_a, period="2025H2", date=dt.date(2026, 1, 5))
    response = province_client.post(
        reverse("reports:reject", args=[second.pk]), {"next": "https://evil.example/", "reason": "Thiếu số liệu"}
    )
    assert response["Location"] == reverse("reports:detail", args=[second.pk])
