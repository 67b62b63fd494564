"""The report's way: officer → leader → province."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from doingoai.lib.vn import ERROR_DATE, format_date, parse_date, parse_int
from doingoai.people.models import User
from doingoai.reports.models import (
    NumberRegister,
    Report,
    ReportEvent,
)
from doingoai.reports.services import ReportError
from doingoai.reports.services.access import EDITABLE, require_commune_user, require_leader, require_province_officer
from doingoai.reports.services.versions import report_snapshot
from doingoai.units.models import Unit

ERROR_ALREADY_PENDING = "Báo cáo đã gửi lãnh đạo duyệt và đang chờ: không cần gửi lại."


ERROR_CANNOT_SUBMIT = "Báo cáo đã được duyệt hoặc đã gửi tỉnh: không gửi duyệt lại được."


ERROR_NOT_PENDING = "Báo cáo chưa được gửi lãnh đạo duyệt (hoặc đã được duyệt)."


ERROR_ALREADY_APPROVED = "Báo cáo đã được duyệt rồi."


ERROR_NO_POSITION = "Tài khoản lãnh đạo chưa có chức vụ (Chủ tịch hoặc Phó Chủ tịch): chưa lập được khối chữ ký."


ERROR_COMMENT_REQUIRED = "Hãy ghi một dòng lý do trả lại để cán bộ biết cần sửa gì."


ERROR_REASON_REQUIRED = "Hãy ghi lý do trả lại báo cáo để xã biết cần sửa gì."


ERROR_DATE_FUTURE = "Ngày ban hành không được sau ngày hôm nay."


ERROR_DATE_BEFORE_PERIOD = "Ngày ban hành không thể trước ngày bắt đầu kỳ báo cáo ({date})."


ERROR_NUMBER_INVALID = "Số văn bản không hợp lệ: hãy gõ số thứ tự, ví dụ 05 hoặc 297."


ERROR_NUMBER_TAKEN = "Số {number} năm {year} đã dùng cho một báo cáo khác của đơn vị: hãy kiểm tra lại sổ văn bản."


ERROR_NOT_APPROVED = "Báo cáo chưa được lãnh đạo duyệt: chưa gửi tỉnh được."


ERROR_ALREADY_SENT = "Báo cáo đã được gửi tỉnh rồi."


ERROR_NOT_SUBMITTED = "Báo cáo này không ở trạng thái chờ tỉnh nhận."


def report_event(report: Report, action: str, by: User | None, comment: str = "") -> ReportEvent:
    event = ReportEvent(report=report, action=action, by=by, comment=comment)
    event._history_user = by
    event.save()
    return event


def report_set_status(report: Report, status: str, by: User | None, **fields) -> None:
    report.status = status
    for name, value in fields.items():
        setattr(report, name, value)
    report.version += 1
    report._history_user = by
    report.save()


def report_reopen(report: Report, by: User | None) -> None:
    """A report the province returned becomes a draft again at its first change: the province no longer sees it."""
    if report.status == Report.Status.REJECTED:
        report.status = Report.Status.DRAFT
        report._history_user = by
        report.save(update_fields=["status", "updated_at"])


def report_submit_for_approval(*, report: Report, by: User) -> Report:
    """The officer sends the draft to the leader."""
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        require_commune_user(report, by)
        if report.status == Report.Status.PENDING:
            raise ReportError(ERROR_ALREADY_PENDING)
        if report.status not in EDITABLE or report.origin != Report.Origin.COMPOSED:
            raise ReportError(ERROR_CANNOT_SUBMIT)
        report_set_status(report, Report.Status.PENDING, by)
        report_snapshot(report=report, by=by, note="Gửi lãnh đạo duyệt")
        report_event(report, ReportEvent.Action.SUBMITTED_FOR_APPROVAL, by)
    return report


def report_return(*, report: Report, by: User, comment: str) -> Report:
    """The leader sends the draft back with a one-line reason."""
    comment = " ".join((comment or "").split())[:300]
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        require_leader(report, by)
        if report.status != Report.Status.PENDING:
            raise ReportError(ERROR_NOT_PENDING)
        if not comment:
            raise ReportError(ERROR_COMMENT_REQUIRED)
        report_set_status(report, Report.Status.RETURNED, by)
        report_event(report, ReportEvent.Action.RETURNED, by, comment)
    return report


def signature_of(user: User) -> tuple[str, str]:
    """(authority, title) of the signature block from the leader's position (Nghị định 30, Điều 13.2).

    An UBND decides as a collective: the Chủ tịch signs "TM. ỦY BAN NHÂN DÂN /
    CHỦ TỊCH"; a Phó Chủ tịch signs for him: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH /
    PHÓ CHỦ TỊCH".
    """
    if user.position == User.Position.CHAIR:
        return "TM", "Chủ tịch"
    if user.position == User.Position.VICE_CHAIR:
        return "KT", "Phó Chủ tịch"
    raise ReportError(ERROR_NO_POSITION)


def signature_lines(report: Report) -> list[str]:
    """The authority and position lines the document prints (IN HOA), for the page's preview."""
    lines = ["TM. ỦY BAN NHÂN DÂN"]
    if report.signer_authority == "KT":
        return [*lines, "KT. CHỦ TỊCH", (report.signer_title or "Phó Chủ tịch").upper()]
    return [*lines, (report.signer_title or "Chủ tịch").upper()]


def _typed_number(value) -> int:
    text = str(value).strip().split("/", 1)[0].strip()
    try:
        number = parse_int(text)
    except ValueError:
        raise ReportError(ERROR_NUMBER_INVALID) from None
    if number <= 0:
        raise ReportError(ERROR_NUMBER_INVALID)
    return number


def _number_taken(*, unit: Unit, year: int, number: int, exclude: int) -> bool:
    """A number once issued stays used, even by a report the province returned since."""
    return Report.objects.filter(unit=unit, doc_number=number, issued_date__year=year).exclude(pk=exclude).exists()


def number_register_next(*, unit: Unit, year: int, typed: int | None = None, exclude: int | None = None) -> int:
    """The next number of the unit's register for ``year`` (it restarts each 1 January, Điều 15.1),
    or the number the office's own register gave (``typed``), which moves the register on."""
    register, _ = NumberRegister.objects.get_or_create(unit=unit, year=year)
    register = NumberRegister.objects.select_for_update().get(pk=register.pk)
    if typed is not None:
        if _number_taken(unit=unit, year=year, number=typed, exclude=exclude):
            raise ReportError(ERROR_NUMBER_TAKEN.format(number=f"{typed:02d}", year=year))
        number = typed
    else:
        number = register.last_number + 1
        while _number_taken(unit=unit, year=year, number=number, exclude=exclude):
            number += 1
    if number > register.last_number:
        register.last_number = number
        register.save(update_fields=["last_number"])
    return number


def _issued_date(value, report: Report) -> dt.date:
    if value in (None, ""):
        return timezone.localdate()
    try:
        day = parse_date(value)
    except ValueError:
        raise ReportError(ERROR_DATE) from None
    if day > timezone.localdate():
        raise ReportError(ERROR_DATE_FUTURE)
    period = report.period_obj
    if period and day < period.window[0]:
        raise ReportError(ERROR_DATE_BEFORE_PERIOD.format(date=format_date(period.window[0])))
    return day


def report_approve(*, report: Report, by: User, number=None, date=None) -> Report:
    """The leader approves: signature block from his position, number from the register
    (or typed), date (today or typed), and the report is locked — text and figures frozen."""
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        require_leader(report, by)
        if report.status in Report.LOCKED:
            raise ReportError(ERROR_ALREADY_APPROVED)
        if report.status != Report.Status.PENDING:
            raise ReportError(ERROR_NOT_PENDING)
        authority, title = signature_of(by)
        day = _issued_date(date, report)
        typed = _typed_number(number) if number not in (None, "") else None
        assigned = number_register_next(unit=report.unit, year=day.year, typed=typed, exclude=report.pk)
        report.approve(by=by, number=assigned, symbol=report.doc_symbol or "BC-UBND", date=day)
        report.signer_name = by.full_name or by.username
        report.signer_title = title
        report.signer_authority = authority
        report.version += 1
        report._history_user = by
        report.save()
        report_snapshot(report=report, by=by, note=f"Lãnh đạo duyệt: số {report.number_text}")
        report_event(report, ReportEvent.Action.APPROVED, by, f"Số {report.number_text}, ngày {format_date(day)}")
    return report


def report_send(*, report: Report, by: User) -> Report:
    """One click: the approved report goes to the province."""
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        require_commune_user(report, by)
        if report.status in (Report.Status.SUBMITTED, Report.Status.ACCEPTED):
            raise ReportError(ERROR_ALREADY_SENT)
        if report.status != Report.Status.APPROVED:
            raise ReportError(ERROR_NOT_APPROVED)
        report_set_status(report, Report.Status.SUBMITTED, by, submitted_at=timezone.now())
        report_event(report, ReportEvent.Action.SUBMITTED, by)
    return report


def report_accept(*, report: Report, by: User) -> Report:
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        require_province_officer(report, by)
        if report.status != Report.Status.SUBMITTED:
            raise ReportError(ERROR_NOT_SUBMITTED)
        report_set_status(report, Report.Status.ACCEPTED, by, confirmed_by=by, confirmed_at=timezone.now())
        report_event(report, ReportEvent.Action.ACCEPTED, by)
    return report


def reports_accept(*, reports: list[Report], by: User) -> tuple[list[Report], list[tuple[Report, str]]]:
    """Accept several at once; each refusal comes back with its reason, the others go through."""
    accepted, refused = [], []
    for report in reports:
        try:
            accepted.append(report_accept(report=report, by=by))
        except (ReportError, PermissionDenied) as error:
            refused.append((report, str(error)))
    return accepted, refused


def report_reject(*, report: Report, by: User, reason: str) -> Report:
    reason = " ".join((reason or "").split())[:500]
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        require_province_officer(report, by)
        if report.status != Report.Status.SUBMITTED:
            raise ReportError(ERROR_NOT_SUBMITTED)
        if not reason:
            raise ReportError(ERROR_REASON_REQUIRED)
        report_set_status(report, Report.Status.REJECTED, by)
        report_event(report, ReportEvent.Action.REJECTED, by, reason)
    return report


def report_last_comment(report: Report) -> ReportEvent | None:
    """The latest "returned" or "rejected" event, to show what to fix."""
    return (
        report.events.filter(action__in=[ReportEvent.Action.RETURNED, ReportEvent.Action.REJECTED])
        .order_by("-at", "-id")
        .first()
    )
