import datetime as dt
import re

import pytest
from django.core.exceptions import PermissionDenied

from doingoai.audit.services import audit_entries
from doingoai.lib.vn import ERROR_DATE
from doingoai.records.tests.factories import delegation
from doingoai.reports.compose import ComposeError
from doingoai.reports.models import NumberRegister, Report, ReportEvent
from doingoai.reports.pages import document_of
from doingoai.reports.rendering import report_render_contract
from doingoai.reports.services import ReportError
from doingoai.reports.services.access import ERROR_LOCKED, ERROR_NOT_LEADER
from doingoai.reports.services.editing import report_section_save
from doingoai.reports.services.workflow import (
    ERROR_ALREADY_APPROVED,
    ERROR_ALREADY_PENDING,
    ERROR_ALREADY_SENT,
    ERROR_COMMENT_REQUIRED,
    ERROR_DATE_BEFORE_PERIOD,
    ERROR_DATE_FUTURE,
    ERROR_NOT_APPROVED,
    ERROR_NOT_PENDING,
    ERROR_NUMBER_INVALID,
    ERROR_NUMBER_TAKEN,
    ERROR_REASON_REQUIRED,
    report_accept,
    report_approve,
    report_reject,
    report_return,
    report_send,
    report_submit_for_approval,
    reports_accept,
)
from doingoai.testing import make_user

from .factories import approved, composed, section, submitted

pytestmark = pytest.mark.django_db


def _pending(unit, officer):
    report = composed(unit, by=officer)
    return report_submit_for_approval(report=report, by=officer)


def test_the_officer_submits_and_a_second_submit_is_refused_in_vietnamese(commune_a, officer_a):
    report = _pending(commune_a, officer_a)
    assert report.status == Report.Status.PENDING
    with pytest.raises(ReportError, match=re.escape(ERROR_ALREADY_PENDING)):
        report_submit_for_approval(report=report, by=officer_a)


def test_approval_takes_the_next_number_of_the_register_with_a_leading_zero(commune_a, officer_a, leader_a):
    NumberRegister.objects.create(unit=commune_a, year=2026, last_number=4)
    report = report_approve(report=_pending(commune_a, officer_a), by=leader_a, date=dt.date(2026, 6, 16))
    assert report.number_text == "05/BC-UBND" and report.doc_number == 5
    assert NumberRegister.objects.get(unit=commune_a, year=2026).last_number == 5
    assert report_render_contract(report)["meta"]["doc_number"] == "05/BC-UBND"


def test_numbers_restart_on_1_january(commune_a, officer_a, leader_a):
    NumberRegister.objects.create(unit=commune_a, year=2025, last_number=296)
    late = approved(commune_a, officer_a, leader_a, period="2025", date=dt.date(2025, 12, 31))
    early = approved(commune_a, officer_a, leader_a, period="2026H1", date=dt.date(2026, 1, 2))
    assert late.number_text == "297/BC-UBND" and early.number_text == "01/BC-UBND"


def test_the_number_the_office_register_gave_may_be_typed(commune_a, officer_a, leader_a):
    report = report_approve(report=_pending(commune_a, officer_a), by=leader_a, number="12", date="16/06/2026")
    assert report.number_text == "12/BC-UBND" and report.issued_date == dt.date(2026, 6, 16)
    assert NumberRegister.objects.get(unit=commune_a, year=2026).last_number == 12
    other = report_approve(report=_pending_other(commune_a, officer_a), by=leader_a, date=dt.date(2026, 6, 17))
    assert other.doc_number == 13


def _pending_other(unit, officer):
    report = composed(unit, by=officer, period="2025")
    return report_submit_for_approval(report=report, by=officer)


def test_a_typed_number_already_used_this_year_is_refused(commune_a, officer_a, leader_a):
    approved(commune_a, officer_a, leader_a, number="07")
    with pytest.raises(ReportError, match=re.escape(ERROR_NUMBER_TAKEN.format(number="07", year=2026))):
        report_approve(
            report=_pending_other(commune_a, officer_a), by=leader_a, number="7/BC-UBND", date=dt.date(2026, 6, 17)
        )


@pytest.mark.parametrize("number", ["abc", "0", "-3"])
def test_a_wrong_number_is_refused(commune_a, officer_a, leader_a, number):
    with pytest.raises(ReportError, match=re.escape(ERROR_NUMBER_INVALID)):
        report_approve(report=_pending(commune_a, officer_a), by=leader_a, number=number)


@pytest.mark.parametrize(
    "date, message",
    [
        ("31/02/2026", ERROR_DATE),
        ("hôm qua", ERROR_DATE),
        (dt.date(2026, 6, 21), ERROR_DATE_FUTURE),
        (dt.date(2025, 12, 1), ERROR_DATE_BEFORE_PERIOD.format(date="15/12/2025")),
    ],
)
def test_a_wrong_date_is_refused_in_vietnamese(commune_a, officer_a, leader_a, date, message):
    report = _pending(commune_a, officer_a)
    with pytest.raises(ReportError) as caught:
        report_approve(report=report, by=leader_a, date=date)
    assert str(caught.value) == message
    report.refresh_from_db()
    assert report.status == Report.Status.PENDING and report.doc_number is None


def test_without_a_date_the_approval_is_dated_today(commune_a, officer_a, leader_a, frozen_today):
    assert report_approve(report=_pending(commune_a, officer_a), by=leader_a).issued_date == frozen_today


def test_a_vice_chairman_signs_for_the_chairman(commune_a, officer_a, leader_a):
    report = approved(commune_a, officer_a, leader_a)
    assert (report.signer_authority, report.signer_title, report.signer_name) == (
        "KT",
        "Phó Chủ tịch",
        "Đinh Văn Trung",
    )
    assert document_of(report).signature == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


def test_the_chairman_signs_for_the_committee(commune_b, officer_b, leader_b):
    report = approved(commune_b, officer_b, leader_b)
    assert (report.signer_authority, report.signer_title, report.signer_name) == ("TM", "Chủ tịch", "Trần Ngọc Sang")
    assert document_of(report).signature == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]


def test_only_a_leader_of_the_commune_approves(commune_a, officer_a, leader_b):
    report = _pending(commune_a, officer_a)
    for someone in (officer_a, leader_b):
        with pytest.raises(PermissionDenied, match=re.escape(ERROR_NOT_LEADER)):
            report_approve(report=report, by=someone)


def test_approving_twice_or_a_draft_is_refused(commune_a, officer_a, leader_a):
    report = approved(commune_a, officer_a, leader_a)
    with pytest.raises(ReportError, match=re.escape(ERROR_ALREADY_APPROVED)):
        report_approve(report=report, by=leader_a)
    draft = composed(commune_a, by=officer_a, period="2025")
    with pytest.raises(ReportError, match=re.escape(ERROR_NOT_PENDING)):
        report_approve(report=draft, by=leader_a)


def test_an_approved_report_is_frozen_whatever_the_records_do_later(commune_a, officer_a, leader_a):
    report = approved(commune_a, officer_a, leader_a)
    text, values = section(report, "delegations").text, {v.indicator: v.value for v in report.indicators.all()}
    delegation(commune_a, start_date=dt.date(2026, 3, 12))
    with pytest.raises(ComposeError):
        composed(commune_a, by=officer_a)
    target = section(report, "delegations")
    with pytest.raises(ReportError, match=re.escape(ERROR_LOCKED)):
        report_section_save(section=target, text="Sửa sau khi duyệt", version=target.version, by=officer_a)
    assert section(report, "delegations").text == text
    assert {v.indicator: v.value for v in report.indicators.all()} == values
    assert report_render_contract(report)["sections"][3]["text"] == text


def test_the_leader_returns_with_a_one_line_reason(commune_a, officer_a, leader_a):
    report = _pending(commune_a, officer_a)
    with pytest.raises(ReportError, match=re.escape(ERROR_COMMENT_REQUIRED)):
        report_return(report=report, by=leader_a, comment="   ")
    report = report_return(report=report, by=leader_a, comment="Sửa lại\nsố đoàn vào")
    assert report.status == Report.Status.RETURNED
    assert report.events.get(action=ReportEvent.Action.RETURNED).comment == "Sửa lại số đoàn vào"
    target = section(report, "delegations")
    report_section_save(section=target, text="Đã sửa.", version=target.version, by=officer_a)
    assert report_submit_for_approval(report=report, by=officer_a).status == Report.Status.PENDING


def test_only_an_approved_report_goes_to_the_province_and_only_once(commune_a, officer_a, leader_a):
    with pytest.raises(ReportError, match=re.escape(ERROR_NOT_APPROVED)):
        report_send(report=composed(commune_a, by=officer_a, period="2025"), by=officer_a)
    report = report_send(report=approved(commune_a, officer_a, leader_a), by=officer_a)
    assert report.status == Report.Status.SUBMITTED and report.submitted_at is not None
    with pytest.raises(ReportError, match=re.escape(ERROR_ALREADY_SENT)):
        report_send(report=report, by=officer_a)


def test_the_province_accepts_or_returns_with_a_reason(
    commune_a, commune_b, officer_a, leader_a, officer_b, leader_b, province_officer
):
    first = submitted(commune_a, officer_a, leader_a)
    second = submitted(commune_b, officer_b, leader_b)
    assert report_accept(report=first, by=province_officer).status == Report.Status.ACCEPTED
    with pytest.raises(ReportError, match=re.escape(ERROR_REASON_REQUIRED)):
        report_reject(report=second, by=province_officer, reason="")
    returned = report_reject(report=second, by=province_officer, reason="Thiếu số liệu viện trợ")
    assert returned.status == Report.Status.REJECTED
    target = section(returned, "situation")
    report_section_save(section=target, text="Bổ sung.", version=target.version, by=officer_b)
    returned.refresh_from_db()
    assert returned.status == Report.Status.DRAFT  # being fixed: the province no longer sees it


def test_the_province_accepts_several_at_once_and_hears_about_the_others(
    commune_a, commune_b, officer_a, leader_a, officer_b, province_officer
):
    ready = submitted(commune_a, officer_a, leader_a)
    draft = composed(commune_b, by=officer_b)
    accepted, refused = reports_accept(reports=[ready, draft], by=province_officer)
    assert [r.pk for r in accepted] == [ready.pk] and refused[0][0].pk == draft.pk


def test_another_province_cannot_accept(commune_a, officer_a, leader_a, other_province_officer):
    with pytest.raises(PermissionDenied):
        report_accept(report=submitted(commune_a, officer_a, leader_a), by=other_province_officer)


def test_every_workflow_step_is_an_event_and_in_the_audit_log(commune_a, officer_a, leader_a, province_officer):
    report = submitted(commune_a, officer_a, leader_a)
    report_accept(report=report, by=province_officer)
    actions = list(report.events.values_list("action", flat=True))
    assert actions == ["composed", "to_leader", "approved", "submitted", "accepted"]
    kinds = {entry.kind for entry in audit_entries(user=leader_a, limit=200)}
    assert {"Xử lý báo cáo", "Báo cáo", "Mục báo cáo"} <= kinds


def test_a_leader_without_a_position_cannot_sign(commune_a, officer_a):
    leader = make_user("khong_chuc_vu", commune_a, "commune_leader", full_name="Lê Văn A")
    with pytest.raises(ReportError):
        report_approve(report=_pending(commune_a, officer_a), by=leader)
