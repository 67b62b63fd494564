"""Small builders for the reports tests: requests, composed reports, a report through its workflow."""

import datetime as dt

from doingoai.reports.compose import report_compose
from doingoai.reports.models import ReportRequest
from doingoai.reports.services.editing import report_section_save
from doingoai.reports.services.workflow import (
    report_approve,
    report_reject,
    report_return,
    report_send,
    report_submit_for_approval,
)


def a_request(province, communes, *, by=None, period="2026H1", deadline=dt.date(2026, 6, 25), outline=None, **extra):
    values = dict(
        province=province,
        number="1070/SNgV-HCTH",
        date=dt.date(2026, 6, 5),
        issuer="Sở Ngoại vụ tỉnh Quảng Ngãi",
        subject="báo cáo công tác đối ngoại 6 tháng đầu năm 2026",
        period=period,
        window_start=dt.date(2025, 12, 15),
        window_end=dt.date(2026, 6, 14),
        deadline=deadline,
        outline=outline,
        created_by=by,
    )
    values.update(extra)
    request = ReportRequest.objects.create(**values)
    request.communes.set(communes)
    return request


def composed(unit, *, period="2026H1", by=None, request=None):
    return report_compose(unit=unit, period=period, request=request, by=by).report


def approved(unit, officer, leader, *, number=None, date=dt.date(2026, 6, 16), period="2026H1"):
    report = composed(unit, by=officer, period=period)
    report_submit_for_approval(report=report, by=officer)
    return report_approve(report=report, by=leader, number=number, date=date)


def submitted(unit, officer, leader, **extra):
    report = approved(unit, officer, leader, **extra)
    return report_send(report=report, by=officer)


def section(report, code):
    return report.sections.get(code=code)


def write(report, code, text, by):
    target = section(report, code)
    return report_section_save(section=target, text=text, version=target.version, by=by)


# The story of a report returned by the province and sent again: what each text is, and who may see it.
NEVER_SENT = "Bản nháp đầu tiên, chưa gửi tỉnh."  # drafted, returned by the leader
FIRST_SENT = "Tình hình an ninh, trật tự trên địa bàn xã ổn định."
BETWEEN_SENDS = "Bản nháp sau khi tỉnh trả lại, chưa gửi."  # drafted after the return, returned by the leader
SECOND_SENT = FIRST_SENT + " Xã bổ sung số liệu đoàn vào theo yêu cầu của Sở."
WRONG_FIGURE = "Trong kỳ, xã đón tiếp 03 đoàn vào."  # the records hold none: a figure warning for the commune
LEADER_COMMENTS = ("Viết lại mục tình hình.", "Chưa nêu đủ.")  # the commune's own
PROVINCE_REASON = "Thiếu số liệu đoàn vào."


def returned_and_resent(unit, officer, leader, receiver):
    """Drafted, returned by the leader, approved and sent; returned by the province; drafted again,
    returned by the leader again, approved and sent a second time (status SUBMITTED)."""
    report = composed(unit, by=officer)
    write(report, "delegations", WRONG_FIGURE, officer)
    write(report, "situation", NEVER_SENT, officer)
    report_submit_for_approval(report=report, by=officer)
    report_return(report=report, by=leader, comment=LEADER_COMMENTS[0])
    write(report, "situation", FIRST_SENT, officer)
    report_submit_for_approval(report=report, by=officer)
    report_approve(report=report, by=leader, date=dt.date(2026, 6, 16))
    report_send(report=report, by=officer)
    report_reject(report=report, by=receiver, reason=PROVINCE_REASON)
    write(report, "situation", BETWEEN_SENDS, officer)
    report_submit_for_approval(report=report, by=officer)
    report_return(report=report, by=leader, comment=LEADER_COMMENTS[1])
    write(report, "situation", SECOND_SENT, officer)
    report_submit_for_approval(report=report, by=officer)
    report_approve(report=report, by=leader, date=dt.date(2026, 6, 18))
    return report_send(report=report, by=officer)
