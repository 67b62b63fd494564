"""The versions, compare, restore and report pages seen by each person: the commune all of it,
the province only what was sent (everything else a 404), other communes and provinces nothing."""

import datetime as dt

import pytest
from django.urls import reverse

from doingoai.records.tests.factories import delegation
from doingoai.reports.models import Report, ReportEvent
from doingoai.reports.services.workflow import report_reject
from doingoai.testing import client_for

from .factories import (
    BETWEEN_SENDS,
    FIRST_SENT,
    LEADER_COMMENTS,
    NEVER_SENT,
    PROVINCE_REASON,
    returned_and_resent,
    section,
)

pytestmark = pytest.mark.django_db
COMMUNE = ["officer_a", "leader_a"]
STRANGERS = ["officer_b", "other_province_officer"]
NEVER_FOR_THE_PROVINCE = (
    NEVER_SENT,
    BETWEEN_SENDS,
    *LEADER_COMMENTS,
    "Gửi lãnh đạo duyệt",
    "Lãnh đạo duyệt",
    "Tự động lưu",
)


@pytest.fixture
def resent(commune_a, officer_a, leader_a, province_officer):
    return returned_and_resent(commune_a, officer_a, leader_a, province_officer)


@pytest.fixture
def numbers(resent):
    """(every version number, the numbers sent to the province)."""
    every = set(resent.versions.values_list("number", flat=True))
    sent = set(resent.versions.filter(event__action=ReportEvent.Action.SUBMITTED).values_list("number", flat=True))
    assert len(sent) == 2 and every - sent
    return every, sent


def _page(client, name, *args):
    response = client.get(reverse(f"reports:{name}", args=args))
    return response.status_code, response.content.decode()


@pytest.mark.parametrize("who", COMMUNE)
def test_the_commune_sees_every_version_and_every_step(request, who, resent, numbers):
    client = client_for(request.getfixturevalue(who))
    every, sent = numbers
    status, page = _page(client, "versions", resent.pk)
    assert status == 200 and "Các phiên bản đã lưu" in page
    for number in every:
        assert f'href="{reverse("reports:version", args=[resent.pk, number])}"' in page
        assert _page(client, "version", resent.pk, number)[0] == 200
    assert "Gửi tỉnh lần 1" in page and "Gửi tỉnh lần 2" in page
    status, page = _page(client, "detail", resent.pk)
    assert status == 200 and "Gửi lãnh đạo duyệt" in page and LEADER_COMMENTS[0] in page and PROVINCE_REASON in page


def test_the_province_lists_only_the_sends(province_officer, resent, numbers):
    client = client_for(province_officer)
    every, sent = numbers
    status, page = _page(client, "versions", resent.pk)
    assert status == 200 and "Lần gửi 1" in page and "Lần gửi 2" in page
    assert "Tỉnh trả lại (" in page and f"“{PROVINCE_REASON}”" in page
    assert "Chờ tỉnh nhận" in page
    for number in sent:
        assert f'href="{reverse("reports:version", args=[resent.pk, number])}"' in page
    for number in every - sent:
        assert f'href="{reverse("reports:version", args=[resent.pk, number])}"' not in page
    for text in NEVER_FOR_THE_PROVINCE:
        assert text not in page, text


def test_a_version_not_sent_is_a_404_for_the_province(province_officer, resent, numbers):
    client = client_for(province_officer)
    every, sent = numbers
    for number in every - sent:
        assert _page(client, "version", resent.pk, number)[0] == 404, number
    assert _page(client, "version", resent.pk, max(every) + 1)[0] == 404


def test_the_province_compares_the_resend_with_the_send_it_returned(province_officer, resent, numbers):
    client = client_for(province_officer)
    first, second = sorted(numbers[1])
    status, page = _page(client, "version", resent.pk, second)
    assert status == 200 and "Lần gửi 2 so với lần gửi 1" in page and PROVINCE_REASON in page
    assert "<ins> Xã bổ sung số liệu đoàn vào theo yêu cầu của Sở.</ins>" in page
    assert "Khôi phục" not in page
    status, page = _page(client, "version", resent.pk, first)
    assert status == 200 and "lần gửi đầu tiên" in page and FIRST_SENT in page
    for text in NEVER_FOR_THE_PROVINCE:
        assert text not in page, text


def test_the_report_page_shows_the_province_what_the_resend_changed_and_only_the_steps_between_them(
    province_officer, resent
):
    status, page = _page(client_for(province_officer), "detail", resent.pk)
    assert status == 200
    assert (
        "thay đổi so với lần gửi 1" in page and "<ins> Xã bổ sung số liệu đoàn vào theo yêu cầu của Sở.</ins>" in page
    )
    assert "Các lần xã gửi" in page and "Các phiên bản đã lưu" not in page
    events = page.split('id="events-title"')[1]
    assert events.count("Gửi tỉnh") == 2 and events.count("Tỉnh trả lại") == 1 and PROVINCE_REASON in events
    for text in (*NEVER_FOR_THE_PROVINCE, "Soạn từ ghi chép"):
        assert text not in events, text
    for text in LEADER_COMMENTS:
        assert text not in page


@pytest.mark.parametrize("who", STRANGERS)
def test_other_communes_and_provinces_find_nothing(request, who, resent, numbers):
    client = client_for(request.getfixturevalue(who))
    for name in ("detail", "versions"):
        assert _page(client, name, resent.pk)[0] == 404
    for number in numbers[0]:
        assert _page(client, "version", resent.pk, number)[0] == 404
        assert client.post(reverse("reports:version-restore", args=[resent.pk, number])).status_code == 404


def test_the_province_restores_nothing(province_officer, resent, numbers):
    client = client_for(province_officer)
    kept = resent.versions.count()
    for number in numbers[0]:
        assert client.post(reverse("reports:version-restore", args=[resent.pk, number])).status_code == 404
    assert resent.versions.count() == kept
    assert not resent.events.filter(action=ReportEvent.Action.RESTORED).exists()


@pytest.mark.parametrize("who", COMMUNE)
def test_the_commune_restores_a_sent_version_of_a_returned_report(request, who, resent, numbers, province_officer):
    report_reject(report=resent, by=province_officer, reason="Vẫn thiếu")
    person = request.getfixturevalue(who)
    first = min(numbers[1])
    response = client_for(person).post(reverse("reports:version-restore", args=[resent.pk, first]))
    assert response.status_code == 302
    resent.refresh_from_db()
    assert resent.status == Report.Status.DRAFT and section(resent, "situation").text == FIRST_SENT
    # Restoring reopened the report: the province no longer sees it at all.
    assert _page(client_for(province_officer), "detail", resent.pk)[0] == 404


def test_on_a_returned_report_the_figure_warnings_and_the_live_records_are_the_communes(
    officer_a, province_officer, resent, commune_a
):
    report_reject(report=resent, by=province_officer, reason="Vẫn thiếu")
    record = delegation(commune_a, start_date=dt.date(2026, 3, 12))  # a record entered after the report was sent
    link = reverse("records:edit", args=["delegations", record.pk])
    _, page = _page(client_for(officer_a), "detail", resent.pk)
    assert "chỗ số liệu trong bài chưa khớp với ghi chép" in page and "Nội dung ghi &quot;03 đoàn&quot;" in page
    assert link in page
    status, page = _page(client_for(province_officer), "detail", resent.pk)
    assert status == 200 and "chưa khớp với ghi chép" not in page and "Nội dung ghi &quot;03" not in page
    assert link not in page and "Không có ghi chép trong kỳ." in page  # the evidence sent, not the live records
