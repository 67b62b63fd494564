"""Requests for reports: issued by the province, or typed by a commune from the Công văn received."""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from doingoai.lib.periods import Period
from doingoai.people.models import User
from doingoai.reports.models import Outline, Report, ReportRequest
from doingoai.reports.services import ReportError
from doingoai.units.models import Unit

ERROR_DEADLINE = "Hạn gửi không thể trước ngày ban hành văn bản."
ERROR_WINDOW = "Ngày cuối của khoảng số liệu phải sau ngày đầu."
ERROR_NO_COMMUNES = "Hãy chọn ít nhất một xã, phường nhận văn bản."
ERROR_FOREIGN_COMMUNE = "Chỉ gửi được cho các xã, phường của tỉnh mình."
ERROR_CANNOT_REQUEST = "Tài khoản này không nhập được văn bản đề nghị báo cáo."


def requests_visible_to(user: User) -> QuerySet:
    """A province officer sees the province's requests; a commune sees those sent to it or typed by it."""
    requests = ReportRequest.objects.select_related("province", "outline")
    if not user.is_authenticated:
        return requests.none()
    if user.is_commune_user:
        return requests.filter(Q(communes=user.unit) | Q(entered_by_unit=user.unit)).distinct()
    if user.is_province_user:
        return requests.filter(province=user.province, entered_by_unit__isnull=True)
    return requests.none()


def get_request_for_user(user: User, pk: int) -> ReportRequest:
    request = requests_visible_to(user).filter(pk=pk).first()
    if request is None:
        raise Http404("Không tìm thấy văn bản đề nghị báo cáo.")
    return request


def report_request_create(
    *,
    by: User,
    number: str,
    date: dt.date,
    issuer: str,
    subject: str,
    period: Period | str,
    deadline: dt.date,
    window_start: dt.date | None = None,
    window_end: dt.date | None = None,
    outline: Outline | None = None,
    communes: list[Unit] | None = None,
) -> ReportRequest:
    """A request for reports: issued by a province officer to its communes (all, or those chosen),
    or typed by a commune officer from the Công văn received (then it concerns that commune only)."""
    period = Period.parse(period)
    start, end = period.window
    window_start, window_end = window_start or start, window_end or end
    if deadline < date:
        raise ReportError(ERROR_DEADLINE)
    if window_end < window_start:
        raise ReportError(ERROR_WINDOW)
    if by.is_commune_user:
        province, entered_by, targets = by.unit.province_unit, by.unit, [by.unit]
    elif by.is_province_user:
        province, entered_by = by.province, None
        targets = (
            list(communes) if communes is not None else list(Unit.objects.filter(province=province, is_active=True))
        )
        if not targets:
            raise ReportError(ERROR_NO_COMMUNES)
        if any(unit.province_id != province.pk for unit in targets):
            raise ReportError(ERROR_FOREIGN_COMMUNE)
    else:
        raise PermissionDenied(ERROR_CANNOT_REQUEST)
    if outline is not None and outline.province_id not in (None, province.pk):
        outline = None
    with transaction.atomic():
        request = ReportRequest(
            province=province,
            entered_by_unit=entered_by,
            number=number.strip(),
            date=date,
            issuer=issuer.strip(),
            subject=subject.strip(),
            period=period.code,
            window_start=window_start,
            window_end=window_end,
            deadline=deadline,
            outline=outline,
            created_by=by,
        )
        request._history_user = by
        request.save()
        request.communes.set(targets)
    return request


def deadline_phrase(deadline: dt.date, today: dt.date | None = None) -> str:
    """ "còn 5 ngày", "hạn hôm nay", "quá hạn 2 ngày"."""
    days = (deadline - (today or timezone.localdate())).days
    if days > 0:
        return f"còn {days} ngày"
    if days == 0:
        return "hạn hôm nay"
    return f"quá hạn {-days} ngày"


def report_for_request(*, unit: Unit, request: ReportRequest) -> Report | None:
    """The commune's report answering a request: the composed one, else one read from a file."""
    reports = list(Report.objects.filter(unit=unit, period=request.period).order_by("origin"))
    composed = [r for r in reports if r.origin == Report.Origin.COMPOSED]
    return composed[0] if composed else (reports[0] if reports else None)


@dataclass
class CommuneRequest:
    request: ReportRequest
    report: Report | None
    phrase: str  # "còn 5 ngày"
    late: bool
    done: bool  # sent to the province
    reminded_at: dt.datetime | None = None  # the province's last reminder


def requests_for_commune(*, unit: Unit, today: dt.date | None = None, limit: int = 5) -> list[CommuneRequest]:
    """The dashboard's requests: newest deadlines first, with the days left and the report's state."""
    today = today or timezone.localdate()
    requests = (
        ReportRequest.objects.filter(Q(communes=unit) | Q(entered_by_unit=unit))
        .distinct()
        .order_by("-deadline", "-id")[:limit]
    )
    rows = []
    for request in requests:
        report = report_for_request(unit=unit, request=request)
        done = report is not None and report.status in Report.Status.COUNTED
        reminder = None if done else request.reminders.filter(unit=unit).values_list("at", flat=True).first()
        rows.append(
            CommuneRequest(
                request,
                report,
                deadline_phrase(request.deadline, today),
                not done and today > request.deadline,
                done,
                reminder,
            )
        )
    return rows
