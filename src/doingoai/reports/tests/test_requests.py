import datetime as dt
import re

import pytest
from django.core.exceptions import PermissionDenied

from doingoai.consolidation.services.board import request_board
from doingoai.consolidation.services.reminders import request_remind
from doingoai.consolidation.services.requests import (
    ERROR_DEADLINE,
    ERROR_FOREIGN_COMMUNE,
    ERROR_WINDOW,
    deadline_phrase,
    report_request_create,
    requests_for_commune,
    requests_visible_to,
)
from doingoai.reports.models import Outline
from doingoai.reports.outlines import ERROR_OUTLINE_EMPTY, ERROR_OUTLINE_LEVEL, outline_validate
from doingoai.reports.services import ReportError
from doingoai.reports.services.outlines import outline_save
from doingoai.units.models import Unit

from .factories import a_request, composed, submitted

pytestmark = pytest.mark.django_db
D = dt.date


def _create(by, **extra):
    values = dict(
        by=by,
        number="1070/SNgV-HCTH",
        date=D(2026, 6, 5),
        issuer="Sở Ngoại vụ tỉnh Quảng Ngãi",
        subject="",
        period="2026H1",
        deadline=D(2026, 6, 25),
    )
    values.update(extra)
    return report_request_create(**values)


@pytest.mark.parametrize(
    "deadline, phrase",
    [(D(2026, 6, 25), "còn 5 ngày"), (D(2026, 6, 20), "hạn hôm nay"), (D(2026, 6, 18), "quá hạn 2 ngày")],
)
def test_the_deadline_is_counted_in_days(deadline, phrase):
    assert deadline_phrase(deadline, D(2026, 6, 20)) == phrase


def test_a_province_request_goes_to_every_commune_of_the_province_with_the_default_window(province_officer, province):
    request = _create(province_officer)
    assert request.communes.count() == Unit.objects.filter(province=province, is_active=True).count() > 90
    assert request.window == (D(2025, 12, 15), D(2026, 6, 14)) and request.entered_by_unit is None


def test_a_province_request_may_go_to_chosen_communes_only_of_its_province(province_officer, commune_a, units):
    assert list(_create(province_officer, communes=[commune_a]).communes.all()) == [commune_a]
    elsewhere = Unit.objects.exclude(province=commune_a.province).exclude(level="tinh").first()
    with pytest.raises(ReportError, match=re.escape(ERROR_FOREIGN_COMMUNE)):
        _create(province_officer, communes=[elsewhere])


def test_a_commune_types_the_letter_it_received_for_itself_only(officer_a, officer_b, commune_a):
    request = _create(officer_a)
    assert request.entered_by_unit == commune_a and list(request.communes.all()) == [commune_a]
    assert list(requests_visible_to(officer_a)) == [request] and list(requests_visible_to(officer_b)) == []


@pytest.mark.parametrize(
    "extra, message",
    [
        ({"deadline": D(2026, 6, 1)}, ERROR_DEADLINE),
        ({"window_start": D(2026, 6, 1), "window_end": D(2026, 5, 1)}, ERROR_WINDOW),
    ],
)
def test_bad_dates_are_refused_in_vietnamese(province_officer, extra, message):
    with pytest.raises(ReportError, match=re.escape(message)):
        _create(province_officer, **extra)


def test_an_administrator_without_a_province_cannot_issue(commune_a, units):
    from doingoai.people.models import User

    nobody = User.objects.create(username="khong_don_vi", role=User.Role.PROVINCE_OFFICER)
    with pytest.raises(PermissionDenied):
        _create(nobody)


def test_the_board_says_who_has_not_started_who_drafts_who_sent_and_who_is_late(
    province, commune_a, commune_b, officer_a, leader_a, officer_b, units
):
    third = Unit.objects.filter(province=province, level="xa").exclude(pk__in=[commune_a.pk, commune_b.pk]).first()
    request = a_request(province, [commune_a, commune_b, third], deadline=D(2026, 6, 18))
    submitted(commune_a, officer_a, leader_a)
    composed(commune_b, by=officer_b)
    rows = {row.unit: row for row in request_board(request=request, today=D(2026, 6, 20))}
    assert (rows[commune_a].state, rows[commune_a].late, rows[commune_a].report is not None) == (
        "submitted",
        False,
        True,
    )
    assert (rows[commune_b].state, rows[commune_b].late, rows[commune_b].report) == ("drafting", True, None)
    assert (rows[third].label, rows[third].late) == ("Chưa bắt đầu", True)


def test_the_commune_sees_its_requests_newest_deadline_first(province, commune_a, commune_b):
    older = a_request(province, [commune_a], number="1/SNgV", deadline=D(2026, 1, 10), period="2025")
    newer = a_request(province, [commune_a], number="2/SNgV", deadline=D(2026, 6, 25))
    a_request(province, [commune_b], number="3/SNgV")
    rows = requests_for_commune(unit=commune_a, today=D(2026, 6, 20))
    assert [r.request for r in rows] == [newer, older]
    assert rows[0].phrase == "còn 5 ngày" and rows[1].late and not rows[0].done


def test_an_outline_is_validated_and_saved_for_the_province(province_officer, province, officer_a):
    outline = outline_save(
        by=province_officer,
        name="Đề cương",
        ngo_annex=True,
        items=[{"code": "delegations", "heading": " Đoàn  ra ", "level": "2"}],
    )
    assert outline.province == province and outline.items[0]["heading"] == "Đoàn ra" and outline.items[0]["level"] == 2
    with pytest.raises(ValueError, match=re.escape(ERROR_OUTLINE_EMPTY)):
        outline_validate([{"code": "other", "heading": "Nhóm", "level": 1, "group": True}])
    with pytest.raises(ValueError, match=re.escape(ERROR_OUTLINE_LEVEL)):
        outline_validate([{"code": "delegations", "heading": "Đoàn", "level": 5}])
    with pytest.raises(PermissionDenied):
        outline_save(
            by=officer_a, name="x", ngo_annex=False, items=[{"code": "delegations", "heading": "Đoàn", "level": 1}]
        )
    assert Outline.objects.count() == 1


def test_one_click_reminds_every_commune_that_has_not_sent_once_a_day(
    province_officer, province, officer_a, leader_a, commune_a, commune_b
):

    request = a_request(province, [commune_a, commune_b], by=province_officer)
    submitted(commune_a, officer_a, leader_a)
    assert request_remind(request=request, by=province_officer, today=D(2026, 6, 26)) == 1
    assert request_remind(request=request, by=province_officer, today=D(2026, 6, 26)) == 0
    assert list(request.reminders.values_list("unit", flat=True)) == [commune_b.pk]
    row_b = requests_for_commune(unit=commune_b, today=D(2026, 6, 26))[0]
    assert row_b.reminded_at is not None and row_b.late
    assert requests_for_commune(unit=commune_a, today=D(2026, 6, 26))[0].reminded_at is None


def test_the_remind_button_is_for_the_province_only(province_officer, province, commune_a, officer_a):
    from django.urls import reverse

    from doingoai.testing import client_for

    request = a_request(province, [commune_a], by=province_officer)
    url = reverse("reports:request-remind", args=[request.pk])
    page = client_for(province_officer).post(url, follow=True).content.decode()
    assert "Đã nhắc 1 xã" in page
    assert client_for(officer_a).post(url).status_code in (403, 404)
    assert "đã nhắc gửi báo cáo" in client_for(officer_a).get("/").content.decode()
