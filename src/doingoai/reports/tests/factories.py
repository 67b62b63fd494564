"""Small builders for the reports tests: requests, composed reports, a report through its workflow."""

import datetime as dt

from doingoai.reports.compose import report_compose
from doingoai.reports.models import ReportRequest
from doingoai.reports.services.workflow import report_approve, report_send, report_submit_for_approval


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
